import LedeContent
import LedeCore

/// The front-matter keys the explainer reads, by kind of page, and the check that finds a
/// misspelt one.
///
/// Any other key is a free key for templates (`page.extra.<key>`), so an unknown key is not an
/// error; but one that is a typo of a key Lede reads (`key_point:` for `key_points:`) switches a
/// part of the explainer off without a word, its claims unchecked. Such near-misses are warnings
/// at the key.
enum FrontMatterKeys {
    /// The keys a kind of page has beside ``Page/commonKeys``.
    static func kindKeys(of kind: PageKind) -> Set<String> {
        switch kind {
        case .overview: ["developing", "key_points", "known", "unknown"]
        case .event: ["certainty", "sources", "allow"]
        case .term: ["short", "aliases", "abbr", "related", "background", "references"]
        case .sourcing: ["unconfirmed"]
        case .update: ["type"]
        case .timeline, .glossary, .updates, .page: []
        }
    }

    /// Every key a kind of page may have.
    static func keys(of kind: PageKind) -> Set<String> { Page.commonKeys.union(kindKeys(of: kind)) }

    /// The keys of the mappings inside a kind's front matter: a key, and the keys of its
    /// value (a mapping) or of its items (mappings).
    static func nestedKeys(of kind: PageKind) -> [String: Set<String>] {
        switch kind {
        case .overview: ["key_points": itemKeys, "known": itemKeys, "unknown": itemKeys]
        case .sourcing: ["unconfirmed": itemKeys]
        case .event: ["date": dateKeys]
        case .term: ["references": ["title", "url", "date"]]
        default: [:]
        }
    }

    /// The keys of a list item written as a mapping (`- text: … / sources: […]`).
    static let itemKeys: Set<String> = ["text", "sources"]
    /// The keys of a timeline event's `date`.
    static let dateKeys: Set<String> = ["text", "precision", "value", "note"]

    /// Warns about every key of the page's front matter that is not one Lede reads but is
    /// a near-miss of one, unless a problem is already reported at that key (a required key
    /// found misspelt there).
    /// - Parameters:
    ///   - page: The page.
    ///   - bag: Where the warnings go; the problems already in it are not repeated.
    /// Near misses found so far, by page kind, mapping and key: a large site repeats the same
    /// free keys (`tags`, `summary`) on thousands of pages, and the edit distance is computed
    /// once for each.
    struct Suggestions {
        fileprivate var known: [String: String?] = [:]
    }

    static func checkKeys(of page: Page, bag: inout DiagnosticBag, suggestions: inout Suggestions) {
        var reported: Set<SourceLocation>?
        func check(_ node: DataNode, in mapping: String, known: Set<String>, consequence: (String) -> String) {
            for (index, key) in node.keys.enumerated() where !known.contains(key) {
                let memoKey = "\(page.kind)\u{0}\(mapping)\u{0}\(key)"
                let suggestion: String?
                if let found = suggestions.known[memoKey] {
                    suggestion = found
                } else {
                    suggestion = NearMiss.suggestion(for: key, among: known)
                    suggestions.known[memoKey] = suggestion
                }
                guard let suggestion else { continue }
                let location =
                    node.keyLocations.indices.contains(index)
                    ? node.keyLocations[index] : node.members[index].value.location
                if reported == nil { reported = Set(bag.diagnostics.compactMap(\.location)) }
                guard reported?.contains(location) != true else { continue }
                bag.add(
                    Diagnostic(
                        .warning, at: location,
                        "unknown key '\(key)' (did you mean '\(suggestion)'?): \(consequence(key))"))
            }
        }
        let front = page.frontMatter
        check(front, in: "", known: keys(of: page.kind)) { key in
            page.kind.isItem ? "Lede does not read it" : "it is kept as page.extra.\(key) and not checked"
        }
        for (key, known) in nestedKeys(of: page.kind).sorted(by: { $0.key < $1.key }) {
            guard let value = front[key] else { continue }
            let mappings = if case .map = value.value { [value] } else { value.items ?? [] }
            for mapping in mappings {
                check(mapping, in: key, known: known) { _ in "Lede does not read it in '\(key)'" }
            }
        }
    }
}
