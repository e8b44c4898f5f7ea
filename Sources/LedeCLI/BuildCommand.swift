import ArgumentParser
import Foundation
import LedeBuilder
import LedeCore

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

    @OptionGroup var site: SiteOptions

    func run() async throws {
        let builder = SiteBuilder(options: site.buildOptions())
        try await BuildReporter.run { try await builder.build() }
    }
}

/// Prints a build's outcome the way a compiler does and exits non-zero on errors.
enum BuildReporter {
    /// Runs one build and prints its diagnostics and summary.
    /// - Throws: `ExitCode.failure` when the build failed.
    @discardableResult
    static func run(_ build: () async throws -> BuildSummary) async throws -> BuildSummary {
        do {
            let summary = try await build()
            for diagnostic in summary.diagnostics { Console.error(diagnostic.description) }
            Console.info(summary.line)
            return summary
        } catch let error as DiagnosticError {
            Console.error(error.description)
            let count = error.diagnostics.filter { $0.severity == .error }.count
            Console.error("lede: build failed with \(count) error\(count == 1 ? "" : "s"); Output/ was not changed")
            throw ExitCode.failure
        }
    }
}
