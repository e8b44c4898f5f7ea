internal import CCmarkGFM

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
}

extension CMarkDocument {
    /// Walks the tree once and collects what the passes need.
    func survey() -> CMarkSurvey {
        var survey = CMarkSurvey()
        survey.isSingleParagraph = root.hasOnlyChild(ofType: CMARK_NODE_PARAGRAPH)
        var excludedDepth = 0
        var htmlDepth = 0
        root.walk { node, entering in
            let type = node.type
            // An element opened by inline HTML ends with its paragraph at the latest.
            if CMarkNode.isBlock(type) { htmlDepth = 0 }
            switch type {
            case CMARK_NODE_HEADING, CMARK_NODE_LINK, CMARK_NODE_IMAGE, CMARK_NODE_BLOCK_QUOTE,
                CMARK_NODE_CUSTOM_INLINE, CMARK_NODE_CUSTOM_BLOCK:
                excludedDepth += entering ? 1 : -1
                guard entering else { return }
                if type == CMARK_NODE_HEADING { survey.headings.append(node) }
                if type == CMARK_NODE_LINK || type == CMARK_NODE_IMAGE { survey.links.append(node) }
            case CMARK_NODE_TEXT:
                survey.wordCount += node.literal.wordCount
                if excludedDepth == 0 && htmlDepth == 0 { survey.termText.append(node) }
            case CMARK_NODE_HTML_INLINE:
                htmlDepth = max(0, htmlDepth + node.literal.htmlDepthChange)
            case CMARK_NODE_CODE, CMARK_NODE_CODE_BLOCK:
                survey.wordCount += node.literal.wordCount
            case CMARK_NODE_FOOTNOTE_DEFINITION:
                if entering { survey.footnoteCount += 1 }
            default:
                break
            }
        }
        return survey
    }
}
