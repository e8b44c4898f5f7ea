import Foundation
import LedeContent
import LedeCore
import LedeExplainer

/// The files every published site needs besides its pages: `sitemap.xml` and `robots.txt`.
enum Publishing {
    static func files(site: Site, pages: [RenderJob]) -> [(String, String)] {
        let base = site.config.baseURL
        var sitemap = """
            <?xml version="1.0" encoding="UTF-8"?>
            <urlset xmlns="http://www.sitemaps.org/schemas/sitemap/0.9">

            """
        // The pages in URL order, by index (sorting the jobs would copy each).
        for index in pages.indices.sorted(by: { pages[$0].url < pages[$1].url }) {
            let page = pages[index]
            if page.outputPath == "404.html" { continue }
            sitemap += "  <url><loc>\((base + page.url.dropFirst()).htmlEscaped)</loc>"
            if let date = page.lastModified { sitemap += "<lastmod>\(DateParser.rfc3339(date))</lastmod>" }
            sitemap += "</url>\n"
        }
        sitemap += "</urlset>\n"
        let robots = "User-agent: *\nAllow: /\n\nSitemap: \(base)sitemap.xml\n"
        return [("sitemap.xml", sitemap), ("robots.txt", robots)]
    }
}
