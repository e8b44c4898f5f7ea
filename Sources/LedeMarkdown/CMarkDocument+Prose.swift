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

extension CMarkDocument {
    /// The text of every paragraph and heading, and every HTML block, in document order.
    ///
    /// Run before any pass changes the tree: link indices count links and images in document
    /// order, as ``CMarkSurvey/links`` does.
    func prose(columns: SourceColumns, file: SourceLocation) -> [ProseBlock] {
        var columns = columns
        var blocks: [ProseBlock] = []
        var current: ProseBlock?
        var length = 0
        var linkCount = 0
        var openLinks: [(start: Int, index: Int)] = []
        var imageDepth = 0
        func location(_ node: CMarkNode) -> SourceLocation {
            columns.location(of: node.startPosition, in: file)
        }
        func append(_ text: String, at node: CMarkNode?) {
            guard current != nil, imageDepth == 0 else { return }
            if let node { current?.runs.append(ProseBlock.Run(offset: length, location: location(node))) }
            current?.text += text
            length += text.count
        }
        root.walk { node, entering in
            switch node.type {
            case CMARK_NODE_PARAGRAPH, CMARK_NODE_HEADING:
                if entering {
                    current = ProseBlock(
                        kind: node.type == CMARK_NODE_HEADING ? .heading : .paragraph, text: "",
                        location: location(node))
                    length = 0
                } else if let block = current {
                    blocks.append(block)
                    current = nil
                }
            case CMARK_NODE_HTML_BLOCK:
                blocks.append(ProseBlock(kind: .html, text: node.literal, location: location(node)))
            case CMARK_NODE_TEXT, CMARK_NODE_CODE:
                append(node.literal, at: node)
            case CMARK_NODE_SOFTBREAK, CMARK_NODE_LINEBREAK:
                append(" ", at: nil)
            case CMARK_NODE_HTML_INLINE:
                current?.markup.append(
                    ProseBlock.Markup(offset: length, literal: node.literal, location: location(node)))
            case CMARK_NODE_LINK, CMARK_NODE_IMAGE:
                if entering {
                    openLinks.append((length, linkCount))
                    linkCount += 1
                    if node.type == CMARK_NODE_IMAGE { imageDepth += 1 }
                } else if let open = openLinks.popLast() {
                    if node.type == CMARK_NODE_IMAGE { imageDepth -= 1 }
                    current?.links.append(
                        ProseBlock.Link(range: open.start..<max(open.start, length), index: open.index))
                }
            default:
                break
            }
        }
        return blocks
    }
}
