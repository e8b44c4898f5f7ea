import LedeContent
public import LedeCore

/// Plain pages a build takes over from the last one without rendering them again: the build
/// cache (`lede build` after an edit) knows their output is on disk, unchanged.
///
/// A plain page (an article around the explainer) is made from its own file and from site-wide
/// values only (see ``PageJobMemo``). When those values hash as they did in the last build
/// (``key``) and the page's file is unchanged, its HTML is the last build's: the explainer neither
/// renders its Markdown nor makes its context. The whole-site passes still see it through what it
/// left in the cache: the glossary terms it used (for the glossary's "used in" lists and the
/// unused-term check). Pages that cite the source or hold a `lede:` comment are never carried:
/// their claims are checked on every build.
public struct CarryOver: Sendable {
    /// ``ExplainerOutput/plainPagesKey`` of the last build.
    public var key: UInt64
    /// Plain pages whose content file is unchanged since the last build, and whose links lead
    /// to the URLs they led to then (``Explainer/keepingPagesMadeAsBefore(_:)``), with
    /// the terms they used then, by content file.
    public var pages: [String: PageTerms]
    /// The explainer's own pages of the last build, when every file they wrote is unchanged.
    public var ownPages: OwnPages?
    /// ``Explainer/plainPagesKey()`` of this build, when the caller worked it out already.
    public var currentKey: UInt64?
    /// The glossary's short definitions in the last build (``Explainer/definitions``): a page
    /// that uses a term defined otherwise now is not carried.
    public var definitions: [String: String] = [:]

    /// Creates a carry-over.
    public init(key: UInt64, pages: [String: PageTerms]) {
        self.key = key
        self.pages = pages
    }
}

/// What a later build needs of a page's Markdown without rendering it: the glossary terms it
/// uses, by their words (the first use is linked) and by `term:` links, and the pages its
/// relative links lead to.
public struct PageTerms: Sendable, Hashable {
    /// Terms linked by matching their words, sorted.
    public var matched: [String]
    /// Terms linked with `term:`, sorted.
    public var linked: [String]
    /// The pages its relative links (`notes.md`) led to, with the URL each had: a content file
    /// → its URL. The page is carried only while each still has that URL, so adding or removing
    /// other pages carries it still.
    public var linkedPages: [String: String]

    /// Creates a page's terms.
    public init(matched: [String], linked: [String], linkedPages: [String: String] = [:]) {
        self.matched = matched
        self.linked = linked
        self.linkedPages = linkedPages
    }
}

extension RenderedGroup {
    /// A carried page: no Markdown, only the facts the whole-site passes need.
    init(group: PieceGroup, carrying terms: PageTerms) {
        self.init(
            group: group, results: [:],
            facts: Facts(
                matchedTerms: Set(terms.matched), linkedTerms: Set(terms.linked), linkedPages: terms.linkedPages))
    }

    /// What a later build needs to carry this page, or `nil` when it must be rendered every time
    /// (it cites the source or holds a `lede:` comment).
    var carriableTerms: PageTerms? {
        guard group.page.kind == .page, !facts.cites, !facts.silences else { return nil }
        return terms
    }
}

extension Explainer {
    /// The stable hash of everything outside a plain page that its HTML is made from: the
    /// environment of its Markdown and the site-wide values of its context (``CarryOver/key``).
    public func plainPagesKey() -> UInt64 { plainPagesKey(environment: renderEnvironment()) }

    /// `carry` without the pages a relative link of which leads elsewhere now (the page it
    /// links to moved or is gone), or that use a term defined otherwise now: those are made again.
    public func keepingPagesMadeAsBefore(_ carry: CarryOver) -> CarryOver {
        var kept = carry
        let redefined = redefinedTerms(since: carry.definitions)
        kept.pages = carry.pages.filter { _, terms in
            links.leadsAsBefore(terms.linkedPages)
                && !RenderedGroup.Facts.uses(any: redefined, matched: terms.matched, linked: terms.linked)
        }
        return kept
    }

    func plainPagesKey(environment: ExplainerCache.Environment) -> UInt64 {
        StableHasher.hash { hasher in
            hasher.combine(any: environment)
            hasher.combine(any: ContextMaker.siteWide(of: self))
        }
    }
}

/// The explainer's own pages of the last build (the overview, timeline, glossary, sourcing,
/// source and updates pages, the 404 page, plain pages that cite the source or hold a `lede:`
/// comment, and the generated files), which a build carries over as a whole when everything
/// they are made from hashes as it did (``key``, see ``Explainer/ownPagesKey(_:)``).
///
/// What they read besides site-wide values: the explainer's content (every page that is not a
/// carriable plain page, in full; the source documents with their locks; the data files), the
/// URLs of the pages their links lead to, and from each carriable plain page that uses a
/// glossary term the facts the whole-site passes show (its title, URL, dates and the terms).
/// Their diagnostics (the citation, review and claim checks) are kept with them and reported
/// again. When the key differs they are all made again, Markdown, checks and contexts; the
/// builder then writes again only those whose template or context changed (it keeps a hash of
/// both per page).
public struct OwnPages: Sendable {
    /// ``ExplainerOutput/ownPagesKey`` of the last build.
    public var key: UInt64
    /// The terms each own page used, by content file (for the unused-term check).
    public var terms: [String: PageTerms]
    /// What the citation, review and claim checks reported.
    public var diagnostics: [Diagnostic]
    /// The generated files (`timeline.json`, the feed), by output path.
    public var files: [String]
    /// The notes about the generated files (events left out of `timeline.json`).
    public var notes: [Diagnostic]
    /// The generated files' text as the last build wrote it, by path: given by the caller,
    /// which read each from the output and checked it against its record (not stored).
    public var contents: [String: String] = [:]

    /// Creates a record of the own pages.
    public init(
        key: UInt64, terms: [String: PageTerms], diagnostics: [Diagnostic], files: [String], notes: [Diagnostic]
    ) {
        self.key = key
        self.terms = terms
        self.diagnostics = diagnostics
        self.files = files
        self.notes = notes
    }
}

extension Explainer {
    /// The stable hash of everything the explainer's own pages and their checks are made from
    /// (see ``OwnPages``), given this build's rendered (or carried) groups.
    /// - Parameters:
    ///   - plainPagesKey: ``Explainer/plainPagesKey()`` of this build.
    ///   - carriable: By content file, each carriable plain page's terms; a page not in it is an
    ///     own page, hashed in full.
    func ownPagesKey(plainPagesKey: UInt64, carriable: [String: PageTerms]) -> UInt64 {
        StableHasher.hash { hasher in
            hasher.combine(plainPagesKey)
            hasher.combine(any: site.config)
            // Paragraphs by their fields: reflecting on every paragraph of every version showed.
            for document in site.documents {
                var light = document
                light.paragraphs = []
                for index in light.earlier.indices { light.earlier[index].paragraphs = [] }
                hasher.combine(any: light)
                for paragraphs in [document.paragraphs] + document.earlier.map(\.paragraphs) {
                    hasher.combine(paragraphs.count)
                    for paragraph in paragraphs {
                        hasher.combine(paragraph.number)
                        hasher.combine(paragraph.line)
                        hasher.combine(paragraph.text)
                    }
                }
            }
            for name in site.data.keys.sorted() {
                hasher.combine(name)
                hasher.combine(any: site.data[name] as Any)
            }
            for page in site.pages {
                if page.kind == .page, let terms = carriable[page.sourcePath] {
                    // An article that uses no term is in no list of the own pages ("used in"):
                    // adding or removing one leaves them as they are. (Top-level articles are in
                    // every page's footer: the plain pages' key has them. An own page's link to
                    // an article is its record's ``PageTerms/linkedPages``.)
                    if terms.matched.isEmpty && terms.linked.isEmpty { continue }
                    hasher.combine(1)
                    for text in [page.sourcePath, page.title, page.url, page.outputPath ?? "\u{0}"] {
                        hasher.combine(text)
                    }
                    for text in [page.description, page.date?.text, page.updated?.text, page.template] {
                        hasher.combine(text ?? "\u{0}")
                    }
                    hasher.combine(page.order ?? Int.min)
                    hasher.combine(page.draft ? 1 : 0)
                    hasher.combine(terms.matched.count)
                    for term in terms.matched { hasher.combine(term) }
                    hasher.combine(terms.linked.count)
                    for term in terms.linked { hasher.combine(term) }
                } else {
                    hasher.combine(2)
                    hasher.combine(any: page)
                }
            }
        }
    }
}

extension RenderedGroup {
    /// The terms a page used (any page: an own page's are recorded too).
    var terms: PageTerms {
        PageTerms(
            matched: facts.matchedTerms.sorted(), linked: facts.linkedTerms.sorted(), linkedPages: facts.linkedPages)
    }
}

/// Whether the own pages are carried, and the key of what they read.
struct OwnOutcome {
    var key: UInt64
    /// The last build's record, when its key is this one.
    var carried: OwnPages?
}

extension Explainer {
    /// The key of what the own pages read, from every group but the own pages the last build
    /// recorded (`nil` in `rendered`: not rendered yet), and whether they are carried.
    /// - Returns: `nil` when a page failed to render (the build stops).
    func ownPages(
        _ groups: [PieceGroup], _ rendered: [(Result<RenderedGroup, any Error>, reused: Bool)?],
        candidates: OwnPages?, plainPagesKey: UInt64
    ) -> OwnOutcome? {
        var carriable: [String: PageTerms] = [:]
        var own: Set<String> = []
        for (group, outcome) in zip(groups, rendered) {
            guard let (result, _) = outcome else {
                own.insert(group.pageKey)
                continue
            }
            guard case .success(let value) = result else { return nil }
            if let terms = value.carriableTerms { carriable[group.pageKey] = terms } else { own.insert(group.pageKey) }
        }
        let key = ownPagesKey(plainPagesKey: plainPagesKey, carriable: carriable)
        guard let candidates, candidates.key == key, Set(candidates.terms.keys) == own,
            candidates.terms.values.allSatisfy({ links.leadsAsBefore($0.linkedPages) })
        else {
            return OwnOutcome(key: key, carried: nil)
        }
        return OwnOutcome(key: key, carried: candidates)
    }
}
