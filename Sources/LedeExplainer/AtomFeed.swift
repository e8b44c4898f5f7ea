import Foundation
import LedeContent

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
            <feed xmlns="http://www.w3.org/2005/Atom" xml:lang="\(HTML.escape(config.language))">
              <title>\(HTML.escape(config.title)): \(HTML.escape(page?.title ?? "Updates"))</title>
              <id>\(HTML.escape(explainer.absolute(pageURL)))</id>
              <link rel="self" href="\(HTML.escape(explainer.absolute(pageURL + "atom.xml")))"/>
              <link rel="alternate" type="text/html" href="\(HTML.escape(explainer.absolute(pageURL)))"/>
              <updated>\(DateParser.rfc3339(newest))</updated>
              <author><name>\(HTML.escape(config.author.name))</name></author>

            """
        for update in explainer.updates {
            let url = explainer.absolute(pageURL + "#" + update.id)
            let date = DateParser.rfc3339(update.date?.date ?? newest)
            xml += """
                  <entry>
                    <title>\(HTML.escape(update.title))</title>
                    <id>\(HTML.escape(url))</id>
                    <link rel="alternate" type="text/html" href="\(HTML.escape(url))"/>
                    <updated>\(date)</updated>
                    <content type="html">\(HTML.escape(group?.html("update.\(update.id)") ?? ""))</content>
                  </entry>

                """
        }
        xml += "</feed>\n"
        return GeneratedFile(path: String(pageURL.dropFirst()) + "atom.xml", contents: xml)
    }
}
