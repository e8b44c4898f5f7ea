internal import CCmarkGFM
import LedeCore

extension CMarkDocument {
    /// Asks `resolve` about every link and image and applies its rewrites.
    /// - Parameters:
    ///   - links: Links and images, in document order.
    ///   - columns: The parsed source's columns.
    ///   - file: Where the document starts: its first line, and the column of its first
    ///     character when it starts mid-line.
    ///   - options: For safe mode on styled links.
    ///   - resolve: The caller's hook; every link is kept when `nil`.
    /// - Returns: Every link, in document order.
    /// - Throws: One `DiagnosticError` with the problems of all links.
    func rewriteLinks(
        _ links: [CMarkNode], columns: SourceColumns, file: SourceLocation, options: MarkdownOptions,
        resolve: ((String, SourceLocation) throws -> LinkRewrite)?
    ) throws -> [RenderedLink] {
        var columns = columns
        var problems = DiagnosticBag()
        var rendered: [RenderedLink] = []
        for node in links {
            let destination = node.url
            let location = columns.location(of: node.startPosition, in: file)
            let rewrite = problems.collect(at: location) { try resolve?(destination, location) ?? .keep } ?? .keep
            let resolved = apply(rewrite, to: node, options: options) ?? destination
            rendered.append(RenderedLink(destination: destination, resolved: resolved, location: location))
        }
        try problems.throwIfErrors()
        return rendered
    }

    /// Changes `node` as `rewrite` says.
    /// - Returns: The new destination, `nil` when unchanged.
    private func apply(_ rewrite: LinkRewrite, to node: CMarkNode, options: MarkdownOptions) -> String? {
        switch rewrite {
        case .keep:
            return nil
        case .url(let url):
            node.url = url
            return url
        case .styled(let url, _, _) where node.type == CMARK_NODE_IMAGE:
            node.url = url
            return url
        case .styled(let url, let className, let title):
            let href = !options.unsafeHTML && url.isDangerousURL ? "" : url
            var tag = "<a href=\"\(href.escapedForHTMLAttribute)\" class=\"\(className.escapedForHTMLAttribute)\""
            if let title {
                // The title names the link for screen readers too: a citation's text is a bare "¶3".
                let value = title.escapedForHTMLAttribute
                tag += " title=\"\(value)\" aria-label=\"\(value)\""
            }
            tag += ">"
            node.replace(withCustom: [CMarkCustomMarkup(type: CMARK_NODE_CUSTOM_INLINE, onEnter: tag, onExit: "</a>")])
            return url
        }
    }
}
