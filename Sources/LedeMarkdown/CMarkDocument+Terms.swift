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
            // Matched on cmark's own bytes: a match is searched for from where the last one
            // ended, so a long text is read once however many terms it links.
            var literal = textNode.literalBytes
            // Setting the first node's literal frees cmark's bytes: they are copied first.
            var copy: UnsafeMutableBufferPointer<UInt8>?
            defer { copy?.deallocate() }
            func text(_ range: Range<Int>) -> String { String(decoding: literal[range], as: UTF8.self) }
            var node = textNode
            var start = 0
            var searchFrom = 0
            // Every term is matched, linked or not: a term already linked, or the entry's own
            // term, still covers its words, so "asylum" is not linked inside "asylum seeker" on
            // the asylum-seeker entry or after "asylum seeker" was linked.
            while let match = matcher.firstMatch(in: literal, from: searchFrom) {
                searchFrom = match.range.upperBound
                if done.contains(match.id) { continue }
                if copy == nil {
                    let owned = UnsafeMutableBufferPointer<UInt8>.allocate(capacity: literal.count)
                    _ = owned.initialize(from: literal)
                    copy = owned
                    literal = UnsafeBufferPointer(owned)
                }
                done.insert(match.id)
                used.append(match.id)
                node.literal = text(start..<match.range.lowerBound)
                guard
                    let link = CMarkNode.makeCustom(
                        CMarkCustomMarkup(
                            type: CMARK_NODE_CUSTOM_INLINE, onEnter: html(match.id, text(match.range)), onExit: "")),
                    node.insertAfter(link),
                    let after = CMarkNode.makeText(text(match.range.upperBound..<literal.count)),
                    link.insertAfter(after)
                else { break }
                node = after
                start = match.range.upperBound
            }
        }
        return used
    }
}
