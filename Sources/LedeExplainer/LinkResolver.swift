import Foundation
import LedeContent
import LedeCore
import LedeMarkdown

/// Turns the links authors write into the site's URLs: citations (`seed:p3`), explicit
/// glossary links (`term:asylum`), relative links to other `.md` files, and site paths.
struct LinkResolver: Sendable {
    /// The documents by name.
    var documents: [String: SourceDocument]
    /// Term ids.
    var termIDs: Set<String>
    /// Page URLs (below the base path) by source path (`Content/about.md`).
    var pageURLs: [String: String]
    /// The base path every internal URL starts with.
    var basePath: String
    /// The labels, for the title of a citation link.
    var strings: UIStrings = .english
    /// Content files left out as drafts (``Site/draftPaths``).
    var draftPaths: Set<String> = []

    /// A citation found in a link.
    struct Citation: Hashable {
        var document: String
        var paragraph: Int
        /// The earlier version of the text the number belongs to (`seed:p5@2026-11-28`, which
        /// `lede check --fix` writes for a citation whose paragraph was removed or split);
        /// `nil` for the current text.
        var revision: String? = nil
    }

    /// The public URL of a site path (`/timeline/` → `/sub/timeline/`).
    func href(_ url: String) -> String {
        url.hasPrefix("/") ? basePath + url.dropFirst() : url
    }

    /// Reads a `seed:` destination into a citation.
    /// - Throws: ``DiagnosticError`` at `location` for an unknown document or paragraph.
    func citation(_ destination: String, at location: SourceLocation) throws -> Citation? {
        guard destination.hasPrefix("seed:") else { return nil }
        let rest = destination.dropFirst("seed:".count)
        let name: String
        var anchor: Substring
        if let hash = rest.firstIndex(of: "#") {
            name = String(rest[..<hash])
            anchor = rest[rest.index(after: hash)...]
        } else if documents.count == 1, let only = documents.keys.first {
            name = only
            anchor = rest
        } else if documents.isEmpty {
            throw DiagnosticError(
                Diagnostic(
                    at: location, "citation '\(destination)' but the site has no source documents: add them to seeds/",
                    rule: .citation))
        } else {
            throw DiagnosticError(
                Diagnostic(
                    at: location,
                    "citation '\(destination)' must name its document when the site has \(documents.count) seeds (seed:NAME#p3)",
                    rule: .citation))
        }
        guard let document = documents[name] else {
            let known = documents.keys.sorted().joined(separator: ", ")
            throw DiagnosticError(
                Diagnostic(
                    at: location, "unknown source document '\(name)' (seeds: \(known.isEmpty ? "none" : known))",
                    rule: .citation))
        }
        var revision: String?
        var count = document.paragraphs.count
        if let at = anchor.firstIndex(of: "@") {
            let id = String(anchor[anchor.index(after: at)...])
            anchor = anchor[..<at]
            guard let earlier = document.earlier.first(where: { $0.id == id }) else {
                let ids = document.earlier.map(\.id)
                throw DiagnosticError(
                    Diagnostic(
                        at: location,
                        "\(name) has no earlier version '\(id)' (earlier versions in \(document.revisionsFolder)/: \(ids.isEmpty ? "none" : ids.joined(separator: ", ")))"
                    ))
            }
            revision = id
            count = earlier.paragraphs.count
        }
        guard anchor.hasPrefix("p"), let number = Int(anchor.dropFirst()), number >= 1, number <= count else {
            throw DiagnosticError(
                Diagnostic(
                    at: location,
                    "unknown source paragraph '\(anchor)' in \(name)\(revision.map { " as of \($0)" } ?? "") (the seed has p1…p\(count))",
                    rule: .citation))
        }
        return Citation(document: name, paragraph: number, revision: revision)
    }

    /// The rewrite for one link of a page whose file is `pagePath`.
    func rewrite(_ destination: String, at location: SourceLocation, pagePath: String) throws -> LinkRewrite {
        if let citation = try citation(destination, at: location) {
            if let revision = citation.revision, let document = documents[citation.document] {
                // The paragraph in its version's section of the revisions page.
                let anchor = SourceHistory.revisionAnchor(revision, paragraph: citation.paragraph)
                let date = document.earlier.first { $0.id == revision }?.writtenDate.map {
                    DateText.display($0, strings: strings)
                }
                return .styled(
                    url: href(document.revisionsURL + "#" + anchor), className: "cite",
                    title: strings.format(
                        .sourceParagraphAsOf, ["number": "\(citation.paragraph)", "date": date ?? revision]))
            }
            return .styled(
                url: href("/sources/\(citation.document)/#p\(citation.paragraph)"), className: "cite",
                title: strings.format(.sourceParagraph, ["number": "\(citation.paragraph)"]))
        }
        if destination.hasPrefix("term:") {
            let id = String(destination.dropFirst("term:".count))
            guard termIDs.contains(id) else {
                throw DiagnosticError(
                    Diagnostic(
                        at: location,
                        "unknown glossary term '\(id)' (\(NearMiss.hint(for: id, among: termIDs.sorted()))"
                            + "terms: \(termIDs.sorted().joined(separator: ", ")))",
                        rule: .glossaryLink))
            }
            return .styled(url: href("/glossary/#\(id)"), className: "term", title: nil)
        }
        if destination.hasPrefix("/") && !destination.hasPrefix("//") {
            return .url(href(destination))
        }
        guard let (target, fragment) = pageTarget(destination, pagePath: pagePath) else { return .keep }
        guard let url = pageURLs[target] else {
            throw DiagnosticError(
                Diagnostic(
                    at: location, missingPage(destination, target: target, pagePath: pagePath), rule: .pageLink))
        }
        if url.contains("#") { return .url(href(url)) }
        return .url(href(url) + (fragment.map { "#\($0)" } ?? ""))
    }

    /// The content file a relative link to a page (`../notes.md#top`) leads to from the page
    /// whose file is `pagePath`, with its fragment; `nil` for any other destination.
    func pageTarget(_ destination: String, pagePath: String) -> (target: String, fragment: String?)? {
        guard !destination.contains(":"), !destination.hasPrefix("#"), !destination.hasPrefix("/") else {
            return nil
        }
        let (path, fragment) = split(destination)
        guard path.hasSuffix(".md") else { return nil }
        let folder = PathText.parent(of: pagePath)
        return (normalize(folder + "/" + (path.removingPercentEncoding ?? path)), fragment)
    }

    /// The pages a page's relative links led to, with the URL each had (a content file → its
    /// URL): its rendered Markdown stays right as long as each still has that URL
    /// (``leadsAsBefore(_:)``), whatever other pages are added or removed.
    func linkedPages(of results: some Collection<RenderedMarkdown>, pagePath: String) -> [String: String] {
        var pages: [String: String] = [:]
        for result in results {
            for link in result.links {
                guard let (target, _) = pageTarget(link.destination, pagePath: pagePath) else { continue }
                pages[target] = pageURLs[target]
            }
        }
        return pages
    }

    /// Whether every page in `linked` (``linkedPages(of:pagePath:)`` of an earlier build) still
    /// has the URL it had.
    func leadsAsBefore(_ linked: [String: String]) -> Bool {
        linked.allSatisfy { pageURLs[$0.key] == $0.value }
    }

    /// Why a relative link to `target` (`Content/notes.md`) from the page at `pagePath` leads
    /// nowhere, naming the page it was probably meant to be: the one file of that name elsewhere
    /// (a page moved, or the linking page moved: the link as it would be written from here), else
    /// the one page of the folder whose name starts with it (renamed `notes-2026.md`), else the
    /// one nearest miss in the folder.
    private func missingPage(_ destination: String, target: String, pagePath: String) -> String {
        if draftPaths.contains(target) {
            return "link to '\(destination)', a draft: \(target) is marked 'draft: true' and is left out "
                + "of the site (publish it, or remove the link; `--drafts` builds drafts for preview)"
        }
        let name = PathText.lastComponent(of: target)
        let folder = PathText.parent(of: target)
        let elsewhere = pageURLs.keys.filter { PathText.lastComponent(of: $0) == name && $0 != pagePath }
        let neighbours = pageURLs.keys.filter { PathText.parent(of: $0) == folder }.map(PathText.lastComponent(of:))
        let stem = String(name.dropLast(".md".count))
        let renamed = neighbours.filter { $0.hasPrefix(stem) && $0 != name }
        let meant: String
        if elsewhere.count == 1, let moved = elsewhere.first {
            meant = ": did you mean '\(Self.relativePath(to: moved, from: PathText.parent(of: pagePath)))' (\(moved))?"
        } else if renamed.count == 1, let only = renamed.first {
            meant = ": did you mean '\(only)'?"
        } else {
            meant =
                NearMiss.suggestion(for: name, among: neighbours, unlessTied: true).map { ": did you mean '\($0)'?" }
                ?? ""
        }
        return "link to a missing page '\(destination)' (\(target) does not exist\(meant))"
    }

    /// How a link from a page in `folder` is written to reach the file at `path`
    /// (`Content/a/b` to `Content/c.md`: `../../c.md`).
    static func relativePath(to path: String, from folder: String) -> String {
        let from = folder.split(separator: "/")
        let to = path.split(separator: "/")
        var common = 0
        while common < min(from.count, to.count - 1), from[common] == to[common] { common += 1 }
        let up = Array(repeating: "..", count: from.count - common)
        return (up + to[common...].map(String.init)).joined(separator: "/")
    }

    private func split(_ destination: String) -> (String, String?) {
        guard let hash = destination.firstIndex(of: "#") else { return (destination, nil) }
        return (String(destination[..<hash]), String(destination[destination.index(after: hash)...]))
    }

    private func normalize(_ path: String) -> String {
        var parts: [Substring] = []
        for part in path.split(separator: "/") {
            if part == "." { continue }
            if part == ".." { if !parts.isEmpty { parts.removeLast() }; continue }
            parts.append(part)
        }
        return parts.joined(separator: "/")
    }
}
