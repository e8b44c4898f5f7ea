import LedeCore
import Testing

@testable import LedeMarkdown

@Suite struct ExtensionTests {
    @Test func strikethrough() throws {
        #expect(try html("~~x~~") == "<p><del>x</del></p>\n")
    }

    @Test func autolink() throws {
        #expect(
            try html("www.example.com and https://a.b/c")
                == "<p><a href=\"http://www.example.com\">www.example.com</a> and <a href=\"https://a.b/c\">https://a.b/c</a></p>\n"
        )
    }

    @Test func table() throws {
        let expected = """
            <table>
            <thead>
            <tr>
            <th align="left">a</th>
            <th align="right">b</th>
            </tr>
            </thead>
            <tbody>
            <tr>
            <td align="left">1</td>
            <td align="right">2</td>
            </tr>
            </tbody>
            </table>

            """
        #expect(try html("| a | b |\n|:-|-:|\n| 1 | 2 |\n") == expected)
    }

    @Test func tasklist() throws {
        #expect(
            try html("- [ ] a\n- [x] b\n")
                == "<ul>\n<li><input type=\"checkbox\" disabled=\"\" /> a</li>\n"
                + "<li><input type=\"checkbox\" checked=\"\" disabled=\"\" /> b</li>\n</ul>\n")
    }

    @Test func tagfilterInUnsafeMode() throws {
        #expect(
            try html("a <title>t</title>", options: MarkdownOptions(unsafeHTML: true))
                == "<p>a &lt;title>t&lt;/title></p>\n")
    }

    @Test func footnotes() throws {
        let rendered = try render("Hi[^1] and[^2]\n\n[^1]: one\n[^2]: two\n[^3]: unused\n")
        #expect(rendered.footnoteCount == 2)
        #expect(
            rendered.html.hasPrefix(
                "<p>Hi<sup class=\"footnote-ref\"><a href=\"#fn-1\" id=\"fnref-1\" data-footnote-ref>1</a></sup>"))
        #expect(rendered.html.contains("<section class=\"footnotes\" data-footnotes>\n<ol>\n<li id=\"fn-1\">"))
        #expect(!rendered.html.contains("unused"))
    }

    @Test func footnotesOff() throws {
        let rendered = try render("Hi[^1]\n\n[^1]: one\n", options: MarkdownOptions(footnotes: false))
        #expect(rendered.footnoteCount == 0)
        #expect(rendered.html == "<p>Hi<a href=\"one\">^1</a></p>\n")
    }
}

@Suite struct PunctuationAndSafetyTests {
    @Test func smartPunctuation() throws {
        #expect(try html("\"Hello\" -- it's ... ---") == "<p>“Hello” – it’s … —</p>\n")
    }

    @Test func smartPunctuationOff() throws {
        #expect(
            try html("\"Hello\" -- it's", options: MarkdownOptions(smartPunctuation: false))
                == "<p>&quot;Hello&quot; -- it's</p>\n")
    }

    @Test func safeModeOmitsRawHTML() throws {
        #expect(
            try html("<div>z</div>\n\na <b>y</b>")
                == "<!-- raw HTML omitted -->\n<p>a <!-- raw HTML omitted -->y<!-- raw HTML omitted --></p>\n")
    }

    @Test func safeModeEmptiesJavascriptLinks() throws {
        #expect(
            try html("[a](javascript:alert(1)) [b](vbscript:x)") == "<p><a href=\"\">a</a> <a href=\"\">b</a></p>\n")
        #expect(
            try html("![i](data:image/png;base64,AA)") == "<p><img src=\"data:image/png;base64,AA\" alt=\"i\" /></p>\n")
    }

    @Test func unsafeModeKeepsRawHTML() throws {
        let options = MarkdownOptions(unsafeHTML: true)
        #expect(try html("<div>z</div>\n\na <b>y</b>", options: options) == "<div>z</div>\n<p>a <b>y</b></p>\n")
        #expect(try html("[a](javascript:x)", options: options) == "<p><a href=\"javascript:x\">a</a></p>\n")
    }
}

@Suite struct RenderInlineAndCountsTests {
    let renderer = MarkdownRenderer()

    @Test func inlineDropsTheParagraph() throws {
        #expect(try renderer.renderInline("*a* b", file: testFile).html == "<em>a</em> b")
    }

    @Test func inlineKeepsSeveralBlocks() throws {
        #expect(try renderer.renderInline("a\n\nb", file: testFile).html == "<p>a</p>\n<p>b</p>\n")
        #expect(try renderer.renderInline("- a", file: testFile).html == "<ul>\n<li>a</li>\n</ul>\n")
    }

    @Test func inlineRunsTheHooks() throws {
        let hooks = MarkdownHooks(resolveLink: { _, _ in .url("/sources/s/#p3") })
        let rendered = try renderer.renderInline("[¶3](seed:p3)", file: testFile, hooks: hooks)
        #expect(rendered.html == "<a href=\"/sources/s/#p3\">¶3</a>")
        #expect(rendered.links.map(\.location) == [SourceLocation(path: "Content/a.md", line: 6, column: 1)])
    }

    @Test func inlineSnippetColumnsStartAtTheSnippet() throws {
        let item = SourceLocation(path: "Content/index.md", line: 4, column: 5)
        let hooks = MarkdownHooks(resolveLink: { _, location in
            throw DiagnosticError(Diagnostic(at: location, "unknown"))
        })
        let error = try #require(throws: DiagnosticError.self) {
            try renderer.renderInline("A [¶1](seed:p1)\nand [¶2](seed:p2)", file: item, hooks: hooks)
        }
        #expect(error.diagnostics.map(\.location?.description) == ["Content/index.md:4:7", "Content/index.md:5:5"])
    }

    @Test func wordCountCountsTextAndCode() throws {
        #expect(try render("# Two words\n\nOne — `two three` *four*\n\n```\nfive six\n```\n").wordCount == 8)
        #expect(try render("").wordCount == 0)
    }

    @Test func emptyDocument() throws {
        #expect(try render("") == RenderedMarkdown(html: ""))
    }
}
