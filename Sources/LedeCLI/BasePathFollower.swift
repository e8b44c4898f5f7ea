import Foundation
import LedeCore

/// Follows edits of `base_url`'s path while `lede serve` runs: before each rebuild it reads the
/// config, and when the path changed the CLI builds with a new builder for the new path (every
/// page's links change); once that build succeeds, the preview moves to the new path.
final class BasePathFollower: Sendable {
    private struct State {
        /// The path the current builder builds for.
        var building: String
        /// The path the preview serves.
        var serving: String
    }

    private let siteRoot: URL
    private let state: Locked<State>

    /// - Parameters:
    ///   - siteRoot: The site folder.
    ///   - path: The path the first build is for, and the preview serves.
    init(siteRoot: URL, path: String) {
        self.siteRoot = siteRoot
        state = Locked(State(building: path, serving: path))
    }

    /// Before a build: the config's new path, when it is not the one the builder builds for;
    /// `nil` when it is, or when the config cannot be read.
    func changedPath() -> String? {
        guard let path = ServeCommand.configBasePath(siteRoot: siteRoot) else { return nil }
        return state.withLock { state in
            guard path != state.building else { return nil }
            state.building = path
            return path
        }
    }

    /// After a successful build: the path served until now and the one the build was for, when
    /// they differ (the preview must move); `nil` otherwise.
    func built() -> (old: String, new: String)? {
        state.withLock { state in
            guard state.serving != state.building else { return nil }
            defer { state.serving = state.building }
            return (state.serving, state.building)
        }
    }
}
