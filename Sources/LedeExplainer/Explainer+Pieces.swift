import Foundation
import LedeContent
import LedeCore
import LedeMarkdown

/// Where a piece of Markdown is shown, for "cited by" links.
struct Place: Sendable, Hashable {
    /// A label ("Timeline: The flight leaves Louisiana").
    var label: String
    /// The URL below the base path, with a fragment when the piece has its own anchor.
    var url: String
}

/// One piece of Markdown of a page: its body, or a front-matter item, or an item's body.
struct Piece: Sendable, Hashable {
    /// Unique within the page (`body`, `known.2`, `event.flight`).
    var key: String
    var text: MarkdownText
    var inline: Bool
    var place: Place
    /// What the piece is, when it must cite at least one paragraph ("timeline event").
    var mustCite: String?
    /// A term never linked inside this piece (a glossary entry's own term).
    var ownTerm: String?
}

/// The pieces of one output page, rendered in order so a term links only at its first use on the page.
struct PieceGroup: Sendable {
    /// The page's source path.
    var pageKey: String
    var page: Page
    var pieces: [Piece]
}

/// A rendered group.
struct RenderedGroup: Sendable {
    var group: PieceGroup
    var results: [String: RenderedMarkdown]
    /// What the whole-site passes (backlinks, the citation review, the claim and term checks)
    /// need from a page's Markdown, worked out once when it is rendered and kept with it in the
    /// render cache: most pages of a large site cite nothing, and each pass skips them.
    let facts: Facts

    struct Facts: Sendable {
        /// Whether any piece cites a source paragraph (`seed:`).
        var cites = false
        /// Whether any piece holds a `lede:` comment (a silence).
        var silences = false
        /// Terms linked by matching their words, and by `term:` links.
        var matchedTerms: Set<String> = []
        var linkedTerms: Set<String> = []
        /// The pages its relative links led to, with their URLs then
        /// (``LinkResolver/linkedPages(of:pagePath:)``).
        var linkedPages: [String: String] = [:]

        /// Whether the page uses any of `terms` (by their words or a `term:` link).
        func usesAny(of terms: Set<String>) -> Bool {
            Self.uses(any: terms, matched: matchedTerms, linked: linkedTerms)
        }

        /// Whether a page that uses the terms `matched` (by their words) and `linked` (by
        /// `term:` links) uses any of `terms`: for a rendered page and for a carried one alike.
        static func uses(any terms: Set<String>, matched: some Sequence<String>, linked: some Sequence<String>)
            -> Bool
        {
            !terms.isEmpty && (!terms.isDisjoint(with: matched) || !terms.isDisjoint(with: linked))
        }
    }

    init(group: PieceGroup, results: [String: RenderedMarkdown], facts: Facts) {
        self.group = group
        self.results = results
        self.facts = facts
    }

    init(group: PieceGroup, results: [String: RenderedMarkdown], linkedPages: [String: String] = [:]) {
        self.group = group
        var facts = Facts(linkedPages: linkedPages)
        for result in results.values {
            facts.matchedTerms.formUnion(result.termsUsed)
            for link in result.links {
                if link.destination.hasPrefix("seed:") {
                    facts.cites = true
                } else if link.destination.hasPrefix("term:") {
                    facts.linkedTerms.insert(String(link.destination.dropFirst("term:".count)))
                }
            }
            if !facts.silences, ClaimReader.hasClaimsToCheck(result) { facts.silences = true }
        }
        self.facts = facts
        // The paragraphs' text is kept for the claim checks only, which read no plain page that
        // cites and silences nothing: a large site's articles would hold a copy of their text.
        if group.page.kind == .page, !facts.cites, !facts.silences {
            self.results = results.mapValues { result in
                var kept = result
                kept.prose = []
                return kept
            }
        } else {
            self.results = results
        }
    }

    /// The same rendered Markdown for this build's `group` (a cache hit).
    init(group: PieceGroup, reusing rendered: RenderedGroup) {
        self.group = group
        results = rendered.results
        facts = rendered.facts
    }

    func html(_ key: String) -> String { results[key]?.html ?? "" }
}

extension Explainer {
    /// Every output page's Markdown pieces.
    func pieceGroups() -> [PieceGroup] {
        var groups: [PieceGroup] = []
        for page in site.pages where !page.kind.isItem {
            if page.kind == .page {
                groups.append(plainPieceGroup(page))
                continue
            }
            var pieces: [Piece] = []
            let pagePlace = Place(label: page.title, url: page.url)
            func items(_ key: String, what: String, label: UIStrings.Key) {
                for (index, node) in (page.frontMatter[key]?.items ?? []).enumerated() {
                    let textNode = node["text"] ?? node
                    guard let source = textNode.text else { continue }
                    pieces.append(
                        Piece(
                            key: "\(key).\(index)", text: MarkdownText(node: textNode, text: source),
                            inline: true,
                            place: Place(
                                label: strings.format(.placeLabel, ["page": page.title, "item": strings[label]]),
                                url: page.url + "#\(key.replacingOccurrences(of: "_", with: "-"))-\(index + 1)"),
                            mustCite: what))
                }
            }
            switch page.kind {
            case .overview:
                items("key_points", what: "key point", label: .itemKeyPoint)
                items("known", what: "“what the report says” item", label: .itemKnown)
                items("unknown", what: "“what the report does not say” item", label: .itemUnknown)
            case .sourcing:
                items("unconfirmed", what: "unconfirmed item", label: .itemUnconfirmed)
                for source in sources {
                    let place = Place(
                        label: strings.format(.placeLabel, ["page": page.title, "item": source.label]),
                        url: page.url + "#source-\(source.id)")
                    if let notes = source.notes {
                        pieces.append(Piece(key: "source.\(source.id).notes", text: notes, inline: false, place: place))
                    }
                    for (index, cite) in source.cites.enumerated() {
                        pieces.append(
                            Piece(key: "source.\(source.id).cite.\(index)", text: cite, inline: true, place: place))
                    }
                }
            case .timeline:
                for event in events {
                    pieces.append(
                        Piece(
                            key: "event.\(event.page.id)", text: body(of: event.page), inline: false,
                            place: Place(
                                label: strings.format(
                                    .placeLabel, ["page": strings[.navTimeline], "item": event.page.title]),
                                url: event.page.url),
                            mustCite: "timeline event"))
                }
            case .glossary:
                for term in terms {
                    pieces.append(
                        Piece(
                            key: "term.\(term.id)", text: body(of: term.page), inline: false,
                            place: Place(
                                label: strings.format(.placeLabel, ["page": strings[.navGlossary], "item": term.name]),
                                url: term.page.url), ownTerm: term.id))
                }
            case .updates:
                for update in updates {
                    pieces.append(
                        Piece(
                            key: "update.\(update.id)", text: body(of: update), inline: false,
                            place: Place(
                                label: strings.format(
                                    .placeLabel, ["page": strings[.navUpdates], "item": update.title]),
                                url: update.url)))
                }
            default: break
            }
            pieces.append(Piece(key: "body", text: body(of: page), inline: false, place: pagePlace))
            groups.append(PieceGroup(pageKey: page.sourcePath, page: page, pieces: pieces))
        }
        return groups
    }

    /// A plain page's one piece: its body.
    func plainPieceGroup(_ page: Page) -> PieceGroup {
        PieceGroup(
            pageKey: page.sourcePath, page: page,
            pieces: [
                Piece(
                    key: "body", text: body(of: page), inline: false, place: Place(label: page.title, url: page.url))
            ])
    }

    private func body(of page: Page) -> MarkdownText {
        MarkdownText(source: page.body, location: page.bodyLocation)
    }

    /// Renders a page's pieces in order; each term links at its first use on the page only.
    func render(_ group: PieceGroup) throws -> RenderedGroup {
        var used: Set<String> = []
        var results: [String: RenderedMarkdown] = [:]
        var bag = DiagnosticBag()
        let resolver = links
        let pagePath = group.page.sourcePath
        let termHTML = termLinkMaker()
        for piece in group.pieces {
            var excluded = used
            if let own = piece.ownTerm { excluded.insert(own) }
            let hooks = MarkdownHooks(
                resolveLink: { destination, location in
                    try resolver.rewrite(destination, at: location, pagePath: pagePath)
                },
                terms: matcher, termHTML: termHTML, excludedTerms: excluded)
            let location = piece.text.location
            let result = bag.collect(at: location) {
                piece.inline
                    ? try renderer.renderInline(
                        piece.text.source, file: location, hooks: hooks,
                        everyLineIndented: piece.text.everyLineIndented)
                    : try renderer.render(
                        piece.text.source, file: location, hooks: hooks,
                        everyLineIndented: piece.text.everyLineIndented)
            }
            if let result {
                results[piece.key] = result
                used.formUnion(result.termsUsed)
            }
        }
        try bag.throwIfErrors()
        return RenderedGroup(
            group: group, results: results, linkedPages: resolver.linkedPages(of: results.values, pagePath: pagePath))
    }

    /// The HTML of a term's first use: a link to its entry, and a button that opens the short
    /// definition. The definition itself is a `popover` element the page template places after
    /// the article (see `page.term_popovers`), so that it can hold block content and, where
    /// popovers are unsupported, reads as a list of definitions at the end of the page.
    func termLinkMaker() -> @Sendable (String, String) -> String {
        let terms = termsByID
        let resolver = links
        let strings = strings
        return { id, matched in
            guard let term = terms[id] else { return matched.htmlEscaped }
            let url = resolver.href("/glossary/#\(id)")
            return "<a class=\"term\" href=\"\(url)\">\(matched.htmlEscaped)</a>"
                + "<button class=\"term-button\" type=\"button\" popovertarget=\"def-\(id)\" "
                + "aria-label=\"\(strings.format(.definitionOf, ["term": term.name]).htmlEscaped)\"><span aria-hidden=\"true\">?</span></button>"
        }
    }

    /// Every piece that must cite a paragraph does.
    func checkCitations(_ groups: [String: RenderedGroup], bag: inout DiagnosticBag) {
        for group in groups.values {
            for piece in group.group.pieces {
                guard let what = piece.mustCite, let result = group.results[piece.key] else { continue }
                if !result.links.contains(where: { $0.destination.hasPrefix("seed:") }) {
                    bag.add(
                        Diagnostic(
                            at: piece.text.location,
                            "\(what) cites no source paragraph: add a citation such as [¶1](seed:p1)", rule: .uncited))
                }
            }
        }
    }
}
