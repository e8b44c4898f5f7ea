import Foundation
import LedeCore
import Testing

@testable import LedeBuilder

@Suite struct LinkCheckerTests {
    /// A page with a title, one h1 and `body` in its `<main>`.
    static func page(_ body: String, title: String = "T") -> Data {
        Data(
            """
            <!doctype html><html><head><title>\(title)</title>
            <link rel="stylesheet" href="/base/style.css">
            <script type="application/ld+json">{"a": "<a href=\\"/base/nowhere/\\">x</a>"}</script>
            </head><body><h1 id="top-heading">Heading</h1><main id="main">\(body)</main></body></html>
            """.utf8)
    }

    static func check(
        _ files: [String: Data], sources: [String: String] = [:],
        locations: [String: [String: LedeCore.SourceLocation]] = [:]
    ) -> [String] {
        LinkChecker.check(
            files: files, publicFiles: ["style.css", "img/a.png"], basePath: "/base/", sourceOf: sources,
            baseURL: "https://example.org/base/", linkLocations: locations
        ).map(\.description)
    }

    @Test func goodLinksPass() {
        let files = [
            "index.html": Self.page(
                """
                <a href="/base/about/">About</a> <a href="about/#team">Team</a> <a href="/base/about">no slash</a>
                <a href="https://example.org/base/about/">absolute</a> <a href="https://other.example/x">external</a>
                <a href="mailto:a@example.org">mail</a> <a href="#main">skip</a> <a href="#top">top</a>
                <img src="img/a.png" alt="" srcset="/base/img/a.png 1x, img/a.png 2x">
                <p style="background: url('/base/img/a.png')">x</p>
                """),
            "about/index.html": Self.page("<section id=\"team\"><a href=\"../\">home</a></section>"),
        ]
        #expect(Self.check(files) == [])
    }

    /// A link's place comes from the Markdown step (an event's link is in the event's file, not
    /// in the timeline page's), by the URL it became, percent-encoded or not.
    @Test func brokenLinkIsReportedWhereTheMarkdownStepSawIt() {
        let files = [
            "timeline/index.html": Self.page(
                "<a href=\"/base/glossary/asylum/\">asylum</a> <a href=\"/base/caf%C3%A9/\">café</a>")
        ]
        let problems = Self.check(
            files, sources: ["timeline/index.html": "Content/timeline/index.md"],
            locations: [
                "timeline/index.html": [
                    "/base/glossary/asylum/": LedeCore.SourceLocation(
                        path: "Content/timeline/020-flight.md", line: 4, column: 14),
                    "/base/café/": LedeCore.SourceLocation(path: "Content/timeline/index.md", line: 9, column: 3),
                ]
            ])
        #expect(
            problems == [
                "Content/timeline/020-flight.md:4:14: warning: broken link '/base/glossary/asylum/' in timeline/index.html",
                "Content/timeline/index.md:9:3: warning: broken link '/base/caf%C3%A9/' in timeline/index.html",
            ])
    }

    /// One URL linked three times is one warning at its first place, with the count, not three
    /// warnings all at the first place.
    @Test func aBrokenLinkWrittenThreeTimesIsOneWarning() {
        let files = [
            "about/index.html": Self.page(
                "<a href=\"gone/\">x</a> <a href=\"gone/\">y</a> <a href=\"other/\">z</a> <a href=\"gone/\">w</a>")
        ]
        let problems = Self.check(
            files, sources: ["about/index.html": "Content/about.md"],
            locations: [
                "about/index.html": ["gone/": LedeCore.SourceLocation(path: "Content/about.md", line: 5, column: 2)]
            ])
        #expect(
            problems == [
                "Content/about.md:5:2: warning: broken link 'gone/' in about/index.html (3 times)",
                "Content/about.md: warning: broken link 'other/' in about/index.html",
            ])
    }

    /// `![](img/a.png)` in `Content/side.md` is looked for beside `side/index.html`: the warning
    /// says where the file is and how to write the reference.
    @Test func aFileBesideTheContentFileIsOneFolderUp() {
        let files = ["side/index.html": Self.page("<img src=\"img/a.png\" alt=\"\"> <img src=\"img/b.png\" alt=\"\">")]
        #expect(
            Self.check(files, sources: ["side/index.html": "Content/side.md"]) == [
                "Content/side.md: warning: missing asset 'img/a.png' in side/index.html: relative references start "
                    + "from the page's own folder (side/); the file is one folder up: write '../img/a.png' (or make "
                    + "the page the index.md of a folder that holds the file)",
                "Content/side.md: warning: missing asset 'img/b.png' in side/index.html",
            ])
    }

    @Test func problemsWithoutASourceLineNameTheFile() {
        let files = ["about/index.html": Self.page("<a href=\"gone.html\">x</a>")]
        let problems = Self.check(files, sources: ["about/index.html": "Content/about.md"])
        #expect(problems == ["Content/about.md: warning: broken link 'gone.html' in about/index.html"])
    }

    @Test func missingFragmentsAndAssets() {
        let files = [
            "index.html": Self.page(
                """
                <a href="/base/about/#nobody">x</a><img src="/base/img/b.png" alt="b">
                <script src="app.js"></script><a href="/elsewhere/">out</a><a href="seed:p1">raw</a>
                """),
            "about/index.html": Self.page(""),
        ]
        #expect(
            Self.check(files) == [
                "lede: warning: link to '#nobody' on about/index.html, which has no element with that id in index.html: "
                    + Self.fragmentHint("nobody"),
                "lede: warning: missing asset '/base/img/b.png' in index.html",
                "lede: warning: missing asset 'app.js' in index.html",
                "lede: warning: link outside the base path /base/ '/elsewhere/' in index.html",
                "lede: warning: link with the unresolved scheme 'seed:' 'seed:p1' in index.html",
            ])
    }

    /// What a warning about a fragment that finds nothing says to do.
    static func fragmentHint(_ id: String) -> String {
        "a heading's id is its text in lower case, with hyphens ('## What we know' is '#what-we-know'): "
            + "link to one of that page's headings, or remove '#\(id)'"
    }

    /// A heading reworded: the fragment names the id meant.
    @Test func aMissingFragmentNamesTheIdMeant() {
        let files = [
            "index.html": Self.page(#"<a href="/base/about/#backgrond">x</a><a href="/base/about/#zzzzzz">y</a>"#),
            "about/index.html": Self.page(#"<h2 id="background">B</h2>"#),
        ]
        #expect(
            Self.check(files) == [
                "lede: warning: link to '#backgrond' on about/index.html, which has no element with that id "
                    + "(did you mean '#background'?) in index.html: " + Self.fragmentHint("backgrond"),
                "lede: warning: link to '#zzzzzz' on about/index.html, which has no element with that id in index.html: "
                    + Self.fragmentHint("zzzzzz"),
            ])
    }

    @Test func pageRules() {
        let files = [
            "a/index.html": Self.page("<h1>Second</h1><p id=\"x\"></p><p id=\"x\"></p><img src=\"/base/img/a.png\">"),
            "b/index.html": Self.page("", title: "  "),
        ]
        #expect(
            Self.check(files) == [
                "lede: warning: image without alt text '/base/img/a.png' in a/index.html",
                "lede: warning: page with 2 h1 headings (one expected) in a/index.html",
                "lede: warning: duplicate id 'x' in a/index.html",
                "lede: warning: page without a title in b/index.html",
            ])
    }

    @Test func cssURLsAreChecked() {
        let files = [
            "style.css": Data(
                "/* url(gone.png) */ a { background: url(img/a.png) } b { background: url(\"missing.png\") }".utf8)
        ]
        #expect(Self.check(files) == ["lede: warning: missing asset 'missing.png' in style.css"])
    }

    @Test func scriptContentIsNotMarkup() {
        let tokens = HTMLScanner.tokens(Array("<script>if (a <b) { x = \"</div>\" }</script><p>t</p>".utf8))
        #expect(tokens.map(\.kind) == [.startTag, .rawText, .endTag, .startTag, .text, .endTag])
    }

    @Test func attributesAreScannedTolerantly() {
        let tokens = HTMLScanner.tokens(Array("<a HREF=/x?a=1&amp;b=2 data-x='y' hidden>t</a>".utf8))
        #expect(tokens.first?.attribute("href")?.value == "/x?a=1&b=2")
        #expect(tokens.first?.attribute("data-x")?.value == "y")
        #expect(tokens.first?.attribute("hidden")?.value == "")
    }
}
