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
        func text(_ scalars: ArraySlice<Unicode.Scalar>) -> String {
            var view = String.UnicodeScalarView()
            view.append(contentsOf: scalars)
            return String(view)
        }
        for textNode in texts {
            // Lower-cased once per node: a match is searched for from where the last one ended,
            // so a long text is read once however many terms it links.
            let literal = textNode.literal
            let lowered = TermMatcher.lowercased(literal)
            var characters: [Unicode.Scalar] = []
            var node = textNode
            var start = 0
            var searchFrom = 0
            // Every term is matched, linked or not: a term already linked, or the entry's own
            // term, still covers its words, so "asylum" is not linked inside "asylum seeker" on
            // the asylum-seeker entry or after "asylum seeker" was linked.
            while let match = matcher.firstMatch(in: lowered, from: searchFrom) {
                searchFrom = match.range.upperBound
                if done.contains(match.id) { continue }
                if characters.isEmpty { characters = Array(literal.unicodeScalars) }
                done.insert(match.id)
                used.append(match.id)
                let matched = text(characters[match.range])
                node.literal = text(characters[start..<match.range.lowerBound])
                guard
                    let link = CMarkNode.makeCustom(
                        CMarkCustomMarkup(type: CMARK_NODE_CUSTOM_INLINE, onEnter: html(match.id, matched), onExit: "")),
                    node.insertAfter(link), let after = CMarkNode.makeText(text(characters[match.range.upperBound...])),
                    link.insertAfter(after)
                else { break }
                node = after
                start = match.range.upperBound
            }
        }
        return used
    }
}
