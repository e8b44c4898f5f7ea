// TEMPORARY stub of the agreed API until the real module lands from the markdown branch.
public import LedeCore

public struct MarkdownOptions: Sendable, Hashable {
    public var smartPunctuation: Bool = true
    public var unsafeHTML: Bool = false
    public var footnotes: Bool = true
    public init(smartPunctuation: Bool = true, unsafeHTML: Bool = false, footnotes: Bool = true) {}
}
public enum LinkRewrite: Sendable, Hashable {
    case keep
    case url(String)
    case styled(url: String, className: String, title: String?)
}
public struct TermMatcher: Sendable {
    public init(terms: [(id: String, phrases: [String])]) {}
}
public struct MarkdownHooks: Sendable {
    public var resolveLink: (@Sendable (_ destination: String, _ location: SourceLocation) throws -> LinkRewrite)?
    public var terms: TermMatcher?
    public var termHTML: (@Sendable (_ id: String, _ matchedText: String) -> String)?
    public var excludedTerms: Set<String> = []
    public init(
        resolveLink: (@Sendable (_ destination: String, _ location: SourceLocation) throws -> LinkRewrite)? = nil,
        terms: TermMatcher? = nil, termHTML: (@Sendable (_ id: String, _ matchedText: String) -> String)? = nil,
        excludedTerms: Set<String> = []
    ) {
        self.resolveLink = resolveLink
        self.terms = terms
        self.termHTML = termHTML
        self.excludedTerms = excludedTerms
    }
}
public struct Heading: Sendable, Hashable {
    public var level: Int
    public var text: String
    public var id: String
}
public struct RenderedLink: Sendable, Hashable {
    public var destination: String
    public var resolved: String
    public var location: SourceLocation
}
public struct RenderedMarkdown: Sendable, Hashable {
    public var html: String
    public var headings: [Heading]
    public var links: [RenderedLink]
    public var termsUsed: [String]
    public var footnoteCount: Int
    public var wordCount: Int
}
public struct MarkdownRenderer: Sendable {
    public init(options: MarkdownOptions = MarkdownOptions()) {}
    public func render(_ source: String, file: SourceLocation, hooks: MarkdownHooks = MarkdownHooks()) throws
        -> RenderedMarkdown
    {
        RenderedMarkdown(html: "<p>\(source)</p>\n", headings: [], links: [], termsUsed: [], footnoteCount: 0, wordCount: 1)
    }
    public func renderInline(_ source: String, file: SourceLocation, hooks: MarkdownHooks = MarkdownHooks()) throws
        -> RenderedMarkdown
    {
        RenderedMarkdown(html: source, headings: [], links: [], termsUsed: [], footnoteCount: 0, wordCount: 1)
    }
}
