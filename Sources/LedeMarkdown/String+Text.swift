import LedeCore

extension String {
    /// The string without leading and trailing white space (Foundation-free).
    func trimmed() -> String {
        let start = firstIndex { !$0.isWhitespace } ?? endIndex
        let end = lastIndex { !$0.isWhitespace }.map(index(after:)) ?? start
        return String(self[start..<max(start, end)])
    }

    /// The string escaped for an HTML attribute value in double quotes.
    var escapedForHTMLAttribute: String { htmlEscaped }

    /// How an inline HTML tag changes the element depth: `+1` for an opening tag, `-1` for a
    /// closing one, `0` for comments, declarations, self-closing and void elements.
    var htmlDepthChange: Int {
        if hasPrefix("</") { return -1 }
        guard hasPrefix("<"), !hasPrefix("<!"), !hasPrefix("<?"), !hasSuffix("/>") else { return 0 }
        let name = dropFirst().prefix { $0.isLetter || $0.isNumber }.lowercased()
        let voidElements: Set = [
            "area", "base", "br", "col", "embed", "hr", "img", "input", "link", "meta", "source", "track", "wbr",
        ]
        return voidElements.contains(name) ? 0 : 1
    }

    /// Whether cmark's safe mode would empty this URL: `javascript:`, `vbscript:`, `file:`,
    /// and `data:` other than PNG, GIF, JPEG and WebP images (cmark's `_scan_dangerous_url`).
    var isDangerousURL: Bool {
        let lower = lowercased()
        if lower.hasPrefix("javascript:") || lower.hasPrefix("vbscript:") || lower.hasPrefix("file:") {
            return true
        }
        guard lower.hasPrefix("data:") else { return false }
        let safeImages = ["data:image/png", "data:image/gif", "data:image/jpeg", "data:image/webp"]
        return !safeImages.contains { lower.hasPrefix($0) }
    }
}
