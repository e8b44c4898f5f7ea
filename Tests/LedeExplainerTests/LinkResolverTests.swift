import LedeMarkdown
import Testing

@testable import LedeExplainer

@Suite struct LinkResolverTests {
    let one = resolver(seeds: [document("report", paragraphs: 11)])
    let two = resolver(seeds: [document("report", paragraphs: 11), document("memo", paragraphs: 2)])

    func rewrite(_ destination: String, with links: LinkResolver? = nil) throws -> LinkRewrite {
        try (links ?? one).rewrite(destination, at: linkLocation, pagePath: "Content/guides/setup.md")
    }

    @Test func citationOfTheOnlySeed() throws {
        #expect(
            try rewrite("seed:p3")
                == .styled(url: "/sources/report/#p3", className: "cite", title: "Source paragraph 3"))
        #expect(
            try one.citation("seed:p11", at: linkLocation) == LinkResolver.Citation(document: "report", paragraph: 11))
    }

    @Test func citationNamingItsSeed() throws {
        #expect(
            try rewrite("seed:memo#p2", with: two)
                == .styled(url: "/sources/memo/#p2", className: "cite", title: "Source paragraph 2"))
        #expect(
            try rewrite("seed:report#p3")
                == .styled(url: "/sources/report/#p3", className: "cite", title: "Source paragraph 3"))
    }

    @Test func citationsUseTheBasePath() throws {
        let links = resolver(seeds: [document("report", paragraphs: 3)], basePath: "/explainers/iran/")
        #expect(
            try rewrite("seed:p1", with: links)
                == .styled(url: "/explainers/iran/sources/report/#p1", className: "cite", title: "Source paragraph 1"))
    }

    @Test func unknownParagraph() {
        #expect(
            diagnostics { _ = try rewrite("seed:p13") }
                == "Content/guides/setup.md:7:12: error: unknown source paragraph 'p13' in report (the seed has p1…p11)"
        )
        #expect(
            diagnostics { _ = try rewrite("seed:p0") }
                == "Content/guides/setup.md:7:12: error: unknown source paragraph 'p0' in report (the seed has p1…p11)")
        #expect(
            diagnostics { _ = try rewrite("seed:report#para3") }
                == "Content/guides/setup.md:7:12: error: unknown source paragraph 'para3' in report (the seed has p1…p11)"
        )
    }

    @Test func unknownDocument() {
        #expect(
            diagnostics { _ = try rewrite("seed:nope#p1", with: two) }
                == "Content/guides/setup.md:7:12: error: unknown source document 'nope' (seeds: memo, report)")
    }

    @Test func citationWithoutAnySeed() {
        #expect(
            diagnostics { _ = try rewrite("seed:p1", with: resolver(seeds: [])) }
                == "Content/guides/setup.md:7:12: error: citation 'seed:p1' but the site has no source documents: add them to seeds/"
        )
    }

    @Test func shortCitationNeedsOneSeed() {
        #expect(
            diagnostics { _ = try rewrite("seed:p1", with: two) }
                == "Content/guides/setup.md:7:12: error: citation 'seed:p1' must name its document when the site has 2 seeds (seed:NAME#p3)"
        )
    }

    @Test func termLinks() throws {
        #expect(try rewrite("term:asylum") == .styled(url: "/glossary/#asylum", className: "term", title: nil))
        #expect(
            diagnostics { _ = try rewrite("term:visa") }
                == "Content/guides/setup.md:7:12: error: unknown glossary term 'visa' (terms: asylum, refugee)")
        #expect(
            diagnostics { _ = try rewrite("term:asylm") }
                == "Content/guides/setup.md:7:12: error: unknown glossary term 'asylm' (did you mean 'asylum'? terms: asylum, refugee)"
        )
    }

    @Test func relativeMarkdownLinks() throws {
        #expect(try rewrite("../about.md") == .url("/about/"))
        #expect(try rewrite("../about.md#team") == .url("/about/#team"))
        #expect(try rewrite("./advanced/index.md") == .url("/guides/advanced/"))
        #expect(try rewrite("setup.md#install") == .url("/guides/setup/#install"))
        #expect(try rewrite("../timeline/flight.md") == .url("/timeline/#flight"))
        let based = resolver(seeds: [], basePath: "/sub/")
        #expect(try rewrite("../index.md#top", with: based) == .url("/sub/#top"))
    }

    /// What a page's Markdown depends on, of other pages: the URLs its relative links led to.
    @Test func aPageDependsOnThePagesItsLinksLeadTo() throws {
        #expect(one.pageTarget("../about.md#team", pagePath: "Content/guides/setup.md")?.target == "Content/about.md")
        #expect(one.pageTarget("/about/", pagePath: "Content/guides/setup.md") == nil)
        #expect(one.pageTarget("seed:p1", pagePath: "Content/guides/setup.md") == nil)
        #expect(one.pageTarget("https://x.org/a.md", pagePath: "Content/guides/setup.md") == nil)
        let linked = ["Content/about.md": "/about/"]
        #expect(one.leadsAsBefore(linked))
        var moved = one
        moved.pageURLs["Content/about.md"] = "/team/"
        #expect(!moved.leadsAsBefore(linked))
        var gone = one
        gone.pageURLs["Content/about.md"] = nil
        #expect(!gone.leadsAsBefore(linked))
        var added = one
        added.pageURLs["Content/new.md"] = "/new/"
        #expect(added.leadsAsBefore(linked))
    }

    @Test func topLevelURLsAreThoseOfOneSegment() {
        #expect(ContextMaker.isTopLevel("/about/"))
        #expect(ContextMaker.isTopLevel("/about"))
        #expect(!ContextMaker.isTopLevel("/"))
        #expect(!ContextMaker.isTopLevel("/posts/a/"))
        #expect(!ContextMaker.isTopLevel("//about//x"))
    }

    @Test func missingRelativePage() {
        #expect(
            diagnostics { _ = try rewrite("../missing.md#x") }
                == "Content/guides/setup.md:7:12: error: link to a missing page '../missing.md#x' (Content/missing.md does not exist)"
        )
    }

    @Test func aMissingPageNamesTheNearestPageOfItsFolder() {
        #expect(
            diagnostics { _ = try rewrite("../abuot.md") }
                == "Content/guides/setup.md:7:12: error: link to a missing page '../abuot.md' "
                + "(Content/abuot.md does not exist: did you mean 'about.md'?)")
        // Only pages of the folder linked to are candidates.
        #expect(
            diagnostics { _ = try rewrite("../setup.md") }
                == "Content/guides/setup.md:7:12: error: link to a missing page '../setup.md' (Content/setup.md does not exist)"
        )
    }

    /// After a move or a rename, the page meant is named as the link would be written now.
    @Test func aMissingPageNamesTheMovedOrRenamedPage() {
        var links = one
        links.pageURLs["Content/guides/notes-2026.md"] = "/guides/notes-2026/"
        links.pageURLs["Content/guides/nodes.md"] = "/guides/nodes/"
        links.pageURLs["Content/archive/old/flight-plan.md"] = "/archive/old/flight-plan/"
        #expect(
            diagnostics { _ = try rewrite("notes.md", with: links) }
                == "Content/guides/setup.md:7:12: error: link to a missing page 'notes.md' "
                + "(Content/guides/notes.md does not exist: did you mean 'notes-2026.md'?)")
        #expect(
            diagnostics { _ = try rewrite("flight-plan.md", with: links) }
                == "Content/guides/setup.md:7:12: error: link to a missing page 'flight-plan.md' "
                + "(Content/guides/flight-plan.md does not exist: did you mean '../archive/old/flight-plan.md' "
                + "(Content/archive/old/flight-plan.md)?)")
        #expect(LinkResolver.relativePath(to: "Content/about.md", from: "Content/guides/advanced") == "../../about.md")
        #expect(LinkResolver.relativePath(to: "Content/guides/a/b.md", from: "Content/guides") == "a/b.md")
        #expect(LinkResolver.relativePath(to: "Content/b.md", from: "Content") == "b.md")
    }

    @Test func aLinkToADraftSaysSo() {
        var links = resolver(seeds: [])
        links.draftPaths = ["Content/guides/notes.md"]
        #expect(
            diagnostics { _ = try rewrite("notes.md#plan", with: links) }
                == "Content/guides/setup.md:7:12: error: link to 'notes.md#plan', a draft: Content/guides/notes.md is "
                + "marked 'draft: true' and is left out of the site (publish it, or remove the link; `--drafts` "
                + "builds drafts for preview)")
    }

    @Test func siteAbsolutePathsGetTheBasePath() throws {
        let based = resolver(seeds: [], basePath: "/explainers/iran/")
        #expect(try rewrite("/timeline/#flight", with: based) == .url("/explainers/iran/timeline/#flight"))
        #expect(try rewrite("/", with: based) == .url("/explainers/iran/"))
        #expect(try rewrite("/about/") == .url("/about/"))
    }

    @Test func otherLinksAreKept() throws {
        #expect(try rewrite("https://example.org/a.md") == .keep)
        #expect(try rewrite("//cdn.example.org/x") == .keep)
        #expect(try rewrite("#section") == .keep)
        #expect(try rewrite("mailto:a@example.org") == .keep)
        #expect(try rewrite("picture.png") == .keep)
    }
}
