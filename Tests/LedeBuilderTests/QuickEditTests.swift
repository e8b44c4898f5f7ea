import Foundation
import LedeCore
import Testing

@testable import LedeBuilder

/// A preview edit to one article's text alone is rendered by itself; anything that may change
/// more takes the whole incremental build. Either way the output is a clean build's.
@Suite struct QuickEditTests {
    typealias Workspace = IncrementalBuildTests.Workspace

    static func setUp() async throws -> (Workspace, SiteBuilder, URL) {
        let workspace = try Workspace()
        try RandomEditTests.addArticles(workspace)
        let output = workspace.root.appendingPathComponent("Output")
        let builder = SiteBuilder(options: BuildOptions(siteRoot: workspace.site, output: output), incremental: true)
        _ = try await builder.build()
        return (workspace, builder, output)
    }

    static func append(_ workspace: Workspace, _ path: String, _ text: String) throws {
        try workspace.write(path, try workspace.read(path) + text)
    }

    @Test func anEditToAnArticlesTextIsRenderedAlone() async throws {
        let (workspace, builder, output) = try await Self.setUp()
        let path = "Content/posts/post-5.md"
        try Self.append(workspace, path, "\nA new paragraph, with [a missing page](/nowhere/).\n")
        let summary = try await builder.build(changed: [workspace.url(path).path])
        #expect(summary.renderedAlone)
        #expect(summary.pagesRendered == 1)
        #expect(summary.changedPaths == ["posts/post-5/index.html"])
        #expect(
            summary.diagnostics.map(\.description).contains(
                "Content/posts/post-5.md:11:23: warning: broken link '/explainers/iran-deportations/nowhere/' in posts/post-5/index.html"
            ))
        try await IncrementalBuildTests.expectCleanOutput(
            workspace, output: output, summary: summary, after: "an edit to an article's text")
    }

    /// A quick edit writes into the output as a whole build does: not while another build of
    /// the same output (`lede build` beside `lede serve`) holds its lock.
    @Test func anEditWaitsForAnotherBuildIntoTheOutput() async throws {
        let (workspace, builder, output) = try await Self.setUp()
        let path = "Content/posts/post-5.md"
        try Self.append(workspace, path, "\nA paragraph written while another build runs.\n")
        let page = output.appendingPathComponent("posts/post-5/index.html")
        var other: OutputLock? = try OutputLock(beside: output) { Issue.record("the test's lock waited") }
        _ = other
        let edit = Task { try await builder.build(changed: [workspace.url(path).path]) }
        // Long enough for the edit to be written, were it not waiting.
        try await Task.sleep(for: .milliseconds(400))
        #expect(!(try String(contentsOf: page, encoding: .utf8)).contains("while another build runs"))
        other = nil
        let summary = try await edit.value
        #expect(summary.renderedAlone)
        #expect(try String(contentsOf: page, encoding: .utf8).contains("while another build runs"))
    }

    /// Edits that may change other pages, and why.
    static let wholeBuilds: [(String, String, String)] = [
        ("Content/posts/post-4.md", "## Background", "## Context"),  // its ids: links to it
        ("Content/posts/post-2.md", "An article", "A cited article"),  // it cites: claims
        ("Content/posts/post-6.md", "title: \"Article 6\"", "title: \"Six\""),  // its title
        ("Content/posts/post-5.md", "An article about", "An article about sanctions and"),  // its terms
    ]

    @Test(arguments: 0..<4) func anEditThatMayChangeMoreIsAWholeBuild(_ index: Int) async throws {
        let (workspace, builder, output) = try await Self.setUp()
        let (path, old, new) = Self.wholeBuilds[index]
        try workspace.replace(path, old, with: new)
        let summary = try await builder.build(changed: [workspace.url(path).path])
        #expect(!summary.renderedAlone, "\(path): \(new)")
        try await IncrementalBuildTests.expectCleanOutput(workspace, output: output, summary: summary, after: new)
    }

    /// Appends a line to one article and rebuilds it alone; returns its path and its text before.
    static func editAlone(_ workspace: Workspace, _ builder: SiteBuilder) async throws -> (String, String) {
        let path = "Content/posts/post-5.md"
        let original = try workspace.read(path)
        try append(workspace, path, "\nA line taken back later.\n")
        #expect(try await builder.build(changed: [workspace.url(path).path]).renderedAlone)
        return (path, original)
    }

    /// An article edited alone, then put back as it was in a save that also changes another
    /// article (a whole build): the whole build must not take its cached page (the one before
    /// the edit) for what is on disk (new-user trial: the edited page stayed in preview).
    @Test func anArticlePutBackInAWholeBuildIsWrittenAgain() async throws {
        let (workspace, builder, output) = try await Self.setUp()
        let (path, original) = try await Self.editAlone(workspace, builder)
        try workspace.write(path, original)
        let other = "Content/posts/post-6.md"
        try Self.append(workspace, other, "\nAnother line.\n")
        let summary = try await builder.build(changed: [workspace.url(path).path, workspace.url(other).path])
        #expect(!summary.renderedAlone)
        #expect(summary.changedPaths.contains("posts/post-5/index.html"))
        try await IncrementalBuildTests.expectCleanOutput(
            workspace, output: output, summary: summary, after: "an article put back in a whole build")
    }

    /// The same, with a failed build between the edit and the whole build.
    @Test func anArticlePutBackAfterAFailedBuildIsWrittenAgain() async throws {
        let (workspace, builder, output) = try await Self.setUp()
        let (path, original) = try await Self.editAlone(workspace, builder)
        let broken = "Content/posts/post-6.md"
        let intact = try workspace.read(broken)
        try workspace.replace(broken, "title: ", with: "title: [broken ")
        await #expect(throws: DiagnosticError.self) { try await builder.build(changed: [workspace.url(broken).path]) }
        try workspace.write(broken, intact)
        try workspace.write(path, original)
        let summary = try await builder.build(changed: [workspace.url(path).path, workspace.url(broken).path])
        try await IncrementalBuildTests.expectCleanOutput(
            workspace, output: output, summary: summary, after: "an article put back after a failed build")
    }

    @Test func afterAFailedBuildTheNextOneIsWhole() async throws {
        let (workspace, builder, _) = try await Self.setUp()
        let broken = "Content/posts/post-6.md"
        try workspace.replace(broken, "title: ", with: "title: [broken ")
        await #expect(throws: DiagnosticError.self) { try await builder.build(changed: [workspace.url(broken).path]) }
        // Only post-5 is reported changed now, but post-6 is still broken: a build of post-5
        // alone would hide the error.
        let path = "Content/posts/post-5.md"
        try Self.append(workspace, path, "\nOne more line.\n")
        await #expect(throws: DiagnosticError.self) { try await builder.build(changed: [workspace.url(path).path]) }
    }

    @Test func anEditorsBackupBesideTheArticleIsNeitherReadNorPublished() async throws {
        let (workspace, builder, output) = try await Self.setUp()
        let path = "Content/posts/post-5.md"
        let draft = try workspace.read(path)
        try workspace.write(path + "~", draft)
        try workspace.write("Content/posts/#post-5.md#", draft + "\nAn autosaved draft.\n")
        try Self.append(workspace, path, "\nOne more line.\n")
        let summary = try await builder.build(
            changed: [workspace.url(path).path, workspace.url(path + "~").path])
        #expect(summary.renderedAlone)
        #expect(!FileManager.default.fileExists(atPath: output.appendingPathComponent("posts/post-5.md~").path))
        try await IncrementalBuildTests.expectCleanOutput(
            workspace, output: output, summary: summary, after: "a save with a backup file")
        let clean = try IncrementalBuildTests.tree(output)
        #expect(clean.keys.filter { $0.hasSuffix("~") || $0.hasSuffix("#") }.isEmpty)
    }

    @Test func aTemplateEditThatKeepsItsSizeIsSeen() async throws {
        let (workspace, builder, output) = try await Self.setUp()
        let template = "Templates/page.mustache"
        let text = try workspace.read(template)
        // Far enough into the file that a hash of its first bytes would not see it.
        let offset = try #require(text.range(of: "<div class=\"prose\">")).lowerBound.utf16Offset(in: text)
        #expect(offset > 100)
        try workspace.replace(template, "<div class=\"prose\">", with: "<div class=\"prosE\">")
        #expect(try workspace.read(template).utf8.count == text.utf8.count)
        let summary = try await builder.build(changed: [workspace.url(template).path])
        let html = try String(
            contentsOf: output.appendingPathComponent("posts/post-5/index.html"), encoding: .utf8)
        #expect(html.contains("<div class=\"prosE\">"))
        try await IncrementalBuildTests.expectCleanOutput(
            workspace, output: output, summary: summary, after: "a same-size template edit")
    }

    @Test func anArticleThatIsALinkToTheEditedOneIsRebuiltToo() async throws {
        let workspace = try Workspace()
        try RandomEditTests.addArticles(workspace)
        try FileManager.default.createSymbolicLink(
            atPath: workspace.url("Content/posts/alias.md").path, withDestinationPath: "post-5.md")
        let output = workspace.root.appendingPathComponent("Output")
        let builder = SiteBuilder(options: BuildOptions(siteRoot: workspace.site, output: output), incremental: true)
        _ = try await builder.build()
        let path = "Content/posts/post-5.md"
        try Self.append(workspace, path, "\nOne more line.\n")
        let summary = try await builder.build(changed: [workspace.url(path).path])
        #expect(!summary.renderedAlone)
        let alias = try String(
            contentsOf: output.appendingPathComponent("posts/alias/index.html"), encoding: .utf8)
        #expect(alias.contains("One more line."))
        try await IncrementalBuildTests.expectCleanOutput(
            workspace, output: output, summary: summary, after: "an edit to an article another links to")
    }
}
