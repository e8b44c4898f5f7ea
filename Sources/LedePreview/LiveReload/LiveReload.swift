internal import Foundation
internal import LedeCore

/// Live-reload state shared by the server and the rebuild loop.
///
/// The server never decides on its own that the site changed: only the rebuild loop calls
/// ``siteRebuilt(changedPaths:)``, after the new `Output/` is in place, so a browser is never
/// told to reload while files are half written.
public final class LiveReload: Sendable {
    /// One connected browser: the stream its `/__lede/events` response reads.
    typealias Subscriber = AsyncStream<ServerSentEvent>.Continuation

    struct State: ~Copyable {
        var subscribers: [Int: Subscriber] = [:]
        var nextID = 0
        /// The lines of the last failed build, until the next successful one.
        var errorLines: [String]?
        /// The warnings of the last successful build (a revised seed's moved and changed
        /// citations, broken links): every page loaded since shows them.
        var warningLines: [String] = []
    }

    private let state = Locked(State())

    /// Creates the state with no browser connected and no error.
    public init() {}

    /// The site was rebuilt completely (called only after the new Output/ is in place): tells
    /// every connected browser to reload ("reload" event), or, when `changedPaths` are all .css
    /// files, to swap stylesheets ("css" event). Clears any error.
    ///
    /// - Parameter changedPaths: The paths that changed, for choosing between a full reload and
    ///   a stylesheet swap; empty means "anything may have changed" and always reloads.
    ///
    /// - Parameter warnings: The build's warnings, one per line as printed in the terminal:
    ///   every page shows them in a panel it can dismiss ("warnings" event), a page loaded later
    ///   included, until a build has none.
    public func siteRebuilt(changedPaths: [String] = [], warnings: [String] = []) {
        let onlyStylesheets =
            !changedPaths.isEmpty
            && changedPaths.allSatisfy { $0.lowercased().hasSuffix(".css") }
        let event = ServerSentEvent(name: onlyStylesheets ? "css" : "reload", lines: changedPaths)
        broadcast(event) { state in
            state.errorLines = nil
            state.warningLines = warnings
        }
        // A page that swaps its stylesheets is not reloaded: it needs the warnings now. A page
        // that reloads gets them when it connects again.
        if onlyStylesheets { broadcast(ServerSentEvent(name: "warnings", lines: warnings)) { _ in } }
    }

    /// The build failed: every connected browser shows an overlay with these compiler-style
    /// lines; pages loaded while in this state show it too.
    ///
    /// - Parameter lines: The diagnostics, one per line, as printed in the terminal.
    public func buildFailed(_ lines: [String]) {
        broadcast(ServerSentEvent(name: "error", lines: lines)) { $0.errorLines = lines }
    }

    /// Registers a browser; the stream starts with the error event when the last build failed,
    /// so a page loaded (or reloaded) in that state shows the overlay at once, or with the
    /// warnings event when the last build succeeded with warnings.
    func subscribe() -> (id: Int, events: AsyncStream<ServerSentEvent>) {
        let (stream, continuation) = AsyncStream.makeStream(
            of: ServerSentEvent.self, bufferingPolicy: .bufferingNewest(64))
        // Registering and reading the error in one critical section: a build failing in
        // between would otherwise be missed or sent twice.
        let id = state.withLock { state in
            let id = state.nextID
            state.nextID += 1
            state.subscribers[id] = continuation
            if let lines = state.errorLines {
                continuation.yield(ServerSentEvent(name: "error", lines: lines))
            } else if !state.warningLines.isEmpty {
                continuation.yield(ServerSentEvent(name: "warnings", lines: state.warningLines))
            }
            return id
        }
        return (id, stream)
    }

    /// Sends an event to one browser only (the heartbeat).
    func send(_ event: ServerSentEvent, to id: Int) {
        state.withLock { state in _ = state.subscribers[id]?.yield(event) }
    }

    /// Forgets a browser whose connection ended.
    func unsubscribe(_ id: Int) {
        let continuation = state.withLock { state in state.subscribers.removeValue(forKey: id) }
        continuation?.finish()
    }

    /// How many browsers are connected (for tests and the CLI's status line).
    var subscriberCount: Int {
        state.withLock { state in state.subscribers.count }
    }

    private func broadcast(_ event: ServerSentEvent, updating update: (inout State) -> Void) {
        state.withLock { state in
            update(&state)
            for continuation in state.subscribers.values { continuation.yield(event) }
        }
    }
}
