import Foundation
import LedeBuilder
import LedeCore
import Testing

/// `lede build` keeps a build cache beside the output: the next one-off build carries over the
/// plain pages whose inputs are unchanged, and its output is still byte for byte a clean build's.
/// A cache that is damaged, or an output or spare file changed by hand, is never trusted.
@Suite struct BuildCacheTests {
    typealias Workspace = IncrementalBuildTests.Workspace

    /// One `lede build` with the build cache (a new builder each time, as each command is).
    static func build(_ workspace: Workspace, cache: Bool = true) async throws -> BuildSummary {
        var options = BuildOptions(siteRoot: workspace.site, output: output(workspace))
        options.buildCache = cache
        return try await SiteBuilder(options: options).build()
    }

    static func output(_ workspace: Workspace) -> URL { workspace.root.appendingPathComponent("Output") }

    static func cacheFile(_ workspace: Workspace) -> URL {
        workspace.root.appendingPathComponent(".Output.lede-cache/build")
    }

    /// Waits past the window in which a just-written file is not trusted by its signature
    /// (``BuildCache`` does not record pages changed within 100 ms of a build's start).
    static func settle() async throws { try await Task.sleep(for: .milliseconds(150)) }

    /// The site with six articles (three cite the report, three do not), its files past the
    /// window in which they are not trusted.
    static func workspace() async throws -> Workspace {
        let workspace = try Workspace()
        try RandomEditTests.addArticles(workspace)
        try await settle()
        return workspace
    }

    static func expectCleanOutput(_ workspace: Workspace, _ summary: BuildSummary, _ step: String) async throws {
        try await IncrementalBuildTests.expectCleanOutput(
            workspace, output: output(workspace), summary: summary, after: step)
    }

    @Test func aSecondBuildCarriesEveryUnchangedPlainPage() async throws {
        let workspace = try await Self.workspace()
        let first = try await Self.build(workspace)
        #expect(first.pagesRendered == first.pagesWritten)
        try await Self.settle()
        let second = try await Self.build(workspace)
        #expect(second.pagesWritten == first.pagesWritten)
        // The explainer's own pages (and the articles that cite) are carried as a whole too.
        #expect(second.pagesRendered == 0)
        #expect(second.pagesCarried == first.pagesWritten)
        #expect(first.pagesCarried == 0)
        try await Self.expectCleanOutput(workspace, second, "a build with nothing changed")
        let third = try await Self.build(workspace)
        #expect(third.pagesRendered == 0)
        try await Self.expectCleanOutput(workspace, third, "a third build")
    }

    /// A file added to `Public/` (not a stylesheet or script) goes into no page: every page is
    /// carried, and a carried page's link to it, broken before, is checked again and fine.
    /// A build with nothing changed writes no file: the pages are carried, and the generated
    /// and copied files with the same bytes are linked, keeping their times (new-user trial:
    /// the sitemap, feed and stylesheet were written on every build).
    @Test func aBuildWithNothingChangedWritesNoFile() async throws {
        let workspace = try await Self.workspace()
        try await Self.buildTwice(workspace)
        func times() throws -> [String: Int] {
            var times: [String: Int] = [:]
            for (path, _) in try IncrementalBuildTests.tree(Self.output(workspace)) where path != ".lede-output" {
                let status = FileSystem.status(
                    at: Self.output(workspace).appendingPathComponent(path).path, followingLinks: false)
                times[path] = status?.modified
            }
            return times
        }
        let before = try times()
        #expect(before["sitemap.xml"] != nil && before["timeline.json"] != nil)
        try await Self.settle()
        _ = try await Self.build(workspace)
        let after = try times()
        #expect(after.keys.sorted() == before.keys.sorted())
        #expect(after.filter { before[$0.key] != $0.value }.keys.sorted() == [])
    }

    @Test func aPublicFileAddedRendersNothingAgainAndMendsLinksToIt() async throws {
        let workspace = try await Self.workspace()
        try workspace.write(
            "Content/posts/post-5.md", try workspace.read("Content/posts/post-5.md") + "\n[The data](/data.csv).\n")
        try await Self.settle()
        let first = try await Self.build(workspace)
        #expect(
            first.diagnostics.contains { $0.message.hasPrefix("broken link '/explainers/iran-deportations/data.csv'") })
        try await Self.settle()
        _ = try await Self.build(workspace)
        try workspace.write("Public/data.csv", "a,b\n1,2\n")
        try await Self.settle()
        let added = try await Self.build(workspace)
        #expect(added.pagesRendered == 0)
        #expect(!added.diagnostics.contains { $0.message.contains("data.csv") })
        try await Self.expectCleanOutput(workspace, added, "a file added to Public/")
    }

    @Test func anEditedArticleIsRenderedAgain() async throws {
        let workspace = try await Self.workspace()
        let first = try await Self.build(workspace)
        try await Self.settle()
        _ = try await Self.build(workspace)
        try workspace.write(
            "Content/posts/post-5.md", try workspace.read("Content/posts/post-5.md") + "\nOne more line.\n")
        try await Self.settle()
        let edited = try await Self.build(workspace)
        // The article uses the same terms: the explainer's own pages are carried.
        #expect(edited.pagesRendered == 1)
        #expect(first.pagesRendered == first.pagesWritten)
        try await Self.expectCleanOutput(workspace, edited, "an edit to a carried article")
        let html = try String(
            contentsOf: Self.output(workspace).appendingPathComponent("posts/post-5/index.html"), encoding: .utf8)
        #expect(html.contains("One more line."))
    }

    @Test func aLinkToAChangedHeadingOfAnotherPageIsCheckedOnCarriedPages() async throws {
        let workspace = try await Self.workspace()
        try workspace.write(
            "Content/posts/notes.md", "---\ntitle: Notes\n---\nSee [the background](post-4.md#background).\n")
        try await Self.settle()
        _ = try await Self.build(workspace)
        let warm = try await Self.build(workspace)
        #expect(warm.diagnostics.filter { $0.severity == .warning }.isEmpty)
        try workspace.replace("Content/posts/post-4.md", "## Background", with: "## Context")
        try await Self.settle()
        let edited = try await Self.build(workspace)
        let warnings = edited.diagnostics.filter { $0.severity == .warning }.map(\.description)
        #expect(
            warnings == [
                "Content/posts/notes.md:4:5: warning: link to '#background' on posts/post-4/index.html, which has no element with that id in posts/notes/index.html: "
                    + LinkCheckerTests.fragmentHint("background")
            ])
        try await Self.expectCleanOutput(workspace, edited, "a heading renamed under a carried page's link")
    }

    @Test func aGlossaryEditRendersEveryArticleAgainFromItsFile() async throws {
        let workspace = try await Self.workspace()
        let first = try await Self.build(workspace)
        _ = try await Self.build(workspace)
        // Unchanged articles are loaded from the cache without their body; when a definition
        // their term buttons show changes, none is carried, and each is read again in full.
        try workspace.replace("Content/glossary/asylum.md", "short: ", with: "short: Revised. ")
        try await Self.settle()
        let edited = try await Self.build(workspace)
        // The pages whose HTML shows the definition: the overview, timeline, glossary and
        // sourcing notes. Every article's Markdown is rendered again (they use the term), and
        // each comes out as before: the articles that cite nothing are kept as written, not
        // rendered through their template nor written (their context is the last build's).
        #expect(edited.pagesRendered == 4)
        #expect(edited.markdownRendered >= 6)
        #expect(first.pagesWritten == 14)
        try await Self.expectCleanOutput(workspace, edited, "a glossary definition edited")
        let html = try String(
            contentsOf: Self.output(workspace).appendingPathComponent("posts/post-5/index.html"), encoding: .utf8)
        #expect(html.contains("It links to"))
    }

    /// Builds twice, makes `edit`, builds again: the output and diagnostics must be a clean
    /// build's. Returns the summaries of the first and the last build.
    static func edited(_ step: String, _ edit: (Workspace) throws -> Void) async throws -> (
        first: BuildSummary, edited: BuildSummary, workspace: Workspace
    ) {
        let workspace = try await Self.workspace()
        let first = try await Self.build(workspace)
        try await Self.settle()
        _ = try await Self.build(workspace)
        try edit(workspace)
        try await Self.settle()
        let edited = try await Self.build(workspace)
        try await Self.expectCleanOutput(workspace, edited, step)
        // And the build after it carries everything again, still as a clean build.
        try await Self.settle()
        let next = try await Self.build(workspace)
        #expect(next.pagesRendered == 0, "a build after \(step) rendered \(next.pagesRendered) pages")
        try await Self.expectCleanOutput(workspace, next, "the build after \(step)")
        return (first, edited, workspace)
    }

    /// Builds `workspace` after its files settle, and again: the second build's cache records a
    /// build that rendered nothing (the state an author's next edit starts from).
    static func buildTwice(_ workspace: Workspace) async throws {
        try await settle()
        _ = try await build(workspace)
        try await settle()
        _ = try await build(workspace)
    }

    /// Builds `workspace` twice (``buildTwice(_:)``), makes `edit`, and builds again.
    static func rebuilt(_ workspace: Workspace, after edit: (Workspace) throws -> Void) async throws -> BuildSummary {
        try await buildTwice(workspace)
        try edit(workspace)
        try await settle()
        return try await build(workspace)
    }

    static func html(_ workspace: Workspace, _ path: String) throws -> String {
        try String(contentsOf: Self.output(workspace).appendingPathComponent(path), encoding: .utf8)
    }

    @Test func anArticleThatStartsUsingATermRebuildsTheOwnPages() async throws {
        let (first, edited, workspace) = try await Self.edited("an article using a new term") {
            try $0.write(
                "Content/posts/post-5.md", try $0.read("Content/posts/post-5.md") + "\nIt mentions sanctions.\n")
        }
        // The glossary's "used in" list changed: the own pages are made again, and of them the
        // glossary alone comes out otherwise; with the article, 2 pages are written again.
        #expect(edited.pagesRendered == 2)
        #expect(first.pagesWritten == 14)
        let glossary = try Self.html(workspace, "glossary/index.html")
        let sanctions = try #require(glossary.range(of: "id=\"sanctions\""))
        #expect(glossary[sanctions.lowerBound...].contains("Article 5"))
    }

    @Test func anArticleThatStopsUsingATermRebuildsTheOwnPages() async throws {
        let (first, edited, _) = try await Self.edited("an article no longer using a term") {
            try $0.replace("Content/posts/post-6.md", "and deportation", with: "and nothing else")
        }
        // The article and the glossary.
        #expect(edited.pagesRendered == 2)
        #expect(first.pagesWritten == 14)
    }

    @Test func aRetitledArticleRebuildsTheOwnPagesThatListIt() async throws {
        let (first, edited, workspace) = try await Self.edited("an article retitled") {
            try $0.replace("Content/posts/post-4.md", "title: \"Article 4\"", with: "title: \"Article four\"")
        }
        // The article and the glossary, whose "used in" lists name it by its title (it is not a
        // top-level page: no footer names it).
        #expect(edited.pagesRendered == 2)
        #expect(first.pagesWritten == 14)
        #expect(try Self.html(workspace, "glossary/index.html").contains("Article four"))
    }

    /// An article's rendered Markdown depends on the pages it links to, not on every page: one
    /// added renders itself and the own pages that list it (it uses a term: the glossary's "used
    /// in" lists), and the other articles are carried.
    @Test func anArticleAddedRendersItselfAndTheOwnPagesOnly() async throws {
        let (first, edited, workspace) = try await Self.edited("an article added") {
            try $0.write("Content/posts/post-7.md", "---\ntitle: Article 7\n---\nA new article on deportation.\n")
        }
        #expect(edited.pagesWritten == first.pagesWritten + 1)
        // The article and the glossary, which lists it under "deportation".
        #expect(edited.pagesRendered == 2)
        #expect(try Self.html(workspace, "posts/post-7/index.html").contains("A new article on"))
    }

    /// An article that uses no term is in no list of the own pages: adding it renders it alone.
    @Test func anArticleWithoutTermsAddedRendersItselfAlone() async throws {
        let (first, edited, _) = try await Self.edited("an article without terms added") {
            try $0.write("Content/posts/post-7.md", "---\ntitle: Article 7\n---\nA new article.\n")
        }
        #expect(edited.pagesWritten == first.pagesWritten + 1)
        #expect(edited.pagesRendered == 1)
    }

    /// The own pages are rendered again when a page their links lead to moves or goes, even one
    /// that is in none of their lists.
    @Test func anOwnPageLinkingToAnArticleThatMovesOrGoesIsRenderedAgain() async throws {
        let workspace = try await Self.workspace()
        try workspace.write("Content/posts/post-7.md", "---\ntitle: Article 7\n---\nA new article.\n")
        try workspace.write(
            "Content/about.md", try workspace.read("Content/about.md") + "\nSee [the seventh](posts/post-7.md).\n")
        let moved = try await Self.rebuilt(workspace) {
            try $0.replace("Content/posts/post-7.md", "title:", with: "slug: seventh\ntitle:")
        }
        try await Self.expectCleanOutput(workspace, moved, "an article an own page links to moved")
        #expect(try Self.html(workspace, "about/index.html").contains("/posts/seventh/"))
        try await Self.expectBuildFails(
            afterDeleting: "Content/posts/post-7.md", in: workspace,
            with: "error: link to a missing page 'posts/post-7.md'")
    }

    /// Deletes `path`, and expects the next cached build to stop with an error that holds `message`.
    static func expectBuildFails(afterDeleting path: String, in workspace: Workspace, with message: String)
        async throws
    {
        try FileManager.default.removeItem(at: workspace.url(path))
        try await Self.settle()
        await #expect {
            _ = try await Self.build(workspace)
        } throws: { error in
            "\(error)".contains(message)
        }
    }

    @Test func anArticleDeletedRendersOnlyTheOwnPagesAndItsEditedLinker() async throws {
        let (first, edited, _) = try await Self.edited("an article deleted and the link to it moved") {
            try FileManager.default.removeItem(at: $0.url("Content/posts/post-6.md"))
            try $0.replace("Content/posts/post-5.md", "(post-6.md)", with: "(post-4.md)")
        }
        #expect(edited.pagesWritten == first.pagesWritten - 1)
        // The glossary (it listed post-6) and post-5; post-4 is carried, and the other own pages
        // come out as before.
        #expect(edited.pagesRendered == 2)
    }

    /// A carried article whose link target moved is rendered again with the new URL; one whose
    /// link target is gone is an error, as in a clean build.
    @Test func aCarriedArticleLinkingToAMovedPageIsRenderedAgain() async throws {
        let (first, edited, workspace) = try await Self.edited("a linked article moved") {
            try $0.replace("Content/posts/post-6.md", "title:", with: "slug: moved\ntitle:")
        }
        // Post-6, post-5, which links to it, and the glossary, which lists it; post-4 is carried.
        #expect(edited.pagesRendered == 3)
        #expect(first.pagesWritten == 14)
        #expect(try Self.html(workspace, "glossary/index.html").contains("/posts/moved/"))
        #expect(try Self.html(workspace, "posts/post-5/index.html").contains("/posts/moved/"))
        try await Self.expectBuildFails(
            afterDeleting: "Content/posts/post-6.md", in: workspace,
            with:
                "Content/posts/post-5.md:9:13: error: link to a missing page 'post-6.md' (Content/posts/post-6.md does not exist"
        )
    }

    /// An article that cites, whose HTML is unchanged by an edit that moves its lines, is not
    /// written again, and its link warnings are at the lines where its links are now.
    @Test func aCitingArticleWhoseLinesMovedKeepsItsHTMLAndReportsTheNewLines() async throws {
        let workspace = try await Self.workspace()
        try workspace.write(
            "Content/posts/post-2.md", try workspace.read("Content/posts/post-2.md") + "\nSee [this](/nowhere/).\n")
        let edited = try await Self.rebuilt(workspace) {
            try $0.replace("Content/posts/post-2.md", "---\nAn article", with: "---\n\n\nAn article")
        }
        // The own pages are made again (the article's text changed), and none comes out otherwise.
        #expect(edited.pagesRendered == 0)
        #expect(
            edited.diagnostics.map(\.description).contains {
                $0.hasPrefix("Content/posts/post-2.md:13:5: warning: broken link")
            })
        try await Self.expectCleanOutput(workspace, edited, "lines moved in an article that cites")
    }

    @Test func anEventEditRebuildsTheOwnPagesOnly() async throws {
        let (first, edited, workspace) = try await Self.edited("a timeline event edited") {
            let event = try #require(
                try FileManager.default.contentsOfDirectory(atPath: $0.url("Content/timeline").path)
                    .filter { $0 != "index.md" }.sorted().first)
            let path = "Content/timeline/" + event
            try $0.write(path, try $0.read(path) + "\nA detail added later.\n")
        }
        // The timeline alone shows the event's text.
        #expect(edited.pagesRendered == 1)
        #expect(first.pagesWritten == 14)
        #expect(try Self.html(workspace, "timeline/index.html").contains("A detail added later."))
    }

    /// A page's term popovers show the definitions of the terms it uses, and no other.
    @Test func aTermRedefinedRendersOnlyThePagesThatUseIt() async throws {
        let (first, edited, workspace) = try await Self.edited("a term no article uses redefined") {
            try $0.replace("Content/glossary/sanctions.md", "short: ", with: "short: Redefined. ")
        }
        // The own pages that show its definition (the glossary, and those whose text uses it).
        #expect(edited.pagesRendered == 4)
        #expect(first.pagesWritten == 14)
        #expect(try Self.html(workspace, "glossary/index.html").contains("Redefined."))
    }

    /// A term's aliases decide what every article links: each is made again, and the articles
    /// whose HTML comes out as before are kept as written, not rendered nor written again
    /// (new-user trial: 2,400 unchanged articles were written again, with new times).
    @Test func anAliasNoTextUsesWritesTheGlossaryAlone() async throws {
        let workspace = try await Self.workspace()
        try await Self.buildTwice(workspace)
        let page = Self.output(workspace).appendingPathComponent("posts/post-5/index.html").path
        let before = try #require(FileSystem.status(at: page, followingLinks: false))
        try workspace.replace(
            "Content/glossary/asylum.md", "aliases: [\"asylum request\"",
            with: "aliases: [\"asylum petition\", \"asylum request\"")
        try await Self.settle()
        let edited = try await Self.build(workspace)
        #expect(edited.pagesRendered == 1)
        #expect(edited.markdownRendered >= 6)
        #expect(try Self.html(workspace, "glossary/index.html").contains("asylum petition"))
        let after = try #require(FileSystem.status(at: page, followingLinks: false))
        #expect(before.modified == after.modified && before.inode == after.inode, "the article was written again")
        try await Self.expectCleanOutput(workspace, edited, "an alias that no text uses added")
    }

    @Test func aTermEditRebuildsEveryPage() async throws {
        let (first, edited, _) = try await Self.edited("a glossary entry's text edited") {
            try $0.write(
                "Content/glossary/sanctions.md",
                try $0.read("Content/glossary/sanctions.md") + "\nA sentence added to the entry.\n")
        }
        // The glossary alone shows an entry's text.
        #expect(edited.pagesRendered == 1)
        #expect(first.pagesWritten == 14)
    }

    @Test func aSourcesEditRebuildsTheOwnPages() async throws {
        let (first, edited, workspace) = try await Self.edited("the sources registry edited") {
            try $0.replace(
                "Content/_sources.yaml", "label: \"two senior Iranian officials\"",
                with: "label: \"two senior officials of Iran\"")
        }
        // The pages that show the source's label.
        #expect(edited.pagesRendered == 4)
        #expect(first.pagesWritten == 14)
        // The source page's "cited by" lists name the source by its label.
        #expect(
            try Self.html(workspace, "sources/000_98aef5d54b25b39a/index.html").contains(
                "Sourcing notes: two senior officials of Iran"))
    }

    @Test func aSeedEditRebuildsTheOwnPages() async throws {
        let (first, edited, _) = try await Self.edited("a source document edited") { workspace in
            let seed = try #require(
                try FileManager.default.contentsOfDirectory(atPath: workspace.url("seeds").path)
                    .first { $0.hasSuffix(".txt") })
            let text = try workspace.read("seeds/" + seed)
            try workspace.write("seeds/" + seed, text.replacingOccurrences(of: " the ", with: " the the "))
        }
        // Every citation is checked again; the source page alone shows the text.
        #expect(edited.pagesRendered == 1)
        #expect(first.pagesWritten == 14)
    }

    /// The articles are carried when a template they are not made with changes.
    @Test func anOwnPageTemplateEditRebuildsTheOwnPagesOnly() async throws {
        let (first, edited, workspace) = try await Self.edited("the glossary template edited") {
            try $0.write("Templates/glossary.mustache", try $0.read("Templates/glossary.mustache") + "<!-- x -->\n")
        }
        // The glossary alone, from the context the last build made it with: no Markdown is
        // rendered (the own pages and the articles that cite are not made again).
        #expect(edited.pagesRendered == 1)
        #expect(edited.markdownRendered == 0)
        #expect(first.pagesWritten == 14)
        #expect(try Self.html(workspace, "glossary/index.html").contains("<!-- x -->"))
    }

    @Test func aPartialTheArticlesDoNotUseRebuildsTheOwnPagesOnly() async throws {
        let (first, edited, workspace) = try await Self.edited("a partial of the own pages edited") {
            try $0.write(
                "Templates/partials/sources.mustache", try $0.read("Templates/partials/sources.mustache") + "<!-- s -->"
            )
        }
        // The three pages that include it.
        #expect(edited.pagesRendered == 3)
        #expect(edited.markdownRendered == 0)
        #expect(first.pagesWritten == 14)
        #expect(try Self.html(workspace, "timeline/index.html").contains("<!-- s -->"))
    }

    @Test(arguments: ["page", "partials/byline", "base"])
    func aTemplateTheArticlesUseRebuildsEveryPageMadeWithIt(_ template: String) async throws {
        let (first, edited, workspace) = try await Self.edited("the \(template) template edited") {
            let path = "Templates/\(template).mustache"
            try $0.write(path, try $0.read(path) + "<!-- x -->\n")
        }
        // Every page made with it: the articles and the about page through `page`, every page
        // but the 404 page and the source page through `partials/byline`, every page through `base`.
        let made = ["page": 7, "partials/byline": 12, "base": 14]
        #expect(edited.pagesRendered == made[template])
        // Only the articles that cite nothing have their Markdown rendered again (they are not
        // carried); the own pages and the articles that cite are rendered from their contexts.
        #expect(edited.markdownRendered == 3)
        #expect(first.pagesWritten == 14)
        #expect(try Self.html(workspace, "posts/post-5/index.html").contains("<!-- x -->"))
    }

    /// Ways a cache file can be damaged: each must make the next build a full one.
    enum Damage: String, CaseIterable, Sendable {
        case truncated, flippedByte, garbage, empty, folderInstead
    }

    @Test(arguments: Damage.allCases) func aDamagedCacheIsIgnored(_ damage: Damage) async throws {
        let workspace = try await Self.workspace()
        let first = try await Self.build(workspace)
        try await Self.settle()
        _ = try await Self.build(workspace)
        try Self.damage(Self.cacheFile(workspace), damage)
        try workspace.write(
            "Content/posts/post-6.md", try workspace.read("Content/posts/post-6.md") + "\nAfter the damage.\n")
        let rebuilt = try await Self.build(workspace)
        #expect(rebuilt.pagesRendered == first.pagesWritten, "a \(damage) cache was trusted")
        try await Self.expectCleanOutput(workspace, rebuilt, "a \(damage) cache")
    }

    /// The own pages' contexts (rendered again after a template edit) are not trusted either
    /// when damaged: the own pages are then made again, as without them.
    @Test(arguments: Damage.allCases) func aDamagedContextsFileMakesTheOwnPagesAgain(_ damage: Damage) async throws {
        let workspace = try await Self.workspace()
        _ = try await Self.build(workspace)
        try await Self.settle()
        _ = try await Self.build(workspace)
        try Self.damage(workspace.root.appendingPathComponent(".Output.lede-cache/contexts"), damage)
        try workspace.write(
            "Templates/glossary.mustache", try workspace.read("Templates/glossary.mustache") + "<!-- d -->")
        try await Self.settle()
        let rebuilt = try await Self.build(workspace)
        // The own pages and the articles that cite, made again (the about page, three articles,
        // the overview, timeline, glossary, sourcing notes and source pages).
        #expect(rebuilt.markdownRendered == 9, "a \(damage) contexts file was trusted")
        #expect(rebuilt.pagesRendered == 1)
        try await Self.expectCleanOutput(workspace, rebuilt, "a \(damage) contexts file")
    }

    static func damage(_ file: URL, _ damage: Damage) throws {
        let bytes = try Data(contentsOf: file)
        switch damage {
        case .truncated: try bytes.prefix(bytes.count / 2).write(to: file)
        case .flippedByte:
            var changed = bytes
            changed[bytes.count / 2] ^= 0x20
            try changed.write(to: file)
        case .garbage: try Data("lede build cache\n\u{7}not a cache".utf8).write(to: file)
        case .empty: try Data().write(to: file)
        case .folderInstead:
            try FileManager.default.removeItem(at: file)
            try FileManager.default.createDirectory(at: file, withIntermediateDirectories: false)
        }
    }

    @Test func anOutputFileChangedByHandIsRenderedAgain() async throws {
        let workspace = try await Self.workspace()
        let first = try await Self.build(workspace)
        try await Self.settle()
        _ = try await Self.build(workspace)
        let page = Self.output(workspace).appendingPathComponent("posts/post-5/index.html")
        try Data("edited by hand".utf8).write(to: page)
        let rebuilt = try await Self.build(workspace)
        #expect(rebuilt.pagesRendered == 1)
        #expect(first.pagesRendered == first.pagesWritten)
        try await Self.expectCleanOutput(workspace, rebuilt, "an output page edited by hand")
    }

    @Test func anOwnPageChangedByHandRebuildsTheOwnPages() async throws {
        let workspace = try await Self.workspace()
        let first = try await Self.build(workspace)
        try await Self.settle()
        _ = try await Self.build(workspace)
        try Data("edited by hand".utf8).write(to: Self.output(workspace).appendingPathComponent("glossary/index.html"))
        let rebuilt = try await Self.build(workspace)
        // The own pages are made again, and the page changed by hand alone is written again.
        #expect(rebuilt.pagesRendered == 1)
        #expect(first.pagesWritten == 14)
        try await Self.expectCleanOutput(workspace, rebuilt, "an own page edited by hand")
    }

    @Test func aSpareFileChangedByHandIsReplaced() async throws {
        let workspace = try await Self.workspace()
        _ = try await Self.build(workspace)
        try await Self.settle()
        // Three builds: the spare is then a folder the cache knows, holding every carried page.
        for _ in 1...3 { _ = try await Self.build(workspace) }
        let spare = workspace.root.appendingPathComponent(".Output.lede-spare/posts/post-5/index.html")
        #expect(FileManager.default.fileExists(atPath: spare.path))
        try Data("edited in the spare".utf8).write(to: spare)
        let rebuilt = try await Self.build(workspace)
        try await Self.expectCleanOutput(workspace, rebuilt, "a spare page edited by hand")
    }

    @Test func aCacheFolderThatIsALinkIsReplacedNotFollowed() async throws {
        let workspace = try await Self.workspace()
        let elsewhere = workspace.root.appendingPathComponent("elsewhere")
        try FileManager.default.createDirectory(at: elsewhere, withIntermediateDirectories: true)
        try Data("keep".utf8).write(to: elsewhere.appendingPathComponent("build"))
        try FileManager.default.createSymbolicLink(
            at: workspace.root.appendingPathComponent(".Output.lede-cache"), withDestinationURL: elsewhere)
        _ = try await Self.build(workspace)
        #expect(try String(contentsOf: elsewhere.appendingPathComponent("build"), encoding: .utf8) == "keep")
        let folder = workspace.root.appendingPathComponent(".Output.lede-cache").path
        #expect(FileSystem.kind(at: folder, followingLinks: false) == .folder)
        #expect(FileManager.default.fileExists(atPath: Self.cacheFile(workspace).path))
    }

    @Test func withoutTheCacheEveryPageIsRendered() async throws {
        let workspace = try await Self.workspace()
        _ = try await Self.build(workspace)
        try await Self.settle()
        let recorded = try Data(contentsOf: Self.cacheFile(workspace))
        let plain = try await Self.build(workspace, cache: false)
        #expect(plain.pagesRendered == plain.pagesWritten)
        #expect(try Data(contentsOf: Self.cacheFile(workspace)) == recorded)
        // The cache still describes files the uncached build replaced: they are not trusted.
        let next = try await Self.build(workspace)
        try await Self.expectCleanOutput(workspace, next, "a cached build after an uncached one")
    }

    @Test func randomEditsBuildLikeACleanBuild() async throws {
        let environment = ProcessInfo.processInfo.environment
        let count = environment["LEDE_RANDOM_EDITS"].flatMap(Int.init) ?? 12
        let seed = environment["LEDE_RANDOM_SEED"].flatMap(UInt64.init) ?? 2027
        var random = RandomEditTests.Generator(state: seed)
        let workspace = try await Self.workspace()
        _ = try await Self.build(workspace)
        var done: [String] = []
        for step in 1...count {
            let before = try IncrementalBuildTests.tree(Self.output(workspace))
            done.append(try RandomEditTests.edit(workspace, using: &random))
            try await Self.settle()
            if done.last?.hasPrefix("break ") == true {
                let path = String(done.last!.dropFirst("break ".count))
                await #expect(throws: DiagnosticError.self) { try await Self.build(workspace) }
                #expect(
                    try IncrementalBuildTests.tree(Self.output(workspace)) == before,
                    "a failed build changed the output")
                try workspace.write(
                    path, try workspace.read(path).replacingOccurrences(of: "title: [broken ", with: "title: "))
                try await Self.settle()
            }
            let summary = try await Self.build(workspace)
            try await Self.expectCleanOutput(
                workspace, summary, "seed \(seed), step \(step): \(done.suffix(3).joined(separator: "; "))")
        }
    }
}
