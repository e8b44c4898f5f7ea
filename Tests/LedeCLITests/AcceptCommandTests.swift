import Foundation
import Testing

/// `lede accept` and `lede check --fix` through the real binary, on the `revisions` fixture (a
/// seed revised after its citations were locked).
@Suite(.serialized) struct AcceptCommandTests {
    /// Runs `body` with a copy of the `revisions` fixture and the bundled theme; without its
    /// lock when `locked` is false.
    func withRevisedSite<T>(locked: Bool = true, _ body: (URL) throws -> T) throws -> T {
        let folder = FileManager.default.temporaryDirectory.appendingPathComponent("lede-accept-\(UUID().uuidString)")
        defer { try? FileManager.default.removeItem(at: folder) }
        try FileManager.default.copyItem(
            at: packageRoot.appendingPathComponent("Tests/Fixtures/Sites/revisions"), to: folder)
        for name in ["Templates", "Public"] {
            try FileManager.default.copyItem(
                at: packageRoot.appendingPathComponent(name), to: folder.appendingPathComponent(name))
        }
        if !locked { try FileManager.default.removeItem(at: folder.appendingPathComponent("seeds/library.lock")) }
        return try body(folder)
    }

    static let renumbered =
        "Renumbered 5 citations, pinned 2 to the version they were checked against in 2 files "
        + "(Content/index.md, Content/updates/2026-11-28-first-version.md)\n"

    /// A misspelt seed is one error line: nothing about citations, which were never looked at.
    @Test func anUnknownSeedIsOneLine() throws {
        try withRevisedSite { site in
            let result = try runLede(["accept", "--seed", "libary"], in: site)
            #expect(result.status == 1)
            #expect(result.stdout == "")
            #expect(result.stderr == "lede: error: unknown seed 'libary' (seeds: library)\n")
        }
    }

    /// Citations still to deal with: listed, then the line that says nothing was accepted.
    @Test func unsettledCitationsAreListedWithWhatToDo() throws {
        try withRevisedSite { site in
            _ = try runLede(["check", "--fix"], in: site)
            let result = try runLede(["accept"], in: site)
            #expect(result.status == 1)
            #expect(
                result.stderr.split(separator: "\n").map { $0.prefix(24) } == [
                    "Content/index.md:16:79: ", "Content/index.md:16:142:",
                    "lede: nothing accepted: ",
                ])
            #expect(result.stderr.hasSuffix("\nlede: nothing accepted: deal with these citations first\n"))
        }
    }

    /// `check --fix` says which lock it wrote, and whether it made it.
    @Test func fixSaysItCreatedOrUpdatedTheLock() throws {
        try withRevisedSite(locked: false) { site in
            let result = try runLede(["check", "--fix"], in: site)
            #expect(
                result.stdout
                    == Self.renumbered + "Created seeds/library.lock, the citation lock (commit it with the content)\n")
            #expect(FileManager.default.fileExists(atPath: site.appendingPathComponent("seeds/library.lock").path))
        }
        try withRevisedSite { site in
            let result = try runLede(["check", "--fix"], in: site)
            #expect(result.stdout == Self.renumbered + "Updated seeds/library.lock to the new numbers\n")
            #expect(try runLede(["check", "--fix"], in: site).stdout == "No citation to renumber\n")
        }
    }
}
