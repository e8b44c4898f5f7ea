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
            diff.html.hasPrefix(
                #"The flight was <del><span class="visually-hidden">[removed: </span>expected<span class="visually-hidden">]</span></del> <ins>"#
            ))
        #expect(WordDiff(from: "A  b, c.", to: "A b, c.").isEmpty)
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
