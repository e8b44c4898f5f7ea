import Foundation
import LedeBuilder
import LedeCore

/// Runs builds one at a time: a change that arrives during a build causes exactly one more
/// build after it, never two builds at once and never a lost change.
actor RebuildLoop {
    private var builder: SiteBuilder
    private let replacement: @Sendable () -> SiteBuilder?
    private let report: @Sendable (Result<BuildSummary, DiagnosticError>) -> Void
    private var running = false
    private var pending = false
    /// The files changed since the last build started (absolute paths), or `nil` when a change
    /// without its paths arrived: the next build is then a whole one.
    private var changed: Set<String>? = []

    /// - Parameters:
    ///   - builder: An incremental builder.
    ///   - replacement: Called before each build: a builder to use from then on (the preview's
    ///     `base_url` path changed), or `nil` to keep the one there is.
    ///   - report: Called after each build, on success or failure.
    init(
        builder: SiteBuilder, replacement: @escaping @Sendable () -> SiteBuilder? = { nil },
        report: @escaping @Sendable (Result<BuildSummary, DiagnosticError>) -> Void
    ) {
        self.builder = builder
        self.replacement = replacement
        self.report = report
    }

    /// Builds now and waits for the result; a change that arrived meanwhile (the watcher is
    /// started first, so that a save during a long first build is not lost) causes one more
    /// build after it, which this does not wait for.
    func buildNow() async {
        running = true
        pending = false
        report(await buildOnce())
        if pending {
            Task { await drain() }
        } else {
            running = false
        }
    }

    /// Asks for a build; returns at once.
    /// - Parameter paths: The files that changed (absolute), or `nil` when not known.
    func trigger(paths: [String]? = nil) {
        if let paths, !paths.isEmpty {
            changed?.formUnion(paths)
        } else {
            changed = nil
        }
        if running {
            pending = true
            return
        }
        running = true
        Task { await drain() }
    }

    private func drain() async {
        repeat {
            pending = false
            report(await buildOnce())
        } while pending
        running = false
    }

    private func buildOnce() async -> Result<BuildSummary, DiagnosticError> {
        var paths = changed
        changed = []
        if let next = replacement() {
            builder = next
            paths = nil
        }
        do {
            return .success(try await builder.build(changed: paths))
        } catch let error as DiagnosticError {
            return .failure(error)
        } catch {
            return .failure(DiagnosticError(Diagnostic(at: nil, "\(error)")))
        }
    }
}

/// Folders and files of a site that a rebuild depends on.
enum WatchedPaths {
    static func of(site: URL) -> [URL] {
        ["Content", "Templates", "Public", "seeds"].map { site.appendingPathComponent($0) }
            .filter { FileManager.default.fileExists(atPath: $0.path) }
    }
}

/// Prints a rebuild's outcome.
enum RebuildPrinter {
    /// Prints the diagnostics and the summary line, or the errors and `failure`, the line that
    /// says what is left (`lede: build failed; Output/ was not changed`).
    static func print(_ result: Result<BuildSummary, DiagnosticError>, failure: @autoclosure () -> String) {
        switch result {
        case .success(let summary):
            for diagnostic in summary.diagnostics where diagnostic.severity != .note {
                Console.error(diagnostic.description)
            }
            Console.info("\(summary.line) (\(summary.changedPaths.count) changed)")
        case .failure(let error):
            Console.error(error.description)
            Console.error(failure())
        }
    }
}
