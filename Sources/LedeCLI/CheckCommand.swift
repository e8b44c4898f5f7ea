import ArgumentParser
import Foundation
import LedeBuilder
import LedeCore

/// `lede check`: builds the site into a temporary folder with every check as an error.
struct CheckCommand: AsyncParsableCommand {
    static let configuration = CommandConfiguration(
        commandName: "check",
        abstract: "Check the site without touching Output/.",
        discussion: """
            Builds the site into a temporary folder, which is then removed, with warnings as \
            errors: broken links and fragments, missing assets, duplicate ids, images without \
            alt text, pages without a title or without exactly one h1. Prints every problem as \
            path:line:col: error: … and exits non-zero when there is one. --output is ignored. \
            --format json or sarif prints one document on standard output instead (SARIF 2.1.0 for \
            GitHub code scanning).
            """
    )

    @OptionGroup var site: SiteOptions

    @Option(name: .long, help: "How to print the problems: text, json or sarif (SARIF 2.1.0, on standard output).")
    var format: CheckFormat = .text

    @Flag(name: .long, help: "First renumber the citations whose source paragraph moved in a revision of the seed.")
    var fix = false

    func run() async throws {
        if fix { try CitationFixReporter.run(siteRoot: site.buildOptions().siteRoot) }
        let temporary = FileManager.default.temporaryDirectory
            .appendingPathComponent("lede-check-\(ProcessInfo.processInfo.processIdentifier)-\(UUID().uuidString)")
        defer { try? FileManager.default.removeItem(at: temporary) }
        var options = site.buildOptions()
        options.output = temporary.appendingPathComponent("Output")
        options.strict = true
        try FileManager.default.createDirectory(at: temporary, withIntermediateDirectories: true)
        do {
            let summary = try await SiteBuilder(options: options).build()
            guard format == .text else {
                return printReport(CheckReport(diagnostics: summary.diagnostics, pages: summary.pagesWritten))
            }
            for diagnostic in summary.diagnostics { Console.error(diagnostic.description) }
            Console.info("No problems found in \(summary.pagesWritten) pages")
        } catch let error as DiagnosticError {
            guard format == .text else {
                printReport(CheckReport(diagnostics: error.diagnostics, pages: nil))
                throw ExitCode.failure
            }
            Console.error(error.description)
            let count = error.diagnostics.filter { $0.severity == .error }.count
            Console.error("lede: found \(count) problem\(count == 1 ? "" : "s")")
            throw ExitCode.failure
        }
    }

    /// Prints the report as ``format`` asks, on standard output.
    private func printReport(_ report: CheckReport) {
        var report = report
        let current = URL(fileURLWithPath: FileManager.default.currentDirectoryPath)
        report.uriPrefix = CheckReport.uriPrefix(site: site.buildOptions().siteRoot, workingFolder: current)
        Console.info(format == .sarif ? report.sarif() : report.json())
    }
}
