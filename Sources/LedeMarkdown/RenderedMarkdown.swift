/// A rendered Markdown document and what was learned about it on the way.
public struct RenderedMarkdown: Sendable, Hashable {
    /// The HTML.
    public var html: String
    /// The headings, in document order, for a table of contents.
    public var headings: [Heading]
    /// Every link and image destination, in document order.
    public var links: [RenderedLink]
    /// The ids of the glossary terms that were linked, in document order.
    public var termsUsed: [String]
    /// How many footnotes the rendered footnotes section holds.
    public var footnoteCount: Int
    /// How many words of text and code the document holds, for a reading time.
    public var wordCount: Int
    /// The text of each paragraph and heading, for checks that read what the page says.
    public var prose: [ProseBlock]

    /// Creates a rendered document.
    /// - Parameters:
    ///   - html: The HTML.
    ///   - headings: The headings, in document order.
    ///   - links: Every link and image destination, in document order.
    ///   - termsUsed: The ids of linked glossary terms, in document order.
    ///   - footnoteCount: The number of rendered footnotes.
    ///   - wordCount: The number of words.
    ///   - prose: The text of each paragraph and heading.
    public init(
        html: String, headings: [Heading] = [], links: [RenderedLink] = [], termsUsed: [String] = [],
        footnoteCount: Int = 0, wordCount: Int = 0, prose: [ProseBlock] = []
    ) {
        self.html = html
        self.headings = headings
        self.links = links
        self.termsUsed = termsUsed
        self.footnoteCount = footnoteCount
        self.wordCount = wordCount
        self.prose = prose
    }
}
