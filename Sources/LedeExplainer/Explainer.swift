public import Foundation
public import LedeContent
public import LedeCore
public import LedeMarkdown

/// One page to render: a template, its context, and where the HTML goes.
public struct RenderJob: Sendable, Hashable {
    /// Where the page is written below `Output/` (`timeline/index.html`).
    public var outputPath: String
    /// The template's name (`timeline`).
    public var template: String
    /// Everything the template may use.
    public var context: ContextValue
    /// The content file the page comes from (for errors), if any.
    public var sourcePath: String?
    /// The page's URL below the base path.
    public var url: String
    /// When it last changed, for the sitemap.
    public var lastModified: Date?
    /// Where each link of the page's Markdown was written (the first, when one URL is linked
    /// twice), by the URL it became: the link checker reports a problem with a link there, from
    /// what the Markdown step recorded, without reading the content again.
    public var linkLocations: [String: SourceLocation] = [:]
}

/// A file Lede writes as it is (JSON, feeds).
public struct GeneratedFile: Sendable, Hashable {
    /// Where it goes below `Output/`.
    public var path: String
    /// Its text.
    public var contents: String
}

/// Rendered Markdown kept between builds, so that a rebuild renders only the pages whose
/// Markdown, or whose environment (terms, documents), or the URL of a page it links to, changed.
public struct ExplainerCache: Sendable {
    struct Environment: Sendable, Hashable {
        var options: MarkdownOptions
        var basePath: String
        var paragraphCounts: [String: Int]
        /// The earlier versions' paragraph counts, by document and version: a pinned citation
        /// (`seed:p5@2026-11-29`) links to its version's paragraph, or is an error without it.
        var earlierCounts: [String: [String: Int]]
        var terms: [[String]]
        /// Labels end up in rendered Markdown (a citation's title, a term button's label).
        var strings: UIStrings
    }

    var environment: Environment?
    var groups: [String: RenderedGroup] = [:]
    /// Plain pages' jobs from the last build.
    var jobs = PageJobMemo()
    /// The claim checker's findings of the last build.
    var claims = ClaimMemo()

    /// An empty cache.
    public init() {}

    init(environment: Environment) {
        self.environment = environment
    }

    /// How many pages' Markdown is cached.
    public var count: Int { groups.count }
}

/// What the explainer step produces for the builder.
public struct ExplainerOutput: Sendable {
    /// Pages to render through templates.
    public var pages: [RenderJob]
    /// Files to write as they are.
    public var files: [GeneratedFile]
    /// Warnings and notes to print.
    public var diagnostics: [Diagnostic]
    /// Output paths of pages whose job is the previous build's, unchanged: their HTML is the
    /// same as long as the templates are.
    public var reusedPages: Set<String> = []
    /// Output paths of the pages carried over (see ``CarryOver``): their jobs have no context,
    /// and their HTML is the last build's.
    public var carriedPages: Set<String> = []
    /// How many pages' Markdown was rendered (the others' came from the cache or was carried).
    public var markdownRendered = 0
    /// ``CarryOver/key`` for the next build.
    public var plainPagesKey: UInt64 = 0
    /// The plain pages a later build may carry, with their terms, by content file.
    public var carriablePages: [String: PageTerms] = [:]
    /// The contexts of the plain pages whose job came without one (`deferContexts`).
    public var deferredContexts: DeferredContexts?
    /// What a later build needs to carry the explainer's own pages (see ``OwnPages``), when
    /// this one was given a carry-over.
    public var ownPages: OwnPages?
    /// The output paths of the own pages and generated files.
    public var ownOutputs: [String] = []
}

/// Turns a ``Site`` into the explainer's pages: it reads the explainer's content (sources,
/// events, terms, updates), resolves citations and glossary links, renders every piece of
/// Markdown once, works out the backlinks ("cited by", "used in") and builds each page's
/// template context. Nothing in it is specific to one story.
public struct Explainer: Sendable {
    /// The site.
    public let site: Site
    /// The registry of sources.
    public let sources: [SourceEntry]
    /// Events in their explicit order.
    public let events: [TimelineEvent]
    /// Terms in alphabetical order.
    public let terms: [GlossaryTerm]
    /// Updates, newest first.
    public let updates: [Page]
    /// The theme's labels in the site's language, with the site's overrides.
    public let strings: UIStrings
    let renderer: MarkdownRenderer
    let links: LinkResolver
    let matcher: TermMatcher
    let termsByID: [String: GlossaryTerm]
    /// What reading the content found that does not stop the build (unused sources).
    let warnings: [Diagnostic]

    /// Reads and checks the explainer's content.
    /// - Parameters:
    ///   - site: The loaded site.
    ///   - renderer: The Markdown renderer to use (its options come from the config).
    /// - Throws: ``DiagnosticError`` with every problem in the sources, events and terms.
    public init(site: Site, renderer: MarkdownRenderer) throws {
        self.site = site
        self.renderer = renderer
        var bag = DiagnosticBag()
        for warning in site.warnings { bag.add(warning) }
        strings = UIStrings(language: site.config.language, overrides: site.data["strings"], bag: &bag)
        let registry = SourceEntry.registry(from: site.data["sources"], bag: &bag)
        sources = registry.entries
        var events: [TimelineEvent] = []
        for page in site.pages(ofKind: .event) {
            if let event = bag.collect(at: page.fileLocation, { try TimelineEvent(page: page) }) {
                events.append(event)
            }
        }
        var orders: [Int: String] = [:]
        for event in events where event.page.order != nil {
            if let other = orders[event.order] {
                bag.add(
                    Diagnostic(
                        at: event.page.frontMatter["order"]?.location,
                        "order \(event.order) is also used by \(other): timeline order must be unique"))
            }
            orders[event.order] = event.page.sourcePath
        }
        self.events = events.sorted { $0.order < $1.order }
        var terms: [GlossaryTerm] = []
        for page in site.pages(ofKind: .term) {
            if let term = bag.collect(at: page.fileLocation, { try GlossaryTerm(page: page) }) {
                terms.append(term)
                for warning in term.warnings { bag.add(warning) }
            }
        }
        self.terms = terms.sorted { $0.name.localizedCaseInsensitiveCompare($1.name) == .orderedAscending }
        termsByID = Dictionary(terms.map { ($0.id, $0) }, uniquingKeysWith: { first, _ in first })
        // A term whose entry has an error is reported there, not again where it is related.
        let termPageIDs = Set(site.pages(ofKind: .term).map(\.id))
        for term in terms {
            for (id, location) in zip(term.related, term.relatedLocations) {
                if id == term.id {
                    bag.add(
                        Diagnostic(at: location, "term '\(id)' is related to itself: remove '\(id)' from 'related'"))
                } else if !termPageIDs.contains(id) {
                    bag.add(
                        Diagnostic(
                            at: location,
                            "unknown related term '\(id)' (terms: \(termsByID.keys.sorted().joined(separator: ", ")))"))
                }
            }
        }
        GlossaryTerm.checkPhrases(of: terms, bag: &bag)
        updates = site.pages(ofKind: .update).sorted {
            ($0.date?.date ?? .distantPast, $0.sourcePath) > ($1.date?.date ?? .distantPast, $1.sourcePath)
        }
        for update in updates where update.date == nil {
            bag.add(
                update.frontMatter.missingKey(
                    "date", "an update needs 'date': when the change was made",
                    known: FrontMatterKeys.keys(of: .update)))
        }
        var suggestions = FrontMatterKeys.Suggestions()
        for page in site.pages { FrontMatterKeys.checkKeys(of: page, bag: &bag, suggestions: &suggestions) }
        let lists = [
            (PageKind.event, PageKind.timeline, "timeline", "event"), (.term, .glossary, "glossary", "term"),
            (.update, .updates, "updates", "update"),
        ]
        for (item, list, folder, noun) in lists
        where site.pages(ofKind: list).isEmpty {
            for page in site.pages(ofKind: item) {
                bag.add(
                    Diagnostic(
                        at: page.fileLocation,
                        "this \(noun) is shown on the \(folder) page, which does not exist: create Content/\(folder)/index.md"
                    ))
            }
        }
        var pageURLs: [String: String] = [:]
        for page in site.pages { pageURLs[page.sourcePath] = page.url }
        links = LinkResolver(
            documents: Dictionary(site.documents.map { ($0.name, $0) }, uniquingKeysWith: { first, _ in first }),
            termIDs: Set(termsByID.keys), pageURLs: pageURLs, basePath: site.config.basePath,
            strings: strings, draftPaths: site.draftPaths)
        matcher = TermMatcher(terms: terms.map { (id: $0.id, phrases: $0.phrases) })
        Self.checkSourceReferences(site: site, registry: registry, bag: &bag)
        try bag.throwIfErrors()
        warnings = bag.diagnostics
    }

    /// Builds every explainer page and file.
    /// - Throws: ``DiagnosticError`` with every bad citation, link and missing citation.
    /// - Parameters:
    ///   - cache: Rendered Markdown of the last build of the same builder, updated.
    ///   - carry: Plain pages to take over from the last build without rendering them, when
    ///     what they are made from is unchanged (see ``CarryOver``).
    ///   - deferContexts: Give plain pages' jobs without their context, for the builder to make
    ///     each one as it renders the page (``ExplainerOutput/deferredContexts``).
    public func build(cache: inout ExplainerCache, carry: CarryOver? = nil, deferContexts: Bool = false) throws
        -> ExplainerOutput
    {
        var timer = PhaseTimer()
        defer { timer.report() }
        let groups = pieceGroups()
        timer.mark("groups")
        let environment = renderEnvironment()
        if cache.environment != environment { cache = ExplainerCache(environment: environment) }
        let plainPagesKey = carry.map { $0.currentKey ?? self.plainPagesKey(environment: environment) } ?? 0
        timer.mark("keys")
        let carried = carry.flatMap { $0.key == plainPagesKey ? $0.pages : nil } ?? [:]
        let previous = cache.groups
        // The last build's own pages are rendered only once the key of what they read shows a change.
        let ownCandidates = carry.flatMap { $0.key == plainPagesKey ? $0.ownPages : nil }
        let deferred = Set(ownCandidates?.terms.keys.map { $0 } ?? [])
        var rendered = ParallelMap.map(groups) { group -> (Result<RenderedGroup, any Error>, reused: Bool)? in
            if group.page.kind == .page, let terms = carried[group.pageKey] {
                return (.success(RenderedGroup(group: group, carrying: terms)), false)
            }
            if deferred.contains(group.pageKey) { return nil }
            if let hit = previous[group.pageKey], hit.group.pieces == group.pieces,
                links.leadsAsBefore(hit.facts.linkedPages)
            {
                return (.success(RenderedGroup(group: group, reusing: hit)), true)
            }
            return (Result { try render(group) }, false)
        }
        timer.mark("markdown")
        let own =
            carry == nil ? nil : ownPages(groups, rendered, candidates: ownCandidates, plainPagesKey: plainPagesKey)
        timer.mark("own key")
        if own?.carried == nil {
            let left = rendered.indices.filter { rendered[$0] == nil }
            let late = ParallelMap.map(left) { index in Result { try render(groups[index]) } }
            for (index, result) in zip(left, late) { rendered[index] = (result, false) }
        }
        var bag = DiagnosticBag()
        var renderedGroups: [String: RenderedGroup] = [:]
        var reusedGroups: Set<String> = []
        var carriedGroups: Set<String> = []
        var carriable: [String: PageTerms] = [:]
        var markdownRendered = 0
        // The own pages' terms, for the next build's record.
        var ownTerms: [String: PageTerms] = [:]
        for (group, outcome) in zip(groups, rendered) {
            let carriedOwn = outcome == nil ? own?.carried?.terms[group.pageKey] : nil
            // A group left out of the first pass is carried (the second pass rendered the others).
            let (result, reused) =
                outcome
                ?? (
                    .success(RenderedGroup(group: group, carrying: carriedOwn ?? PageTerms(matched: [], linked: []))),
                    false
                )
            switch result {
            case .success(let value):
                renderedGroups[group.pageKey] = value
                if reused { reusedGroups.insert(group.pageKey) }
                if (group.page.kind == .page && carried[group.pageKey] != nil) || carriedOwn != nil {
                    carriedGroups.insert(group.pageKey)
                } else {
                    cache.groups[group.pageKey] = value
                    if !reused { markdownRendered += 1 }
                }
                if carry == nil { continue }
                if let terms = carriedOwn {
                    ownTerms[group.pageKey] = terms
                } else if let terms = value.carriableTerms {
                    carriable[group.pageKey] = terms
                } else {
                    ownTerms[group.pageKey] = value.terms
                }
            case .failure(let error): bag.add(error, at: nil)
            }
        }
        cache.groups = cache.groups.filter { renderedGroups[$0.key] != nil }
        try stopOnErrors(bag)
        timer.mark("own pages")
        let ownCarried = own?.carried
        let index =
            ownCarried == nil
            ? Backlinks(groups: Array(renderedGroups.values), resolver: links)
            : Backlinks(groups: [], resolver: links)
        timer.mark("backlinks")
        if let ownCarried {
            for diagnostic in ownCarried.diagnostics { bag.add(diagnostic) }
        } else {
            checkCitations(renderedGroups, bag: &bag)
            let review = citationReview(renderedGroups)
            for diagnostic in review.diagnostics { bag.add(diagnostic) }
            timer.mark("citations")
            checkClaims(renderedGroups, unsettled: review.unsettled, memo: &cache.claims, bag: &bag)
            try stopOnErrors(bag)
        }
        let checked = bag.diagnostics
        timer.mark("claims")
        for warning in warnings { bag.add(warning) }
        checkTermsUsed(renderedGroups, bag: &bag)
        let context = ContextMaker(explainer: self, rendered: renderedGroups, backlinks: index)
        let (pages, reusedPages, carriedPages) = context.makePages(
            memo: &cache.jobs, reusedGroups: reusedGroups, carriedGroups: carriedGroups, deferring: deferContexts,
            carryingOwn: ownCarried != nil)
        let deferredContexts =
            deferContexts
            ? DeferredContexts(
                maker: context,
                pages: site.pages(ofKind: .page).filter {
                    $0.outputPath != nil && !carriedGroups.contains($0.sourcePath)
                },
                rendered: renderedGroups) : nil
        timer.mark("contexts")
        var files = [GeneratedFile]()
        var diagnostics = bag.diagnostics
        var notes: [Diagnostic] = []
        if let ownCarried {
            notes = ownCarried.notes
            files = ownCarried.files.map { GeneratedFile(path: $0, contents: ownCarried.contents[$0] ?? "") }
        } else {
            if !site.pages(ofKind: .timeline).isEmpty || !events.isEmpty {
                let (file, omitted) = TimelineExport.file(for: self, rendered: renderedGroups)
                files.append(file)
                if omitted > 0 {
                    notes.append(
                        Diagnostic(
                            .note, at: nil,
                            "\(omitted) of \(events.count) timeline events have no known year and are left out of timeline.json (TimelineJS needs a year)"
                        ))
                }
            }
            if !site.pages(ofKind: .updates).isEmpty {
                files.append(AtomFeed.file(for: self, rendered: renderedGroups, backlinks: index))
            }
        }
        diagnostics += notes
        var output = ExplainerOutput(
            pages: pages, files: files, diagnostics: diagnostics, reusedPages: reusedPages, carriedPages: carriedPages,
            plainPagesKey: plainPagesKey, carriablePages: carriable, deferredContexts: deferredContexts)
        output.markdownRendered = markdownRendered
        if let own {
            output.ownPages = OwnPages(
                key: own.key, terms: ownTerms, diagnostics: checked, files: files.map(\.path), notes: notes)
            output.ownOutputs =
                pages.filter { job in job.sourcePath.flatMap { carriable[$0] } == nil }.map(\.outputPath)
                + files.map(\.path)
        }
        return output
    }

    /// Stops the build on the errors found so far, with the warnings that reading the content
    /// found (printed after the claim checks when nothing stops the build): an author fixing a
    /// citation still sees that a key is misspelt (new-user trial).
    private func stopOnErrors(_ bag: DiagnosticBag) throws {
        guard bag.hasErrors else { return }
        var all = bag
        for warning in warnings { all.add(warning) }
        try all.throwIfErrors()
    }

    /// Builds every explainer page and file, without reusing earlier work.
    public func build() throws -> ExplainerOutput {
        var cache = ExplainerCache()
        return try build(cache: &cache)
    }

    /// Everything outside a page that its rendered Markdown depends on, but the pages it links to
    /// (each page's ``RenderedGroup/Facts/linkedPages``): the documents cited and the terms linked.
    func renderEnvironment() -> ExplainerCache.Environment {
        ExplainerCache.Environment(
            options: renderer.options, basePath: site.config.basePath,
            paragraphCounts: links.documents.mapValues(\.paragraphs.count),
            earlierCounts: links.documents.mapValues {
                Dictionary($0.earlier.map { ($0.id, $0.paragraphs.count) }, uniquingKeysWith: { first, _ in first })
            },
            terms: terms.map { [$0.id, $0.name] + $0.phrases }, strings: strings)
    }

    /// The glossary's short definitions by term id: a page's term popovers show those of the
    /// terms it uses, so a page is made again only when one of its terms is redefined.
    public var definitions: [String: String] {
        Dictionary(terms.map { ($0.id, $0.short) }, uniquingKeysWith: { first, _ in first })
    }

    /// The terms defined otherwise than in `before` (an earlier build's ``definitions``).
    func redefinedTerms(since before: [String: String]) -> Set<String> {
        let now = definitions
        return Set(now.keys.filter { before[$0] != now[$0] })
    }

    /// The template a page is rendered with: its `template`, or its kind's (`page` for an
    /// article).
    public static func templateName(of page: Page) -> String {
        if let template = page.template { return template }
        switch page.kind {
        case .overview: return "overview"
        case .timeline: return "timeline"
        case .glossary: return "glossary"
        case .sourcing: return "sourcing"
        case .updates: return "updates"
        default: return "page"
        }
    }

    /// The public URL of a site path.
    func href(_ url: String) -> String { links.href(url) }

    /// The absolute URL of a site path.
    func absolute(_ url: String) -> String {
        site.config.baseURL + (url.hasPrefix("/") ? String(url.dropFirst()) : url)
    }
}
