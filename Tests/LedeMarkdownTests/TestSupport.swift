import LedeCore
import LedeMarkdown

/// Where test documents pretend to be: a body starting on line 6, below front matter.
let testFile = SourceLocation(path: "Content/a.md", line: 6, column: 1)

/// Renders with the default options (smart punctuation, safe mode, footnotes).
func render(
    _ source: String, options: MarkdownOptions = MarkdownOptions(), hooks: MarkdownHooks = MarkdownHooks()
) throws -> RenderedMarkdown {
    try MarkdownRenderer(options: options).render(source, file: testFile, hooks: hooks)
}

/// Renders and returns only the HTML.
func html(_ source: String, options: MarkdownOptions = MarkdownOptions()) throws -> String {
    try render(source, options: options).html
}
