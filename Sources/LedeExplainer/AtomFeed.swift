import Foundation
import LedeContent
import LedeCore

/// The updates log as an Atom feed (`/updates/atom.xml`).
enum AtomFeed {
    static func file(for explainer: Explainer, rendered: [String: RenderedGroup]) -> GeneratedFile {
        let config = explainer.site.config
        let page = explainer.site.pages(ofKind: .updates).first
        let pageURL = page?.url ?? "/updates/"
        let group = page.flatMap { rendered[$0.sourcePath] }
        let newest =
            explainer.updates.compactMap { $0.date?.date }.max() ?? page?.date?.date ?? Date(timeIntervalSince1970: 0)
        var xml = """
            <?xml version="1.0" encoding="utf-8"?>
            <feed xmlns="http://www.w3.org/2005/Atom" xml:lang="\(config.language.htmlEscaped)">
              <title>\(config.title.htmlEscaped): \((page?.title ?? explainer.strings[.navUpdates]).htmlEscaped)</title>
              <id>\(explainer.absolute(pageURL).htmlEscaped)</id>
              <link rel="self" href="\(explainer.absolute(pageURL + "atom.xml").htmlEscaped)"/>
              <link rel="alternate" type="text/html" href="\(explainer.absolute(pageURL).htmlEscaped)"/>
              <updated>\(DateParser.rfc3339(newest))</updated>
              <author><name>\(config.author.name.htmlEscaped)</name></author>

            """
        for update in explainer.updates {
            let url = explainer.absolute(pageURL + "#" + update.id)
            let date = DateParser.rfc3339(update.date?.date ?? newest)
            xml += """
                  <entry>
                    <title>\(update.title.htmlEscaped)</title>
                    <id>\(url.htmlEscaped)</id>
                    <link rel="alternate" type="text/html" href="\(url.htmlEscaped)"/>
                    <updated>\(date)</updated>
                    <content type="html">\((group?.html("update.\(update.id)") ?? "").htmlEscaped)</content>
                  </entry>

                """
        }
        xml += "</feed>\n"
        return GeneratedFile(path: String(pageURL.dropFirst()) + "atom.xml", contents: xml)
    }
}
