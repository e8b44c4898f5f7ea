import LedeContent
import LedeCore
import LedeMarkdown

/// Who cites each paragraph and where each term is used, worked out once from every
/// rendered piece.
struct Backlinks: Sendable {
    /// Places citing each paragraph, by document name and paragraph number, in site order.
    var citedBy: [String: [Int: [Place]]] = [:]
    /// Pages using each term, by term id.
    var usedIn: [String: [Place]] = [:]

    init(groups: [RenderedGroup], resolver: LinkResolver) {
        for group in groups.sorted(by: { $0.group.pageKey < $1.group.pageKey }) {
            var pageTerms: Set<String> = []
            for piece in group.group.pieces {
                guard let result = group.results[piece.key] else { continue }
                for link in result.links {
                    // A citation of an earlier version's paragraph is not of a current one.
                    guard let citation = try? resolver.citation(link.destination, at: link.location),
                        citation.revision == nil
                    else { continue }
                    var places = citedBy[citation.document, default: [:]][citation.paragraph, default: []]
                    if !places.contains(piece.place) { places.append(piece.place) }
                    citedBy[citation.document, default: [:]][citation.paragraph] = places
                }
                pageTerms.formUnion(result.termsUsed)
            }
            guard group.group.page.kind != .glossary else { continue }
            for term in pageTerms.sorted() {
                usedIn[term, default: []].append(Place(label: group.group.page.title, url: group.group.page.url))
            }
        }
    }
}
