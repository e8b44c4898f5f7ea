import Foundation
import LedeCore
import Testing

@testable import LedeBuilder

/// A one-off build writes each page into the spare folder as it renders it, rather than holding
/// every page in memory (``SiteBuild/make(cache:stored:writer:)``).
@Suite struct StreamedBuildTests {
    /// The site built whole in memory, every context made with the explainer's pages and kept
    /// with its page's HTML (as a preview's builder does), then written.
    private func builtInMemory(_ options: BuildOptions) throws {
        var cache = RenderCache()
        let site = try SiteBuild(options: options).make(cache: &cache)
        #expect(site.streamed.isEmpty)
        _ = try OutputWriter(destination: options.output, siteRoot: options.siteRoot).write(site, hashing: false)
    }

    /// Streamed (each plain page's context made as the page is rendered) and in memory, a site
    /// (stylesheets and scripts renamed, every page rewritten) is the same byte for byte,
    /// minified or not, with and without a base URL.
    @Test(
        arguments: [
            ("bundled", false, nil), ("bundled", true, "https://example.org/sub/"), ("plain", false, nil),
            ("plain", true, nil), ("other-explainer", false, "https://example.org/"), ("rtl-persian", false, nil),
        ] as [(String, Bool, String?)])
    func aStreamedBuildEqualsAnInMemoryOne(site: String, minify: Bool, baseURL: String?) async throws {
        try await withTemporaryFolder { folder in
            var streamedOptions = BuildOptions(
                siteRoot: site == "bundled" ? Fixtures.packageRoot : Fixtures.site(site),
                output: folder.appendingPathComponent("streamed"), baseURL: baseURL, minify: minify)
            streamedOptions.buildCache = false
            var oneOff = RenderCache(isEnabled: false)
            let writer = OutputWriter(destination: streamedOptions.output, siteRoot: streamedOptions.siteRoot)
            let built = try SiteBuild(options: streamedOptions).make(cache: &oneOff, writer: writer)
            // Every page was written as it was rendered.
            #expect(built.pageCount > 3)
            #expect(built.streamed.count == built.pageCount)
            #expect(built.files.keys.allSatisfy { built.streamed[$0] == nil })
            _ = try writer.write(built, hashing: false, into: built.spare)
            var memoryOptions = streamedOptions
            memoryOptions.output = folder.appendingPathComponent("memory")
            try builtInMemory(memoryOptions)
            let streamed = try files(in: streamedOptions.output)
            let inMemory = try files(in: memoryOptions.output)
            #expect(streamed.keys.sorted() == inMemory.keys.sorted())
            for (path, data) in inMemory where streamed[path] != data {
                Issue.record("\(path) differs")
            }
            #expect(
                OutputMark.files(in: streamedOptions.output.path) == OutputMark.files(in: memoryOptions.output.path))
        }
    }

    /// A page whose template fails while the other pages are being written leaves the output
    /// as it was; the spare's mark lists every file the build wrote into it.
    @Test func aTemplateFailingMidStreamLeavesTheOutputAsItWas() async throws {
        try await withTemporaryFolder { folder in
            let site = folder.appendingPathComponent("site")
            try FileManager.default.copyItem(at: Fixtures.invalidSite("template-fails-on-one-page"), to: site)
            let template = site.appendingPathComponent("Templates/broken.mustache")
            let broken = try Data(contentsOf: template)
            try Data("<title>{{page.title}}</title><h1>{{page.title}}</h1>\n".utf8).write(to: template)
            let output = site.appendingPathComponent("Output")
            try await build(site, into: output)
            let before = try files(in: output)
            #expect(before["about/index.html"] != nil)
            // A second good build, so that the spare holds a whole old site to overwrite.
            let index = site.appendingPathComponent("Content/index.md")
            try (try String(contentsOf: index, encoding: .utf8) + "\nOne more line.\n").write(
                to: index, atomically: true, encoding: .utf8)
            try await build(site, into: output)
            let good = try files(in: output)
            #expect(good != before)
            try broken.write(to: template)
            try (try String(contentsOf: index, encoding: .utf8) + "\nAnd another.\n").write(
                to: index, atomically: true, encoding: .utf8)
            var message = ""
            do {
                try await build(site, into: output)
            } catch let error as DiagnosticError {
                message = error.description
            }
            #expect(message.contains("missing key 'page.subtitle' in context while rendering Content/about.md"))
            #expect(try files(in: output) == good)
            #expect(OutputMark.files(in: output.path) == good.keys.sorted())
            let spare = site.appendingPathComponent(".Output.lede-spare")
            let inSpare = try files(in: spare)
            let listed = Set(OutputMark.files(in: spare.path) ?? [])
            #expect(Set(inSpare.keys).isSubset(of: listed))
            // The pages that rendered were written: the home page has the new line.
            #expect(text("index.html", in: spare).contains("And another."))
        }
    }
}
