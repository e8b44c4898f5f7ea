import LedeCore
import Testing

@testable import LedeContent

@Suite struct SiteConfigTests {
    @Test func readsAValidConfig() throws {
        let site = try config(configText(replacing: "none", with: nil))
        #expect(site.title == "T")
        #expect(site.baseURL == "https://example.org/")
        #expect(site.basePath == "/")
        #expect(site.language == "en")
        #expect(site.author == SiteConfig.Party(name: "A"))
        #expect(site.publisher == SiteConfig.Party(name: "P", url: "https://example.org/"))
        #expect(site.reportErrorURL == "mailto:e@example.org")
        #expect(site.publishingPrinciples == nil)
        #expect(site.unsafeHTML == false)
    }

    @Test func partiesMayBePlainText() throws {
        let site = try config(configText(replacing: "author", with: "author: \"Desk\""))
        #expect(site.author == SiteConfig.Party(name: "Desk"))
    }

    @Test func subPathBaseURL() throws {
        let site = try config(
            configText(replacing: "base_url", with: "base_url: \"https://example.org/explainers/iran\""))
        #expect(site.baseURL == "https://example.org/explainers/iran/")
        #expect(site.basePath == "/explainers/iran/")
    }

    @Test func everyMissingKeyIsReported() {
        #expect(
            diagnostics { _ = try config("language: en\n") }
                == """
                Content/_site.yaml:1:1: error: missing required key 'title' in the site config
                Content/_site.yaml:1:1: error: missing required key 'description' in the site config
                Content/_site.yaml:1:1: error: missing required key 'report_error_url' in the site config
                Content/_site.yaml:1:1: error: missing required key 'author' in the site config
                Content/_site.yaml:1:1: error: missing required key 'publisher' in the site config
                Content/_site.yaml:1:1: error: missing required key 'base_url' in the site config
                """)
    }

    @Test(arguments: [
        "example.org", "ftp://example.org/", "https://", "https://example.org/?q=1", "https://example.org/#top",
    ])
    func badBaseURL(_ url: String) {
        #expect(
            diagnostics { _ = try config(configText(replacing: "base_url", with: "base_url: \"\(url)\"")) }
                == "Content/_site.yaml:2:11: error: base_url must be an absolute http(s) URL, found '\(url)'")
    }

    @Test func wrongTypes() {
        #expect(
            diagnostics { _ = try config(configText(replacing: "title", with: "title: [a, b]")) }
                == "Content/_site.yaml:1:8: error: 'title' must be text, found a list")
        #expect(
            diagnostics { _ = try config(configText(replacing: "none", with: nil) + "\nunsafe_html: maybe") }
                == "Content/_site.yaml:7:14: error: 'unsafe_html' must be true or false")
        #expect(
            diagnostics { _ = try config("- a\n") }
                == "Content/_site.yaml:1:1: error: the site config must be a mapping, found a list")
    }

    @Test func baseURLOverride() throws {
        let site = try config(configText(replacing: "none", with: nil))
        let local = try site.with(baseURL: "http://127.0.0.1:8080")
        #expect(local.baseURL == "http://127.0.0.1:8080/")
        #expect(local.basePath == "/")
        #expect(
            diagnostics { _ = try site.with(baseURL: "localhost") }
                == "lede: error: --base-url must be an absolute http(s) URL, found 'localhost'")
    }
}
