import ArgumentParser
import Foundation
import LedeBuilder
import LedeCore
import Testing

@testable import LedeCLI

/// The top-level command line: what the real binary prints for `--version`.
@Suite struct CommandLineTests {
    @Test func versionIsPrintedFromTheOnePlaceItIsDefined() throws {
        #expect(LedeVersion.current == "0.14.0")
        let result = try runLede(["--version"], in: packageRoot)
        #expect(result.status == 0)
        #expect(result.stdout == "0.14.0\n")
        #expect(result.stderr == "")
    }

    @Test func theParserAnswersVersionWithACleanExit() {
        do {
            _ = try LedeCommand.parseAsRoot(["--version"])
            Issue.record("--version parsed as a command")
        } catch {
            #expect(LedeCommand.exitCode(for: error) == .success)
            #expect(LedeCommand.message(for: error) == "0.14.0")
        }
    }
}

/// The README's usage lines against each command's `--help`, so that the two never drift.
@Suite struct ReadmeAgreementTests {
    /// The `--options` named in a line.
    static func options(in line: Substring) -> Set<String> {
        let separators: Set<Character> = [" ", "[", "]", "|", "<", ">", "="]
        let words = line.split { separators.contains($0) }.map(String.init)
        return Set(words.filter { $0.hasPrefix("--") })
    }

    /// The lines of `text` after the line `start`, up to the first line that ends the block.
    static func lines(of text: String, after start: String, until end: (Substring) -> Bool) -> [Substring] {
        let all = text.split(separator: "\n", omittingEmptySubsequences: false)
        guard let first = all.firstIndex(where: { $0 == start }) else { return [] }
        return Array(all[(first + 1)...].prefix { !end($0) })
    }

    @Test func everyCommandsUsageLineListsTheOptionsOfItsHelp() throws {
        let readme = try String(contentsOf: packageRoot.appendingPathComponent("README.md"), encoding: .utf8)
        let sectionStart = try #require(readme.range(of: "## The command line\n\n"))
        let usage = Self.lines(of: String(readme[sectionStart.upperBound...]), after: "```") { $0 == "```" }
        let top = try runLede(["--help"], in: packageRoot).stdout
        let listed = Self.lines(of: top, after: "SUBCOMMANDS:") { $0.isEmpty }
        // A command's line is indented two spaces; a wrapped abstract continues further in.
        let commands: [String] = listed.filter { $0.hasPrefix("  ") && !$0.hasPrefix("   ") }.compactMap { line in
            line.split(separator: " ").first.map(String.init)
        }
        #expect(commands == ["build", "serve", "check", "new", "accept"])
        for command in commands {
            let help = try runLede([command, "--help"], in: packageRoot).stdout
            let helpLines: [Substring] = help.split(separator: "\n")
            let helpLine = try #require(helpLines.first { $0.hasPrefix("USAGE: lede \(command)") })
            let readmeLine = usage.first { $0 == "lede \(command)" || $0.hasPrefix("lede \(command) ") }
            #expect(readmeLine != nil, "README has no usage line for lede \(command)")
            #expect(Self.options(in: readmeLine ?? "") == Self.options(in: helpLine), "lede \(command)")
        }
        #expect(usage.contains("lede --version"))
    }
}

/// What the README quotes of the tool's output is what the tool prints.
@Suite(.serialized) struct ReadmeQuoteTests {
    /// A site in Arabic, which has no built-in labels: the warning without and with
    /// `Content/_strings.yaml`, each a line of the README.
    @Test func theLabelWarningsAreQuotedAsPrinted() throws {
        let readme = try String(contentsOf: packageRoot.appendingPathComponent("README.md"), encoding: .utf8)
        let readmeLines = Set(readme.split(separator: "\n").map { $0.trimmingCharacters(in: .whitespaces) })
        try withSiteCopy { site in
            let config = site.appendingPathComponent("Content/_site.yaml")
            let text = try String(contentsOf: config, encoding: .utf8)
            let lines = text.split(separator: "\n").filter { !$0.hasPrefix("language:") }
            try Data((lines.joined(separator: "\n") + "\nlanguage: ar\n").utf8).write(to: config)
            func warning() throws -> String? {
                let result = try runLede(["build", "."], in: site)
                return result.stderr.split(separator: "\n").map(String.init).first { $0.contains("labels") }
            }
            let without = try #require(try warning())
            #expect(without.hasPrefix("Content/_site.yaml: warning: Lede has no built-in labels in 'ar': "))
            #expect(readmeLines.contains(without), "the README quotes: \(without)")
            try Data("known: \"ما يقوله التقرير\"\n".utf8).write(
                to: site.appendingPathComponent("Content/_strings.yaml"))
            let with = try #require(try warning())
            #expect(with.hasPrefix("Content/_strings.yaml:1:1: warning: "))
            #expect(readmeLines.contains(with), "the README quotes: \(with)")
        }
    }
}

/// Progress during a build: only on a terminal, only after a second, one line overwritten.
@Suite struct ProgressLineTests {
    /// A clock the test moves, and everything written to "standard error".
    final class Harness: Sendable {
        let now = Locked(Duration.zero)
        let written = Locked([String]())

        func line(isTerminal: Bool) -> ProgressLine {
            ProgressLine(
                isTerminal: isTerminal, elapsed: { self.now.withLock { $0 } },
                write: { text in self.written.withLock { $0.append(text) } })
        }

        func advance(to time: Duration) { now.withLock { $0 = time } }
        var output: [String] { written.withLock { $0 } }
    }

    @Test func theRuleIsATerminalAndOverASecond() {
        #expect(!ProgressLine.shows(isTerminal: true, elapsed: .milliseconds(1000)))
        #expect(ProgressLine.shows(isTerminal: true, elapsed: .milliseconds(1001)))
        #expect(!ProgressLine.shows(isTerminal: false, elapsed: .seconds(60)))
    }

    @Test func aSlowBuildOnATerminalShowsPagesDoneOfTotalThenClearsTheLine() {
        let harness = Harness()
        let progress = harness.line(isTerminal: true)
        harness.advance(to: .milliseconds(400))
        progress.pageDone(of: 4)
        #expect(harness.output == [], "nothing in the first second")
        harness.advance(to: .milliseconds(1200))
        progress.pageDone(of: 4)
        harness.advance(to: .milliseconds(1250))
        progress.pageDone(of: 4)  // within 100 ms of the last redraw: not drawn
        harness.advance(to: .milliseconds(1260))
        progress.pageDone(of: 4)  // the last page is always drawn
        progress.finish()
        #expect(
            harness.output == [
                "\r\u{1B}[KRendering pages: 2 of 4", "\r\u{1B}[KRendering pages: 4 of 4", "\r\u{1B}[K",
            ])
    }

    @Test func aQuickBuildOnATerminalShowsNothing() {
        let harness = Harness()
        let progress = harness.line(isTerminal: true)
        harness.advance(to: .milliseconds(300))
        for _ in 0..<3 { progress.pageDone(of: 3) }
        progress.finish()
        #expect(harness.output == [])
    }

    @Test func withoutATerminalASlowBuildShowsNothing() {
        let harness = Harness()
        let progress = harness.line(isTerminal: false)
        harness.advance(to: .seconds(30))
        for _ in 0..<3 { progress.pageDone(of: 3) }
        progress.finish()
        #expect(harness.output == [])
    }

    @Test func theBuilderReportsEachPageOnceWithTheTotal() async throws {
        let calls = Locked([Int]())
        var options = BuildOptions(
            siteRoot: packageRoot,
            output: FileManager.default.temporaryDirectory
                .appendingPathComponent("lede-progress-\(UUID().uuidString)"))
        defer { try? FileManager.default.removeItem(at: options.output) }
        options.progress = { total in calls.withLock { $0.append(total) } }
        let summary = try await SiteBuilder(options: options).build()
        let totals = calls.withLock { $0 }
        #expect(totals.count == summary.pagesWritten)
        #expect(Set(totals) == [summary.pagesWritten])
    }

    /// Through a pipe (as in CI), a build prints its summary line and no progress.
    @Test func aPipedBuildPrintsOnlyTheSummaryLine() throws {
        try withSiteCopy { site in
            let result = try runLede(["build", "."], in: site)
            #expect(result.status == 0)
            // The bundled site's one note, and no progress line.
            #expect(
                result.stderr.split(separator: "\n").allSatisfy { $0.hasPrefix("lede: note: ") }, "\(result.stderr)")
            #expect(!result.stderr.contains("\r") && !result.stderr.contains("Rendering pages"))
            #expect(result.stdout.split(separator: "\n").count == 1)
            #expect(result.stdout.hasPrefix("Built "))
        }
    }
}

/// Each command's `--help` says what its options do in that command.
@Suite struct HelpTextTests {
    /// The help of `option` in `command`'s `--help`, on one line.
    static func help(of option: String, in command: any ParsableCommand.Type) -> String? {
        let text = LedeCommand.helpMessage(for: command, columns: 2000)
        let line = text.split(separator: "\n").first { $0.trimmingCharacters(in: .whitespaces).hasPrefix(option + " ") }
        return line.map {
            String($0.trimmingCharacters(in: .whitespaces).dropFirst(option.count)).trimmingCharacters(in: .whitespaces)
        }
    }

    @Test func outputStrictAndForceAreDescribedForEachCommand() {
        #expect(
            Self.help(of: "--output <output>", in: BuildCommand.self)
                == "Where to write the site (default: SITE/Output): a new or empty folder, or one Lede made (see --force). It is replaced only when the whole build succeeds."
        )
        #expect(
            Self.help(of: "--output <output>", in: ServeCommand.self)
                == "Build the preview into this folder, and keep it, instead of a temporary folder removed on exit; Output/ is written only when named here."
        )
        #expect(
            Self.help(of: "--output <output>", in: CheckCommand.self)
                == "Ignored: check builds into a temporary folder, which it removes.")
        #expect(Self.help(of: "--strict", in: BuildCommand.self) == "Treat warnings as errors.")
        #expect(Self.help(of: "--strict", in: CheckCommand.self) == "Ignored: check always treats warnings as errors.")
        #expect(
            Self.help(of: "--force", in: CheckCommand.self) == "Ignored: check writes only to its temporary folder.")
    }

    @Test func checkSaysWhatItChecksAndWhatFixWrites() {
        let text = LedeCommand.helpMessage(for: CheckCommand.self, columns: 2000)
        for checked in [
            "citations", "the claims checked against the paragraphs they cite", "glossary links (term:)",
            "sources (Content/_sources.yaml)", "seeds/NAME.lock",
        ] {
            #expect(text.contains(checked), "\(checked)")
        }
        #expect(
            Self.help(of: "--fix", in: CheckCommand.self)
                == "First rewrite the citations of a revised seed: renumber those whose paragraph moved, pin those of a removed or split paragraph to the version they were checked against (seed:p5@2026-11-29), and update the seed's lock to match, creating it when there is none. Prints what it rewrote and which lock it wrote."
        )
    }
}
