internal import CCmarkGFM
import LedeCore

/// What one walk over a parsed tree finds for the passes that change it.
struct CMarkSurvey {
    /// Headings, in document order.
    var headings: [CMarkNode] = []
    /// Links and images, in document order.
    var links: [CMarkNode] = []
    /// Text nodes where glossary terms may be linked: outside headings, links, images,
    /// block quotes, our own markup and elements opened by inline HTML. Code is never a
    /// text node.
    var termText: [CMarkNode] = []
    /// Words of text and code.
    var wordCount = 0
    /// Footnote definitions that cmark kept (it drops unreferenced ones).
    var footnoteCount = 0
    /// Whether the document is a single paragraph (an inline snippet).
    var isSingleParagraph = false
    /// The text of every paragraph and heading, and every HTML block, in document order.
    var prose: [ProseBlock] = []
}

extension CMarkDocument {
    /// Walks the tree once and collects what the passes need, and the prose.
    ///
    /// Run before any pass changes the tree: link indices in the prose count links and images
    /// in document order, as ``CMarkSurvey/links`` does.
    /// - Parameters:
    ///   - columns: The parsed source's columns.
    ///   - file: Where the document starts.
    func survey(columns: SourceColumns, file: SourceLocation) -> CMarkSurvey {
        var survey = CMarkSurvey()
        survey.isSingleParagraph = root.hasOnlyChild(ofType: CMARK_NODE_PARAGRAPH)
        var prose = ProseCollector(columns: columns, file: file)
        var excludedDepth = 0
        var htmlDepth = 0
        root.walk { node, entering in
            let type = node.type
            // An element opened by inline HTML ends with its paragraph at the latest.
            if CMarkNode.isBlock(type) { htmlDepth = 0 }
            switch type {
            case CMARK_NODE_TEXT:
                let text = node.literalBytes
                survey.wordCount += UTF8Text.wordCount(text)
                if excludedDepth == 0 && htmlDepth == 0 { survey.termText.append(node) }
                prose.append(text, at: node)
            case CMARK_NODE_CODE:
                let text = node.literalBytes
                survey.wordCount += UTF8Text.wordCount(text)
                prose.append(text, at: node)
            case CMARK_NODE_CODE_BLOCK:
                survey.wordCount += UTF8Text.wordCount(node.literalBytes)
            case CMARK_NODE_SOFTBREAK, CMARK_NODE_LINEBREAK:
                prose.appendSpace()
            case CMARK_NODE_HTML_INLINE:
                let literal = node.literal
                htmlDepth = max(0, htmlDepth + literal.htmlDepthChange)
                prose.appendMarkup(literal, at: node)
            case CMARK_NODE_HTML_BLOCK:
                prose.appendHTMLBlock(node)
            case CMARK_NODE_PARAGRAPH:
                prose.block(.paragraph, node, entering: entering)
            case CMARK_NODE_HEADING:
                excludedDepth += entering ? 1 : -1
                if entering { survey.headings.append(node) }
                prose.block(.heading, node, entering: entering)
            case CMARK_NODE_LINK, CMARK_NODE_IMAGE:
                excludedDepth += entering ? 1 : -1
                if entering { survey.links.append(node) }
                prose.link(isImage: type == CMARK_NODE_IMAGE, entering: entering)
            case CMARK_NODE_BLOCK_QUOTE, CMARK_NODE_CUSTOM_INLINE, CMARK_NODE_CUSTOM_BLOCK:
                excludedDepth += entering ? 1 : -1
            case CMARK_NODE_FOOTNOTE_DEFINITION:
                if entering { survey.footnoteCount += 1 }
            default:
                break
            }
        }
        survey.prose = prose.blocks
        return survey
    }
}
