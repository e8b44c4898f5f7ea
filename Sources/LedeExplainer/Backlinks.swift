import LedeContent
import LedeCore
import LedeMarkdown

/// Who cites each paragraph and where each term is used, worked out once from every
/// rendered piece.
struct Backlinks: Sendable {
    /// A place that cites a paragraph, with the page it is on.
    struct Citer: Sendable, Hashable {
        /// The piece that cites ("Overview: key point", with its anchor).
        var place: Place
        /// The page showing it, named as the navigation names it ("Overview", "Timeline"),
        /// or by its title for a page the navigation does not list.
        var page: Place
    }

    /// Places citing each paragraph, by document name and paragraph number, in site order.
    var citedBy: [String: [Int: [Citer]]] = [:]
    /// Places citing a paragraph of an earlier version (`seed:p5@2026-11-29`), by document
    /// name, version and paragraph number.
    var pinnedBy: [String: [String: [Int: [Citer]]]] = [:]
    /// Pages using each term, by term id.
    var usedIn: [String: [Place]] = [:]

    init(groups: [RenderedGroup], resolver: LinkResolver) {
        for group in groups.sorted(by: { $0.group.pageKey < $1.group.pageKey }) {
            let page = Self.place(of: group.group.page, strings: resolver.strings)
            func add(_ citer: Citer, to places: inout [Citer]) {
                if !places.contains(citer) { places.append(citer) }
            }
            // Most pages of a large site cite nothing: their links are not read again.
            for piece in group.group.pieces where group.facts.cites {
                guard let result = group.results[piece.key] else { continue }
                for link in result.links {
                    guard let citation = try? resolver.citation(link.destination, at: link.location) else { continue }
                    let citer = Citer(place: piece.place, page: page)
                    let (document, number) = (citation.document, citation.paragraph)
                    if let revision = citation.revision {
                        add(citer, to: &pinnedBy[document, default: [:]][revision, default: [:]][number, default: []])
                    } else {
                        add(citer, to: &citedBy[document, default: [:]][number, default: []])
                    }
                }
            }
            guard group.group.page.kind != .glossary else { continue }
            for term in group.facts.matchedTerms.sorted() {
                usedIn[term, default: []].append(Place(label: group.group.page.title, url: group.group.page.url))
            }
        }
    }

    /// A page as "cited by" groups name it: an explainer page by its navigation label, any
    /// other page by its title.
    static func place(of page: Page, strings: UIStrings) -> Place {
        Place(label: strings.navigationLabel(of: page.kind) ?? page.title, url: page.url)
    }

    /// The places grouped by page, in the order each page first cites: for "Overview ×5 ·
    /// Sourcing notes ×4".
    static func byPage(_ citers: [Citer]) -> [(page: Place, places: [Place])] {
        var groups: [(page: Place, places: [Place])] = []
        for citer in citers {
            if let index = groups.firstIndex(where: { $0.page == citer.page }) {
                groups[index].places.append(citer.place)
            } else {
                groups.append((citer.page, [citer.place]))
            }
        }
        return groups
    }
}
