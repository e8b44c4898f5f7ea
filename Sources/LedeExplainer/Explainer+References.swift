import LedeContent
import LedeCore
import LedeMarkdown

/// The checks of references between the explainer's files that no single file can make:
/// every source id used is in the registry, every source is used, every term is used.
extension Explainer {
    /// The front-matter lists of items that may name sources, by the kind of page holding them.
    static let itemListsWithSources: [(kind: PageKind, keys: [String])] = [
        (.overview, ["key_points", "known", "unknown"]), (.sourcing, ["unconfirmed"]),
    ]

    /// Every `sources:` list of the content: an event's own, and each overview or sourcing item's.
    static func sourceLists(of site: Site) -> [DataNode] {
        var lists = site.pages(ofKind: .event).compactMap { $0.frontMatter["sources"] }
        for (kind, keys) in itemListsWithSources {
            for page in site.pages(ofKind: kind) {
                for key in keys {
                    lists += (page.frontMatter[key]?.items ?? []).compactMap { $0["sources"] }
                }
            }
        }
        return lists
    }

    /// Reports, each at the place it is written, a `sources:` that is not a list of ids and an id
    /// the registry does not declare; then warns of every source no list names.
    ///
    /// An id whose registry entry has a mistake is declared: the mistake is reported once, at the
    /// entry, not again at every use. Lists are read from the pages themselves, so an event that
    /// failed its own checks still counts as using its sources.
    static func checkSourceReferences(site: Site, registry: SourceEntry.Registry, bag: inout DiagnosticBag) {
        var used: Set<String> = []
        var unreadable = false
        for list in sourceLists(of: site) {
            guard let ids = bag.collect(at: list.location, { try list.requireTextList("'sources'") }) else {
                unreadable = true
                continue
            }
            for (id, location) in ids {
                used.insert(id)
                guard let declared = registry.declared, declared[id] == nil else { continue }
                let known = declared.keys.sorted().joined(separator: ", ")
                bag.add(
                    Diagnostic(
                        at: location,
                        declared.isEmpty
                            ? "unknown source '\(id)': Content/_sources.yaml declares no sources"
                            : "unknown source '\(id)' (\(NearMiss.hint(for: id, among: declared.keys.sorted()))"
                                + "sources: \(known))"))
            }
        }
        // A list that could not be read may name any source: none is said to be unused.
        guard !unreadable else { return }
        for entry in registry.entries where !used.contains(entry.id) {
            bag.add(
                Diagnostic(
                    .warning, at: entry.location,
                    "source '\(entry.id)' is never used: name it in the 'sources' of the events and overview items that rest on it, or remove it"
                ))
        }
    }

    /// Warns of every glossary term that no page uses, links to explicitly or lists as related.
    func checkTermsUsed(_ groups: [String: RenderedGroup], bag: inout DiagnosticBag) {
        var used: Set<String> = []
        for group in groups.values {
            used.formUnion(group.facts.matchedTerms)
            used.formUnion(group.facts.linkedTerms)
        }
        for term in terms { used.formUnion(term.related) }
        for term in terms where !used.contains(term.id) {
            bag.add(
                Diagnostic(
                    .warning, at: term.page.fileLocation,
                    "glossary term '\(term.id)' is never used: no page uses '\(term.name)'\(term.aliases.isEmpty ? "" : " or its aliases"), links to it or lists it in 'related'; use it or remove it"
                ))
        }
    }
}
