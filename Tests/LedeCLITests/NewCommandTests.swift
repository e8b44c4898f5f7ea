import ArgumentParser
import Foundation
import LedeBuilder
import LedeCore
import Testing

@testable import LedeCLI

@Suite struct NewCommandTests {
    static let repository = URL(fileURLWithPath: #filePath).deletingLastPathComponent().deletingLastPathComponent()
        .deletingLastPathComponent()

    static func temporaryFolder() -> URL {
        FileManager.default.temporaryDirectory.appendingPathComponent("lede-new-\(UUID().uuidString)")
    }

    @Test func aNewSiteBuildsAndPassesTheChecks() async throws {
        let folder = Self.temporaryFolder()
        defer { try? FileManager.default.removeItem(at: folder) }
        let command = try NewCommand.parse([folder.path])
        try await command.run()

        let output = folder.appendingPathComponent("Output")
        let summary = try await SiteBuilder(options: BuildOptions(siteRoot: folder, strict: true)).build()
        #expect(summary.diagnostics.filter { $0.severity != .note }.map(\.description) == [])
        #expect(summary.pagesWritten == 8)

        var files: [String: Data] = [:]
        for path in try FileManager.default.subpathsOfDirectory(atPath: output.path) {
            var isFolder: ObjCBool = false
            let url = output.appendingPathComponent(path)
            if FileManager.default.fileExists(atPath: url.path, isDirectory: &isFolder), !isFolder.boolValue {
                files[path] = try Data(contentsOf: url)
            }
        }
        let problems = LinkChecker.check(
            files: files, publicFiles: [], basePath: "/explainers/new-story/", sourceOf: [:],
            baseURL: "https://example.org/explainers/new-story/")
        #expect(problems.map(\.description) == [])
        #expect(files.keys.contains { $0.hasPrefix("style.") && $0.hasSuffix(".css") })
        let seed = try String(contentsOf: folder.appendingPathComponent("seeds/example.txt"), encoding: .utf8)
        #expect(seed.split(separator: "\n").count == 3)
        // The built site and Lede's spare folder stay out of git.
        let ignore = try String(contentsOf: folder.appendingPathComponent(".gitignore"), encoding: .utf8)
        #expect(ignore == "Output/\n.*.lede-*\n")
    }

    /// `lede new` says what to edit first and how to preview.
    @Test func theBinaryPrintsTheFirstSteps() throws {
        let parent = Self.temporaryFolder()
        try FileManager.default.createDirectory(at: parent, withIntermediateDirectories: true)
        defer { try? FileManager.default.removeItem(at: parent) }
        let result = try runLede(["new", "my-explainer"], in: parent)
        #expect(result.status == 0)
        #expect(result.stderr == "")
        #expect(
            result.stdout == """
                Created a new explainer in my-explainer. First steps:
                  1. Put the source report in my-explainer/seeds/ as NAME.txt (one paragraph per line), and delete
                     seeds/example.txt and seeds/example.yaml.
                  2. Edit Content/_site.yaml: title, base_url, author, publisher, report_error_url.
                  3. Preview: cd my-explainer && lede serve, then open the address it prints. Every save rebuilds.
                  4. Replace the placeholder pages in Content/, citing the report as [¶1](seed:p1).
                     lede check lists what is left to fix.
                  5. Before publishing, run lede accept and commit seeds/NAME.lock with the content: it records
                     the text each citation was checked against, so a revised report can be compared with it.

                """)
        #expect(FileManager.default.fileExists(atPath: parent.appendingPathComponent("my-explainer/.gitignore").path))
    }

    /// Deleting the example seed's text but not its metadata is reported by the build (and
    /// fails `lede check`); `background: true` without references is a warning too.
    @Test func leftoverSeedMetadataAndBareBackgroundAreWarnings() async throws {
        let folder = Self.temporaryFolder()
        defer { try? FileManager.default.removeItem(at: folder) }
        try Scaffold.write(to: folder)
        try Data("title: \"Notes\"\n".utf8).write(to: folder.appendingPathComponent("seeds/notes.yaml"))
        let term = folder.appendingPathComponent("Content/glossary/placeholder-term.md")
        let text = try String(contentsOf: term, encoding: .utf8)
        let bare = text.replacingOccurrences(of: "\nreferences:", with: "\nunused_references:")
        try #require(bare != text)
        try Data(bare.utf8).write(to: term)
        let summary = try await SiteBuilder(options: BuildOptions(siteRoot: folder)).build()
        let warnings = summary.diagnostics.filter { $0.severity == .warning }.map(\.description)
        #expect(
            warnings == [
                "seeds/notes.yaml: warning: no seeds/notes.txt beside this file: it describes no source document and is ignored (add the text or delete the file)",
                "Content/glossary/placeholder-term.md:4:13: warning: general background without a reference: add references: [{title, url}] so readers can check the definition",
            ])
    }

    @Test func aNonEmptyFolderIsRefused() async throws {
        let folder = Self.temporaryFolder()
        defer { try? FileManager.default.removeItem(at: folder) }
        try FileManager.default.createDirectory(at: folder, withIntermediateDirectories: true)
        try Data("keep".utf8).write(to: folder.appendingPathComponent("notes.txt"))
        #expect(throws: ScaffoldError.self) { try Scaffold.write(to: folder) }
        #expect(try FileManager.default.contentsOfDirectory(atPath: folder.path) == ["notes.txt"])
    }

    /// Scaffold.swift is generated from Templates/ and Public/ by Tests/Tools/make-scaffold.py;
    /// this fails when the theme changed and the script was not run again.
    @Test func theScaffoldThemeIsTheRepositoryTheme() throws {
        var theme: [String: String] = [:]
        for folder in ["Templates", "Public"] {
            let base = Self.repository.appendingPathComponent(folder)
            for path in try FileManager.default.subpathsOfDirectory(atPath: base.path) {
                var isFolder: ObjCBool = false
                let url = base.appendingPathComponent(path)
                guard FileManager.default.fileExists(atPath: url.path, isDirectory: &isFolder), !isFolder.boolValue
                else { continue }
                theme["\(folder)/\(path)"] = try String(contentsOf: url, encoding: .utf8)
            }
        }
        #expect(Set(Scaffold.theme.keys) == Set(theme.keys), "run python3 Tests/Tools/make-scaffold.py")
        for (path, text) in theme {
            #expect(Scaffold.theme[path] == text, "\(path) differs: run python3 Tests/Tools/make-scaffold.py")
        }
    }

    /// `lede serve` shows a placeholder when its first build fails; the fixed site then builds
    /// over it (the placeholder is marked as Lede's, so the output guard accepts the folder).
    @Test func aBuildReplacesThePreviewPlaceholder() async throws {
        let folder = Self.temporaryFolder()
        defer { try? FileManager.default.removeItem(at: folder) }
        try await NewCommand.parse([folder.path]).run()
        let output = folder.appendingPathComponent("preview")
        PreviewPlaceholder.writeIfMissing(in: output)
        let summary = try await SiteBuilder(options: BuildOptions(siteRoot: folder, output: output)).build()
        #expect(summary.pagesWritten == 8)
        #expect(try String(contentsOf: output.appendingPathComponent("index.html"), encoding: .utf8).contains("<h1"))
    }
}
