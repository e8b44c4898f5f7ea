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

    @Test func aMisspeltRequiredKeyIsNamedWhereItIsWritten() {
        #expect(
            diagnostics { _ = try config(configText(replacing: "title", with: "titel: \"T\"")) }
                == "Content/_site.yaml:1:1: error: missing required key 'title' in the site config "
                + "(found 'titel': did you mean 'title'?)")
        #expect(
            diagnostics { _ = try config(configText(replacing: "base_url", with: "base-url: \"https://e.org/\"")) }
                == "Content/_site.yaml:2:1: error: missing required key 'base_url' in the site config "
                + "(found 'base-url': did you mean 'base_url'?)")
    }

    @Test func aMisspeltOptionalKeyIsAWarning() throws {
        let text = configText(replacing: "none", with: nil) + "\nlangauge: fa\npublishing_principle: /about/\nhero: x"
        let node = try DataReader.parse(text, at: LedeCore.SourceLocation(path: SiteConfig.path, line: 1, column: 1))
        #expect(
            SiteConfig.misspeltKeys(in: node).map(\.description) == [
                "Content/_site.yaml:7:1: warning: 'langauge' is not a key Lede reads, so it is ignored: did you mean 'language'?",
                "Content/_site.yaml:8:1: warning: 'publishing_principle' is not a key Lede reads, so it is ignored: "
                    + "did you mean 'publishing_principles'?",
            ])
        // A near miss is reported also when the key is written correctly too: the scaffold's
        // `language: en` stays in force under an added `langauge: fa` (new-user trial). A key the
        // site adds for its templates, far from every key Lede reads, is its own.
        let written = try DataReader.parse(
            text + "\nlanguage: en\npublishing_principles: /a/\ntitel: Duplicate",
            at: LedeCore.SourceLocation(path: SiteConfig.path, line: 1, column: 1))
        #expect(
            SiteConfig.misspeltKeys(in: written).map(\.description) == [
                "Content/_site.yaml:7:1: warning: 'langauge' is not a key Lede reads, so it is ignored: did you mean 'language'?",
                "Content/_site.yaml:8:1: warning: 'publishing_principle' is not a key Lede reads, so it is ignored: "
                    + "did you mean 'publishing_principles'?",
                "Content/_site.yaml:12:1: warning: 'titel' is not a key Lede reads, so it is ignored: did you mean 'title'?",
            ])
    }

    /// A misspelt required key that is missing is one error, not also a warning.
    @Test func aMisspeltMissingRequiredKeyIsOneError() throws {
        let text = configText(replacing: "title", with: "titel: \"A\"")
        let node = try DataReader.parse(text, at: LedeCore.SourceLocation(path: SiteConfig.path, line: 1, column: 1))
        #expect(SiteConfig.misspeltKeys(in: node).isEmpty)
    }

    @Test(arguments: [
        ("example.org", "has no https:// or http://"),
        ("/news/", "is a path: add https:// and the host"),
        ("ftp://example.org/", "uses 'ftp', not http or https"),
        ("://example.org/", "has no scheme before ://"),
        ("https://", "has no host name after ://"),
        ("https:///news/", "has no host name after ://"),
        ("https://example.org/?q=1", "has a query ('?…'): a base URL ends with its path"),
        ("https://example.org/#top", "has a fragment ('#…'): a base URL ends with its path"),
        ("https://example.org/my news/", "holds a space, which a URL cannot hold unescaped"),
        ("https://example.org/<x>", "holds '<', which a URL cannot hold unescaped"),
    ])
    func badBaseURL(_ url: String, _ problem: String) {
        #expect(
            diagnostics { _ = try config(configText(replacing: "base_url", with: "base_url: \"\(url)\"")) }
                == "Content/_site.yaml:2:11: error: base_url must be an absolute http(s) URL such as https://example.org/news/, but '\(url)' \(problem)"
        )
    }

    @Test(arguments: [
        "en", "fa", "en-GB", "zh-Hant-TW", "es-419", "sr-Latn-RS", "de-CH-1901", "en-US-x-twain", "x-private",
    ])
    func languageTags(_ tag: String) throws {
        #expect(try config(configText(replacing: "none", with: nil) + "\nlanguage: \"\(tag)\"").language == tag)
    }

    @Test(arguments: [
        ("\"en US\"", "language 'en US' is not a BCP 47 tag: join its parts with '-', not spaces (en-US)"),
        ("en_GB", "language 'en_GB' is not a BCP 47 tag: join its parts with '-', not '_' (en-GB)"),
        (
            "'\"en\"'",
            "language '\"en\"' is not a BCP 47 tag: it holds '\"'; write a BCP 47 tag such as en, en-GB or zh-Hant-TW"
        ),
        ("\"\"", "language is empty: write a BCP 47 tag such as en, en-GB or zh-Hant-TW"),
        ("english", "language 'english' is not a BCP 47 tag such as en, en-GB or zh-Hant-TW"),
        ("en-", "language 'en-' is not a BCP 47 tag such as en, en-GB or zh-Hant-TW"),
        ("e", "language 'e' is not a BCP 47 tag such as en, en-GB or zh-Hant-TW"),
        ("en-a", "language 'en-a' is not a BCP 47 tag such as en, en-GB or zh-Hant-TW"),
        ("[en]", "'language' must be text, found a list"),
    ])
    func badLanguage(_ value: String, _ message: String) {
        #expect(
            diagnostics { _ = try config(configText(replacing: "none", with: nil) + "\nlanguage: \(value)") }
                == "Content/_site.yaml:7:11: error: \(message)")
    }

    @Test func emptyLanguage() {
        #expect(
            diagnostics { _ = try config(configText(replacing: "none", with: nil) + "\nlanguage:") }
                == "Content/_site.yaml:7:10: error: language is empty: write a BCP 47 tag such as en, en-GB or zh-Hant-TW"
        )
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
                == "lede: error: --base-url must be an absolute http(s) URL such as https://example.org/news/, but 'localhost' has no https:// or http://"
        )
    }
}
