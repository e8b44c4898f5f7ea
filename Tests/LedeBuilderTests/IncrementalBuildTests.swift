import Foundation
import LedeBuilder
import LedeCore
import Testing

/// After any sequence of edits, an incremental builder's output is byte for byte what a
/// clean build produces, and a rebuild renders only what depends on the change.
@Suite struct IncrementalBuildTests {
    /// A temporary copy of the bundled site.
    final class Workspace {
        let root: URL
        let site: URL

        init() throws {
            root = FileManager.default.temporaryDirectory.appendingPathComponent(
                "lede-incremental-\(UUID().uuidString)")
            site = root.appendingPathComponent("site")
            let repository = URL(fileURLWithPath: #filePath).deletingLastPathComponent().deletingLastPathComponent()
                .deletingLastPathComponent()
            try FileManager.default.createDirectory(at: site, withIntermediateDirectories: true)
            for folder in ["Content", "Templates", "Public", "seeds"] {
                try FileManager.default.copyItem(
                    at: repository.appendingPathComponent(folder), to: site.appendingPathComponent(folder))
            }
        }

        deinit { try? FileManager.default.removeItem(at: root) }

        func url(_ path: String) -> URL { site.appendingPathComponent(path) }

        func read(_ path: String) throws -> String { try String(contentsOf: url(path), encoding: .utf8) }

        func write(_ path: String, _ text: String) throws {
            try FileManager.default.createDirectory(
                at: url(path).deletingLastPathComponent(), withIntermediateDirectories: true)
            try Data(text.utf8).write(to: url(path))
        }

        func replace(_ path: String, _ old: String, with new: String) throws {
            let text = try read(path)
            #expect(text.contains(old), "\(path) does not contain \(old)")
            try write(path, text.replacingOccurrences(of: old, with: new))
        }

        func move(_ from: String, _ to: String) throws {
            try FileManager.default.moveItem(at: url(from), to: url(to))
        }

        func remove(_ path: String) throws { try FileManager.default.removeItem(at: url(path)) }
    }

    /// Every file below a folder, by relative path.
    static func tree(_ folder: URL) throws -> [String: Data] {
        var files: [String: Data] = [:]
        let prefix = folder.standardizedFileURL.path + "/"
        let enumerator = FileManager.default.enumerator(at: folder, includingPropertiesForKeys: [.isRegularFileKey])
        while let url = enumerator?.nextObject() as? URL {
            guard (try url.resourceValues(forKeys: [.isRegularFileKey])).isRegularFile == true else { continue }
            files[String(url.standardizedFileURL.path.dropFirst(prefix.count))] = try Data(contentsOf: url)
        }
        return files
    }

    /// Builds from scratch into a fresh folder and expects `output` and `summary`'s diagnostics
    /// to be the clean build's; returns whether the files were.
    @discardableResult
    static func expectCleanOutput(_ workspace: Workspace, output: URL, summary: BuildSummary, after step: String)
        async throws -> Bool
    {
        let clean = workspace.root.appendingPathComponent("clean-\(UUID().uuidString)")
        let cleanSummary = try await SiteBuilder(options: BuildOptions(siteRoot: workspace.site, output: clean))
            .build()
        let expected = try tree(clean)
        let actual = try tree(output)
        #expect(actual.keys.sorted() == expected.keys.sorted(), "file list differs after \(step)")
        let differing = expected.keys.sorted().filter { actual[$0] != expected[$0] }
        #expect(differing.isEmpty, "differs from a clean build after \(step): \(differing.prefix(5))")
        #expect(
            summary.diagnostics.map(\.description) == cleanSummary.diagnostics.map(\.description),
            "diagnostics differ after \(step)")
        try FileManager.default.removeItem(at: clean)
        return differing.isEmpty
    }

    /// Builds from scratch into a fresh folder and compares with the incremental output.
    static func expectMatchesCleanBuild(_ workspace: Workspace, incremental: URL, step: String) async throws {
        let clean = workspace.root.appendingPathComponent("clean-\(UUID().uuidString)")
        _ = try await SiteBuilder(options: BuildOptions(siteRoot: workspace.site, output: clean)).build()
        let expected = try tree(clean)
        let actual = try tree(incremental)
        #expect(actual.keys.sorted() == expected.keys.sorted(), "file list differs after: \(step)")
        for (path, data) in expected where actual[path] != data {
            Issue.record("\(path) differs from a clean build after: \(step)")
        }
        try FileManager.default.removeItem(at: clean)
    }

    @Test func incrementalOutputEqualsCleanBuildAfterEveryEdit() async throws {
        let workspace = try Workspace()
        let output = workspace.root.appendingPathComponent("Output")
        let builder = SiteBuilder(options: BuildOptions(siteRoot: workspace.site, output: output), incremental: true)
        let first = try await builder.build()
        #expect(first.pagesRendered == first.pagesWritten)

        let edits: [(String, (Workspace) throws -> Void)] = [
            (
                "edit a page body",
                { try $0.write("Content/about.md", try $0.read("Content/about.md") + "\nOne more line.\n") }
            ),
            (
                "change a glossary definition",
                { try $0.replace("Content/glossary/asylum.md", "short: ", with: "short: Changed. ") }
            ),
            (
                "change a seed paragraph",
                {
                    try $0.replace(
                        "seeds/000_98aef5d54b25b39a.txt", "This is a developing story.",
                        with: "This is a developing story, still.")
                }
            ),
            (
                "change a template",
                {
                    try $0.replace(
                        "Templates/page.mustache", "<article class=\"explainer\">",
                        with: "<article class=\"explainer plain\">")
                }
            ),
            ("change the config", { try $0.replace("Content/_site.yaml", "title: \"", with: "title: \"Updated · ") }),
            (
                "change a stylesheet",
                { try $0.write("Public/style.css", try $0.read("Public/style.css") + "\n.extra { color: red; }\n") }
            ),
            (
                "add a timeline event",
                {
                    try $0.write(
                        "Content/timeline/115-extra.md",
                        "---\ntitle: An extra event\norder: 115\ndate:\n  text: later\n  precision: relative\ncertainty: reported\n---\nSomething happened [¶11](seed:p11).\n"
                    )
                }
            ),
            (
                "rename a timeline event",
                { try $0.move("Content/timeline/115-extra.md", "Content/timeline/116-renamed.md") }
            ),
            (
                "add a page",
                {
                    try $0.write(
                        "Content/extra.md",
                        "---\ntitle: Extra page\n---\nAbout [asylum](term:asylum) and [¶2](seed:p2).\n")
                }
            ),
            ("rename a page", { try $0.move("Content/extra.md", "Content/renamed.md") }),
            ("delete a page", { try $0.remove("Content/renamed.md") }),
            ("delete an update", { try $0.remove("Content/updates/2026-11-29-first-version.md") }),
            ("delete a timeline event", { try $0.remove("Content/timeline/116-renamed.md") }),
            ("save a new revision of the seed", { try Self.reviseSeed($0) }),
        ]
        for (step, edit) in edits {
            try edit(workspace)
            _ = try await builder.build()
            try await Self.expectMatchesCleanBuild(workspace, incremental: output, step: step)
        }
    }

    /// The bundled seed.
    static let seed = "seeds/000_98aef5d54b25b39a"

    /// What an editor does when the report is updated: keeps the current text as an earlier
    /// version, saves the new one (¶11 reworded, a paragraph added at the end), and dates it.
    static func reviseSeed(_ workspace: Workspace) throws {
        let current = try workspace.read("\(seed).txt")
        try workspace.write("\(seed).revisions/2026-11-29.txt", current)
        var lines = current.split(separator: "\n", omittingEmptySubsequences: false).map(String.init)
        guard let last = lines.lastIndex(where: { $0.hasPrefix("This is a developing story") }) else {
            Issue.record("the seed has no paragraph 'This is a developing story'")
            return
        }
        lines[last] = "This is a developing story and will be updated."
        lines.insert("Iranian state media said on Wednesday that the flight had landed.", at: last + 1)
        try workspace.write("\(seed).txt", lines.joined(separator: "\n"))
        try workspace.write(
            "\(seed).yaml",
            try workspace.read("\(seed).yaml")
                + "date: 2026-11-30\nnotes:\n  2026-11-30: \"The report added a paragraph on the landing.\"\n")
    }

    /// Saving a new revision under `lede serve`: the incremental rebuild reports the citations
    /// of the changed paragraph, as a clean build does, and writes the same files (the source
    /// page's marks, the new revisions page, the updates page and feed).
    @Test func newRevisionOfTheSeedRebuildsLikeACleanBuild() async throws {
        let workspace = try Workspace()
        let output = workspace.root.appendingPathComponent("Output")
        let builder = SiteBuilder(options: BuildOptions(siteRoot: workspace.site, output: output), incremental: true)
        let first = try await builder.build()
        #expect(first.diagnostics.filter { $0.severity == .warning }.isEmpty)
        try Self.reviseSeed(workspace)
        let rebuilt = try await builder.build()
        let diff = "… is a developing [-story.-]{+story and will be updated.+}"
        #expect(
            rebuilt.diagnostics.filter { $0.severity == .warning }.map(\.description) == [
                "Content/index.md:97:45: warning: ¶11 changed since this citation was checked: \(diff) (re-read the claim, then run `lede accept`)",
                "Content/updates/2026-11-29-first-version.md:6:248: warning: ¶11 changed since this citation was checked: \(diff) (re-read the claim, then run `lede accept`)",
            ])
        #expect(rebuilt.changedPaths.contains("sources/000_98aef5d54b25b39a/revisions/index.html"))
        let clean = try await SiteBuilder(
            options: BuildOptions(
                siteRoot: workspace.site, output: workspace.root.appendingPathComponent("Clean"))
        ).build()
        #expect(rebuilt.diagnostics.map(\.description) == clean.diagnostics.map(\.description))
        try await Self.expectMatchesCleanBuild(workspace, incremental: output, step: "save a new revision")
        #expect(
            text("sources/000_98aef5d54b25b39a/index.html", in: output).contains(
                #"<li id="p12" class="mark-new">"#))
    }

    @Test func rebuildRendersOnlyWhatDependsOnTheChange() async throws {
        let workspace = try Workspace()
        let output = workspace.root.appendingPathComponent("Output")
        let builder = SiteBuilder(options: BuildOptions(siteRoot: workspace.site, output: output), incremental: true)
        let first = try await builder.build()

        let unchanged = try await builder.build()
        #expect(unchanged.pagesRendered == 0)
        #expect(unchanged.changedPaths.isEmpty)

        try workspace.write("Content/about.md", try workspace.read("Content/about.md") + "\nOne more line.\n")
        let bodyEdit = try await builder.build()
        #expect(bodyEdit.pagesRendered == 1)
        #expect(bodyEdit.changedPaths == ["about/index.html"])

        // A template renders again the pages made with it, or with a template that includes it.
        try workspace.replace(
            "Templates/page.mustache", "<article class=\"explainer\">", with: "<article class=\"explainer x\">")
        let templateEdit = try await builder.build()
        #expect(templateEdit.pagesRendered == 1)
        #expect(templateEdit.changedPaths == ["about/index.html"])
        try workspace.write(
            "Templates/partials/sources.mustache",
            try workspace.read("Templates/partials/sources.mustache") + "<!-- s -->")
        let partialEdit = try await builder.build()
        #expect(
            Set(partialEdit.changedPaths) == ["index.html", "timeline/index.html", "sourcing-notes/index.html"])
        #expect(partialEdit.pagesRendered == 3)
        try workspace.write("Templates/base.mustache", try workspace.read("Templates/base.mustache") + "<!-- b -->")
        let layoutEdit = try await builder.build()
        #expect(layoutEdit.pagesRendered == first.pagesWritten)
        _ = try await Self.expectCleanOutput(workspace, output: output, summary: layoutEdit, after: "template edits")
    }

    /// The site with six articles, built once by a preview builder.
    static func builtWithArticles() async throws -> (Workspace, URL, SiteBuilder, BuildSummary) {
        let workspace = try Workspace()
        try RandomEditTests.addArticles(workspace)
        let output = workspace.root.appendingPathComponent("Output")
        let builder = SiteBuilder(options: BuildOptions(siteRoot: workspace.site, output: output), incremental: true)
        return (workspace, output, builder, try await builder.build())
    }

    /// A page added or removed renders its own page and the explainer's, not every article
    /// (an article's Markdown depends on the pages it links to only).
    @Test func anArticleAddedOrRemovedRendersNoOtherArticle() async throws {
        let (workspace, output, builder, first) = try await Self.builtWithArticles()
        try workspace.write("Content/posts/post-7.md", "---\ntitle: Article 7\n---\nA new article.\n")
        let added = try await builder.build()
        // The new article only: it uses no term, and nothing lists it but the sitemap.
        #expect(added.pagesRendered == 1)
        #expect(added.markdownRendered == 1)
        #expect(added.pagesWritten == first.pagesWritten + 1)
        _ = try await Self.expectCleanOutput(workspace, output: output, summary: added, after: "an article added")
        try FileManager.default.removeItem(at: workspace.url("Content/posts/post-7.md"))
        let removed = try await builder.build()
        #expect(removed.pagesRendered == 0)
        #expect(removed.markdownRendered == 0)
        _ = try await Self.expectCleanOutput(workspace, output: output, summary: removed, after: "an article removed")
    }

    /// A page's term popovers show the definitions of the terms it uses only: redefining a term
    /// no article uses makes no article again; redefining one they all use makes each again.
    @Test func aTermRedefinedMakesOnlyThePagesThatUseItAgain() async throws {
        let (workspace, output, builder, first) = try await Self.builtWithArticles()
        try workspace.replace("Content/glossary/sanctions.md", "short: ", with: "short: Redefined. ")
        let unused = try await builder.build()
        #expect(!unused.changedPaths.contains { $0.hasPrefix("posts/") })
        // None of the six articles is rendered again (the own pages that show the glossary are);
        // each shows the new definition of a term it uses, and the output is a clean build's.
        #expect(unused.pagesRendered <= first.pagesWritten - 6)
        #expect(unused.changedPaths.contains("glossary/index.html"))
        _ = try await Self.expectCleanOutput(workspace, output: output, summary: unused, after: "sanctions redefined")
        try workspace.replace("Content/glossary/deportation.md", "short: ", with: "short: Redefined. ")
        let used = try await builder.build()
        #expect(used.changedPaths.filter { $0.hasPrefix("posts/") }.count == 6)
        let article = try String(contentsOf: output.appendingPathComponent("posts/post-1/index.html"), encoding: .utf8)
        #expect(article.contains("Redefined."))
        _ = try await Self.expectCleanOutput(workspace, output: output, summary: used, after: "deportation redefined")
    }

    @Test func failedRebuildKeepsTheLastGoodOutput() async throws {
        let workspace = try Workspace()
        let output = workspace.root.appendingPathComponent("Output")
        let builder = SiteBuilder(options: BuildOptions(siteRoot: workspace.site, output: output), incremental: true)
        _ = try await builder.build()
        let before = try Self.tree(output)
        try workspace.replace("Content/about.md", "title:", with: "title: [broken")
        await #expect(throws: DiagnosticError.self) { try await builder.build() }
        #expect(try Self.tree(output) == before)
        try workspace.replace("Content/about.md", "title: [broken", with: "title:")
        _ = try await builder.build()
        try await Self.expectMatchesCleanBuild(workspace, incremental: output, step: "fix the broken file")
    }
}
