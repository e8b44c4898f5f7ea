import Foundation
import LedeCore
import Testing

@testable import LedeBuilder

/// Issue 8: no `--output` and no file name can move or delete an author's files.
@Suite struct OutputSafetyTests {
    /// A copy of the plain fixture in a temporary folder: `parent/site`.
    private func withSite<T>(_ body: (_ parent: URL, _ site: URL) async throws -> T) async throws -> T {
        try await withTemporaryFolder { parent in
            let site = parent.appendingPathComponent("site")
            try FileManager.default.copyItem(at: Fixtures.site("plain"), to: site)
            return try await body(parent, site)
        }
    }

    /// Every file under the site, by path: what must stay byte for byte.
    private func sources(of site: URL) throws -> [String: Data] {
        try files(in: site).filter { !$0.key.hasPrefix("Output/") && !$0.key.hasPrefix(".Output.lede-spare/") }
    }

    private func refusal(_ site: URL, output: URL, force: Bool = false) async throws -> String {
        var options = BuildOptions(siteRoot: site, output: output)
        options.force = force
        do {
            _ = try await SiteBuilder(options: options).build()
        } catch let error as DiagnosticError {
            return error.description
        }
        return "built"
    }

    @Test(arguments: [
        (".", "it is the site folder itself (the output replaces the folder it is written to)"),
        ("..", "it contains the site folder SITE (the output replaces the folder it is written to)"),
        ("Content", "it is inside the site's Content/ folder, which holds the site's sources"),
        ("Content/posts", "it is inside the site's Content/ folder, which holds the site's sources"),
        ("Templates", "it is inside the site's Templates/ folder, which holds the site's sources"),
        ("Public/out", "it is inside the site's Public/ folder, which holds the site's sources"),
        ("seeds", "it is inside the site's seeds/ folder, which holds the site's sources"),
    ])
    func refusesOutputsThatHoldOrSitInTheSources(output: String, why: String) async throws {
        try await withSite { _, site in
            try FileManager.default.createDirectory(
                at: site.appendingPathComponent("Public/out"), withIntermediateDirectories: true)
            try FileManager.default.createDirectory(
                at: site.appendingPathComponent("seeds"), withIntermediateDirectories: true)
            let before = try sources(of: site)
            let target = site.appendingPathComponent(output).standardizedFileURL
            let realSite = FileSystem.realPath(site.path) ?? site.path
            let realTarget = OutputGuard.realLocation(of: target.path)
            let message = try await refusal(site, output: target, force: true)
            #expect(
                message
                    == "lede: error: refusing to write the site to \(target.path): "
                    + why.replacingOccurrences(of: "SITE", with: realSite))
            #expect(realTarget.hasPrefix("/"))
            #expect(try sources(of: site) == before)
        }
    }

    @Test func refusesTheRootAndTheHomeFolder() throws {
        #expect(throws: DiagnosticError.self) { try OutputGuard.check(output: "/", siteRoot: "/srv/site", force: true) }
        let home = FileManager.default.temporaryDirectory.appendingPathComponent("lede-home-\(UUID().uuidString)")
        try FileManager.default.createDirectory(at: home, withIntermediateDirectories: true)
        defer { try? FileManager.default.removeItem(at: home) }
        let realHome = FileSystem.realPath(home.path) ?? home.path
        do {
            try OutputGuard.check(output: home.path, siteRoot: "/srv/site", force: true, home: home.path)
            Issue.record("the home folder was accepted")
        } catch let error as DiagnosticError {
            #expect(
                error.description == "lede: error: refusing to write the site to \(home.path): it is the home folder")
        }
        do {
            try OutputGuard.check(
                output: PathText.parent(of: home.path), siteRoot: "/srv/site", force: true, home: home.path)
            Issue.record("a folder containing the home folder was accepted")
        } catch let error as DiagnosticError {
            #expect(error.description.hasSuffix("it contains the home folder \(realHome)"))
        }
    }

    @Test func refusesAFileAndASymbolicLink() async throws {
        try await withSite { parent, site in
            let file = parent.appendingPathComponent("notes.txt")
            try Data("mine\n".utf8).write(to: file)
            #expect(
                try await refusal(site, output: file, force: true)
                    == "lede: error: refusing to write the site to \(file.path): it is a file, not a folder")
            #expect(try Data(contentsOf: file) == Data("mine\n".utf8))

            let target = parent.appendingPathComponent("elsewhere")
            try FileManager.default.createDirectory(at: target, withIntermediateDirectories: true)
            try Data("keep\n".utf8).write(to: target.appendingPathComponent("index.html"))
            let link = parent.appendingPathComponent("link")
            try FileManager.default.createSymbolicLink(at: link, withDestinationURL: target)
            #expect(
                try await refusal(site, output: link, force: true)
                    == "lede: error: refusing to write the site to \(link.path): it is a symbolic link; "
                    + "give the folder it points to, or a new folder")
            #expect(try files(in: target) == ["index.html": Data("keep\n".utf8)])
        }
    }

    @Test func refusesAFolderLedeDidNotMakeUnlessForced() async throws {
        try await withSite { _, site in
            let docs = site.appendingPathComponent("docs")
            try FileManager.default.createDirectory(at: docs, withIntermediateDirectories: true)
            try Data("example.org\n".utf8).write(to: docs.appendingPathComponent("CNAME"))
            #expect(
                try await refusal(site, output: docs)
                    == "lede: error: refusing to write the site to \(docs.path): it holds files Lede did not write "
                    + "('CNAME'); Lede replaces everything in its output folder, so it writes only to a new or empty "
                    + "folder or one it made; choose another folder, or pass --force to let Lede replace this "
                    + "folder's contents")
            #expect(try files(in: docs) == ["CNAME": Data("example.org\n".utf8)])
            // Twice, with --force: the folder is Lede's from then on, and the sources stay.
            let before = try sources(of: site).filter { !$0.key.hasPrefix("docs/") && !$0.key.hasPrefix(".docs") }
            #expect(try await refusal(site, output: docs, force: true) == "built")
            #expect(try await refusal(site, output: docs) == "built")
            #expect(FileManager.default.fileExists(atPath: docs.appendingPathComponent("index.html").path))
            #expect(OutputMark.isMarked(docs.path))
            let after = try sources(of: site).filter { !$0.key.hasPrefix("docs/") && !$0.key.hasPrefix(".docs") }
            #expect(after == before)
        }
    }

    @Test func acceptsAnEmptyFolderAndAFolderOfAnOlderLede() async throws {
        try await withSite { parent, site in
            let empty = parent.appendingPathComponent("empty")
            try FileManager.default.createDirectory(at: empty, withIntermediateDirectories: true)
            #expect(try await refusal(site, output: empty) == "built")
            let older = parent.appendingPathComponent("older")
            try FileManager.default.createDirectory(at: older, withIntermediateDirectories: true)
            try Data("old\n".utf8).write(to: older.appendingPathComponent("index.html"))
            try Data("index.html".utf8).write(to: parent.appendingPathComponent(".older.lede-files"))
            #expect(try await refusal(site, output: older) == "built")
        }
    }

    /// A damaged or forged list never reaches outside the spare folder.
    @Test func aForgedListDeletesNothingOutsideTheOutput() async throws {
        try await withSite { _, site in
            let output = site.appendingPathComponent("Output")
            try await build(site, into: output)
            try await build(site, into: output)
            let spare = site.appendingPathComponent(".Output.lede-spare")
            #expect(OutputMark.isMarked(spare.path))
            let before = try sources(of: site)
            try OutputMark.write(["index.html"], in: spare.path)
            var forged = try Data(contentsOf: spare.appendingPathComponent(OutputMark.fileName))
            forged.append(contentsOf: Array("../Content/index.md".utf8) + [0] + Array("/etc/hostname".utf8) + [0])
            try forged.write(to: spare.appendingPathComponent(OutputMark.fileName))
            #expect(OutputMark.files(in: spare.path) == nil)
            for _ in 0..<3 { try await build(site, into: output) }
            #expect(try sources(of: site) == before)
        }
    }

    @Test func aFileNameWithANewlineIsALocatedErrorAndDeletesNothing() async throws {
        try await withSite { _, site in
            let output = site.appendingPathComponent("Output")
            let odd = site.appendingPathComponent("Public/a\n..")
            try FileManager.default.createDirectory(at: odd, withIntermediateDirectories: true)
            try Data("x".utf8).write(to: odd.appendingPathComponent("x.txt"))
            let before = try sources(of: site)
            for _ in 0..<3 {
                let message = try await refusal(site, output: output)
                #expect(message.contains("error: the file name holds a control character (U+000A)"))
            }
            #expect(try sources(of: site) == before)
            try FileManager.default.removeItem(at: odd)
            #expect(try await refusal(site, output: output) == "built")
        }
    }

    /// One-character names once trapped in Foundation's path methods.
    @Test func oneCharacterNamesBuildAndDisappear() async throws {
        try await withSite { _, site in
            let output = site.appendingPathComponent("Output")
            try Data("x".utf8).write(to: site.appendingPathComponent("Public/x"))
            try FileManager.default.createDirectory(
                at: site.appendingPathComponent("Public/a"), withIntermediateDirectories: true)
            try Data("b".utf8).write(to: site.appendingPathComponent("Public/a/b.txt"))
            try await build(site, into: output)
            #expect(text("x", in: output) == "x")
            try FileManager.default.removeItem(at: site.appendingPathComponent("Public/a"))
            try await build(site, into: output)
            try await build(site, into: output)
            #expect(!FileManager.default.fileExists(atPath: output.appendingPathComponent("a").path))
            #expect(text("x", in: output) == "x")
        }
    }

    /// The swap exchanges the folders: the old site waits in the spare for the next build.
    @Test func theSwapKeepsTheOldSiteInTheSpare() async throws {
        try await withSite { _, site in
            let output = site.appendingPathComponent("Output")
            try await build(site, into: output)
            let first = try files(in: output)
            let page = site.appendingPathComponent("Content/index.md")
            let text = try String(contentsOf: page, encoding: .utf8)
            try (text + "\nA new closing line.\n").write(to: page, atomically: true, encoding: .utf8)
            try await build(site, into: output)
            let spare = site.appendingPathComponent(".Output.lede-spare")
            #expect(try files(in: spare) == first)
            #expect(try files(in: output) != first)
            #expect(OutputMark.files(in: spare.path) == first.keys.sorted())
        }
    }
}
