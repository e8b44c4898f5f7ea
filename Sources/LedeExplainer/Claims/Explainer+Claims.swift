import Foundation
import LedeContent
import LedeCore
import LedeMarkdown

/// A claim, or a sentence that cites nothing, with the silences written after it.
struct Statement: Sendable {
    var claim: Claim
    /// Whether a sentence that cites nothing is a finding here (event bodies, source notes).
    var mustCite = false
    /// Whether it links to a page of the site (not a seed, not another site).
    var linksToPage = false
    var silences: [Silence] = []
}

extension Explainer {
    /// Checks every claim of the explainer against the paragraphs it cites and adds a warning
    /// for each finding that no silence names; silences that cannot be read are errors, and
    /// silences that name no finding are warnings.
    ///
    /// A claim with a citation in `unsettled` (a citation whose paragraph moved, split or went
    /// away in a revision of the seed, reported at the citation) is not checked: its number
    /// names another text now, and the one report is the citation's.
    func checkClaims(
        _ groups: [String: RenderedGroup], unsettled: Set<SourceLocation> = [], bag: inout DiagnosticBag
    ) {
        var memo = ClaimMemo()
        checkClaims(groups, unsettled: unsettled, memo: &memo, bag: &bag)
    }

    /// ``checkClaims(_:unsettled:bag:)`` taking the findings of unchanged claims from `memo`,
    /// and leaving this build's in it.
    func checkClaims(
        _ groups: [String: RenderedGroup], unsettled: Set<SourceLocation> = [], memo: inout ClaimMemo,
        bag: inout DiagnosticBag
    ) {
        var reader = ClaimReader(explainer: self)
        reader.unsettled = unsettled
        // A plain page that cites and silences nothing has no claim to check.
        let read = groups.keys.sorted().compactMap { key in
            groups[key].flatMap { $0.group.page.kind != .page || $0.facts.cites || $0.facts.silences ? $0 : nil }
        }
        reader.readParagraphs(
            citedBy: read.flatMap { group in
                group.results.values.flatMap { $0.links.filter { $0.destination.hasPrefix("seed:") } }
            })
        for group in read {
            for piece in group.group.pieces {
                guard let result = group.results[piece.key] else { continue }
                reader.read(piece, result: result, page: group.group.page)
            }
        }
        // The names in the site's own title are its subject, not claims.
        let title = Array(site.config.title)
        let titleNames = NameCheck.names(in: Words.words(in: title), characters: title)
            .map { name in name.map(\.text).joined(separator: " ") }
        let checker = ClaimChecker(knownPhrases: [site.config.title] + titleNames + terms.flatMap(\.phrases))
        reader.report(with: checker, memo: &memo, into: &bag)
    }
}

/// Finds the claims of rendered pieces: sentences, items and event titles with their
/// citations, read from the text the Markdown step kept (``ProseBlock``), at the locations it
/// recorded.
struct ClaimReader {
    let explainer: Explainer
    var paragraphs: [LinkResolver.Citation: SourceParagraph] = [:]
    /// The documents cited, read once, by name.
    var documents: [String: CitedDocument] = [:]
    var statements: [Statement] = []
    var problems = DiagnosticBag()
    /// Citations whose number no longer names the text the claim was written against.
    var unsettled: Set<SourceLocation> = []
    /// What such a citation cites, for the claim: a claim citing it is not checked.
    static let unsettledParagraph = SourceParagraph(label: "", text: "")

    init(explainer: Explainer) {
        self.explainer = explainer
    }

    /// The paragraph a `seed:` destination cites, read once.
    mutating func paragraph(_ destination: String, at location: SourceLocation) -> SourceParagraph? {
        if let citation = try? explainer.links.citation(destination, at: location), let known = paragraphs[citation] {
            return known
        }
        guard let (citation, read) = citation(destination, at: location) else { return nil }
        let paragraph = read()
        paragraphs[citation] = paragraph
        return paragraph
    }

    /// Reads the paragraphs the `seed:` links cite, on every core: each paragraph is read
    /// once (its sentences, hedges, attributions, numbers and names) for all the claims that
    /// cite it, and they are many.
    mutating func readParagraphs(citedBy links: [RenderedLink]) {
        var pending: [(citation: LinkResolver.Citation, read: @Sendable () -> SourceParagraph)] = []
        var seen: Set<LinkResolver.Citation> = []
        for link in links {
            guard let (citation, read) = citation(link.destination, at: link.location),
                paragraphs[citation] == nil, seen.insert(citation).inserted
            else { continue }
            pending.append((citation, read))
        }
        let read = ParallelMap.map(pending.map(\.read)) { $0() }
        for (item, paragraph) in zip(pending, read) { paragraphs[item.citation] = paragraph }
    }

    /// The citation of the current text a `seed:` destination makes, and how to read its
    /// paragraph (its document is read here, once).
    private mutating func citation(
        _ destination: String, at location: SourceLocation
    ) -> (LinkResolver.Citation, @Sendable () -> SourceParagraph)? {
        guard let citation = try? explainer.links.citation(destination, at: location), citation.revision == nil,
            let document = explainer.links.documents[citation.document],
            document.paragraphs.indices.contains(citation.paragraph - 1)
        else { return nil }
        let label =
            explainer.links.documents.count == 1
            ? "¶\(citation.paragraph)" : "\(citation.document) ¶\(citation.paragraph)"
        let prefix = explainer.links.documents.count == 1 ? "" : "\(citation.document) "
        let cited =
            documents[citation.document]
            ?? CitedDocument(
                texts: document.paragraphs.map(\.text), labels: document.paragraphs.map { "\(prefix)¶\($0.number)" })
        documents[citation.document] = cited
        let text = document.paragraphs[citation.paragraph - 1].text
        return (citation, { SourceParagraph(label: label, text: text, document: cited) })
    }

    /// A block's text with its citations blanked out, and the citations with their offsets.
    mutating func masked(_ block: ProseBlock, links: [RenderedLink]) -> ([Character], [(Int, SourceParagraph)]) {
        var characters = Array(block.text)
        var citations: [(Int, SourceParagraph)] = []
        for link in block.links where links.indices.contains(link.index) {
            let rendered = links[link.index]
            guard rendered.destination.hasPrefix("seed:"),
                let paragraph = unsettled.contains(rendered.location)
                    ? Self.unsettledParagraph : paragraph(rendered.destination, at: rendered.location)
            else { continue }
            for offset in link.range where characters.indices.contains(offset) { characters[offset] = " " }
            citations.append((link.range.lowerBound, paragraph))
        }
        return (characters, citations)
    }

    /// Reads the claims of one piece.
    mutating func read(_ piece: Piece, result: RenderedMarkdown, page: Page) {
        let event = explainer.events.first { piece.key == "event.\($0.page.id)" }
        let isNotes = piece.key.hasPrefix("source.") && piece.key.hasSuffix(".notes")
        var template = Claim(kind: .sentence, text: "", location: piece.text.location, cited: [])
        if let event {
            template.attributedTo = describe(event.sourceIDs)
            template.certaintySaysDoubt = event.certainty != .stated
        }
        // A source's own notes speak of that source: "She said …" keeps its attribution.
        if isNotes, let source = explainer.sources.first(where: { piece.key == "source.\($0.id).notes" }) {
            template.attributedTo = [source.label, source.short] + [source.name, source.role].compactMap { $0 }
        }
        // Most pages of a large site (articles around the explainer) cite nothing and silence
        // nothing: their sentences can have no finding, so they are not split at all.
        if event == nil, !isNotes, piece.mustCite == nil, !Self.hasClaimsToCheck(result) { return }
        if piece.inline && piece.mustCite != nil {
            readItem(piece, result: result, page: page, template: template)
            return
        }
        var eventCitations: [SourceParagraph] = []
        let firstOfPiece = statements.count
        var lastStatement: Int?
        for block in result.prose {
            if block.kind == .html {
                attach(block.text, at: block.location, to: lastStatement)
                continue
            }
            guard block.kind == .paragraph else { continue }
            let (characters, citations) = masked(block, links: result.links)
            let ranges = Words.sentences(in: characters)
            var cited = Array(repeating: [SourceParagraph](), count: ranges.count)
            for (offset, paragraph) in citations {
                // A citation belongs to the sentence it ends, even after its full stop.
                guard let index = ranges.lastIndex(where: { $0.lowerBound <= offset }) ?? ranges.indices.first else {
                    continue
                }
                // A citation before the first sentence's first character (a paragraph that starts
                // with one) has no lead.
                let sentence = ranges[index]
                let lead = characters[sentence.lowerBound..<max(sentence.lowerBound, min(offset, sentence.upperBound))]
                let target = index > 0 && !lead.contains(where: \.isWordCharacter) ? index - 1 : index
                if !cited[target].contains(paragraph) { cited[target].append(paragraph) }
                if !eventCitations.contains(paragraph) { eventCitations.append(paragraph) }
            }
            let pageLinks = block.links.filter { link in
                result.links.indices.contains(link.index) && Self.isPage(result.links[link.index].destination)
            }
            var first: Int?
            // Each sentence's text, made once: it is also the next claim's `before` and the last one's `after`.
            let texts = ranges.map { String(characters: characters[$0]) }
            for (index, range) in ranges.enumerated() {
                var claim = template
                claim.text = texts[index]
                let start =
                    range.lowerBound + (characters[range].firstIndex { !$0.isWhitespace } ?? range.lowerBound)
                    - range.lowerBound
                claim.location = block.location(at: start)
                claim.cited = cited[index]
                claim.before = index > 0 ? texts[index - 1] : nil
                claim.after = index + 1 < ranges.count ? texts[index + 1] : nil
                statements.append(
                    Statement(
                        claim: claim, mustCite: event != nil || isNotes,
                        linksToPage: pageLinks.contains { $0.range.overlaps(range) }))
                if first == nil { first = statements.count - 1 }
            }
            for markup in block.markup {
                let index = ranges.lastIndex { $0.lowerBound < markup.offset }
                attach(markup.literal, at: markup.location, to: index.map { (first ?? 0) + $0 } ?? lastStatement)
            }
            if !ranges.isEmpty { lastStatement = statements.count - 1 }
        }
        // A piece that must cite and cites nothing is already an error: one message is enough.
        if piece.mustCite != nil, eventCitations.isEmpty {
            statements.removeSubrange(firstOfPiece...)
            return
        }
        if let event, !eventCitations.isEmpty {
            let title = event.page.frontMatter["title"]
            statements.append(
                Statement(
                    claim: Claim(
                        kind: .title, text: event.page.title, location: title?.location ?? event.page.fileLocation,
                        cited: eventCitations, attributedTo: describe(event.sourceIDs))))
            // A title's silences are a front-matter list, `allow: ['drops "planned": the reason']`,
            // so that they sit beside the title and show in the file.
            for node in event.page.frontMatter["allow"]?.items ?? [] {
                attach("<!-- lede: allow \(node.text ?? "") -->", at: node.location, to: statements.count - 1)
            }
        }
    }

    /// Whether rendered Markdown holds a citation or a `lede:` comment, without which none of
    /// its sentences can have a finding.
    static func hasClaimsToCheck(_ result: RenderedMarkdown) -> Bool {
        result.links.contains { $0.destination.hasPrefix("seed:") }
            || result.prose.contains { block in
                (block.kind == .html && block.text.contains("lede:"))
                    || block.markup.contains { $0.literal.contains("lede:") }
            }
    }

    /// Reads a front-matter list item: one claim, with every citation it holds.
    private mutating func readItem(_ piece: Piece, result: RenderedMarkdown, page: Page, template: Claim) {
        var claim = template
        claim.kind = .item
        var texts: [String] = []
        var silences: [(String, SourceLocation)] = []
        for block in result.prose {
            if block.kind == .html {
                silences.append((block.text, block.location))
                continue
            }
            let (characters, citations) = masked(block, links: result.links)
            texts.append(String(characters: characters[...]))
            for (_, paragraph) in citations where !claim.cited.contains(paragraph) { claim.cited.append(paragraph) }
            silences += block.markup.map { ($0.literal, $0.location) }
        }
        claim.text = texts.joined(separator: " ")
        let parts = piece.key.split(separator: ".")
        if parts.count == 2, let index = Int(parts[1]), let items = page.frontMatter[String(parts[0])]?.items,
            items.indices.contains(index)
        {
            claim.attributedTo = describe(items[index]["sources"]?.items?.compactMap(\.text) ?? [])
        }
        guard !claim.cited.isEmpty else { return }
        statements.append(Statement(claim: claim))
        for (literal, location) in silences { attach(literal, at: location, to: statements.count - 1) }
    }

    private func describe(_ ids: [String]) -> [String] {
        ids.compactMap { id in explainer.sources.first { $0.id == id }?.label }
    }

    /// Reads a piece of HTML and, when it is a silence, gives it to the statement before it.
    private mutating func attach(_ html: String, at location: SourceLocation, to statement: Int?) {
        guard let silence = problems.collect(at: location, { try Silence.read(html, at: location) }) ?? nil else {
            return
        }
        guard let statement else {
            problems.add(
                Diagnostic(
                    .warning, at: location,
                    "this silence follows no claim: put it right after the sentence or item it silences (a title's silences go in its front matter: allow: ['drops \"…\": the reason'])",
                    rule: .claim))
            return
        }
        statements[statement].silences.append(silence)
    }

    /// Checks every statement and adds its findings, and what became of the silences.
    mutating func report(with checker: ClaimChecker, memo: inout ClaimMemo, into bag: inout DiagnosticBag) {
        var silenced = 0
        // The first finding reported, and its claim's kind, for the note on what to do with them.
        var example: (finding: ClaimFinding, kind: Claim.Kind, location: SourceLocation)?
        var diagnostics = problems.diagnostics
        let checked = statements.filter { !$0.claim.cited.contains(Self.unsettledParagraph) }
        // Statements are checked independently: on every core.
        let known = memo.knownPhrases == checker.knownPhrases ? memo.findings : [:]
        let found = ParallelMap.map(checked) { statement -> [ClaimFinding] in
            if statement.claim.cited.isEmpty {
                return statement.mustCite
                    && Self.statesSomething(statement.claim.text, linksToPage: statement.linksToPage)
                    ? [Self.uncited] : []
            }
            return known[statement.claim] ?? checker.findings(for: statement.claim)
        }
        memo = ClaimMemo(knownPhrases: checker.knownPhrases)
        for (statement, findings) in zip(checked, found) where !statement.claim.cited.isEmpty {
            memo.findings[statement.claim] = findings
        }
        for (statement, statementFindings) in zip(checked, found) {
            var findings = statementFindings
            for silence in statement.silences {
                let named = findings.filter { $0.isNamed(by: silence) }
                if named.isEmpty {
                    diagnostics.append(
                        Diagnostic(
                            .warning, at: silence.location,
                            "this silence (\(silence.selector)) names no finding of the claim before it: remove it",
                            rule: .claim))
                }
                silenced += named.count
                findings.removeAll { $0.isNamed(by: silence) }
            }
            for finding in findings {
                diagnostics.append(Diagnostic(.warning, at: statement.claim.location, finding.message, rule: .claim))
                // The one that comes first in the report (sorted by place).
                if example.map({ statement.claim.location < $0.location }) ?? true {
                    example = (finding, statement.claim.kind, statement.claim.location)
                }
            }
        }
        diagnostics.sort { ($0.location ?? SourceLocation(path: "")) < ($1.location ?? SourceLocation(path: "")) }
        for diagnostic in diagnostics { bag.add(diagnostic) }
        // What to do, once: an author meets these warnings before the README's section on them.
        if let example {
            let selector = example.finding.selector
            let how =
                example.kind == .title
                ? "in the event's front matter: allow: ['\(selector): the reason']"
                : "right after it: <!-- lede: allow \(selector): the reason -->"
            bag.add(
                Diagnostic(
                    .note, at: nil,
                    "mend a claim warning in its sentence (say what the paragraph says, or cite the one that says "
                        + "it); when the sentence is right, silence the warning with the reason, \(how)"))
        }
        if silenced > 0 {
            bag.add(
                Diagnostic(
                    .note, at: nil,
                    "\(silenced) claim finding\(silenced == 1 ? " is" : "s are") silenced in the content, each with its reason (<!-- lede: allow … -->)"
                ))
        }
    }

    static let uncited = ClaimFinding(
        check: "uncited", subject: nil,
        message: "the sentence states something but cites no paragraph: cite the one it comes from, as in [¶1](seed:p1)"
    )

    /// Whether a sentence that cites nothing states something a reader would take from the
    /// report: not a question, not about the explainer itself ("we", "our", "this explainer",
    /// "this page"), and not a pointer to another part of it: a sentence that links to a page
    /// of the site and speaks of a page ("See [her entry](../sourcing-notes.md#grace-okafor)
    /// in the sourcing notes.").
    /// - Parameters:
    ///   - text: The sentence.
    ///   - linksToPage: Whether it links to a page of the site (see ``isPage(_:)``).
    static func statesSomething(_ text: String, linksToPage: Bool = false) -> Bool {
        let words = Words.words(in: Array(text)).map(\.lower)
        guard !words.isEmpty, !ClaimChecker.restatesNothingAsQuestion(words, text: text) else { return false }
        if words.contains(where: { ["we", "our", "ours", "us"].contains($0) }) { return false }
        let own: Set<String> = ["explainer", "page", "timeline", "glossary", "site", "entry", "label"]
        if zip(words, words.dropFirst()).contains(where: { ["this", "the"].contains($0.0) && own.contains($0.1) }) {
            return false
        }
        let pages = own.union(["pages", "entries", "notes", "section", "sections", "list", "overview"])
        return !(linksToPage && words.contains(where: pages.contains))
    }

    /// Whether a link's destination is a page of the site: not a `seed:` citation, and no
    /// scheme (`https:`, `mailto:`) of another site.
    static func isPage(_ destination: String) -> Bool {
        guard !destination.hasPrefix("seed:") else { return false }
        let scheme = destination.prefix { $0 != ":" && $0 != "/" && $0 != "#" && $0 != "?" }
        return scheme.count == destination.count || !destination.dropFirst(scheme.count).hasPrefix(":")
    }
}
