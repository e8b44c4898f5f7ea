import ArgumentParser
import Foundation
import LedeBuilder
import LedeCore

/// `lede accept`: records the text of every cited paragraph in the seed's lock file.
struct AcceptCommand: AsyncParsableCommand {
    static let configuration = CommandConfiguration(
        commandName: "accept",
        abstract: "Record the text the citations were checked against (seeds/NAME.lock).",
        discussion: """
            Run it once the claims citing changed paragraphs are re-read: for each seed (or \
            those named with --seed), it writes seeds/NAME.lock with a fingerprint of the current \
            text of every cited paragraph, and later builds compare the seed with it. The first \
            run creates the lock (lede check --fix also creates it when it rewrites a citation). It refuses while a citation points at a paragraph that moved \
            (run lede check --fix), was split or was removed: those are listed.
            """
    )

    @Argument(help: "The site folder.", completion: .directory)
    var site: String = "."

    @Option(name: .long, help: "A seed to accept (its file name without .txt); every seed when left out.")
    var seed: [String] = []

    func run() async throws {
        let current = URL(fileURLWithPath: FileManager.default.currentDirectoryPath)
        let root = URL(fileURLWithPath: site, relativeTo: current).standardizedFileURL
        do {
            let accepted = try CitationMaintenance.accept(siteRoot: root, documents: seed)
            for item in accepted {
                let changed = item.changed.map { "¶\($0)" }.joined(separator: ", ")
                Console.info(
                    "\(item.lockPath): \(item.locked) cited paragraph\(item.locked == 1 ? "" : "s") locked"
                        + (changed.isEmpty ? "" : "; accepted the new text of \(changed)"))
            }
        } catch let unsettled as CitationMaintenance.UnsettledCitations {
            Console.error(unsettled.error.description)
            Console.error("lede: nothing accepted: deal with these citations first")
            throw ExitCode.failure
        } catch let error as DiagnosticError {
            // An unknown --seed or a site that cannot be read: the error says it all.
            Console.error(error.description)
            throw ExitCode.failure
        }
    }
}

/// Runs `lede check --fix`'s renumbering and prints what it did.
enum CitationFixReporter {
    /// Renumbers the moved citations of the site at `root`.
    /// - Throws: `ExitCode.failure` when the site cannot be read or a file written.
    static func run(siteRoot root: URL) throws {
        do {
            let report = try CitationMaintenance.fix(siteRoot: root)
            for diagnostic in report.skipped { Console.error(diagnostic.description) }
            if report.renumbered > 0 {
                let (moved, pinned, files) = (report.renumbered - report.pinned, report.pinned, report.files.count)
                var done = ["renumbered \(moved) citation\(moved == 1 ? "" : "s")"]
                if pinned > 0 { done.append("pinned \(pinned) to the version they were checked against") }
                let line = done.joined(separator: ", ")
                Console.info(
                    line.prefix(1).uppercased() + line.dropFirst()
                        + " in \(files) file\(files == 1 ? "" : "s") (\(report.files.joined(separator: ", ")))")
            } else {
                Console.info("No citation to renumber")
            }
            for lock in report.locks {
                Console.info(
                    report.createdLocks.contains(lock)
                        ? "Created \(lock), the citation lock (commit it with the content)"
                        : "Updated \(lock) to the new numbers")
            }
        } catch let error as DiagnosticError {
            Console.error(error.description)
            Console.error("lede: --fix could not read the site")
            throw ExitCode.failure
        }
    }
}
