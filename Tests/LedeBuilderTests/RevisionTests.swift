import Foundation
import LedeCore
import Testing

@testable import LedeBuilder

/// The `revisions` fixture: a seed revised twice after its citations were locked (a paragraph
/// reworded on 2026-11-29; on 2026-11-30 a paragraph inserted at the top, so that every number
/// shifts, one removed and one split in two).
@Suite struct RevisionTests {
    /// A copy of the fixture (with the default theme) that a test may change.
    static func copy(into folder: URL) throws -> URL {
        let site = folder.appendingPathComponent("site")
        try FileManager.default.copyItem(at: Fixtures.site("revisions"), to: site)
        return site
    }

    @Test func buildReportsEachCitationOfTheRevisedSeed() async throws {
        try await withTemporaryFolder { folder in
            let error = await #expect(throws: DiagnosticError.self) {
                try await build(Fixtures.site("revisions"), into: folder.appendingPathComponent("Output"))
            }
            #expect(
                error?.diagnostics.map(\.description) == [
                    "Content/index.md:10:47: warning: ¶1 is now ¶2: the seed was revised and the paragraph this citation was checked against moved (`lede check --fix` renumbers the citation)",
                    "Content/index.md:10:123: warning: ¶2 is now ¶3 and its text changed since this citation was checked: … the end of [-March,-]{+April,+} the council said … (`lede check --fix` renumbers the citation; re-read the claim, then run `lede accept`)",
                    "Content/index.md:12:60: warning: ¶3 is now ¶4: the seed was revised and the paragraph this citation was checked against moved (`lede check --fix` renumbers the citation)",
                    "Content/index.md:16:79: warning: ¶4 was split into ¶5 and ¶6 since this citation was checked: cite the part the claim rests on, then run `lede accept`",
                    "Content/index.md:16:131: error: ¶5 was removed from the seed since this citation was checked (\"A petition against the closure gathered 1,200 signatures …\"): cite the paragraph that now supports the claim, or remove the claim",
                    "Content/index.md:16:181: warning: ¶6 is now ¶7: the seed was revised and the paragraph this citation was checked against moved (`lede check --fix` renumbers the citation)",
                    "Content/updates/2026-11-28-first-version.md:6:64: warning: ¶1 is now ¶2: the seed was revised and the paragraph this citation was checked against moved (`lede check --fix` renumbers the citation)",
                ])
        }
    }

    /// `lede check --fix` renumbers the moved citations, pins those of the removed and the
    /// split paragraph to the version they were checked against, rewrites the lock, and keeps
    /// every other byte.
    @Test func fixRewritesOnlyTheCitations() async throws {
        try await withTemporaryFolder { folder in
            let site = try Self.copy(into: folder)
            let report = try CitationMaintenance.fix(siteRoot: site)
            #expect(report.renumbered == 7)
            #expect(report.files == ["Content/index.md", "Content/updates/2026-11-28-first-version.md"])
            #expect(report.locks == ["seeds/library.lock"])
            #expect(report.skipped.isEmpty)
            let expected = Fixtures.root.appendingPathComponent("Revisions/fixed")
            for path in ["Content/index.md", "Content/updates/2026-11-28-first-version.md", "seeds/library.lock"] {
                let built = try Data(contentsOf: site.appendingPathComponent(path))
                #expect(built == (try Data(contentsOf: expected.appendingPathComponent(path))), "\(path)")
            }
            // The files it had no reason to touch are as they were.
            for path in ["Content/updates/index.md", "seeds/library.txt", "seeds/library.yaml"] {
                #expect(
                    try Data(contentsOf: site.appendingPathComponent(path))
                        == (try Data(contentsOf: Fixtures.site("revisions").appendingPathComponent(path))))
            }
            // What is left is for the editor: the rewording, the split and the removal.
            let error = await #expect(throws: DiagnosticError.self) {
                try await build(site, into: folder.appendingPathComponent("Output"))
            }
            #expect(
                error?.diagnostics.map(\.description) == [
                    "Content/index.md:10:62: warning: the sentence gives the date \"March\", which is not in ¶3",
                    "Content/index.md:10:123: warning: ¶3 changed since this citation was checked: … the end of [-March,-]{+April,+} the council said … (re-read the claim, then run `lede accept`)",
                    "Content/index.md:16:79: warning: ¶4 of the version of 2026-11-29 was split into ¶5 and ¶6 since this citation was checked: cite the part the claim rests on, then run `lede accept`",
                    "Content/index.md:16:142: error: ¶5 of the version of 2026-11-29 was removed from the seed since this citation was checked (\"A petition against the closure gathered 1,200 signatures …\"): cite the paragraph that now supports the claim, or remove the claim",
                ])
            // A second fix has nothing to do.
            #expect(try CitationMaintenance.fix(siteRoot: site).renumbered == 0)
        }
    }

    /// `lede accept` refuses while a citation points at a split or removed paragraph, then
    /// records the current text once the editor has dealt with them; the site then builds.
    @Test func acceptRefusesUntilTheCitationsAreDealtWith() async throws {
        try await withTemporaryFolder { folder in
            let site = try Self.copy(into: folder)
            _ = try CitationMaintenance.fix(siteRoot: site)
            let refused = #expect(throws: CitationMaintenance.UnsettledCitations.self) {
                try CitationMaintenance.accept(siteRoot: site, documents: [])
            }
            #expect(
                refused?.error.diagnostics.map(\.location?.description) == [
                    "Content/index.md:16:79", "Content/index.md:16:142",
                ])
            try Self.resolve(site)
            let accepted = try CitationMaintenance.accept(siteRoot: site, documents: ["library"])
            #expect(accepted.map(\.lockPath) == ["seeds/library.lock"])
            #expect(accepted.first?.changed == [3])
            #expect(accepted.first?.locked == 6)
            let summary = try await build(site, into: folder.appendingPathComponent("Output"))
            #expect(summary.diagnostics.isEmpty)
        }
    }

    /// What the editor does after the fix: re-reads the reworded claim, cites the parts of the
    /// split paragraph, and drops the claim whose paragraph was removed.
    static func resolve(_ site: URL) throws {
        let page = site.appendingPathComponent("Content/index.md")
        var text = try String(contentsOf: page, encoding: .utf8)
        text = text.replacingOccurrences(of: "end of March", with: "end of April")
        text = text.replacingOccurrences(
            of: "the building will be sold [¶4](seed:p4@2026-11-29)",
            with: "the building will be sold [¶5](seed:p5), [¶6](seed:p6)")
        text = text.replacingOccurrences(
            of: " A petition gathered 1,200 signatures [¶5](seed:p5@2026-11-29).", with: "")
        try Data(text.utf8).write(to: page)
    }
}
