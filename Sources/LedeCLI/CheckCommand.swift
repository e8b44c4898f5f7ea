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
            errors, and reports every problem: citations (to a seed paragraph that does not \
            exist, or whose paragraph changed since the seed's lock, seeds/NAME.lock), the \
            claims checked against the paragraphs they cite, glossary links (term:), \
            sources (Content/_sources.yaml), links to .md pages, broken links and fragments, \
            missing assets, duplicate ids, images without alt text, pages without a title or \
            without exactly one h1. Prints each as path:line:col: error: …, then the number of \
            problems, and exits non-zero when there is one. --format json or sarif prints one \
            document on standard output instead (SARIF 2.1.0 for GitHub code scanning).
            """
    )

    @OptionGroup var site: SiteOptions<Self>

    @Option(name: .long, help: "How to print the problems: text, json or sarif (SARIF 2.1.0, on standard output).")
    var format: CheckFormat = .text

    @Flag(
        name: .long,
        help: """
            First rewrite the citations of a revised seed: renumber those whose paragraph moved, \
            pin those of a removed or split paragraph to the version they were checked against \
            (seed:p5@2026-11-29), and update the seed's lock to match, creating it when there is \
            none. Prints what it rewrote and which lock it wrote.
            """)
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
        let report: CheckReport
        do {
            let summary = try await SiteBuilder(options: options).build()
            report = CheckReport(diagnostics: summary.diagnostics, pages: summary.pagesWritten)
        } catch let error as DiagnosticError {
            // A build that stops on errors returns the warnings found so far as warnings (a
            // build that succeeds with `strict` has promoted them already); check is strict, so
            // they are problems too, printed and counted as errors.
            report = CheckReport(diagnostics: error.diagnostics.map(\.promotedToError), pages: nil)
        }
        guard format == .text else {
            printReport(report)
            if !report.problems.isEmpty { throw ExitCode.failure }
            return
        }
        for diagnostic in report.diagnostics { Console.error(diagnostic.description) }
        let count = report.problems.count
        guard count == 0 else {
            Console.error("lede: found \(count) problem\(count == 1 ? "" : "s")")
            throw ExitCode.failure
        }
        Console.info("No problems found in \(report.pages ?? 0) pages")
    }

    /// Prints the report as ``format`` asks, on standard output.
    private func printReport(_ report: CheckReport) {
        var report = report
        let current = URL(fileURLWithPath: FileManager.default.currentDirectoryPath)
        report.uriPrefix = CheckReport.uriPrefix(site: site.buildOptions().siteRoot, workingFolder: current)
        Console.info(format == .sarif ? report.sarif() : report.json())
    }
}
