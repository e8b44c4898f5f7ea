/// A problem that keeps the preview from starting: the server or the file watcher.
public struct PreviewError: Error, Sendable, CustomStringConvertible {
    /// What went wrong.
    public enum Reason: Sendable, Equatable {
        /// The kernel refused to create an inotify instance (too many instances, or a
        /// system without inotify: pass `usePolling: true`).
        case inotifyUnavailable(message: String)
        /// A folder or file asked for cannot be watched: it, or its parent folder, does
        /// not exist, or the kernel's watch limit (`max_user_watches`) is reached.
        case cannotWatch(path: String, message: String)
        /// The wake-up pipe used to stop the watcher thread could not be created.
        case cannotCreatePipe(message: String)
        /// A port outside ``PreviewServer/validPorts``, or not a number; as written.
        case invalidPort(String)
        /// Another socket listens on the port (another `lede serve`).
        case portInUse(host: String, port: Int)
    }

    /// What went wrong.
    public var reason: Reason

    /// Creates an error.
    public init(_ reason: Reason) {
        self.reason = reason
    }

    /// One line, `lede: error: …` style without the prefix.
    public var description: String {
        switch reason {
        case .inotifyUnavailable(let message):
            "cannot watch files: inotify is unavailable (\(message)); try polling"
        case .cannotWatch(let path, let message):
            "cannot watch '\(path)': \(message)"
        case .cannotCreatePipe(let message):
            "cannot start the file watcher: \(message)"
        case .invalidPort(let text):
            "invalid port '\(text)': \(PreviewServer.validPortsAdvice)"
        case .portInUse(let host, let port):
            "port \(port) on \(host) is in use (another lede serve?): choose another with --port, or --port 0 for any free port"
        }
    }
}
