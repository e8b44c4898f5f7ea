import Synchronization

/// A value shared between tasks and threads, reachable only while its lock is held.
///
/// A class around `Mutex` so it can be captured by `@Sendable` closures.
public final class Locked<Value: ~Copyable>: Sendable {
    private let mutex: Mutex<Value>

    /// Creates the box with its first value.
    public init(_ value: consuming sending Value) {
        mutex = Mutex(value)
    }

    /// Runs `body` with the value while holding the lock.
    public func withLock<Result: ~Copyable, E: Error>(
        _ body: (inout sending Value) throws(E) -> sending Result
    ) throws(E) -> sending Result {
        try mutex.withLock(body)
    }
}
