import Foundation
import LedeCore
import LedeMarkdown
import Testing

@testable import LedeContent
@testable import LedeExplainer

/// Builds the explainer of a small site written into a temporary folder and returns every
/// diagnostic, one per line, whether the build threw or not.
func explainerDiagnostics(_ files: [String: String]) throws -> String {
    let root = FileManager.default.temporaryDirectory.appendingPathComponent("lede-claims-\(UUID().uuidString)")
    defer { try? FileManager.default.removeItem(at: root) }
    var all = files
    all["Content/_site.yaml"] =
        all["Content/_site.yaml"]
            ?? """
            title: "Test explainer"
            base_url: "https://example.org/"
            description: "A test."
            author: { name: "Desk" }
            publisher: { name: "Test", url: "https://example.org/" }
            report_error_url: "https://example.org/errors"
            """
    all["Content/timeline/index.md"] = all["Content/timeline/index.md"] ?? "---\ntitle: \"Timeline\"\n---\n"
    all["seeds/report.txt"] = BundledReport.paragraphs.map(\.text).joined(separator: "\n")
    for (path, text) in all {
        let url = root.appendingPathComponent(path)
        try FileManager.default.createDirectory(at: url.deletingLastPathComponent(), withIntermediateDirectories: true)
        try Data(text.utf8).write(to: url)
    }
    do {
        let site = try ContentLoader(root: root).load()
        let output = try Explainer(site: site, renderer: MarkdownRenderer()).build()
        return output.diagnostics.map(\.description).joined(separator: "\n")
    } catch let error as DiagnosticError {
        return error.description
    }
}

/// A timeline event file with the given title and body.
func event(_ title: String, certainty: String = "stated", _ body: String) -> String {
    """
    ---
    title: "\(title)"
    order: 10
    date:
      text: "In 2024"
      precision: year
      value: "2024"
    certainty: \(certainty)
    ---
    \(body)
    """
}

@Suite struct ClaimSilenceTests {
    @Test func findingsAreWarningsAtTheClaim() throws {
        let text = try explainerDiagnostics([
            "Content/timeline/detention.md": event(
                "Deportees held in detention for months",
                "Some deportees reportedly agreed to leave after months in detention [¶7](seed:p7).\n\nNobody knows more."
            )
        ])
        #expect(
            text == """
                Content/timeline/detention.md:2:8: warning: the title drops "some" that ¶7 carries
                Content/timeline/detention.md:2:8: warning: the title drops "reportedly" that ¶7 carries
                Content/timeline/detention.md:12:1: warning: the sentence states something but cites no paragraph: cite the one it comes from, as in [¶1](seed:p1)
                lede: note: mend a claim warning in its sentence (say what the paragraph says, or cite the one that says it); when the sentence is right, silence the warning with the reason, in the event's front matter: allow: ['drops "some": the reason']
                """)
    }

    @Test func aSentencePointingToAnotherPageStatesNothing() throws {
        let text = try explainerDiagnostics([
            "Content/sourcing-notes.md": "---\ntitle: \"Sourcing notes\"\n---\n## Grace Okafor\n\nThe union.\n",
            "Content/timeline/detention.md": event(
                "Deportees held in detention for months",
                """
                Some deportees reportedly agreed to leave after months in detention [¶7](seed:p7). See [her entry](../sourcing-notes.md#grace-okafor) in the sourcing notes. Her role is described in the [sourcing notes](../sourcing-notes.md).

                Her role is [described](../sourcing-notes.md) by the union. She leads the union, as the [sourcing notes](https://example.com/notes) say.
                """),
        ])
        #expect(
            text == """
                Content/timeline/detention.md:2:8: warning: the title drops "some" that ¶7 carries
                Content/timeline/detention.md:2:8: warning: the title drops "reportedly" that ¶7 carries
                Content/timeline/detention.md:12:1: warning: the sentence states something but cites no paragraph: cite the one it comes from, as in [¶1](seed:p1)
                Content/timeline/detention.md:12:61: warning: the sentence states something but cites no paragraph: cite the one it comes from, as in [¶1](seed:p1)
                lede: note: mend a claim warning in its sentence (say what the paragraph says, or cite the one that says it); when the sentence is right, silence the warning with the reason, in the event's front matter: allow: ['drops "some": the reason']
                """)
        #expect(ClaimReader.isPage("../sourcing-notes.md#grace-okafor"))
        #expect(ClaimReader.isPage("/timeline/#flight"))
        #expect(ClaimReader.isPage("#grace-okafor"))
        #expect(!ClaimReader.isPage("https://example.com/notes"))
        #expect(!ClaimReader.isPage("mailto:desk@example.org"))
        #expect(!ClaimReader.isPage("seed:p7"))
    }

    @Test func aSilenceWithAReasonSilencesItsFinding() throws {
        let text = try explainerDiagnostics([
            "Content/timeline/detention.md": event(
                "Some deportees reportedly held in detention for months",
                """
                In most cases asylum requests had been denied, the officials said [¶7](seed:p7). <!-- lede: allow drops "nearly": the paragraph above quotes "in nearly all cases" in full -->
                """)
        ])
        #expect(
            text
                == "lede: note: 1 claim finding is silenced in the content, each with its reason (<!-- lede: allow … -->)"
        )
    }

    @Test func aSilenceWithoutAReasonIsRefused() throws {
        let text = try explainerDiagnostics([
            "Content/timeline/detention.md": event(
                "Some deportees reportedly held in detention for months",
                """
                In most cases asylum requests had been denied, the officials said [¶7](seed:p7).
                <!-- lede: allow drops "nearly" -->
                """)
        ])
        #expect(
            text == """
                lede: note: mend a claim warning in its sentence (say what the paragraph says, or cite the one that says it); when the sentence is right, silence the warning with the reason, right after it: <!-- lede: allow drops "nearly": the reason -->
                Content/timeline/detention.md:10:1: warning: the sentence drops "nearly" that ¶7 carries
                Content/timeline/detention.md:11:1: error: this silence gives no reason and is refused: write why the finding is wrong after a colon (<!-- lede: allow drops "nearly": the reason -->)
                """)
    }

    @Test func aSilenceThatNamesNoFindingIsReported() throws {
        let text = try explainerDiagnostics([
            "Content/timeline/detention.md": event(
                "Some deportees reportedly held in detention for months",
                """
                In nearly all cases asylum requests had been denied, the officials said [¶7](seed:p7). <!-- lede: allow drops “nearly”: no longer needed -->

                <!-- lede: allow uncited: before any claim -->
                """)
        ])
        #expect(
            text == """
                Content/timeline/detention.md:10:88: warning: this silence (drops "nearly") names no finding of the claim before it: remove it
                Content/timeline/detention.md:12:1: warning: this silence (uncited) names no finding of the claim before it: remove it
                """)
    }

    /// A silence in a title's body is not the title's: a title's silences are a front-matter
    /// list beside it, each with its reason.
    @Test func titlesAreSilencedInTheirFrontMatter() throws {
        let body = "Some deportees reportedly agreed to leave after months in detention [¶7](seed:p7)."
        let text = try explainerDiagnostics([
            "Content/timeline/detention.md": event(
                "Deportees held in detention for months",
                """
                <!-- lede: allow drops "some": the title is short -->

                \(body)
                """),
            "Content/timeline/silenced.md": event(
                "Deportees held in detention for months", body
            ).replacingOccurrences(
                of: "certainty: stated\n",
                with:
                    "certainty: stated\nallow:\n  - 'drops \"some\": the body says some'\n  - 'drops \"reportedly\"'\n"
            ).replacingOccurrences(of: "order: 10", with: "order: 20"),
        ])
        #expect(
            text == """
                lede: note: mend a claim warning in its sentence (say what the paragraph says, or cite the one that says it); when the sentence is right, silence the warning with the reason, in the event's front matter: allow: ['drops "some": the reason']
                lede: note: 1 claim finding is silenced in the content, each with its reason (<!-- lede: allow … -->)
                Content/timeline/detention.md:2:8: warning: the title drops "some" that ¶7 carries
                Content/timeline/detention.md:2:8: warning: the title drops "reportedly" that ¶7 carries
                Content/timeline/detention.md:10:1: warning: this silence follows no claim: put it right after the sentence or item it silences (a title's silences go in its front matter: allow: ['drops "…": the reason'])
                Content/timeline/silenced.md:2:8: warning: the title drops "reportedly" that ¶7 carries
                Content/timeline/silenced.md:11:5: error: this silence gives no reason and is refused: write why the finding is wrong after a colon (<!-- lede: allow drops "reportedly": the reason -->)
                """)
    }

    /// A finding in a folded block (`notes: >-`) is at its own line and column in the file.
    @Test func findingsInABlockScalarAreAtTheirLine() throws {
        let text = try explainerDiagnostics([
            "Content/_sources.yaml": """
            officials:
              kind: official
              attribution: anonymous
              label: "two senior Iranian officials"
              count: 2
              vantage: "involved in the negotiations"
              why_anonymous: not stated
              notes: >-
                They spoke anonymously [¶1](seed:p1).
                They were involved in the
                negotiations. Nobody else was.
            """,
            "Content/sourcing-notes.md": "---\ntitle: \"Sourcing notes\"\n---\nHow we worked.\n",
            "Content/timeline/talks.md": event(
                "Iranian officials: several months of negotiations", certainty: "reported",
                "The deportation followed several months of negotiations [¶8](seed:p8)."
            ).replacingOccurrences(of: "certainty: reported\n", with: "certainty: reported\nsources: [officials]\n"),
        ])
        #expect(
            text
                == "Content/_sources.yaml:10:5: warning: the sentence states something but cites no paragraph: "
                + "cite the one it comes from, as in [¶1](seed:p1)\n"
                + "Content/_sources.yaml:11:19: warning: the sentence states something but cites no paragraph: "
                + "cite the one it comes from, as in [¶1](seed:p1)\n"
                + "lede: note: mend a claim warning in its sentence (say what the paragraph says, or cite the one that "
                + "says it); when the sentence is right, silence the warning with the reason, right after it: "
                + "<!-- lede: allow uncited: the reason -->")
    }

    /// A source's own notes speak of it: "They said" needs no other attribution.
    @Test func sourceNotesAreAttributedToTheirSource() throws {
        let text = try explainerDiagnostics([
            "Content/_sources.yaml": """
            officials:
              kind: official
              attribution: anonymous
              label: "two senior Iranian officials"
              count: 2
              vantage: "involved in the negotiations"
              why_anonymous: not stated
              notes: "The deportation followed several months of negotiations between the two nations [¶8](seed:p8)."
            """,
            "Content/timeline/talks.md": event(
                "Iranian officials: several months of negotiations", certainty: "reported",
                "The deportation followed several months of negotiations [¶8](seed:p8)."
            ).replacingOccurrences(of: "certainty: reported\n", with: "certainty: reported\nsources: [officials]\n"),
        ])
        #expect(text == "")
    }

    @Test func listItemsAreClaimsAndTakeSilencesInside() throws {
        let text = try explainerDiagnostics([
            "Content/index.md": """
            ---
            title: "Overview"
            key_points:
              - 'Most asylum requests had been denied, the Iranian officials said [¶7](seed:p7). <!-- lede: allow drops "nearly": quoted in full below -->'
              - 'The report says the deportation followed several months of negotiations [¶8](seed:p8).'
            known:
              - text: 'The deportation followed several months of negotiations [¶8](seed:p8).'
                sources: [iranian-officials]
            ---
            """,
            "Content/_sources.yaml": """
            iranian-officials:
              kind: official
              attribution: anonymous
              label: "two senior Iranian officials"
              count: 2
              vantage: "involved in the negotiations"
              why_anonymous: not stated
            """,
        ])
        #expect(
            text == """
                Content/index.md:5:5: warning: the item drops "according to the Iranian officials" that ¶8 carries
                lede: note: mend a claim warning in its sentence (say what the paragraph says, or cite the one that says it); when the sentence is right, silence the warning with the reason, right after it: <!-- lede: allow drops "according to the Iranian officials": the reason -->
                lede: note: 1 claim finding is silenced in the content, each with its reason (<!-- lede: allow … -->)
                """)
    }

    @Test func silencesThatCannotBeRead() {
        let at = SourceLocation(path: "Content/a.md", line: 3, column: 4)
        #expect(
            diagnostics { _ = try Silence.read("<!-- lede: allow hedge \"nearly\": why -->", at: at) }
                == "Content/a.md:3:4: error: cannot read this silence: 'hedge' is not a check (checks: drops, number, date, name, quote, speaker, uncited); a silence reads <!-- lede: allow drops \"nearly\": why the finding is wrong -->"
        )
        #expect(
            diagnostics { _ = try Silence.read("<!-- lede: allow drops nearly: why -->", at: at) }
                == "Content/a.md:3:4: error: cannot read this silence: put the words of the finding in quotes after 'drops', as in <!-- lede: allow drops \"nearly\": why the finding is wrong -->"
        )
        #expect(
            diagnostics { _ = try Silence.read("<!-- lede: allow uncited:   -->", at: at) }
                == "Content/a.md:3:4: error: this silence gives no reason and is refused: write why the finding is wrong after a colon (<!-- lede: allow uncited: the reason -->)"
        )
        #expect(throws: Never.self) { try Silence.read("<!-- an ordinary comment -->", at: at) }
        #expect(
            (try? Silence.read("<!-- lede: allow name “Tehran”: the city is named in ¶3 -->", at: at))
                == Silence(check: "name", subject: "Tehran", reason: "the city is named in ¶3", location: at))
    }
}
