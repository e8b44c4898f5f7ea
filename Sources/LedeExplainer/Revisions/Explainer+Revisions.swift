import LedeContent
import LedeCore
import LedeMarkdown

extension Explainer {
    /// Every citation in the rendered pieces, where it is written.
    func citedParagraphs(_ groups: [String: RenderedGroup]) -> [CitedParagraph] {
        var cited: [CitedParagraph] = []
        for group in groups.values where group.facts.cites {
            for piece in group.group.pieces {
                for link in group.results[piece.key]?.links ?? [] {
                    guard let citation = try? links.citation(link.destination, at: link.location) else { continue }
                    cited.append(
                        CitedParagraph(
                            document: citation.document, number: citation.paragraph, revision: citation.revision,
                            location: link.location)
                    )
                }
            }
        }
        return cited
    }

    /// Compares every citation with its document's lock (see ``CitationReview``).
    func citationReview(_ groups: [String: RenderedGroup]) -> CitationReview {
        CitationReview(citations: citedParagraphs(groups), documents: site.documents)
    }

    /// Renders every page's Markdown and compares every citation with its document's lock:
    /// what `lede check --fix` and `lede accept` work from.
    /// - Throws: ``DiagnosticError`` when a page's Markdown cannot be rendered (a citation of
    ///   a paragraph that does not exist, an unknown term).
    public func reviewCitations() throws -> CitationReview {
        let groups = pieceGroups()
        let results = ParallelMap.map(groups) { group in Result { try render(group) } }
        var bag = DiagnosticBag()
        var rendered: [String: RenderedGroup] = [:]
        for (group, result) in zip(groups, results) {
            switch result {
            case .success(let value): rendered[group.pageKey] = value
            case .failure(let error): bag.add(error, at: nil)
            }
        }
        try bag.throwIfErrors()
        return citationReview(rendered)
    }
}
