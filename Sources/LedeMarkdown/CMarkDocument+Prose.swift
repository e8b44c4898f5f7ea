internal import CCmarkGFM
import LedeCore

extension SourceColumns {
    /// The file location of a node's cmark position in a document that starts at `file`.
    ///
    /// A snippet (a front-matter item) may start mid-line: its first line is shifted by the
    /// column it starts at; in an indented block (a YAML block scalar) every line is.
    mutating func location(of position: (line: Int, column: Int), in file: SourceLocation) -> SourceLocation {
        var column = characterColumn(line: position.line, byteColumn: position.column)
        if (position.line == 1 || everyLineIndented) && file.column > 1 { column += file.column - 1 }
        return SourceLocation(path: file.path, line: file.line - 1 + position.line, column: column)
    }
}

/// Builds the ``ProseBlock``s of a document during the survey's walk: the text of every
/// paragraph and heading, and every HTML block, in document order.
///
/// A block's text is gathered as UTF-8 bytes straight from cmark's strings and becomes a
/// `String` once, when the block ends; offsets count characters as `String.count` does for
/// each run appended.
struct ProseCollector {
    /// The finished blocks, in document order.
    private(set) var blocks: [ProseBlock] = []
    /// The parsed source's columns.
    private var columns: SourceColumns
    /// Where the document starts.
    private let file: SourceLocation
    /// What the block being read is, and where it starts; `nil` outside paragraphs and headings.
    private var current: (kind: ProseBlock.Kind, location: SourceLocation)?
    /// The current block's text so far, as UTF-8; reused from block to block.
    private var bytes: [UInt8] = []
    /// The current block's runs, links and inline HTML so far.
    private var runs: [ProseBlock.Run] = []
    private var links: [ProseBlock.Link] = []
    private var markup: [ProseBlock.Markup] = []
    /// The current block's text length so far, in characters.
    private var length = 0
    /// Links and images seen so far, inside blocks or not: the next one's index.
    private var linkCount = 0
    /// Where each open link's text starts, and its index.
    private var openLinks: [(start: Int, index: Int)] = []
    /// How many images are open: their text (alt text) is not prose.
    private var imageDepth = 0

    /// Creates a collector for a document whose source is `columns`, starting at `file`.
    init(columns: SourceColumns, file: SourceLocation) {
        self.columns = columns
        self.file = file
    }

    /// Where `node` starts in the file.
    private mutating func location(_ node: CMarkNode) -> SourceLocation {
        columns.location(of: node.startPosition, in: file)
    }

    /// Starts a paragraph or heading on entry, finishes it on exit.
    mutating func block(_ kind: ProseBlock.Kind, _ node: CMarkNode, entering: Bool) {
        if entering {
            current = (kind, location(node))
            bytes.removeAll(keepingCapacity: true)
            length = 0
        } else if let block = current {
            blocks.append(
                ProseBlock(
                    kind: block.kind, text: String(decoding: bytes, as: UTF8.self), location: block.location,
                    runs: runs, links: links, markup: markup))
            current = nil
            runs = []
            links = []
            markup = []
        }
    }

    /// Adds a run of text or code that starts at `node`'s position.
    mutating func append(_ text: UnsafeBufferPointer<UInt8>, at node: CMarkNode) {
        guard current != nil, imageDepth == 0 else { return }
        runs.append(ProseBlock.Run(offset: length, location: location(node)))
        bytes.append(contentsOf: text)
        length += UTF8Text.characterCount(text)
    }

    /// Adds the space that stands for a line break.
    mutating func appendSpace() {
        guard current != nil, imageDepth == 0 else { return }
        bytes.append(UInt8(ascii: " "))
        length += 1
    }

    /// Notes inline HTML at the current offset.
    mutating func appendMarkup(_ literal: String, at node: CMarkNode) {
        guard current != nil else { return }
        markup.append(ProseBlock.Markup(offset: length, literal: literal, location: location(node)))
    }

    /// Adds a block of raw HTML as a block of its own.
    mutating func appendHTMLBlock(_ node: CMarkNode) {
        blocks.append(ProseBlock(kind: .html, text: node.literal, location: location(node)))
    }

    /// Opens a link or image on entry; on exit, records its text's range in the block.
    mutating func link(isImage: Bool, entering: Bool) {
        if entering {
            openLinks.append((length, linkCount))
            linkCount += 1
            if isImage { imageDepth += 1 }
        } else if let open = openLinks.popLast() {
            if isImage { imageDepth -= 1 }
            guard current != nil else { return }
            links.append(ProseBlock.Link(range: open.start..<max(open.start, length), index: open.index))
        }
    }
}
