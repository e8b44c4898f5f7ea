import Foundation
import Testing

/// `lede build --watch` (and `lede serve`, which starts the same way) watches the site before
/// its first build: a save made while a large site's first build runs is built after it
/// (new-user trial: the save was lost until the next one).
@Suite(.serialized) struct WatchStartTests {
    @Test func aSaveDuringTheFirstBuildIsBuiltAfterIt() throws {
        try withSiteCopy { site in
            // Enough articles that the first build takes a while in a debug build.
            for index in 0..<400 {
                try Data(
                    "---\ntitle: \"Article \(index)\"\n---\nAn article about deportation and asylum, number \(index).\n"
                        .utf8
                ).write(to: site.appendingPathComponent("Content/post-\(index).md"))
            }
            let process = Process()
            process.executableURL = ledeBinary
            process.arguments = ["build", site.path, "--watch"]
            let out = Pipe()
            process.standardOutput = out
            process.standardError = FileHandle.nullDevice
            try process.run()
            defer { if process.isRunning { process.terminate() } }
            // Saved as soon as the first build has begun reading (its output folder is not
            // written before the build ends).
            Thread.sleep(forTimeInterval: 0.3)
            let article = site.appendingPathComponent("Content/post-7.md")
            try Data("---\ntitle: \"Article 7\"\n---\nSaved during the first build.\n".utf8).write(to: article)
            let page = site.appendingPathComponent("Output/post-7/index.html")
            let deadline = Date().addingTimeInterval(60)
            var shown = false
            while Date() < deadline, !shown {
                Thread.sleep(forTimeInterval: 0.2)
                shown =
                    (try? String(contentsOf: page, encoding: .utf8))?.contains("Saved during the first build.") == true
            }
            #expect(shown, "the save made during the first build never reached Output/")
        }
    }
}
