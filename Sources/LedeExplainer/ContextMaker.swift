import Foundation
import LedeContent
public import LedeCore
import LedeMarkdown

/// Builds the template context of every page.
///
/// Every context has the same top-level keys (`site`, `page`, `strings`, `jsonld`, and one key
/// per kind that is `.null` on other kinds), so templates never meet a missing key.
struct ContextMaker: Sendable {
    let explainer: Explainer
    private(set) var rendered: [String: RenderedGroup]
    let backlinks: Backlinks
    private var overview: Page?
    private let config: SiteConfig
    private let siteBase: (members: [String: ContextValue], navURLs: [(String, String)])
    private let sourcingURL: String
    private let sourcingPage: Page?
    private let stringsContext: ContextValue

    /// - Parameter siteWide: The site-wide values of the last build with the same explainer, when
    ///   known: the `site` context is then not made again.
    init(
        explainer: Explainer, rendered: [String: RenderedGroup], backlinks: Backlinks,
        siteWide: PageJobMemo.SiteWide? = nil
    ) {
        self.explainer = explainer
        self.rendered = rendered
        self.backlinks = backlinks
        overview = explainer.site.pages(ofKind: .overview).first
        config = explainer.site.config
        siteBase =
            siteWide.map { known in (known.members, known.navigation.map { ($0[0], $0[1]) }) }
            ?? Self.siteBase(explainer)
        sourcingPage = explainer.site.pages(ofKind: .sourcing).first
        sourcingURL = sourcingPage?.url ?? "/sourcing-notes/"
        stringsContext = explainer.strings.context
    }

    static let kindKeys = ["overview", "timeline", "glossary", "sourcing", "source", "updates"]

    /// Every page's job; pages are independent, so they are made on every core. Plain pages
    /// whose inputs are unchanged get their job from `memo` (see ``PageJobMemo``).
    /// - Parameters:
    ///   - memo: The last build's plain-page jobs; replaced by this build's.
    ///   - reusedGroups: Pages whose Markdown came from the render cache.
    ///   - carriedGroups: Plain pages carried over from the last build (see ``CarryOver``): their
    ///     jobs have no context.
    ///   - deferring: Whether plain pages' jobs come without their context, which
    ///     ``DeferredContexts`` makes when the page is rendered (a one-off build).
    /// - Returns: The jobs, the output paths of those reused from `memo`, and those carried.
    ///   - carryingOwn: Whether the explainer's own pages are carried (see ``OwnPages``): the
    ///     source pages and the 404 page are then carried too.
    func makePages(
        memo: inout PageJobMemo, reusedGroups: Set<String>, carriedGroups: Set<String> = [], deferring: Bool = false,
        carryingOwn: Bool = false
    ) -> ([RenderJob], Set<String>, Set<String>) {
        let maker = self
        let siteWide = Self.siteWide(of: explainer, base: siteBase, strings: stringsContext)
        let known = memo
        let siteWideUnchanged = memo.siteWide == siteWide
        let definitions = explainer.definitions
        let redefined = explainer.redefinedTerms(since: known.definitions)
        let pages = explainer.site.pages.filter { !$0.kind.isItem }
        let made = ParallelMap.map(pages) { page -> (RenderJob?, Bool) in
            if carriedGroups.contains(page.sourcePath), let output = page.outputPath {
                return (maker.carriedJob(page, output: output), false)
            }
            if let job = known.job(
                for: page, siteWideUnchanged: siteWideUnchanged, markdownReused: reusedGroups.contains(page.sourcePath),
                definitionsUnchanged: maker.rendered[page.sourcePath].map { !$0.facts.usesAny(of: redefined) } ?? false)
            {
                return (job, true)
            }
            if deferring, page.kind == .page { return (maker.deferredJob(page), false) }
            return (maker.pageJob(page), false)
        }
        memo = PageJobMemo(siteWide: siteWide, definitions: definitions)
        var reused: Set<String> = []
        var carried: Set<String> = []
        var jobs: [RenderJob] = []
        jobs.reserveCapacity(made.count)
        for (page, (job, wasReused)) in zip(pages, made) {
            guard let job else { continue }
            jobs.append(job)
            if wasReused { reused.insert(job.outputPath) }
            if carriedGroups.contains(page.sourcePath) {
                carried.insert(job.outputPath)
            } else if page.kind == .page, !deferring {
                memo.jobs[page.sourcePath] = (page, job)
            }
        }
        let contentJobs = jobs.count
        jobs += sourceJobs(carried: carryingOwn)
        if !jobs.contains(where: { $0.outputPath == "404.html" }) {
            let page = syntheticPage(
                title: explainer.strings[.notFoundTitle], url: "/404.html",
                description: explainer.strings[.notFoundDescription], path: nil)
            var job = job(
                for: page, output: "404.html", template: "404", html: "", headings: [], words: 0, extra: [:], graph: [])
            job.sourcePath = nil
            jobs.append(job)
        }
        if carryingOwn {
            for index in contentJobs..<jobs.count {
                jobs[index].context = .null
                carried.insert(jobs[index].outputPath)
            }
        }
        return (jobs, reused, carried)
    }

    /// What a plain page's context is made from besides the page itself.
    static func siteWide(of explainer: Explainer) -> PageJobMemo.SiteWide {
        siteWide(of: explainer, base: siteBase(explainer), strings: explainer.strings.context)
    }

    private static func siteWide(
        of explainer: Explainer, base: (members: [String: ContextValue], navURLs: [(String, String)]),
        strings: ContextValue
    ) -> PageJobMemo.SiteWide {
        let site = explainer.site
        let overview = site.pages(ofKind: .overview).first
        return PageJobMemo.SiteWide(
            members: base.members, navigation: base.navURLs.map { [$0.0, $0.1] }, strings: strings,
            config: site.config, overviewDates: [overview?.date, overview?.updated],
            sourcing: site.pages(ofKind: .sourcing).first.map { [$0.title, $0.url] },
            terms: explainer.terms.map { [$0.id, $0.name] })
    }

    /// The job of a carried page: where it goes and what the sitemap needs, without a context.
    private func carriedJob(_ page: Page, output: String) -> RenderJob {
        let (published, updated) = dates(of: page)
        return RenderJob(
            outputPath: output, template: Explainer.templateName(of: page), context: .null,
            sourcePath: page.sourcePath, url: page.url, lastModified: (updated ?? published)?.date)
    }

    /// The job of a plain page whose context ``DeferredContexts`` makes later: everything but
    /// the context, link locations included.
    private func deferredJob(_ page: Page) -> RenderJob? {
        guard let output = page.outputPath, let group = rendered[page.sourcePath] else { return nil }
        var made = carriedJob(page, output: output)
        made.linkLocations = Self.linkLocations(of: group)
        return made
    }

    /// Where each link of a page's Markdown was written (the first, by source order, when one
    /// URL is linked twice), by the URL it became.
    private static func linkLocations(of group: RenderedGroup) -> [String: SourceLocation] {
        var locations: [String: SourceLocation] = [:]
        for link in group.results.values.flatMap(\.links).sorted(by: { $0.location < $1.location })
        where locations[link.resolved] == nil {
            locations[link.resolved] = link.location
        }
        return locations
    }

    /// When a page was published and last updated, as its context and the sitemap give them.
    private func dates(of page: Page) -> (published: WrittenDate?, updated: WrittenDate?) {
        let published = page.date ?? overview?.date
        return (published, page.updated ?? page.date.flatMap { _ in page.date } ?? overview?.updated ?? published)
    }

    /// The job of a plain page (see ``Explainer/rerender(_:cache:)``).
    func plainPageJob(_ page: Page) -> RenderJob? { pageJob(page) }

    /// The job of one content page, or `nil` for a page that is not written.
    private func pageJob(_ page: Page) -> RenderJob? {
        guard let group = rendered[page.sourcePath] else { return nil }
        return pageJob(page, group: group)
    }

    /// The job of one content page made from its rendered Markdown, or `nil` for a page that is
    /// not written.
    private func pageJob(_ page: Page, group: RenderedGroup) -> RenderJob? {
        guard let output = page.outputPath else { return nil }
        var extra: [String: ContextValue] = [:]
        var graph: [JSON] = []
        switch page.kind {
        case .overview: extra["overview"] = overviewContext(page, group)
        case .timeline:
            extra["timeline"] = timelineContext(group)
            graph.append(TimelineExport.itemList(for: explainer))
        case .glossary:
            extra["glossary"] = glossaryContext(group)
            graph.append(glossaryTermSet())
        case .sourcing: extra["sourcing"] = sourcingContext(page, group)
        case .updates: extra["updates"] = updatesContext(group)
        default: break
        }
        let words = group.results.values.reduce(0) { $0 + $1.wordCount }
        let body = group.results["body"]
        extra["term_popovers"] = termPopovers(group)
        var made = job(
            for: page, output: output, template: Explainer.templateName(of: page), html: body?.html ?? "",
            headings: body?.headings ?? [], words: words, extra: extra, graph: graph)
        made.linkLocations = Self.linkLocations(of: group)
        return made
    }

    /// The context of a plain page given without it (see ``DeferredContexts``).
    func deferredContext(of page: Page, group: RenderedGroup) -> ContextValue? {
        pageJob(page, group: group)?.context
    }

    /// A copy that holds no rendered Markdown (for ``DeferredContexts``, which gives each plain
    /// page its own).
    func withoutRendered() -> ContextMaker {
        var copy = self
        copy.rendered = [:]
        return copy
    }

    func syntheticPage(title: String, url: String, description: String, path: String?) -> Page {
        Page(
            sourcePath: path ?? "", kind: .page, id: url, url: url, outputPath: nil, title: title,
            description: description,
            date: nil, updated: nil, draft: false, order: nil, template: nil,
            frontMatter: DataNode(.map([]), at: SourceLocation(path: path ?? "")), body: "",
            bodyLocation: SourceLocation(path: path ?? ""))
    }

    // MARK: - Common

    func job(
        for page: Page, output: String, template: String, html: String, headings: [Heading], words: Int,
        extra: [String: ContextValue], graph: [JSON]
    ) -> RenderJob {
        let (published, updated) = dates(of: page)
        var context: [String: ContextValue] = [
            "site": siteContext(current: page.url),
            "page": pageContext(
                page, html: html, headings: headings, words: words, published: published, updated: updated),
        ]
        context["strings"] = stringsContext
        for key in Self.kindKeys { context[key] = extra[key] ?? .null }
        let popovers = extra["term_popovers"] ?? .list([])
        context["term_popovers"] = popovers
        context["has_term_popovers"] = .bool(popovers != .list([]))
        let article = articleJSON(page, published: published, updated: updated)
        let jsonld: JSON = ["@context": "https://schema.org", "@graph": .array([article] + graph)]
        context["jsonld"] = .string(jsonld.serialized())
        return RenderJob(
            outputPath: output, template: template, context: .object(context),
            sourcePath: page.sourcePath.isEmpty ? nil : page.sourcePath,
            url: page.url, lastModified: (updated ?? published)?.date)
    }

    /// Whether a URL has one segment (`/about/`, not `/posts/a/` or `/`).
    static func isTopLevel(_ url: String) -> Bool {
        var segments = 0
        var inSegment = false
        for byte in url.utf8 {
            if byte == UInt8(ascii: "/") {
                inSegment = false
            } else if !inSegment {
                inSegment = true
                segments += 1
                if segments > 1 { return false }
            }
        }
        return segments == 1
    }

    /// The `site` context without the current page marked: the same for every page, made once.
    private static func siteBase(_ explainer: Explainer) -> (
        members: [String: ContextValue], navURLs: [(String, String)]
    ) {
        let site = explainer.site
        let config = site.config
        let strings = explainer.strings
        var nav: [(String, String)] = []
        func add(_ kind: PageKind) {
            if let page = site.pages(ofKind: kind).first, let label = strings.navigationLabel(of: kind) {
                nav.append((label, page.url))
            }
        }
        for kind in [PageKind.overview, .timeline, .glossary, .sourcing] { add(kind) }
        for document in site.documents {
            nav.append((site.documents.count == 1 ? strings[.navSourceText] : document.title, document.url))
        }
        add(.updates)
        // The footer lists top-level plain pages (/about/), not every page of a large site.
        // (Read in place: a copy of every page, and of its URL's parts, showed at 10,000 pages.)
        let footer: [ContextValue] = site.pages.lazy
            .filter { $0.kind == .page && $0.outputPath != "404.html" && Self.isTopLevel($0.url) }
            .sorted { ($0.order ?? Int.max, $0.title) < ($1.order ?? Int.max, $1.title) }
            .map { ["title": .string($0.title), "url": .string(explainer.href($0.url))] }
        let members: [String: ContextValue] = [
            "title": .string(config.title), "description": .string(config.description),
            "language": .string(config.language),
            "direction": .string(TextDirection(language: config.language).rawValue),
            "base_url": .string(config.baseURL), "base_path": .string(config.basePath),
            "author": .string(config.author.name), "publisher": .string(config.publisher.name),
            "publisher_url": .optional(config.publisher.url), "report_error_url": .string(config.reportErrorURL),
            "footer_links": .list(footer), "has_footer_links": .bool(!footer.isEmpty),
            "home_url": .string(explainer.href("/")),
            "feed_url": site.pages(ofKind: .updates).first.map { .string(explainer.href($0.url + "atom.xml")) }
                ?? .null,
        ]
        return (members, nav)
    }

    private func siteContext(current: String) -> ContextValue {
        var members = siteBase.members
        members["nav"] = .list(
            siteBase.navURLs.map { title, url in
                ["title": .string(title), "url": .string(explainer.href(url)), "current": .bool(url == current)]
            })
        return .object(members)
    }

    private func pageContext(
        _ page: Page, html: String, headings: [Heading], words: Int, published: WrittenDate?, updated: WrittenDate?
    ) -> ContextValue {
        let toc: [ContextValue] = headings.filter { (2...3).contains($0.level) }.map {
            ["level": .int($0.level), "text": .string($0.text), "id": .string($0.id), "sub": .bool($0.level == 3)]
        }
        var extra: [String: ContextValue] = [:]
        for (key, value) in page.frontMatter.members where !Page.commonKeys.contains(key) {
            extra[key] = Self.context(from: value)
        }
        let minutes = max(1, Int((Double(words) / 230).rounded(.up)))
        return [
            "title": .string(page.title), "description": .optional(page.description),
            "url": .string(explainer.href(page.url)), "canonical": .string(explainer.absolute(page.url)),
            "kind": .string(page.kind.rawValue), "is_home": .bool(page.kind == .overview),
            "is_404": .bool(page.url == "/404.html"),
            "content": .string(html), "toc": .list(toc), "has_toc": .bool(toc.count >= 2),
            "reading_minutes": .int(minutes), "words": .int(words),
            "published": dateContext(published), "updated": dateContext(updated),
            "was_updated": .bool(updated != nil && published != nil && updated?.date != published?.date),
            "extra": .object(extra),
        ]
    }

    /// The definitions of the terms linked on a page, in the order of first use.
    private func termPopovers(_ group: RenderedGroup) -> ContextValue {
        var seen: Set<String> = []
        var popovers: [ContextValue] = []
        for piece in group.group.pieces {
            for id in group.results[piece.key]?.termsUsed ?? [] where seen.insert(id).inserted {
                guard let term = explainer.termsByID[id] else { continue }
                popovers.append([
                    "id": .string(id), "name": .string(term.name), "short": .string(term.short),
                    "url": .string(explainer.href("/glossary/#\(id)")),
                ])
            }
        }
        return .list(popovers)
    }

    func dateContext(_ date: WrittenDate?) -> ContextValue {
        guard let date else { return .null }
        return [
            "iso": .string(DateText.machine(date)),
            "display": .string(DateText.display(date, strings: explainer.strings)),
        ]
    }

    static func context(from node: DataNode) -> ContextValue {
        switch node.value {
        case .scalar(let text, _): node.isNull ? .null : .string(text)
        case .list(let items): .list(items.map(context(from:)))
        case .map(let pairs):
            .object(
                Dictionary(pairs.map { ($0.key, context(from: $0.value)) }, uniquingKeysWith: { first, _ in first }))
        }
    }

    private func articleJSON(_ page: Page, published: WrittenDate?, updated: WrittenDate?) -> JSON {
        var article: [String: JSON] = [
            "@type": "BackgroundNewsArticle", "headline": .string(page.title),
            "url": .string(explainer.absolute(page.url)), "inLanguage": .string(config.language),
            "author": ["@type": "Organization", "name": .string(config.author.name)],
            "publisher": .object(
                ["@type": "Organization", "name": .string(config.publisher.name)].merging(
                    config.publisher.url.map { ["url": JSON.string($0)] } ?? [:],
                    uniquingKeysWith: { first, _ in first })),
            "isPartOf": ["@type": "WebSite", "name": .string(config.title), "url": .string(config.baseURL)],
        ]
        if let description = page.description { article["description"] = .string(description) }
        if let published { article["datePublished"] = .string(DateText.machine(published)) }
        if let updated { article["dateModified"] = .string(DateText.machine(updated)) }
        if let sourcing = sourcingPage {
            article["backstory"] = [
                "@type": "CreativeWork", "name": .string(sourcing.title),
                "url": .string(explainer.absolute(sourcing.url)),
            ]
        }
        if let principles = config.publishingPrinciples {
            article["publishingPrinciples"] = .string(
                principles.hasPrefix("/") ? explainer.absolute(principles) : principles)
        }
        return .object(article)
    }

    private func places(_ list: [Place]) -> ContextValue {
        .list(list.map { ["label": .string($0.label), "url": .string(explainer.href($0.url))] })
    }

    private func sourceLinks(_ ids: [String]) -> ContextValue {
        .list(
            ids.compactMap { id in explainer.sources.first { $0.id == id } }.map {
                [
                    "label": .string($0.short),
                    "url": .string(explainer.href(sourcingURL + "#source-\($0.id)")),
                ]
            })
    }

    // MARK: - Kinds

    private func overviewContext(_ page: Page, _ group: RenderedGroup) -> ContextValue {
        func items(_ key: String) -> ContextValue {
            .list(
                (page.frontMatter[key]?.items ?? []).enumerated().map { index, node in
                    let ids = node["sources"]?.items?.compactMap(\.text) ?? []
                    return [
                        "html": .string(group.html("\(key).\(index)")),
                        "id": .string("\(key.replacingOccurrences(of: "_", with: "-"))-\(index + 1)"),
                        "sources": sourceLinks(ids), "has_sources": .bool(!ids.isEmpty),
                    ]
                })
        }
        let developing = page.frontMatter["developing"].flatMap { try? $0.requireBool("developing") } ?? false
        var context: [String: ContextValue] = ["developing": .bool(developing)]
        // A list the overview does not give is left out, heading and all, not shown empty.
        for key in ["key_points", "known", "unknown"] {
            let list = items(key)
            context[key] = list
            context["has_" + key] = .bool(list != .list([]))
        }
        context["has_known_or_unknown"] = .bool(
            context["has_known"] == .bool(true) || context["has_unknown"] == .bool(true))
        return .object(context)
    }

    private func timelineContext(_ group: RenderedGroup) -> ContextValue {
        let strings = explainer.strings
        let events: [ContextValue] = explainer.events.enumerated().map { index, event in
            let datetime: ContextValue = event.value.map { .string($0) } ?? .null
            return [
                "id": .string(event.page.id), "position": .int(index + 1), "title": .string(event.page.title),
                "html": .string(group.html("event.\(event.page.id)")), "date_text": .string(event.dateText),
                "date_note": .optional(event.dateNote), "datetime": datetime,
                "precision": .string(event.precision.rawValue),
                "precision_label": .string(strings[event.precision.label]),
                "certainty": .string(event.certainty.rawValue),
                "certainty_label": .string(strings[event.certainty.label]),
                "certainty_meaning": .string(strings[event.certainty.meaning]),
                "sources": sourceLinks(event.sourceIDs), "has_sources": .bool(!event.sourceIDs.isEmpty),
            ]
        }
        // The certainty values the timeline uses, in their documented order, with what each means.
        let used = Set(explainer.events.map(\.certainty))
        let certainties: [ContextValue] = Certainty.allCases.filter(used.contains).map {
            [
                "certainty": .string($0.rawValue), "label": .string(strings[$0.label]),
                "meaning": .string(strings[$0.meaning]),
            ]
        }
        return [
            "events": .list(events), "json_url": .string(explainer.href("/timeline.json")),
            "certainties": .list(certainties), "has_certainties": .bool(!certainties.isEmpty),
        ]
    }

    private func glossaryContext(_ group: RenderedGroup) -> ContextValue {
        let terms: [ContextValue] = explainer.terms.map { term in
            let used = backlinks.usedIn[term.id] ?? []
            return [
                "id": .string(term.id), "name": .string(term.name), "abbr": .optional(term.abbreviation),
                "short": .string(term.short), "html": .string(group.html("term.\(term.id)")),
                "aliases": .list(term.aliases.map { .string($0) }), "has_aliases": .bool(!term.aliases.isEmpty),
                "related": .list(
                    term.related.compactMap { explainer.termsByID[$0] }.map {
                        ["name": .string($0.name), "url": .string("#\($0.id)")]
                    }), "has_related": .bool(!term.related.isEmpty),
                "background": .bool(term.isBackground),
                "references": .list(
                    term.references.map {
                        ["title": .string($0.title), "url": .string($0.url), "date": .optional($0.date)]
                    }),
                "has_references": .bool(!term.references.isEmpty),
                "used_in": places(used), "has_used_in": .bool(!used.isEmpty),
            ]
        }
        return ["terms": .list(terms)]
    }

    private func glossaryTermSet() -> JSON {
        let setID = explainer.absolute((explainer.site.pages(ofKind: .glossary).first?.url ?? "/glossary/") + "#terms")
        return [
            "@type": "DefinedTermSet", "@id": .string(setID), "name": .string(explainer.strings[.navGlossary]),
            "hasDefinedTerm": .array(
                explainer.terms.map { term in
                    var node: [String: JSON] = [
                        "@type": "DefinedTerm", "name": .string(term.name), "description": .string(term.short),
                        "inDefinedTermSet": .string(setID), "url": .string(explainer.absolute(term.page.url)),
                    ]
                    let alternates = term.aliases + (term.abbreviation.map { [$0] } ?? [])
                    if !alternates.isEmpty { node["alternateName"] = .array(alternates.map { .string($0) }) }
                    return .object(node)
                }),
        ]
    }

    private func sourcingContext(_ page: Page, _ group: RenderedGroup) -> ContextValue {
        let sources: [ContextValue] = explainer.sources.map { source in
            let events = explainer.events.filter { $0.sourceIDs.contains(source.id) }
            let claims = claimsResting(on: source.id, sourcing: (page, group))
            return [
                "id": .string(source.id), "label": .string(source.label), "short": .string(source.short),
                "heading": .string(source.label.prefix(1).uppercased() + source.label.dropFirst()),
                "kind": .string(source.kind), "name": .optional(source.name), "role": .optional(source.role),
                "attribution": .string(source.attribution.rawValue),
                "attribution_label": .string(explainer.strings[source.attribution.label]),
                "named": .bool(source.attribution == .named), "anonymous": .bool(source.anonymous),
                "count": source.count.map { .string(String($0)) }
                    ?? (source.attribution == .named ? .null : .string(explainer.strings[.notStated])),
                "vantage": .optional(source.vantage?.text(in: explainer.strings)),
                "why_anonymous": .optional(source.whyAnonymous?.text(in: explainer.strings)),
                "notes_html": .string(group.html("source.\(source.id).notes")),
                "cites_html": .list(source.cites.indices.map { .string(group.html("source.\(source.id).cite.\($0)")) }),
                "events": .list(
                    events.map { ["title": .string($0.page.title), "url": .string(explainer.href($0.page.url))] }),
                "has_events": .bool(!events.isEmpty), "claims": .list(claims), "has_claims": .bool(!claims.isEmpty),
            ]
        }
        let unconfirmed: [ContextValue] = (page.frontMatter["unconfirmed"]?.items ?? []).enumerated().map {
            index, node in
            let ids = node["sources"]?.items?.compactMap(\.text) ?? []
            return [
                "id": .string("unconfirmed-\(index + 1)"), "html": .string(group.html("unconfirmed.\(index)")),
                "sources": sourceLinks(ids), "has_sources": .bool(!ids.isEmpty),
            ]
        }
        return [
            "sources": .list(sources), "unconfirmed": .list(unconfirmed),
            "has_unconfirmed": .bool(!unconfirmed.isEmpty),
        ]
    }

    /// The items that name the source in their `sources:`: the overview's key points, "what
    /// the report says" and "what the report does not say" items, and the sourcing page's
    /// unconfirmed items, each with where it is.
    private func claimsResting(on id: String, sourcing: (page: Page, group: RenderedGroup)) -> [ContextValue] {
        // The same lists the reference check reads (``Explainer/itemListsWithSources``).
        let strings = explainer.strings
        let places = [
            "key_points": strings[.placeKeyPoint], "known": strings[.placeKnown], "unknown": strings[.placeUnknown],
            "unconfirmed": strings[.placeUnconfirmed],
        ]
        var lists: [(key: String, anchor: String, place: String, page: Page, group: RenderedGroup)] = []
        for (kind, keys) in Explainer.itemListsWithSources {
            let page = kind == .sourcing ? sourcing.page : explainer.site.pages(ofKind: kind).first
            guard let page, let group = kind == .sourcing ? sourcing.group : rendered[page.sourcePath] else {
                continue
            }
            for key in keys {
                lists.append((key, key.replacingOccurrences(of: "_", with: "-"), places[key] ?? key, page, group))
            }
        }
        return lists.flatMap { list in
            (list.page.frontMatter[list.key]?.items ?? []).enumerated().compactMap { index, node -> ContextValue? in
                guard node["sources"]?.items?.contains(where: { $0.text == id }) == true else { return nil }
                return [
                    "html": .string(list.group.html("\(list.key).\(index)")),
                    "url": .string(explainer.href(list.page.url + "#\(list.anchor)-\(index + 1)")),
                    "where": .string(list.place),
                ]
            }
        }
    }
}

/// The contexts of the plain pages of a one-off build, made when each page is rendered rather
/// than all at once: a context holds its page's rendered Markdown, and a large site's contexts
/// would all be in memory together. Each page's rendered Markdown is let go of once its
/// context is made.
public final class DeferredContexts: Sendable {
    private let maker: ContextMaker
    /// Plain pages with their rendered Markdown, by content file, until their context is made.
    private let waiting: Locked<[String: (page: Page, group: RenderedGroup)]>

    init(maker: ContextMaker, pages: [Page], rendered: [String: RenderedGroup]) {
        self.maker = maker.withoutRendered()
        var waiting: [String: (page: Page, group: RenderedGroup)] = [:]
        for page in pages {
            if let group = rendered[page.sourcePath] { waiting[page.sourcePath] = (page, group) }
        }
        self.waiting = Locked(waiting)
    }

    /// The context of `job`, when it is one of these pages; each is given once (its page's
    /// rendered Markdown is then dropped).
    public func takeContext(for job: RenderJob) -> ContextValue? {
        guard let path = job.sourcePath, let entry = waiting.withLock({ $0.removeValue(forKey: path) }) else {
            return nil
        }
        return maker.deferredContext(of: entry.page, group: entry.group)
    }
}
