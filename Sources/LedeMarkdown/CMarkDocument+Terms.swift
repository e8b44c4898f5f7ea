internal import CCmarkGFM

extension CMarkDocument {
    /// Replaces the first use of each glossary term in `texts` with the caller's HTML.
    /// - Parameters:
    ///   - texts: Text nodes where terms may be linked, in document order.
    ///   - matcher: Finds terms.
    ///   - excluded: Ids never linked.
    ///   - html: The HTML for a term's id and its text as written.
    /// - Returns: The ids of the linked terms, in document order.
    func linkTerms(
        in texts: [CMarkNode], matcher: TermMatcher, excluded: Set<String>,
        html: (_ id: String, _ matchedText: String) -> String
    ) -> [String] {
        var used: [String] = []
        var done = excluded
        guard !matcher.isEmpty else { return used }
        for textNode in texts {
            var node = textNode
            var characters = Array(node.literal.unicodeScalars)
            func text(_ scalars: ArraySlice<Unicode.Scalar>) -> String {
                var view = String.UnicodeScalarView()
                view.append(contentsOf: scalars)
                return String(view)
            }
            while let match = matcher.firstMatch(
                in: TermMatcher.lowercased(text(characters[...])), from: 0, where: { !done.contains($0) })
            {
                done.insert(match.id)
                used.append(match.id)
                let matched = text(characters[match.range])
                let rest = Array(characters[match.range.upperBound...])
                node.literal = text(characters[..<match.range.lowerBound])
                guard
                    let link = CMarkNode.makeCustom(
                        CMarkCustomMarkup(type: CMARK_NODE_CUSTOM_INLINE, onEnter: html(match.id, matched), onExit: "")),
                    node.insertAfter(link), let after = CMarkNode.makeText(text(rest[...])), link.insertAfter(after)
                else { break }
                node = after
                characters = rest
            }
        }
        return used
    }
}
