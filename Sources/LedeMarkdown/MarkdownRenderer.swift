public import LedeCore

/// Renders Markdown to HTML with GitHub's extensions, heading ids, link rewriting and
/// glossary linking.
///
/// Extensions: tables, strikethrough, autolinks, the tag filter and task lists; footnotes and
/// smart punctuation as ``MarkdownOptions`` say. Renderers may be used from many tasks at
/// once: everything runs in parallel, parsing too once the parse gate (`CMarkParseGate`) has
/// proven it safe (until then, or with a cmark-gfm build where it cannot be, parses run one at
/// a time).
public struct MarkdownRenderer: Sendable {
    /// The options every document is rendered with.
    public var options: MarkdownOptions

    /// Creates a renderer.
    /// - Parameter options: Parsing and rendering options.
    public init(options: MarkdownOptions = MarkdownOptions()) {
        self.options = options
    }

    /// Renders a Markdown document.
    /// - Parameters:
    ///   - source: The Markdown body.
    ///   - file: Where the body's first line is: a body that starts on line 6 of
    ///     `Content/a.md` is `SourceLocation(path: "Content/a.md", line: 6, column: 1)`.
    ///   - hooks: Link rewriting and glossary linking.
    ///   - everyLineIndented: As for ``renderInline(_:file:hooks:everyLineIndented:)``.
    /// - Returns: The HTML and what was found on the way.
    /// - Throws: `DiagnosticError` with every bad link at its `path:line:col`.
    public func render(
        _ source: String, file: SourceLocation, hooks: MarkdownHooks = MarkdownHooks(), everyLineIndented: Bool = false
    ) throws -> RenderedMarkdown {
        try render(
            source, file: file, hooks: hooks, unwrapSingleParagraph: false, everyLineIndented: everyLineIndented)
    }

    /// Renders a short inline snippet, such as a front-matter list item: like
    /// ``render(_:file:hooks:everyLineIndented:)``, without the `<p>…</p>` around a single paragraph.
    /// - Parameters:
    ///   - source: The Markdown snippet.
    ///   - file: Where the snippet is.
    ///   - hooks: Link rewriting and glossary linking.
    ///   - everyLineIndented: The source is a dedented block whose every line starts at
    ///     `file`'s column (a YAML block scalar), so locations keep that indent on every line.
    /// - Returns: The HTML and what was found on the way.
    /// - Throws: `DiagnosticError` with every bad link at its `path:line:col`.
    public func renderInline(
        _ source: String, file: SourceLocation, hooks: MarkdownHooks = MarkdownHooks(), everyLineIndented: Bool = false
    ) throws -> RenderedMarkdown {
        try render(source, file: file, hooks: hooks, unwrapSingleParagraph: true, everyLineIndented: everyLineIndented)
    }

    /// Parses, runs the passes in order (links, headings, terms) and renders.
    private func render(
        _ source: String, file: SourceLocation, hooks: MarkdownHooks, unwrapSingleParagraph: Bool,
        everyLineIndented: Bool
    ) throws -> RenderedMarkdown {
        try CMarkDocument.withParsed(source, options: options, at: file) { document in
            document.consolidateText()
            let columns = SourceColumns(source, everyLineIndented: everyLineIndented)
            let survey = document.survey(columns: columns, file: file)
            let links = try document.rewriteLinks(
                survey.links, columns: columns, file: file, options: options, resolve: hooks.resolveLink)
            let headings = document.anchorHeadings(survey.headings)
            var termsUsed: [String] = []
            if let matcher = hooks.terms, let termHTML = hooks.termHTML {
                termsUsed = document.linkTerms(
                    in: survey.termText, matcher: matcher, excluded: hooks.excludedTerms, html: termHTML)
            }
            var html = try document.renderHTML(at: file)
            if unwrapSingleParagraph, survey.isSingleParagraph, html.hasPrefix("<p>"), html.hasSuffix("</p>\n") {
                html = String(html.dropFirst(3).dropLast(5))
            }
            return RenderedMarkdown(
                html: html, headings: headings, links: links, termsUsed: termsUsed,
                footnoteCount: survey.footnoteCount, wordCount: survey.wordCount, prose: survey.prose)
        }
    }
}
