import Foundation

/// A value shared between tasks and threads, reachable only while its lock is held.
///
/// A class so it can be captured by `@Sendable` closures. The lock is a pthread mutex
/// (`NSLock`), not `Synchronization.Mutex`: ThreadSanitizer intercepts pthread locks, but not
/// the futex calls of the uninstrumented standard library, so with `Mutex` it reported accesses
/// made under the lock as races (`make tsan`, `PageCache.store`).
public final class Locked<Value: ~Copyable>: @unchecked Sendable {
    // Safety: `value` is read and written only inside `withLock`, between `lock.lock()` and
    // `lock.unlock()`, so no two threads ever touch it at once.
    private let lock = NSLock()
    private var value: Value

    /// Creates the box with its first value.
    public init(_ value: consuming sending Value) {
        self.value = value
    }

    /// Runs `body` with the value while holding the lock.
    public func withLock<Result: ~Copyable, E: Error>(
        _ body: (inout sending Value) throws(E) -> sending Result
    ) throws(E) -> sending Result {
        lock.lock()
        defer { lock.unlock() }
        return try body(&value)
    }
}
