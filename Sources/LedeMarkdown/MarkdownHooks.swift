public import LedeCore

/// The caller's say in rendering: link rewriting and glossary linking.
public struct MarkdownHooks: Sendable {
    /// Called for every link and image destination with the location of the link in its file.
    ///
    /// Return a rewrite, or throw a `DiagnosticError` for a bad link (an unknown citation).
    /// The errors of all links of a document are collected and thrown together as one
    /// `DiagnosticError`; any other error becomes a diagnostic at the link.
    public var resolveLink: (@Sendable (_ destination: String, _ location: SourceLocation) throws -> LinkRewrite)?
    /// Finds glossary terms in the text.
    ///
    /// The first use per document of each term (outside headings, links, images, code spans,
    /// code blocks, HTML and block quotes) is replaced by the HTML ``termHTML`` returns.
    /// Nothing is linked unless ``termHTML`` is set too.
    public var terms: TermMatcher?
    /// The HTML that replaces the first use of a term, given the term's id and the text as
    /// written.
    ///
    /// > Warning: The result is emitted as is, even in safe mode: the caller escapes.
    public var termHTML: (@Sendable (_ id: String, _ matchedText: String) -> String)?
    /// Terms never linked, such as the term a glossary entry defines.
    public var excludedTerms: Set<String> = []

    /// Creates hooks; every hook is off by default.
    /// - Parameters:
    ///   - resolveLink: Rewrites or rejects link destinations.
    ///   - terms: Finds glossary terms.
    ///   - termHTML: The HTML for a term's first use.
    ///   - excludedTerms: Ids of terms never linked.
    public init(
        resolveLink: (@Sendable (_ destination: String, _ location: SourceLocation) throws -> LinkRewrite)? = nil,
        terms: TermMatcher? = nil,
        termHTML: (@Sendable (_ id: String, _ matchedText: String) -> String)? = nil,
        excludedTerms: Set<String> = []
    ) {
        self.resolveLink = resolveLink
        self.terms = terms
        self.termHTML = termHTML
        self.excludedTerms = excludedTerms
    }
}
