import LedeContent
import Testing

@testable import LedeExplainer

/// Word diffs, paragraph matching across revisions, and the citation rewriter.
@Suite struct RevisionMatchingTests {
    static func paragraphs(_ lines: [String]) -> [SourceDocument.Paragraph] {
        SourceDocument.paragraphs(of: lines.joined(separator: "\n"))
    }

    @Test func wordDiffShowsChangesWithContext() {
        let diff = WordDiff(
            from: "The flight was expected to reach Iran via Qatar on Tuesday, officials said.",
            to: "The flight was due to reach Iran via Doha on Tuesday, officials said.")
        #expect(
            diff.summary()
                == "The flight was [-expected-]{+due+} to reach Iran via [-Qatar-]{+Doha+} on Tuesday, officials …")
        #expect(
            WordDiff(from: "at the end of March, it said", to: "at the end of April, it said")
                .html(deleted: "deleted:", inserted: "inserted:")
                == #"at the end of <del><span class="visually-hidden">[deleted: </span>March,<span class="visually-hidden">]</span></del> <ins><span class="visually-hidden">[inserted: </span>April,<span class="visually-hidden">]</span></ins> it said"#
        )
        #expect(WordDiff(from: "A  b, c.", to: "A b, c.").isEmpty)
    }

    /// The diff of a split paragraph, cut at the later paragraphs' boundaries: each part has
    /// its own words, and the removed words before the next part's.
    @Test func wordDiffCutsIntoTheParagraphsOfASplit() {
        let diff = WordDiff(
            from: "The books will be moved. The old building will be sold.",
            to: "The books will be moved. The building will be sold quickly.")
        let parts = diff.parts(wordCounts: [5, 6])
        #expect(
            parts.map(\.runs) == [
                [.same(["The", "books", "will", "be", "moved."])],
                [
                    .same(["The"]), .removed(["old"]), .same(["building", "will", "be"]), .removed(["sold."]),
                    .added(["sold", "quickly."]),
                ],
            ])
    }

    /// A paragraph keeps its stable anchor while it is kept or reworded, whatever its number;
    /// a new paragraph and the parts of a split one get their own.
    @Test func stableAnchorsFollowTheParagraphAcrossRevisions() {
        var document = SourceDocument(
            name: "report", path: "seeds/report.txt", title: "Report", description: nil,
            paragraphs: Self.paragraphs([
                "Update: the mayor spoke.", "The council voted to close the library on Tuesday night.",
                "The books will be moved.", "The building will be sold.",
            ]))
        document.earlier = [
            SourceRevision(
                id: "2026-11-28", date: nil, path: "seeds/report.revisions/2026-11-28.txt",
                paragraphs: Self.paragraphs([
                    "The council voted to close the library on Tuesday.",
                    "The books will be moved. The building will be sold.",
                ]), note: nil)
        ]
        let history = SourceHistory(document)
        let first = history.anchors[0]
        #expect(first == ["t-" + document.earlier[0].paragraphs[0].fingerprint.prefix(8), first[1]])
        #expect(
            history.anchors[1] == [
                SourceHistory.anchor(of: document.paragraphs[0]), first[0],
                SourceHistory.anchor(of: document.paragraphs[2]), SourceHistory.anchor(of: document.paragraphs[3]),
            ])
        #expect(history.currentNumbers(ofParagraph: 2, inRevision: 0) == [3, 4])
        #expect(history.changes[0].totals == (added: 1, changed: 3, removed: 0))
    }

    @Test func matcherTellsMovedRewordedMergedSplitAndRemoved() {
        let old = Self.paragraphs([
            "The council voted 5 to 2 on Tuesday to close the Mill Street library.",
            "The library will close at the end of March, the council said in a statement.",
            "The books will be moved to the central branch. The building will be sold to pay for road repairs.",
            "A petition against the closure gathered 1,200 signatures in two weeks.",
            "Ada Reyes voted against the closure.",
            "She said the decision was rushed and asked for a second vote.",
        ])
        let new = Self.paragraphs([
            "Update: the mayor said she would ask the council to reconsider.",
            "The council voted 5 to 2 on Tuesday to close the Mill Street library.",
            "The library will close at the end of April, the council said in a statement.",
            "The books will be moved to the central branch.",
            "The building will be sold to pay for road repairs.",
            "Ada Reyes voted against the closure; she said the decision was rushed and asked for a second vote.",
        ])
        let matcher = ParagraphMatcher(old: old, new: new)
        #expect(matcher.fate(of: 1) == .kept(2))
        #expect(matcher.fate(of: 2) == .reworded(3))
        #expect(matcher.fate(of: 3) == .split([4, 5]))
        #expect(matcher.fate(of: 4) == .removed)
        #expect(matcher.fate(of: 5) == .merged(6))
        #expect(matcher.fate(of: 6) == .merged(6))
    }

    @Test func fixerRenumbersOnlyTheCitationAndKeepsLineEndings() {
        let text = "Line one [¶2](seed:p2) and [¶12](seed:p12).\r\nKey: \"x \\\"y\\\" [¶2](seed:report#p2)\"\r\n"
        let (fixed, skipped) = CitationFixer.apply(
            [
                CitationFixer.Edit(line: 1, column: 10, from: 2, to: 3),
                // Recorded two characters early, as in a quoted YAML value with an escape.
                CitationFixer.Edit(line: 2, column: 12, from: 2, to: 4, toRevision: nil),
                CitationFixer.Edit(line: 1, column: 28, from: 12, to: 12, toRevision: "2026-11-28"),
            ], to: text)
        #expect(
            fixed
                == "Line one [¶3](seed:p3) and [¶12](seed:p12@2026-11-28).\r\nKey: \"x \\\"y\\\" [¶4](seed:report#p4)\"\r\n"
        )
        #expect(skipped.isEmpty)
        let (same, missed) = CitationFixer.apply(
            [CitationFixer.Edit(line: 1, column: 1, from: 2, to: 3)], to: "[¶1](seed:p1)")
        #expect(same == "[¶1](seed:p1)")
        #expect(missed.count == 1)
    }
}
