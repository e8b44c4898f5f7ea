import Foundation

/// Runs long synchronous work (a build) on a thread of its own.
///
/// Swift's cooperative thread pool has one thread per core and is shared with everything
/// `async` in the process, the preview server's request handlers included: a build that
/// blocked it would stall every request for its whole duration. A dedicated thread keeps the
/// pool free; its large stack also leaves room for deep but bounded recursion in libraries.
public enum WorkThread {
    /// The stack size of a work thread.
    public static let stackSize = 64 << 20

    /// Runs `work` on a new thread and returns its result to the awaiting task.
    public static func run<Result: Sendable>(
        _ work: @escaping @Sendable () throws -> Result
    ) async throws -> Result {
        try await withCheckedThrowingContinuation { continuation in
            let thread = Thread {
                do {
                    continuation.resume(returning: try work())
                } catch {
                    continuation.resume(throwing: error)
                }
            }
            thread.stackSize = stackSize
            thread.name = "lede-build"
            thread.start()
        }
    }
}
