import Foundation
import Testing

/// The real `lede` binary, run as a user runs it.
@Suite(.serialized) struct EndToEndTests {
    init() throws {
        try #require(
            FileManager.default.isExecutableFile(atPath: ledeBinary.path),
            "build the binary first: swift build (expected at \(ledeBinary.path))")
    }

    @Test func buildsTheBundledSiteThenKeepsOutputOnError() throws {
        try withSiteCopy { site in
            let built = try runLede(["build", "."], in: site)
            #expect(built.status == 0, "\(built.stderr)")
            #expect(built.stdout.hasPrefix("Built "))
            #expect(built.stdout.contains(" pages and "))
            #expect(built.stdout.hasSuffix(" ms\n"))
            let output = site.appendingPathComponent("Output")
            let files = try snapshot(of: output)
            for path in [
                "index.html", "timeline/index.html", "glossary/index.html", "sourcing-notes/index.html",
                "sources/000_98aef5d54b25b39a/index.html", "updates/index.html", "updates/atom.xml", "timeline.json",
                "sitemap.xml", "robots.txt", "404.html",
            ] {
                #expect(files[path]?.isEmpty == false, "\(path)")
            }
            #expect(
                files.keys.contains { $0.hasPrefix("style.") && $0.hasSuffix(".css") }, "the fingerprinted stylesheet")
            // Live reload belongs to `lede serve` only: a built site never mentions it.
            let mentions = files.filter { String(decoding: $0.value, as: UTF8.self).contains("__lede") }.keys
            #expect(mentions.isEmpty, "\(mentions.sorted())")

            let about = site.appendingPathComponent("Content/about.md")
            try Data("---\ntitle: \"About\"\ndescription: [open\n---\nBody.\n".utf8).write(to: about)
            let broken = try runLede(["build", "."], in: site)
            #expect(broken.status != 0)
            #expect(broken.stdout == "")
            #expect(
                broken.stderr == """
                    Content/about.md:3:14: error: unclosed '[': this list has no closing ']'
                      caused by: libyaml: did not find expected ',' or ']' (while parsing a flow sequence) at 4:1
                    lede: build failed with 1 error; Output/ was not changed

                    """)
            #expect(try snapshot(of: output) == files)
        }
    }

    @Test func buildsIntoAnotherFolderWithAnotherBaseURL() throws {
        try withSiteCopy { site in
            let result = try runLede(
                ["build", site.path, "--output", "elsewhere", "--base-url", "https://x.example/"], in: site)
            #expect(result.status == 0, "\(result.stderr)")
            let robots = try String(contentsOf: site.appendingPathComponent("elsewhere/robots.txt"), encoding: .utf8)
            #expect(robots.hasSuffix("Sitemap: https://x.example/sitemap.xml\n"))
            #expect(!FileManager.default.fileExists(atPath: site.appendingPathComponent("Output").path))
        }
    }

    @Test func help() throws {
        let top = try runLede(["--help"], in: packageRoot)
        #expect(top.status == 0)
        #expect(top.stdout.contains("build"))
        let build = try runLede(["build", "--help"], in: packageRoot)
        #expect(build.status == 0)
        for option in ["--output", "--base-url", "--drafts", "--strict"] {
            #expect(build.stdout.contains(option), "\(option)")
        }
    }

    @Test func unknownOptionFails() throws {
        let result = try runLede(["build", "--nope"], in: packageRoot)
        #expect(result.status != 0)
        #expect(result.stderr.contains("--nope"))
    }

    @Test func aFolderThatIsNotASiteGetsOneClearError() throws {
        let empty = FileManager.default.temporaryDirectory.appendingPathComponent("lede-empty-\(UUID().uuidString)")
        try FileManager.default.createDirectory(at: empty, withIntermediateDirectories: true)
        defer { try? FileManager.default.removeItem(at: empty) }
        let result = try runLede(["build", empty.path], in: packageRoot)
        #expect(result.status == 1)
        #expect(
            result.stderr == """
                lede: error: no site at \(empty.standardizedFileURL.path): it has no Content/ folder (`lede new DIR` makes a new site)
                lede: build failed with 1 error; Output/ was not changed

                """)
        #expect(!FileManager.default.fileExists(atPath: empty.appendingPathComponent("Output").path))
    }

    /// `--output "$OUT"` with `OUT` unset once moved the whole site into a hidden folder.
    @Test func anEmptyOutputIsRefusedAndNothingMoves() throws {
        try withSiteCopy { site in
            let before = try snapshot(of: site)
            let result = try runLede(["build", ".", "--output", ""], in: site)
            #expect(result.status == 64)
            #expect(
                result.stderr.hasPrefix(
                    "Error: --output is an empty string (is a shell variable unset?); leave it out to write to SITE/Output\n"
                ))
            #expect(try snapshot(of: site) == before)
            let dot = try runLede(["build", ".", "--output", "."], in: site)
            #expect(dot.status == 1)
            #expect(dot.stderr.contains("it is the site folder itself"))
            #expect(try snapshot(of: site) == before)
        }
    }
}
