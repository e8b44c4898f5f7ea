import Foundation
import Testing

@testable import LedeBuilder

/// Whole fixture sites built and compared, file by file, with their committed output.
@Suite struct SiteSnapshotTests {
    @Test(arguments: ["plain", "other-explainer", "council-vote"])
    func matchesSnapshot(_ name: String) async throws {
        try await withTemporaryFolder { folder in
            let output = folder.appendingPathComponent("Output")
            try await build(Fixtures.site(name), into: output)
            try expectMatchesSnapshot(output, name: name)
        }
    }
}

/// What the plain (non-explainer) fixture site must produce.
@Suite struct PlainSiteTests {
    static func built(drafts: Bool = false) async throws -> [String: String] {
        try await builtTexts(Fixtures.site("plain"), drafts: drafts)
    }

    @Test func writesEveryPageAtItsURL() async throws {
        let output = try await Self.built()
        #expect(
            output.keys.sorted() == [
                "404.html", "about/index.html", "assets/site.ceccf754.css", "guides/advanced/tuning/index.html",
                "guides/setup/diagram.svg",
                "guides/setup/index.html", "index.html", "markdown/index.html", "notes/new-name/index.html",
                "notes/special/index.html", "robots.txt", "sitemap.xml", "sources/report/index.html",
            ])
        // A page bundle's image is copied beside the page, so a relative reference works.
        #expect(output["guides/setup/diagram.svg"]?.hasPrefix("<svg") == true)
        #expect(
            output["guides/setup/index.html"]?.contains(#"<img src="diagram.svg" alt="A square diagram" />"#) == true)
        // Stylesheets are fingerprinted: the name carries a hash of the content.
        #expect(output["assets/site.ceccf754.css"] == "body { color: black; }\n")
    }

    @Test func draftsAreBuiltOnlyWhenAsked() async throws {
        #expect(try await Self.built()["wip/index.html"] == nil)
        let withDrafts = try await Self.built(drafts: true)
        #expect(withDrafts["wip/index.html"]?.contains("<h1>Work in progress</h1>") == true)
    }

    @Test func rewritesRelativeMarkdownLinksBelowTheBasePath() async throws {
        let output = try await Self.built()
        let home = output["index.html"] ?? ""
        #expect(home.contains(#"<a href="/docs/about/">the about page</a>"#))
        #expect(home.contains(#"<a href="/docs/guides/setup/#install">setup guide</a>"#))
        #expect(home.contains(#"<a href="/docs/guides/advanced/tuning/">tuning notes</a>"#))
        #expect(home.contains(#"href="/docs/sources/report/#p2""#))
        let setup = output["guides/setup/index.html"] ?? ""
        #expect(setup.contains(#"<a href="/docs/guides/advanced/tuning/#knobs">tuning</a>"#))
        #expect(
            output["guides/advanced/tuning/index.html"]?.contains(#"<a href="/docs/guides/setup/">guide</a>"#) == true)
    }

    @Test func usesTheTemplateOverrideAndFreeKeys() async throws {
        let special = try await Self.built()["notes/special/index.html"] ?? ""
        #expect(special.contains(#"<h1 class="accent-teal">Special page</h1>"#))
        #expect(special.contains(#"<ul class="tags"><li>alpha</li><li>beta</li></ul>"#))
        #expect(special.contains(#"<p class="contact">Desk</p>"#))
    }

    @Test func rendersTablesFootnotesAndStrikethrough() async throws {
        let page = try await Self.built()["markdown/index.html"] ?? ""
        #expect(page.contains("<table>"))
        #expect(page.contains(#"<td align="right">12</td>"#))
        #expect(page.contains("<del>struck</del>"))
        #expect(page.contains(#"class="footnotes""#))
    }

    @Test func sitemapListsPagesWithTheBaseURL() async throws {
        let output = try await Self.built()
        let sitemap = output["sitemap.xml"] ?? ""
        #expect(sitemap.contains("<loc>https://plain.example.com/docs/notes/new-name/</loc>"))
        #expect(!sitemap.contains("404.html"))
        #expect(!sitemap.contains("wip"))
        #expect(
            output["robots.txt"] == "User-agent: *\nAllow: /\n\nSitemap: https://plain.example.com/docs/sitemap.xml\n")
    }
}
