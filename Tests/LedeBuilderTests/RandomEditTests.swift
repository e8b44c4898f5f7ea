import Foundation
import LedeBuilder
import LedeCore
import Testing

/// Random sequences of edits of every kind, each followed by an incremental build compared byte
/// for byte with a clean build: whatever an edit touches, the incremental builder (its
/// Markdown cache, its memo of plain pages' jobs, its template, scan, link-check and manifest
/// caches) must produce exactly what a clean build does.
///
/// `LEDE_RANDOM_EDITS=N` runs N edits (the default keeps `swift test` quick);
/// `LEDE_RANDOM_SEED=S` replays one sequence.
@Suite struct RandomEditTests {
    /// A small deterministic generator (SplitMix64), so that a failing sequence can be replayed.
    struct Generator: RandomNumberGenerator {
        var state: UInt64
        mutating func next() -> UInt64 {
            state &+= 0x9E37_79B9_7F4A_7C15
            var z = state
            z = (z ^ (z >> 30)) &* 0xBF58_476D_1CE4_E5B9
            z = (z ^ (z >> 27)) &* 0x94D0_49BB_1331_11EB
            return z ^ (z >> 31)
        }
    }

    typealias Workspace = IncrementalBuildTests.Workspace

    /// Articles around the explainer: plain pages, the kind whose jobs the builder memoizes. The
    /// first three cite the report (their claims are checked on every build); the others do not
    /// (a `lede build` may carry them over from the last one).
    static func addArticles(_ workspace: Workspace) throws {
        for index in 1...6 {
            try workspace.write(
                "Content/posts/post-\(index).md",
                """
                ---
                title: "Article \(index)"
                date: 2026-11-2\(index)
                ---
                An article about [asylum](term:asylum) and deportation\(index <= 3 ? ", citing [¶\(index)](seed:p\(index))" : "").

                ## Background

                It links to [another article](post-\(index % 6 + 1).md) and [the timeline](../timeline/index.md).

                """)
        }
    }

    /// One random edit; returns what it did, for the failure message.
    static func edit(_ workspace: Workspace, using random: inout Generator) throws -> String {
        let post = "Content/posts/post-\(Int.random(in: 1...6, using: &random)).md"
        let word = ["sanctions", "deportation", "a refugee", "travel documents", "nothing"].randomElement(
            using: &random)!
        switch Int.random(in: 0..<18, using: &random) {
        case 0:
            try workspace.write(post, try workspace.read(post) + "\nA new line about \(word).\n")
            return "append to \(post)"
        case 1:
            // Only the line numbers change, not the HTML.
            try workspace.write(
                post, try workspace.read(post).replacingOccurrences(of: "\n---\n", with: "\n---\n\n"))
            return "blank lines in \(post)"
        case 2:
            let text = try workspace.read(post)
            let title = "Article \(Int.random(in: 1...99, using: &random))"
            try workspace.write(
                post,
                text.replacingOccurrences(
                    of: #"title: "[^"]*""#, with: "title: \"\(title)\"", options: .regularExpression))
            return "retitle \(post)"
        case 3:
            let name = "Content/posts/extra-\(Int.random(in: 1...3, using: &random)).md"
            if FileManager.default.fileExists(atPath: workspace.url(name).path) {
                try workspace.remove(name)
                return "remove \(name)"
            }
            try workspace.write(name, "---\ntitle: Extra\n---\nSee [article 1](post-1.md#background) on \(word).\n")
            return "add \(name)"
        case 4:
            try workspace.write(post, try workspace.read(post) + "\nA [link to nowhere](/missing-\(word.count)/).\n")
            return "broken link (a warning) in \(post)"
        case 5:
            let term = ["asylum", "sanctions"].randomElement(using: &random)!
            try workspace.replace(
                "Content/glossary/\(term).md", "short: ", with: "short: \(word.capitalized) aside. ")
            return "glossary definition of \(term)"
        case 6:
            try workspace.write(
                "Content/about.md", try workspace.read("Content/about.md") + "\nMore about \(word).\n")
            return "about page"
        case 7:
            try workspace.replace("Content/_site.yaml", "title: \"", with: "title: \"\(word.capitalized) · ")
            return "site title"
        case 8:
            switch Int.random(in: 0..<3, using: &random) {
            case 0:
                let partial = "Templates/partials/sources.mustache"
                try workspace.write(partial, try workspace.read(partial) + "<!-- \(word) -->")
                return "a partial of the own pages"
            case 1:
                // An own page's template: the glossary is rendered again from its last context.
                try workspace.replace(
                    "Templates/glossary.mustache", "{{#glossary.terms}}", with: "{{#glossary.terms}}<!-- \(word) -->")
                return "glossary template"
            default: break
            }
            try workspace.replace(
                "Templates/page.mustache", "<article class=\"explainer",
                with: "<article class=\"explainer x\(word.count)")
            return "page template"
        case 9:
            try workspace.write(
                "Public/style.css", try workspace.read("Public/style.css") + "\n.x\(word.count) { color: red; }\n")
            return "stylesheet"
        case 10:
            let event = "Content/timeline/11\(Int.random(in: 0...2, using: &random))-extra.md"
            if FileManager.default.fileExists(atPath: workspace.url(event).path) {
                try workspace.remove(event)
                return "remove \(event)"
            }
            let order = 110 + Int(event.dropFirst("Content/timeline/11".count).prefix(1))!
            try workspace.write(
                event,
                "---\ntitle: An extra event\norder: \(order)\ndate:\n  text: later\n  precision: relative\ncertainty: reported\n---\nSomething happened, the report says [¶11](seed:p11).\n"
            )
            return "add \(event)"
        case 11:
            try workspace.replace(post, "## Background", with: "## Background \(word.count)")
            return "heading in \(post) (its anchor changes)"
        case 12:
            try workspace.write(post, try workspace.read(post) + "\nSee [its background](post-1.md#background).\n")
            return "fragment link in \(post)"
        case 13:
            let update = "Content/updates/2026-12-0\(Int.random(in: 1...3, using: &random))-note.md"
            if FileManager.default.fileExists(atPath: workspace.url(update).path) {
                try workspace.remove(update)
                return "remove \(update)"
            }
            try workspace.write(update, "---\ntitle: A note\ndate: 2026-12-01\n---\nWe added an article on \(word).\n")
            return "add \(update)"
        case 14:
            try workspace.write(post, try workspace.read(post) + "\nAlso [sanctions](term:sanctions).\n")
            return "term link in \(post)"
        case 15:
            try workspace.replace(
                "Content/index.md", "title: \"", with: "title: \"\(word.capitalized): ")
            return "overview title (navigation and every page's dates)"
        case 16:
            // The article another links to moves: the linking article's Markdown changes.
            let text = try workspace.read(post)
            if text.contains("\nslug: ") {
                try workspace.write(
                    post, text.replacingOccurrences(of: #"\nslug: [^\n]*"#, with: "", options: .regularExpression))
                return "move \(post) back"
            }
            let number = post.dropFirst("Content/posts/post-".count).prefix(1)
            try workspace.write(post, text.replacingOccurrences(of: "title: ", with: "slug: moved-\(number)\ntitle: "))
            return "move \(post)"
        default:
            // A broken front matter: the build fails, the output stays, the fix builds again.
            let text = try workspace.read(post)
            try workspace.write(post, text.replacingOccurrences(of: "title: ", with: "title: [broken "))
            return "break \(post)"
        }
    }

    /// Every file of the site by path, for telling which files an edit changed.
    static func siteFiles(_ workspace: Workspace) throws -> [String: Data] {
        var files: [String: Data] = [:]
        for folder in ["Content", "Templates", "Public", "seeds"] {
            for (path, data) in try IncrementalBuildTests.tree(workspace.url(folder)) {
                files[workspace.url(folder).standardizedFileURL.path + "/" + path] = data
            }
        }
        return files
    }

    /// With `withPaths`, each build is told which files changed, as the preview's watcher tells
    /// it: an edit to one article's text alone is then rendered by itself (``QuickEdit``), and
    /// must still give exactly what a clean build gives.
    @Test(arguments: [false, true]) func randomEditsBuildLikeACleanBuild(withPaths: Bool) async throws {
        let environment = ProcessInfo.processInfo.environment
        let count = environment["LEDE_RANDOM_EDITS"].flatMap(Int.init) ?? 24
        let seed = environment["LEDE_RANDOM_SEED"].flatMap(UInt64.init) ?? 2026
        var random = Generator(state: seed)
        let workspace = try Workspace()
        try Self.addArticles(workspace)
        let output = workspace.root.appendingPathComponent("Output")
        let builder = SiteBuilder(options: BuildOptions(siteRoot: workspace.site, output: output), incremental: true)
        _ = try await builder.build()
        if withPaths {
            // One edit that is certainly rendered by itself (an article that cites nothing, a
            // line without a term): whether a random sequence holds one depends on the seed.
            let post = workspace.url("Content/posts/post-5.md")
            try workspace.write(
                "Content/posts/post-5.md", try workspace.read("Content/posts/post-5.md") + "\nA plain line.\n")
            let summary = try await builder.build(changed: [post.standardizedFileURL.path])
            #expect(summary.renderedAlone, "an edit to an article's text alone was not rendered by itself")
            _ = try await IncrementalBuildTests.expectCleanOutput(
                workspace, output: output, summary: summary, after: "an edit rendered by itself")
        }
        for step in 1...count {
            let before = try IncrementalBuildTests.tree(output)
            let files = try Self.siteFiles(workspace)
            let done = try Self.edit(workspace, using: &random)
            if done.hasPrefix("break ") {
                let path = String(done.dropFirst("break ".count))
                await #expect(throws: DiagnosticError.self) {
                    try await builder.build(changed: withPaths ? [workspace.url(path).path] : nil)
                }
                #expect(try IncrementalBuildTests.tree(output) == before, "a failed build changed the output")
                try workspace.write(
                    path, try workspace.read(path).replacingOccurrences(of: "title: [broken ", with: "title: "))
            }
            let after = try Self.siteFiles(workspace)
            let changed = Set(files.keys).union(after.keys).filter { files[$0] != after[$0] }
            let summary = try await builder.build(changed: withPaths ? changed : nil)
            let same = try await IncrementalBuildTests.expectCleanOutput(
                workspace, output: output, summary: summary, after: "seed \(seed), step \(step): \(done)")
            if !same { break }
        }
    }
}
