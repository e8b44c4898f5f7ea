import LedeCore

/// The path the preview serves the site under, which may change while it runs: when the author
/// edits `base_url` in `Content/_site.yaml`, the CLI rebuilds with the new path and moves the
/// preview there, so that the preview keeps the published URLs.
///
/// A request under a path the site was served under before is redirected to the same page
/// under the current one, so that an open page follows the move when it reloads.
public final class PreviewBasePath: Sendable {
    private struct State {
        var current: SitePrefix
        var former: [SitePrefix] = []
    }

    private let state: Locked<State>

    /// Starts at `basePath` (`/explainers/x/`, or `/`).
    public init(_ basePath: String = "/") {
        state = Locked(State(current: SitePrefix(basePath: basePath)))
    }

    /// The current path, re-encoded, with its trailing slash.
    public var current: String { state.withLock { $0.current.url } }

    /// Serves the site under `basePath` from now on; requests under the paths before it are
    /// redirected there.
    /// - Parameter basePath: The new path (`/news/x/`).
    public func move(to basePath: String) {
        let next = SitePrefix(basePath: basePath)
        state.withLock { state in
            guard next != state.current else { return }
            state.former.removeAll { $0 == next || $0 == state.current }
            state.former.append(state.current)
            state.current = next
        }
    }

    /// The current prefix, and the former ones, newest first.
    var prefixes: (current: SitePrefix, former: [SitePrefix]) {
        state.withLock { ($0.current, $0.former.reversed()) }
    }
}
