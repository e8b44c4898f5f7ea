import LedeCore
import Testing

@testable import LedeMarkdown

@Suite struct LinkRewriteTests {
    @Test func keepLeavesLinksAlone() throws {
        let rendered = try render("[a](b)", hooks: MarkdownHooks(resolveLink: { _, _ in .keep }))
        #expect(rendered.html == "<p><a href=\"b\">a</a></p>\n")
        #expect(rendered.links == [RenderedLink(destination: "b", resolved: "b", location: testFile)])
    }

    @Test func urlReplacesTheDestination() throws {
        let hooks = MarkdownHooks(resolveLink: { destination, _ in .url("/x/\(destination)") })
        let rendered = try render("[a](b \"T\") ![i](c.png)", hooks: hooks)
        #expect(rendered.html == "<p><a href=\"/x/b\" title=\"T\">a</a> <img src=\"/x/c.png\" alt=\"i\" /></p>\n")
        #expect(rendered.links.map(\.resolved) == ["/x/b", "/x/c.png"])
        #expect(rendered.links.map(\.destination) == ["b", "c.png"])
    }

    @Test func styledLinksAreEscapedAndSurviveSafeMode() throws {
        let hooks = MarkdownHooks(resolveLink: { _, _ in
            .styled(url: "/s/#p3?a=1&b=\"", className: "cite", title: "Paragraph <3>")
        })
        #expect(
            try render("see [¶3 *now*](seed:p3)", hooks: hooks).html
                == "<p>see <a href=\"/s/#p3?a=1&amp;b=&quot;\" class=\"cite\" title=\"Paragraph &lt;3&gt;\" aria-label=\"Paragraph &lt;3&gt;\">"
                + "¶3 <em>now</em></a></p>\n")
        let untitled = MarkdownHooks(resolveLink: { _, _ in .styled(url: "/g/", className: "term", title: nil) })
        #expect(try render("[x](term:a)", hooks: untitled).html == "<p><a href=\"/g/\" class=\"term\">x</a></p>\n")
    }

    @Test func styledDangerousURLIsEmptiedInSafeMode() throws {
        let hooks = MarkdownHooks(resolveLink: { _, _ in .styled(url: "javascript:x", className: "c", title: nil) })
        #expect(try render("[a](b)", hooks: hooks).html == "<p><a href=\"\" class=\"c\">a</a></p>\n")
    }

    @Test func styledOnImageOnlyChangesTheURL() throws {
        let hooks = MarkdownHooks(resolveLink: { _, _ in .styled(url: "/i.png", className: "c", title: nil) })
        #expect(try render("![a](b)", hooks: hooks).html == "<p><img src=\"/i.png\" alt=\"a\" /></p>\n")
    }

    @Test func errorsAreCollectedWithFileLocations() throws {
        let hooks = MarkdownHooks(resolveLink: { destination, location in
            guard destination.hasPrefix("seed:p9") else { return .keep }
            throw DiagnosticError(Diagnostic(at: location, "unknown paragraph '\(destination)'"))
        })
        let source = "Intro [ok](x).\n\n> quoted [bad](seed:p9a)\n\n- item\n  text [¶9](seed:p9b) and ![i](seed:p9c)\n"
        let error = try #require(throws: DiagnosticError.self) { try render(source, hooks: hooks) }
        #expect(
            error.description == """
                Content/a.md:8:10: error: unknown paragraph 'seed:p9a'
                Content/a.md:11:8: error: unknown paragraph 'seed:p9b'
                Content/a.md:11:27: error: unknown paragraph 'seed:p9c'
                """)
    }

    @Test func otherErrorsBecomeDiagnosticsAtTheLink() throws {
        struct Oops: Error, CustomStringConvertible { var description: String { "oops" } }
        let hooks = MarkdownHooks(resolveLink: { _, _ in throw Oops() })
        let error = try #require(throws: DiagnosticError.self) { try render("\n\n  [a](b)", hooks: hooks) }
        #expect(error.description == "Content/a.md:8:3: error: oops")
    }

    @Test func linksAreListedInDocumentOrder() throws {
        let rendered = try render("# [h](1)\n\n[a](2) <https://x.y/3> www.z.org\n\n[^n]\n\n[^n]: [f](4)\n")
        #expect(rendered.links.map(\.destination) == ["1", "2", "https://x.y/3", "http://www.z.org", "4"])
        #expect(rendered.links[0].location == SourceLocation(path: "Content/a.md", line: 6, column: 3))
    }

    @Test func characterColumnsOfSeveralLinksPerLine() throws {
        // Columns are counted in characters, continuing from the previous link on the line.
        let rendered = try render("é [a](1) ü [![i](2)](3) ¶\n日本 [b](4) [c](5)\n")
        #expect(rendered.links.map(\.destination) == ["1", "3", "2", "4", "5"])
        #expect(rendered.links.map(\.location.line) == [6, 6, 6, 7, 7])
        #expect(rendered.links.map(\.location.column) == [3, 12, 13, 4, 11])
    }
}
