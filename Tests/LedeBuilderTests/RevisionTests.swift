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
                    "lede: note: mend a claim warning in its sentence (say what the paragraph says, or cite the one "
                        + "that says it); when the sentence is right, silence the warning with the reason, right after it: "
                        + "<!-- lede: allow date \"March\": the reason -->",
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

    /// The fixture after `lede check --fix`, with the reworded claim re-read and the claim
    /// whose paragraph was removed dropped, but the citation of the split paragraph still
    /// pinned to the version of 2026-11-29 (a warning): built into `Output`.
    static func buildPinned(in folder: URL) async throws -> URL {
        let site = try copy(into: folder)
        _ = try CitationMaintenance.fix(siteRoot: site)
        let page = site.appendingPathComponent("Content/index.md")
        let text = try String(contentsOf: page, encoding: .utf8)
            .replacingOccurrences(of: "end of March", with: "end of April")
            .replacingOccurrences(of: " A petition gathered 1,200 signatures [¶5](seed:p5@2026-11-29).", with: "")
        try Data(text.utf8).write(to: page)
        let output = folder.appendingPathComponent("Output")
        let summary = try await build(site, into: output)
        #expect(summary.diagnostics.map(\.description).contains { $0.contains("was split into ¶5 and ¶6") })
        return output
    }

    /// The source page marks each paragraph against the version before, gives it an anchor
    /// that survives renumbering, and links the changes to the revisions page.
    @Test func sourcePageMarksEachParagraphSinceThePreviousVersion() async throws {
        try await withTemporaryFolder { folder in
            let html = text("sources/library/index.html", in: try await Self.buildPinned(in: folder))
            let rows = HTMLScan.captures(#"<p class="para-mark">(.*?)</p>"#, in: html)
            let revisions = "/explainers/library/sources/library/revisions/#v2026-11-30"
            #expect(
                rows == [
                    #"<span class="tag">New</span> <a href="\#(revisions)-p1">What changed</a>"#,
                    #"<span class="tag">Unchanged</span> <span class="mark-detail">was ¶1</span>"#,
                    #"<span class="tag">Unchanged</span> <span class="mark-detail">was ¶2</span>"#,
                    #"<span class="tag">Unchanged</span> <span class="mark-detail">was ¶3</span>"#,
                    #"<span class="tag">Changed</span> <span class="mark-detail">part of ¶4</span> <a href="\#(revisions)-p5">What changed</a>"#,
                    #"<span class="tag">Changed</span> <span class="mark-detail">part of ¶4</span> <a href="\#(revisions)-p6">What changed</a>"#,
                    #"<span class="tag">Unchanged</span> <span class="mark-detail">was ¶6</span>"#,
                ])
            #expect(
                HTMLScan.captures(#"<li id="(p\d)" class="mark-(?:new|changed|unchanged)">"#, in: html) == [
                    "p1", "p2", "p3", "p4", "p5", "p6", "p7",
                ])
            // Stable anchors: a paragraph kept or reworded keeps the anchor of its first text
            // (the lock's fingerprints of 2026-11-28), whatever its number now.
            #expect(
                HTMLScan.captures(#"<a class="para-number" id="(t-[0-9a-f]{8})""#, in: html) == [
                    "t-923e81af", "t-be97e8b8", "t-aa4c9a5c", "t-b79dbc14", "t-b2166094", "t-123d5718", "t-c588d2dc",
                ])
            // Cited by, grouped by page: the overview and the update both cite ¶2.
            #expect(
                HTMLScan.captures(#"<span class="meta-label">Cited by</span> (.*?)</p>"#, in: html).first
                    == #"<span class="list"><span class="item"><a href="/explainers/library/">Overview</a></span><span class="item"><a href="/explainers/library/updates/#2026-11-28-first-version">Updates</a></span></span>"#
            )
            #expect(
                html.contains(
                    #"<p class="source-marks">Each paragraph is marked new, changed or unchanged since the version of 29 November 2026. <a href="/explainers/library/sources/library/revisions/">Every revision, word by word</a></p>"#
                ))
        }
    }

    /// The revisions page: one section per version, newest first, each paragraph with its
    /// anchor and its word diff; the pinned citation links to its version's paragraph there.
    @Test func revisionsPageShowsEachVersionWordByWord() async throws {
        try await withTemporaryFolder { folder in
            let output = try await Self.buildPinned(in: folder)
            let html = text("sources/library/revisions/index.html", in: output)
            #expect(
                HTMLScan.captures(#"<section class="revision" id="(v[0-9-]+)""#, in: html) == [
                    "v2026-11-30", "v2026-11-29", "v2026-11-28",
                ])
            #expect(
                HTMLScan.captures(#"<h2 id="v[0-9-]+-heading">(.*?)</h2>"#, in: html) == [
                    #"Version of 30 November 2026 <span class="tag">Current text</span>"#,
                    "Version of 29 November 2026", "Version of 28 November 2026",
                ])
            #expect(
                HTMLScan.captures(#"<p class="revision-meta">(.*?)</p>"#, in: html) == [
                    "Compared with the version of 29 November 2026. New paragraphs: 1. Changed: 2. Removed: 1.",
                    "Compared with the version of 28 November 2026. New paragraphs: 0. Changed: 1. Removed: 0.",
                    "The earliest version kept, shown in full.",
                ])
            #expect(
                html.contains(
                    #"<p class="revision-note"><strong>Note</strong> The outlet corrected the month of the closure.</p>"#
                ))
            // The reworded paragraph: deleted and inserted words, each announced.
            #expect(
                html.contains(
                    """
                    <div class="revision-para mark-changed" id="v2026-11-29-p2">
                    <p class="para-mark"><span class="para-label">¶2</span> <span class="tag">Changed</span></p>
                    <p>The library will close at the end of <del><span class="visually-hidden">[deleted: </span>March,<span class="visually-hidden">]</span></del> <ins><span class="visually-hidden">[inserted: </span>April,<span class="visually-hidden">]</span></ins> the council said in a statement.</p>
                    </div>
                    """))
            // The removed paragraph stands where it was, between the split paragraph's parts and ¶7.
            #expect(
                html.contains(
                    """
                    <div class="revision-para mark-changed" id="v2026-11-30-p6">
                    <p class="para-mark"><span class="para-label">¶6</span> <span class="tag">Changed</span> <span class="mark-detail">part of ¶4</span></p>
                    <p>Its building will be sold to pay for road repairs, according to the meeting minutes.</p>
                    </div>
                    <div class="revision-para mark-removed">
                    <p class="para-mark"> <span class="tag">Removed</span> <span class="mark-detail">was ¶5</span></p>
                    <p>A petition against the closure gathered 1,200 signatures in two weeks.</p>
                    </div>
                    <div class="revision-para mark-unchanged" id="v2026-11-30-p7">
                    """))
            let anchors = HTMLScan.captures(#"<div class="revision-para[^"]*" id="(v[0-9-]+-p\d)">"#, in: html)
            #expect(anchors.count == 7 + 6 + 6)
            #expect(anchors.contains("v2026-11-29-p4"))
            // The citation `lede check --fix` pinned to the version of 2026-11-29.
            #expect(
                text("index.html", in: output).contains(
                    #"<a href="/explainers/library/sources/library/revisions/#v2026-11-29-p4" class="cite" title="Source paragraph 4 as of 29 November 2026""#
                ))
        }
    }

    /// An overview that gives no key points and no "what the report says / does not say"
    /// lists (this fixture's) shows none of their headings, rather than empty boxes.
    @Test func anOverviewWithoutItemListsShowsNoEmptyHeadings() async throws {
        try await withTemporaryFolder { folder in
            let html = text("index.html", in: try await Self.buildPinned(in: folder))
            #expect(html.contains("<h1>Harlow council votes to close the Mill Street library</h1>"))
            for id in ["key-points-heading", "known-heading", "unknown-heading"] {
                #expect(!html.contains(id), "\(id) is shown")
            }
            #expect(!html.contains("know-grid"))
        }
    }

    /// Each revision is an entry of the updates page and the Atom feed: its date, what changed,
    /// the pages citing the changed paragraphs, and the author's note.
    @Test func revisionsAppearOnTheUpdatesPageAndInTheFeed() async throws {
        try await withTemporaryFolder { folder in
            let output = try await Self.buildPinned(in: folder)
            let updates = text("updates/index.html", in: output)
            #expect(
                HTMLScan.captures(#"<li class="update[^"]*" id="([^"]+)">"#, in: updates) == [
                    "revision-library-2026-11-30", "revision-library-2026-11-29", "2026-11-28-first-version",
                ])
            #expect(
                updates.contains(
                    """
                    <h2><span class="tag">Source</span> The source report revised on 29 November 2026</h2>
                    <p class="update-date"><time datetime="2026-11-29">29 November 2026</time></p>
                    <div class="prose">
                    <p><strong>Note</strong> The outlet corrected the month of the closure.</p>
                    <p>New paragraphs: 0. Changed: 1. Removed: 0.</p>
                    <p>Pages citing changed paragraphs: <span class="list"><span class="item"><a href="/explainers/library/">Overview</a></span></span></p>
                    <p><a href="/explainers/library/sources/library/revisions/#v2026-11-29">What changed</a></p>
                    """))
            let feed = text("updates/atom.xml", in: output)
            #expect(feed.contains("  <updated>2026-11-30T00:00:00Z</updated>\n  <author>"))
            let base = "https://news.example.net/explainers/library/"
            let entries = feed.components(separatedBy: "  <entry>\n").dropFirst().map {
                $0.components(separatedBy: "  </entry>")[0]
            }
            #expect(entries.count == 3)
            #expect(
                entries.first
                    == """
                        <title>The source report revised on 30 November 2026</title>
                        <id>\(base)sources/library/revisions/#v2026-11-30</id>
                        <link rel="alternate" type="text/html" href="\(base)sources/library/revisions/#v2026-11-30"/>
                        <updated>2026-11-30T00:00:00Z</updated>
                        <summary>New paragraphs: 1. Changed: 2. Removed: 1.</summary>
                        <content type="html">&lt;p&gt;&lt;strong&gt;Note&lt;/strong&gt; The outlet added the mayor&amp;#39;s statement, removed the paragraph on the petition and split the paragraph on the books and the building.&lt;/p&gt;
                    &lt;p&gt;New paragraphs: 1. Changed: 2. Removed: 1.&lt;/p&gt;
                    &lt;p&gt;Pages citing changed paragraphs: &lt;a href=&quot;\(base)&quot;&gt;Overview&lt;/a&gt;&lt;/p&gt;
                    &lt;p&gt;&lt;a href=&quot;\(base)sources/library/revisions/#v2026-11-30&quot;&gt;What changed&lt;/a&gt;&lt;/p&gt;</content>

                    """)
            #expect(
                entries.dropFirst().first?.hasPrefix(
                    "    <title>The source report revised on 29 November 2026</title>\n") == true)
            #expect(
                entries.dropFirst().first?.contains(
                    "    <updated>2026-11-29T00:00:00Z</updated>\n    <summary>New paragraphs: 0. Changed: 1. Removed: 0.</summary>\n"
                ) == true)
            #expect(entries.last?.hasPrefix("    <title>First version</title>\n") == true)
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
