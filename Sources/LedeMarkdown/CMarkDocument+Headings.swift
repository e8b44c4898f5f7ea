internal import CCmarkGFM

extension CMarkDocument {
    /// Gives every heading a unique GitHub-style `id`.
    ///
    /// cmark's renderer has no attribute hook, so each heading is replaced by a custom block
    /// holding a custom inline whose enter and exit HTML are the `<hN id="…">` and `</hN>`
    /// tags, with the heading's children moved in. Custom nodes are emitted in safe mode too,
    /// and the empty block adds the same line breaks around it as a heading.
    /// - Parameter headings: The headings, in document order.
    /// - Returns: The headings for a table of contents, in document order.
    func anchorHeadings(_ headings: [CMarkNode]) -> [Heading] {
        var slugger = HeadingSlugger()
        return headings.map { node in
            let level = node.headingLevel
            let text = node.plainText.trimmed()
            let id = slugger.id(for: text)
            node.replace(withCustom: [
                CMarkCustomMarkup(type: CMARK_NODE_CUSTOM_BLOCK, onEnter: "", onExit: ""),
                CMarkCustomMarkup(
                    type: CMARK_NODE_CUSTOM_INLINE, onEnter: "<h\(level) id=\"\(id.escapedForHTMLAttribute)\">",
                    onExit: "</h\(level)>"),
            ])
            return Heading(level: level, text: text, id: id)
        }
    }
}
