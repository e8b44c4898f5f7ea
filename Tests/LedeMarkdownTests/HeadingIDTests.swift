import Testing

@testable import LedeMarkdown

@Suite struct HeadingIDTests {
    @Test func headingGetsAnID() throws {
        let rendered = try render("## Hello, *World*!\n\ntext")
        #expect(rendered.html == "<h2 id=\"hello-world\">Hello, <em>World</em>!</h2>\n<p>text</p>\n")
        #expect(rendered.headings == [Heading(level: 2, text: "Hello, World!", id: "hello-world")])
    }

    @Test func duplicatesAreNumbered() throws {
        let ids = try render("# A\n# A\n# A-1\n# A\n").headings.map(\.id)
        #expect(ids == ["a", "a-1", "a-1-1", "a-2"])
    }

    @Test func punctuationIsDropped() throws {
        let plain = MarkdownOptions(smartPunctuation: false)
        #expect(
            try render("# What's `new` in v2.0? (part_1) -- now", options: plain).headings[0].id
                == "whats-new-in-v20-part_1----now")
        // Ids come from the text as rendered: smart punctuation made `--` an en dash.
        #expect(try render("# What's new -- now").headings[0].id == "whats-new--now")
    }

    @Test func nonASCIILettersStay() throws {
        #expect(try render("# Qué pasó").headings[0].id == "qué-pasó")
        #expect(try render("# Ελληνικά 2024").headings[0].id == "ελληνικά-2024")
    }

    @Test func emptyAndPunctuationOnlyHeadingsAreSections() throws {
        let rendered = try render("#\n\n# !!!\n")
        #expect(rendered.headings.map(\.id) == ["section", "section-1"])
        #expect(rendered.html == "<h1 id=\"section\"></h1>\n<h1 id=\"section-1\">!!!</h1>\n")
    }

    @Test func idsWorkInSafeModeAndInContainers() throws {
        #expect(
            try html("> # Q\n\n- ## L\n")
                == "<blockquote>\n<h1 id=\"q\">Q</h1>\n</blockquote>\n<ul>\n<li>\n<h2 id=\"l\">L</h2>\n</li>\n</ul>\n")
    }

    @Test func setextHeadingsAndLevels() throws {
        let rendered = try render("Title\n=====\n\nSub\n---\n\n###### Six")
        #expect(rendered.headings.map(\.level) == [1, 2, 6])
        #expect(rendered.headings.map(\.text) == ["Title", "Sub", "Six"])
    }
}
