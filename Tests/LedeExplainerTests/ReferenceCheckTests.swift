import Foundation
import LedeCore
import LedeMarkdown
import Testing

@testable import LedeContent
@testable import LedeExplainer

/// Every reference between the explainer's files is checked where it is written; sources and
/// terms nothing refers to are warnings.
@Suite struct ReferenceCheckTests {
    /// A small explainer: one seed, two sources, a timeline with one event, a glossary with one
    /// term, an overview and sourcing notes; `changes` replaces or adds files.
    static func files(_ changes: [String: String] = [:]) -> [String: String] {
        let base: [String: String] = [
            "Content/_site.yaml": """
            title: "T"
            base_url: "https://example.org/"
            description: "D"
            author: "A"
            publisher: "P"
            report_error_url: "mailto:e@example.org"
            """,
            "seeds/report.txt": "The council voted on the bridge.\nThe aide spoke.\n",
            "Content/_sources.yaml": """
            reyes:
              kind: person
              attribution: named
              name: Ada Reyes
              role: council member
            aide:
              kind: official
              attribution: anonymous
              label: a council aide
              count: 1
              vantage: familiar with the budget
              why_anonymous: not stated
            """,
            "Content/index.md": """
            ---
            title: "Overview"
            known:
              - text: "The council voted [¶1](seed:p1)."
                sources: [reyes]
            ---
            The bridge vote [¶1](seed:p1).
            """,
            "Content/timeline/index.md": "---\ntitle: Timeline\n---\n",
            "Content/timeline/vote.md": """
            ---
            title: "The vote"
            order: 10
            date: { text: "Monday", precision: relative }
            certainty: reported
            sources: [aide]
            ---
            The council voted [¶1](seed:p1).
            """,
            "Content/glossary/index.md": "---\ntitle: Glossary\n---\n",
            "Content/glossary/bridge.md": "---\ntitle: Bridge\nshort: A crossing.\n---\nA crossing.\n",
            "Content/sourcing-notes.md": "---\ntitle: Sourcing notes\n---\nHow it was made.\n",
        ]
        return base.merging(changes) { _, new in new }
    }

    /// Builds the explainer of `files` in a temporary folder.
    /// - Returns: Its diagnostics, notes left out: the warnings of a build that succeeds, or every problem of one
    ///   that fails.
    static func diagnosticLines(_ files: [String: String]) throws -> [String] {
        let root = FileManager.default.temporaryDirectory.appendingPathComponent("lede-refs-\(UUID().uuidString)")
        defer { try? FileManager.default.removeItem(at: root) }
        for (path, text) in files {
            let url = root.appendingPathComponent(path)
            try FileManager.default.createDirectory(
                at: url.deletingLastPathComponent(), withIntermediateDirectories: true)
            try Data(text.utf8).write(to: url)
        }
        do {
            let site = try ContentLoader(root: root).load()
            let output = try Explainer(site: site, renderer: MarkdownRenderer()).build()
            return output.diagnostics.filter { $0.severity != .note }.map(\.description)
        } catch let error as DiagnosticError {
            return error.diagnostics.map(\.description)
        }
    }

    @Test func aSiteWhoseReferencesAllResolveIsClean() throws {
        #expect(try Self.diagnosticLines(Self.files()) == [])
    }

    /// Found by `make fuzz`: a paragraph whose first characters are a citation's text (blanked
    /// out for the claim checks) put the citation before the first sentence, and the claim
    /// reader cut a range whose end came before its start.
    @Test func aParagraphThatStartsWithACitationIsRead() throws {
        let vote = "Content/timeline/vote.md"
        let event = try #require(Self.files()[vote]).replacingOccurrences(
            of: "\nThe council voted", with: "\n[¶1](seed:p1). The council voted")
        #expect(event.contains("[¶1](seed:p1). The council voted [¶1](seed:p1)."))
        #expect(try Self.diagnosticLines(Self.files([vote: event])) == [])
    }

    @Test func unusedSourcesAndTermsAreWarnings() throws {
        let lines = try Self.diagnosticLines(
            Self.files([
                "Content/timeline/vote.md": """
                ---
                title: "The vote"
                order: 10
                date: { text: "Monday", precision: relative }
                certainty: reported
                ---
                The council voted [¶1](seed:p1).
                """,
                "Content/index.md": "---\ntitle: Overview\n---\nThe vote [¶1](seed:p1).\n",
            ]))
        #expect(
            lines == [
                "Content/_sources.yaml:2:3: warning: source 'reyes' is never used: name it in the 'sources' of the events and overview items that rest on it, or remove it",
                "Content/_sources.yaml:7:3: warning: source 'aide' is never used: name it in the 'sources' of the events and overview items that rest on it, or remove it",
                "Content/glossary/bridge.md: warning: glossary term 'bridge' is never used: no page uses 'Bridge', links to it or lists it in 'related'; use it or remove it",
            ])
    }

    @Test func unknownIdsAreReportedWhereverTheyAreWritten() throws {
        let lines = try Self.diagnosticLines(
            Self.files([
                "Content/index.md": """
                ---
                title: "Overview"
                key_points:
                  - text: "A point on the bridge [¶1](seed:p1)."
                    sources: [mayor]
                known:
                  - text: "The council voted [¶1](seed:p1)."
                    sources: [reyes, aide]
                unknown:
                  - text: "Why [¶2](seed:p2)."
                    sources: reyes-office
                ---
                The vote [¶1](seed:p1).
                """,
                "Content/sourcing-notes.md": """
                ---
                title: Sourcing notes
                unconfirmed:
                  - text: "The cost [¶2](seed:p2)."
                    sources: [aid]
                ---
                How it was made.
                """,
            ]))
        #expect(
            lines == [
                "Content/index.md:5:15: error: unknown source 'mayor' (sources: aide, reyes)",
                "Content/index.md:11:14: error: unknown source 'reyes-office' (sources: aide, reyes)",
                "Content/sourcing-notes.md:5:15: error: unknown source 'aid' (did you mean 'aide'? sources: aide, reyes)",
            ])
    }

    @Test func sourcesMustBeAListOfIds() throws {
        let lines = try Self.diagnosticLines(
            Self.files([
                "Content/index.md": """
                ---
                title: "Overview"
                known:
                  - text: "The council voted on the bridge [¶1](seed:p1)."
                    sources: { reyes: yes }
                ---
                The vote [¶1](seed:p1).
                """
            ]))
        #expect(lines == ["Content/index.md:5:14: error: 'sources' must be a list, found a mapping"])
    }

    @Test func anEventThatFailsItsChecksStillUsesItsSources() throws {
        // The event's missing date is the one problem: 'aide' is not also "never used".
        let lines = try Self.diagnosticLines(
            Self.files([
                "Content/timeline/vote.md": """
                ---
                title: "The vote"
                order: 10
                certainty: reported
                sources: [aide]
                ---
                The council voted on the bridge [¶1](seed:p1).
                """
            ]))
        #expect(
            lines == [
                "Content/timeline/vote.md:2:1: error: timeline event needs 'date' with 'text' and 'precision' (and 'value' for year, month or day)"
            ])
    }

    @Test func aRegistryThatCannotBeReadIsTheOneError() throws {
        let lines = try Self.diagnosticLines(Self.files(["Content/_sources.yaml": "- reyes\n- aide\n"]))
        #expect(
            lines == ["Content/_sources.yaml:1:1: error: the sources registry must map ids to sources, found a list"])
    }

    @Test func aTermUsedOnlyInAnotherEntryOrAsRelatedIsUsed() throws {
        let lines = try Self.diagnosticLines(
            Self.files([
                "Content/glossary/girder.md":
                    "---\ntitle: Girder\nshort: A beam.\nrelated: [span]\n---\nA beam of a bridge.\n",
                "Content/glossary/span.md": "---\ntitle: Span\nshort: A length.\n---\nA length.\n",
                "Content/glossary/deck.md": "---\ntitle: Deck\nshort: A surface.\n---\nIt rests on a girder.\n",
                "Content/index.md": """
                ---
                title: "Overview"
                known:
                  - text: "The council voted on the [deck](term:deck) [¶1](seed:p1)."
                    sources: [reyes]
                ---
                The vote [¶1](seed:p1).
                """,
            ]))
        #expect(lines == [])
    }
}
