import LedeCore
import Testing

@testable import LedeContent

@Suite struct PagePlaceTests {
    func address(_ path: String, slug: String? = nil) throws -> (url: String, output: String?) {
        try PagePlace(relativePath: path).address(slug: slug, slugLocation: nil, path: "Content/" + path)
    }

    @Test(arguments: [
        ("index.md", "/", "index.html"), ("about.md", "/about/", "about/index.html"),
        ("about/index.md", "/about/", "about/index.html"), ("a/b/c.md", "/a/b/c/", "a/b/c/index.html"),
        ("timeline/index.md", "/timeline/", "timeline/index.html"), ("404.md", "/404.html", "404.html"),
        ("sourcing-notes.md", "/sourcing-notes/", "sourcing-notes/index.html"),
    ])
    func urlFromPath(_ path: String, _ url: String, _ output: String) throws {
        let result = try address(path)
        #expect(result.url == url)
        #expect(result.output == output)
    }

    @Test func itemsLiveOnTheirListPage() throws {
        let result = try address("timeline/flight.md")
        #expect(result.url == "/timeline/#flight")
        #expect(result.output == nil)
        #expect(try address("glossary/asylum.md").url == "/glossary/#asylum")
    }

    @Test(arguments: [
        ("index.md", PageKind.overview), ("timeline/index.md", .timeline), ("timeline/a.md", .event),
        ("glossary/index.md", .glossary), ("glossary/a.md", .term), ("sourcing-notes.md", .sourcing),
        ("sourcing-notes/index.md", .sourcing), ("updates/index.md", .updates), ("updates/a.md", .update),
        ("about.md", .page), ("timeline/deep/a.md", .page), ("guides/index.md", .page),
    ])
    func kindFromPath(_ path: String, _ kind: PageKind) {
        #expect(PagePlace(relativePath: path).kind == kind)
    }

    @Test func idIsTheFileOrFolderName() {
        #expect(PagePlace(relativePath: "glossary/asylum.md").id == "asylum")
        #expect(PagePlace(relativePath: "about/index.md").id == "about")
        #expect(PagePlace(relativePath: "index.md").id == "index")
    }

    @Test func slugReplacesTheLastPart() throws {
        #expect(try address("notes/old.md", slug: "new").url == "/notes/new/")
        #expect(try address("about/index.md", slug: "who").output == "who/index.html")
    }

    @Test(arguments: [
        ("..", "'..' is refused anywhere in a name, so that no part of a URL can be read as the parent folder"),
        ("../../etc", "'/' is not allowed: use letters, digits, '-', '_' and '.'"),
        ("a/b", "'/' is not allowed: use letters, digits, '-', '_' and '.'"),
        ("/abs", "'/' is not allowed: use letters, digits, '-', '_' and '.'"),
        ("with space", "a space is not allowed: use letters, digits, '-', '_' and '.'"),
        ("café", "'é' is not allowed: use letters, digits, '-', '_' and '.'"),
        ("tab\there", "U+0009 is not allowed: use letters, digits, '-', '_' and '.'"),
        (".hidden", "it starts with '.', which makes a hidden file on the server"),
        ("a..b", "'..' is refused anywhere in a name, so that no part of a URL can be read as the parent folder"),
        ("", "it is empty"),
    ])
    func invalidSlugs(_ slug: String, _ problem: String) {
        #expect(!Slug.isValid(slug))
        #expect(
            diagnostics { _ = try address("about.md", slug: slug) }
                == "lede: error: invalid slug '\(Diagnostic.oneLine(slug))': \(problem)")
    }

    @Test func slugCheckAgreesWithTheScalarRules() {
        // The rules as first written, on Unicode scalars.
        func reference(_ text: String) -> Bool {
            guard !text.isEmpty, !text.hasPrefix("."), !text.contains("..") else { return false }
            return text.unicodeScalars.allSatisfy { scalar in
                scalar.isASCII
                    && (scalar.properties.isAlphabetic || ("0"..."9").contains(scalar)
                        || "-_.".unicodeScalars.contains(scalar))
            }
        }
        let alphabet = ["a", "Z", "0", "9", "-", "_", ".", "/", " ", "é", "ª", "~", "@", "[", "`", "{", ":"]
        var texts = [""]
        for _ in 0..<3 { texts += texts.flatMap { text in alphabet.map { text + $0 } } }
        for text in Set(texts) { #expect(Slug.isValid(text) == reference(text), "\(text)") }
    }

    @Test(arguments: ["a", "about-us", "v1.2", "snake_case", "UPPER"])
    func validSlugs(_ slug: String) {
        #expect(Slug.isValid(slug))
    }

    @Test func theHomePageHasNoSlug() {
        #expect(
            diagnostics { _ = try address("index.md", slug: "home") } == "lede: error: the home page cannot have a slug"
        )
    }

    @Test func fileNamesMustBeURLSafe() throws {
        #expect(
            diagnostics { _ = try address("My Page.md") }
                == "Content/My Page.md: error: 'My Page' cannot be part of a URL: a space is not allowed: use letters, digits, '-', '_' and '.'; rename it or set 'slug'"
        )
        #expect(try address("My Page.md", slug: "my-page").url == "/my-page/")
        #expect(
            diagnostics { _ = try address("notes/a..b.md") }
                == "Content/notes/a..b.md: error: 'a..b' cannot be part of a URL: '..' is refused anywhere in a name, so that no part of a URL can be read as the parent folder; rename it or set 'slug'"
        )
    }
}
