import ArgumentParser
import Foundation
import LedeBuilder
import LedeCore
import LedePreview

/// `lede build`: builds the site into Output/.
struct BuildCommand: AsyncParsableCommand {
    static let configuration = CommandConfiguration(
        commandName: "build",
        abstract: "Build the site into Output/.",
        discussion: """
            Reads Content/, seeds/, Templates/ and Public/, and writes the site to Output/ \
            atomically: when anything is wrong, every problem is printed as path:line:col: error: … \
            and the previous Output/ is left as it was.
            """
    )

    @OptionGroup var site: SiteOptions<Self>

    @Flag(name: .long, help: "Keep running and rebuild whenever a file of the site changes.")
    var watch = false

    @Flag(name: .long, help: "With --watch: poll for changes instead of using inotify.")
    var poll = false

    @Flag(
        name: .customLong("no-cache"),
        help: "Render every page again instead of reusing the unchanged ones the last build recorded.")
    var noCache = false

    func run() async throws {
        var options = site.buildOptions()
        guard watch else {
            // The build cache beside the output lets this build redo only what changed.
            options.buildCache = !noCache
            let progress = ProgressLine.onStandardError()
            options.progress = { progress.pageDone(of: $0) }
            let builder = SiteBuilder(options: options)
            let shown = site.output ?? "Output/"
            try await BuildReporter.run(output: shown) {
                defer { progress.finish() }
                return try await builder.build()
            }
            return
        }
        let failure = "lede: build failed; \(site.output ?? "Output/") was not changed"
        let loop = RebuildLoop(builder: SiteBuilder(options: options, incremental: true)) {
            RebuildPrinter.print($0, failure: failure)
        }
        // Watching starts before the first build: a save during it is built after it.
        let watcher = FileWatcher(paths: WatchedPaths.of(site: options.siteRoot), usePolling: poll) { paths in
            Task { await loop.trigger(paths: paths) }
        }
        try watcher.start()
        await loop.buildNow()
        Console.info("Watching \(options.siteRoot.path) for changes (Ctrl-C to stop)")
        while !Task.isCancelled { try await Task.sleep(for: .seconds(3600)) }
    }
}

/// Prints a build's outcome the way a compiler does and exits non-zero on errors.
enum BuildReporter {
    /// Runs one build and prints its diagnostics and summary.
    /// - Parameter output: The output folder as the author named it, for the failure line.
    /// - Throws: `ExitCode.failure` when the build failed.
    @discardableResult
    static func run(output: String = "Output/", _ build: () async throws -> BuildSummary) async throws -> BuildSummary {
        do {
            let summary = try await build()
            for diagnostic in summary.diagnostics { Console.error(diagnostic.description) }
            Console.info(summary.line)
            return summary
        } catch let error as DiagnosticError {
            Console.error(error.description)
            let count = error.diagnostics.filter { $0.severity == .error }.count
            Console.error("lede: build failed with \(count) error\(count == 1 ? "" : "s"); \(output) was not changed")
            throw ExitCode.failure
        }
    }
}
