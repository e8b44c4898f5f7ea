public import LedeCore

/// The running text of one paragraph or heading without its markup, for checks that read
/// what a page says (the explainer's claim checks): where each run of text, each link and
/// each piece of inline HTML sits, so that a check reports at the author's line and column
/// without reading the file again.
public struct ProseBlock: Sendable, Hashable {
    /// What the block is.
    public enum Kind: Sendable, Hashable {
        /// A paragraph (also inside list items and block quotes).
        case paragraph
        /// A heading.
        case heading
        /// A block of raw HTML, such as a comment on a line of its own; ``text`` is its literal.
        case html
    }

    /// A run of text and where it starts in the file.
    public struct Run: Sendable, Hashable {
        /// Where the run starts in ``ProseBlock/text``, in characters.
        public var offset: Int
        /// Where the run starts in the file.
        public var location: SourceLocation
    }

    /// A link or image inside the block.
    public struct Link: Sendable, Hashable {
        /// The link's text in ``ProseBlock/text``, in characters.
        public var range: Range<Int>
        /// Its index in ``RenderedMarkdown/links``.
        public var index: Int
    }

    /// Inline HTML inside the block (a comment), which is not part of the text.
    public struct Markup: Sendable, Hashable {
        /// Where it stands in ``ProseBlock/text``, in characters.
        public var offset: Int
        /// The HTML as written.
        public var literal: String
        /// Where it is in the file.
        public var location: SourceLocation
    }

    /// What the block is.
    public var kind: Kind
    /// The text: text and code as written (after cmark's smart punctuation), a space for each
    /// line break, the text of links; raw HTML is left out.
    public var text: String
    /// Where the block starts in the file.
    public var location: SourceLocation
    /// Where runs of text start, in order.
    public var runs: [Run]
    /// Links and images, in order.
    public var links: [Link]
    /// Inline HTML, in order.
    public var markup: [Markup]

    /// Creates a block.
    /// - Parameters:
    ///   - kind: What the block is.
    ///   - text: Its text.
    ///   - location: Where it starts.
    ///   - runs: Where runs of text start.
    ///   - links: Links and images.
    ///   - markup: Inline HTML.
    public init(
        kind: Kind, text: String, location: SourceLocation, runs: [Run] = [], links: [Link] = [], markup: [Markup] = []
    ) {
        self.kind = kind
        self.text = text
        self.location = location
        self.runs = runs
        self.links = links
        self.markup = markup
    }

    /// Where the character at `offset` of ``text`` is in the file: on the line of the run that
    /// holds it, counting columns from the run's start (an entity or escape inside a run moves
    /// later columns of that run by its extra characters).
    /// - Parameter offset: A character offset in ``text``.
    /// - Returns: Its location, or the block's when no run starts before it.
    public func location(at offset: Int) -> SourceLocation {
        guard let run = runs.last(where: { $0.offset <= offset }) else { return location }
        var result = run.location
        result.column += offset - run.offset
        return result
    }
}
