import LedeCore
import LedeMarkdown
import Testing

@Suite struct ProseTests {
    @Test func blocksKeepTheirTextLinksAndPlaces() throws {
        let rendered = try render(
            """
            ## A heading

            Some *deportees* "reportedly" agreed [¶7](seed:p7). <!-- lede: note -->
            A second line ![a map](map.png) [more](b.md).

            <!-- a block -->
            """)
        #expect(rendered.prose.map(\.kind) == [.heading, .paragraph, .html])
        let paragraph = rendered.prose[1]
        #expect(paragraph.text == "Some deportees “reportedly” agreed ¶7.  A second line  more.")
        #expect(paragraph.location == SourceLocation(path: "Content/a.md", line: 8, column: 1))
        // Links count images too, in document order, as RenderedMarkdown.links does.
        #expect(paragraph.links.map(\.index) == [0, 1, 2])
        #expect(paragraph.links.map(\.range) == [35..<37, 54..<54, 55..<59])
        #expect(rendered.links[0].destination == "seed:p7")
        #expect(paragraph.markup.map(\.offset) == [39])
        #expect(paragraph.markup.map(\.literal) == ["<!-- lede: note -->"])
        #expect(paragraph.markup.map(\.location) == [SourceLocation(path: "Content/a.md", line: 8, column: 53)])
        // "A" of the second line, and "agreed" on the first.
        #expect(paragraph.location(at: 40) == SourceLocation(path: "Content/a.md", line: 9, column: 1))
        #expect(paragraph.location(at: 28) == SourceLocation(path: "Content/a.md", line: 8, column: 31))
        #expect(rendered.prose[2].text == "<!-- a block -->\n")
        #expect(rendered.prose[2].location == SourceLocation(path: "Content/a.md", line: 11, column: 1))
    }

    @Test func aSnippetStartingMidLineIsShifted() throws {
        let rendered = try MarkdownRenderer().renderInline(
            "Most were denied [¶7](seed:p7).", file: SourceLocation(path: "Content/index.md", line: 9, column: 7))
        #expect(rendered.prose.first?.location(at: 5) == SourceLocation(path: "Content/index.md", line: 9, column: 12))
        #expect(rendered.links.first?.location == SourceLocation(path: "Content/index.md", line: 9, column: 24))
    }
}
