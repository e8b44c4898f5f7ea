import LedeContent
import LedeCore

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
    /// Plain pages whose content file is unchanged since the last build, with the terms they
    /// used then, by content file.
    public var pages: [String: PageTerms]
    /// ``Explainer/plainPagesKey()`` of this build, when the caller worked it out already.
    public var currentKey: UInt64?

    /// Creates a carry-over.
    public init(key: UInt64, pages: [String: PageTerms]) {
        self.key = key
        self.pages = pages
    }
}

/// The glossary terms a page uses: by their words (the first use is linked) and by `term:` links.
public struct PageTerms: Sendable, Hashable {
    /// Terms linked by matching their words, sorted.
    public var matched: [String]
    /// Terms linked with `term:`, sorted.
    public var linked: [String]

    /// Creates a page's terms.
    public init(matched: [String], linked: [String]) {
        self.matched = matched
        self.linked = linked
    }
}

extension RenderedGroup {
    /// A carried page: no Markdown, only the facts the whole-site passes need.
    init(group: PieceGroup, carrying terms: PageTerms) {
        self.init(
            group: group, results: [:],
            facts: Facts(matchedTerms: Set(terms.matched), linkedTerms: Set(terms.linked)))
    }

    /// What a later build needs to carry this page, or `nil` when it must be rendered every time
    /// (it cites the source or holds a `lede:` comment).
    var carriableTerms: PageTerms? {
        guard group.page.kind == .page, !facts.cites, !facts.silences else { return nil }
        return PageTerms(matched: facts.matchedTerms.sorted(), linked: facts.linkedTerms.sorted())
    }
}

extension Explainer {
    /// The stable hash of everything outside a plain page that its HTML is made from: the
    /// environment of its Markdown and the site-wide values of its context (``CarryOver/key``).
    public func plainPagesKey() -> UInt64 { plainPagesKey(environment: renderEnvironment()) }

    func plainPagesKey(environment: ExplainerCache.Environment) -> UInt64 {
        StableHasher.hash { hasher in
            hasher.combine(any: environment)
            hasher.combine(any: ContextMaker.siteWide(of: self))
        }
    }
}
