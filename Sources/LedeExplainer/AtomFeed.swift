import Foundation
import LedeContent
import LedeCore

/// The updates log as an Atom feed (`/updates/atom.xml`): the author's updates and
/// corrections, and each revision of a source document, newest first.
enum AtomFeed {
    /// One entry of the feed.
    private struct Entry {
        var title: String
        var url: String
        var date: Date?
        var summary: String?
        var html: String
    }

    static func file(for explainer: Explainer, rendered: [String: RenderedGroup], backlinks: Backlinks)
        -> GeneratedFile
    {
        let config = explainer.site.config
        let strings = explainer.strings
        let page = explainer.site.pages(ofKind: .updates).first
        let pageURL = page?.url ?? "/updates/"
        let group = page.flatMap { rendered[$0.sourcePath] }
        var entries = explainer.updates.map { update in
            Entry(
                title: update.title, url: explainer.absolute(pageURL + "#" + update.id), date: update.date?.date,
                summary: nil, html: group?.html("update.\(update.id)") ?? "")
        }
        for revision in RevisionEntry.entries(of: explainer, backlinks: backlinks) {
            entries.append(
                Entry(
                    title: revision.title(strings), url: explainer.absolute(revision.url), date: revision.date?.date,
                    summary: revision.counts(strings), html: revision.html(strings, link: explainer.absolute)))
        }
        // Newest first; on the same instant, the author's entries before the revisions.
        entries = entries.enumerated().sorted {
            ($0.element.date ?? .distantPast, $1.offset) > ($1.element.date ?? .distantPast, $0.offset)
        }.map(\.element)
        let newest = entries.compactMap(\.date).max() ?? page?.date?.date ?? Date(timeIntervalSince1970: 0)
        var xml = """
            <?xml version="1.0" encoding="utf-8"?>
            <feed xmlns="http://www.w3.org/2005/Atom" xml:lang="\(config.language.htmlEscaped)" xml:base="\(config.baseURL.htmlEscaped)">
              <title>\(config.title.htmlEscaped): \((page?.title ?? strings[.navUpdates]).htmlEscaped)</title>
              <id>\(explainer.absolute(pageURL).htmlEscaped)</id>
              <link rel="self" href="\(explainer.absolute(pageURL + "atom.xml").htmlEscaped)"/>
              <link rel="alternate" type="text/html" href="\(explainer.absolute(pageURL).htmlEscaped)"/>
              <updated>\(DateParser.rfc3339(newest))</updated>
              <author><name>\(config.author.name.htmlEscaped)</name></author>

            """
        for entry in entries {
            let summary = entry.summary.map { "\n    <summary>\($0.htmlEscaped)</summary>" } ?? ""
            xml += """
                  <entry>
                    <title>\(entry.title.htmlEscaped)</title>
                    <id>\(entry.url.htmlEscaped)</id>
                    <link rel="alternate" type="text/html" href="\(entry.url.htmlEscaped)"/>
                    <updated>\(DateParser.rfc3339(entry.date ?? newest))</updated>\(summary)
                    <content type="html">\(entry.html.htmlEscaped)</content>
                  </entry>

                """
        }
        xml += "</feed>\n"
        return GeneratedFile(path: String(pageURL.dropFirst()) + "atom.xml", contents: xml)
    }
}
