import Foundation
import LedeBuilder
import LedeCore
import Testing

/// Each site under `Tests/Fixtures/InvalidSites/` has one mistake: the build must report it
/// with its full text and `path:line:col`, and leave the previous output untouched.
@Suite struct InvalidSiteTests {
    static let foundationCases: [(String, String)] = [
        (
            "malformed-yaml",
            """
            Content/about.md:3:14: error: unclosed '[': this list has no closing ']'
              caused by: libyaml: did not find expected ',' or ']' (while parsing a flow sequence) at 4:1
            """
        ),
        (
            "front-matter-not-mapping",
            "Content/about.md:2:1: error: front matter must be a mapping of keys to values, found a list"
        ),
        ("unknown-template", "Content/about.md:3:11: error: unknown template 'nope' (templates: 404, page, source)"),
        ("template-syntax-error", "Templates/page.mustache:2:1: error: unclosed section 'page.content'"),
        (
            "unknown-partial",
            "Templates/page.mustache:2:3: error: unknown partial 'partials/header' (templates: 404, page, source)"
        ),
        (
            "slug-escapes-output",
            "Content/about.md:3:7: error: invalid slug '../../etc': '/' is not allowed: use letters, digits, '-', '_' and '.'"
        ),
        (
            "duplicate-url",
            "Content/about/index.md: error: Content/about.md and Content/about/index.md both make the page /about/: "
                + "rename or move one of them, or give one a 'slug'"
        ),
        (
            // The slug is in the first file (new-user trial: reported at the second, with no line).
            "slug-takes-a-later-files-url",
            "Content/about.md:3:7: error: Content/about.md and Content/team.md both make the page /team/: "
                + "give one of them another 'slug'"
        ),
        (
            "duplicate-slug",
            "Content/team.md:3:7: error: Content/about.md and Content/team.md both make the page /about/: "
                + "give one of them another 'slug'"
        ),
        ("invalid-utf8", "Content/about.md:4:4: error: file is not valid UTF-8 (byte 0xE9)"),

        (
            "missing-config",
            "Content/_site.yaml: error: missing site config: create Content/_site.yaml with title, base_url, description, author, publisher and report_error_url"
        ),
    ]

    /// A warning found while reading the content (a misspelt key) is printed with the errors of
    /// a later step that stops the build, not only once they are fixed (new-user trial).
    @Test func readingWarningsStayWithALaterStepsErrors() async throws {
        let workspace = try IncrementalBuildTests.Workspace()
        try workspace.replace("Content/index.md", "title: ", with: "descripiton: \"x\"\ntitle: ")
        try workspace.write("Content/posts/bad.md", "---\ntitle: \"Bad\"\n---\nSee [the report](seed:p999).\n")
        let options = BuildOptions(siteRoot: workspace.site, output: workspace.root.appendingPathComponent("Output"))
        do {
            _ = try await SiteBuilder(options: options).build()
            Issue.record("the build succeeded")
        } catch let error as DiagnosticError {
            let lines = error.diagnostics.map(\.description)
            #expect(lines.contains { $0.hasPrefix("Content/posts/bad.md:4:5: error: ") && $0.contains("p999") })
            #expect(lines.contains { $0.hasPrefix("Content/index.md:2:1: warning: unknown key 'descripiton'") })
        }
    }

    /// Found after the pages are rendered: the fixture's bare templates add their warnings.
    @Test func aPublicFileThatWouldOverwriteAGeneratedFileSaysWhatToDo() async throws {
        let lines = try await expectBuildFailure("public-overwrites-generated").split(separator: "\n")
        #expect(
            lines.filter { $0.contains("error:") } == [
                "Public/robots.txt: error: Public/robots.txt would overwrite the generated file robots.txt, which Lede "
                    + "writes itself: rename or remove Public/robots.txt"
            ])
    }

    @Test(arguments: foundationCases)
    func foundation(_ name: String, _ expected: String) async throws {
        #expect(try await expectBuildFailure(name) == expected)
    }

    static let explainerCases: [(String, String)] = [
        (
            "unknown-paragraph",
            "Content/about.md:5:19: error: unknown source paragraph 'p13' in report (the seed has p1…p3)"
        ),
        ("unknown-document", "Content/about.md:4:20: error: unknown source document 'other' (seeds: report)"),
        ("unknown-term", "Content/about.md:4:43: error: unknown glossary term 'viaduct' (terms: bridge)"),
        (
            "anonymous-without-vantage",
            #"Content/_sources.yaml:2:3: error: anonymous source 'aide' has no vantage: say how they know (vantage: "involved in the negotiations"), or write vantage: not stated when the report does not say"#
        ),
        (
            "event-without-citation",
            "Content/timeline/vote.md:10:1: error: timeline event cites no source paragraph: add a citation such as [¶1](seed:p1)"
        ),
        (
            "known-without-citation",
            "Content/index.md:5:11: error: “what the report says” item cites no source paragraph: add a citation such as [¶1](seed:p1)"
        ),
        (
            "day-precision-year-value",
            "Content/timeline/vote.md:7:10: error: date value '2024' does not match precision day (like 2025-09-14)"
        ),
        (
            "relative-date-with-value",
            "Content/timeline/vote.md:7:10: error: a relative date cannot have a value ('2024-09-14'): it would claim more precision than the source gives"
        ),
        ("unknown-event-source", "Content/timeline/vote.md:8:17: error: unknown source 'mayor' (sources: aide)"),
        (
            "unknown-related-term",
            "Content/glossary/bridge.md:4:11: error: unknown related term 'viaduct' (terms: bridge)"
        ),
        (
            "item-without-list-page",
            "Content/timeline/vote.md: error: this event is shown on the timeline page, which does not exist: create Content/timeline/index.md"
        ),
        (
            "unknown-label",
            "Content/_strings.yaml:3:14: error: unknown label 'nav_timline' (did you mean 'nav_timeline'?)"
        ),
        (
            "duplicate-timeline-order",
            "Content/timeline/vote.md:3:8: error: order 10 is also used by Content/timeline/meeting.md: timeline order must be unique"
        ),
    ]

    @Test(arguments: explainerCases)
    func explainer(_ name: String, _ expected: String) async throws {
        #expect(try await expectBuildFailure(name) == expected)
    }

    static let templatesCases: [(String, String)] = [
        (
            "template-partial-cycle",
            "Templates/partials/header.mustache:1:9: error: partial cycle partials/header → partials/nav → partials/header"
        ),
        (
            "template-layout-cycle",
            "Templates/base.mustache:2:1: error: layout cycle base → block 'main' of page → base"
        ),
        (
            "template-too-deep",
            "Templates/page.mustache:102:1: error: section 'page' is nested 101 levels deep (the limit is 100)"
        ),
        ("template-invalid-utf8", "Templates/page.mustache:2:4: error: file is not valid UTF-8 (byte 0xAB)"),
    ]

    @Test(arguments: templatesCases)
    func templates(_ name: String, _ expected: String) async throws {
        #expect(try await expectBuildFailure(name) == expected)
    }

    /// Inputs that crashed Lede or were accepted silently or reported unclearly (issue 8).
    static let reliabilityCases: [(String, String)] = [
        (
            "yaml-billion-laughs",
            "Content/about.md:4:10: error: YAML aliases (*name) are not supported: write the value out in full"
        ),
        (
            "yaml-tab",
            """
            Content/about.md:3:1: error: tab character: YAML indents with spaces only; replace the tab with spaces
              caused by: libyaml: found character that cannot start any token (while scanning for the next token) at 3:1
            """
        ),
        (
            "yaml-unclosed-quote",
            """
            Content/about.md:2:8: error: unclosed quote: this " is not closed on its line
              caused by: libyaml: did not find expected key (while parsing a block mapping) at 3:15
            """
        ),
        (
            "bad-language",
            "Content/_site.yaml:7:11: error: language 'en US' is not a BCP 47 tag: join its parts with '-', not spaces (en-US)"
        ),
        (
            "self-related-term",
            "Content/glossary/bridge.md:4:11: error: term 'bridge' is related to itself: remove 'bridge' from 'related'"
        ),
        (
            "repeated-alias",
            "Content/glossary/viaduct.md:4:11: error: alias 'Spans' is also the alias 'span' of the term 'bridge' at Content/glossary/bridge.md:4:21: a phrase can link to only one term"
        ),
        (
            "alias-is-another-title",
            "Content/glossary/viaduct.md:4:11: error: alias 'bridges' is also the title 'Bridge' of the term 'bridge' at Content/glossary/bridge.md:2:8: a phrase can link to only one term"
        ),
    ]

    @Test(arguments: reliabilityCases)
    func reliability(_ name: String, _ expected: String) async throws {
        #expect(try await expectBuildFailure(name) == expected)
    }

    /// Mistakes `lede check` must catch for an editor to trust it, each reported once, at the
    /// place the author went wrong, and without follow-on errors (issue 9).
    static let trustCases: [(String, String)] = [
        (
            "source-old-fields",
            #"""
            Content/_sources.yaml:4:16: error: source 'aide': 'description' is replaced by 'label': write how the explainer refers to the source, in full, with its article or number (label: "two senior Iranian officials", label: "a U.S. official")
            Content/_sources.yaml:6:14: error: source 'aide': 'anonymous' is replaced by 'attribution': write attribution: anonymous, named (with 'name') or on-record-unnamed
            """#
        ),
        (
            // The event also names the broken entry: that use is not a second, false error.
            "bad-source-entry-no-cascade",
            #"Content/_sources.yaml:3:16: error: source 'council-minutes' is named: add 'name', the name the report gives (name: "Ada Reyes", or a document's title)"#
        ),
        (
            "source-count-out-of-range",
            "Content/_sources.yaml:5:10: error: the count of source 'aide' must be a whole number from 1 to 1000, found 0"
        ),
        (
            "anonymous-without-why",
            "Content/_sources.yaml:2:3: error: anonymous source 'aide' has no 'why_anonymous': give the reason the report gives, or write why_anonymous: not stated when the report does not say"
        ),
        ("unknown-overview-source", "Content/index.md:5:21: error: unknown source 'mayor' (sources: aide)"),
        (
            // Two other pages link to the page and its #team heading: no "broken link" warnings.
            "template-fails-on-one-page",
            "Templates/broken.mustache:2:4: error: missing key 'page.subtitle' in context while rendering Content/about.md"
        ),
        (
            // The term that relates itself to the broken one is not a second, false error.
            "misspelt-short",
            "Content/glossary/bridge.md:3:1: error: glossary term needs 'short': a one- or two-sentence plain definition (found 'shrt': did you mean 'short'?)"
        ),
        (
            "misspelt-certainty",
            "Content/timeline/vote.md:7:1: error: timeline event needs 'certainty': stated, reported, expected or disputed (found 'certanty': did you mean 'certainty'?)"
        ),
        (
            // The value is not checked against a precision that was not read.
            "misspelt-date-precision",
            "Content/timeline/vote.md:6:3: error: 'date' needs 'precision': year, month, day, relative or unknown (found 'precison': did you mean 'precision'?)"
        ),
        (
            // Read as another day, the page showed 2 March 2026 and the feed 2026-03-02.
            "impossible-update-date",
            "Content/updates/2026-02-30-first.md:3:7: error: 2026-02-30 is not a date: February 2026 has 28 days"
        ),
        (
            "impossible-event-date",
            "Content/timeline/vote.md:7:10: error: 2026-02-31 is not a date: February 2026 has 28 days"
        ),
        (
            "misspelt-title",
            "Content/about.md:2:1: error: missing required key 'title' (found 'titel': did you mean 'title'?)"
        ),
    ]

    @Test(arguments: trustCases)
    func trust(_ name: String, _ expected: String) async throws {
        #expect(try await expectBuildFailure(name) == expected)
    }

    /// The name of every case declared above.
    static var allCases: [String] {
        (foundationCases + explainerCases + templatesCases + reliabilityCases + trustCases).map(\.0) + [
            "public-overwrites-generated"
        ]
    }

    /// Every folder under `InvalidSites/` is a declared case, and every case has its folder.
    @Test func everyCaseIsTested() throws {
        let cases = try FileManager.default.contentsOfDirectory(
            atPath: Fixtures.root.appendingPathComponent("InvalidSites").path)
        #expect(Set(cases) == Set(Self.allCases))
    }
}
