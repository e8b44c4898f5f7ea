import ArgumentParser
import Foundation
import LedeBuilder
import LedeCore
import LedePreview

/// `lede serve`: builds the site, serves it on loopback and rebuilds on every change.
struct ServeCommand: AsyncParsableCommand {
    static let configuration = CommandConfiguration(
        commandName: "serve",
        abstract: "Preview the site with live reload.",
        discussion: """
            Builds the site into a preview folder (a temporary folder unless --output is given; \
            Output/ is left alone), serves it on http://127.0.0.1:1111/, and rebuilds whenever a \
            file in Content/, Templates/, Public/ or seeds/ changes. Open pages reload when the \
            rebuild is complete; a build error is shown over the page until it is fixed.
            """
    )

    @OptionGroup var site: SiteOptions

    @Option(name: .long, help: "The port to listen on (0 picks a free one).")
    var port: Int = 1111

    @Option(
        name: .long,
        help: "The address to listen on. Anything but loopback makes the preview reachable from the network.")
    var host: String = "127.0.0.1"

    @Flag(name: .long, help: "Poll for changes instead of using inotify (network and container file systems).")
    var poll = false

    func run() async throws {
        var options = site.buildOptions()
        if site.output == nil {
            options.output = FileManager.default.temporaryDirectory
                .appendingPathComponent("lede-preview-\(ProcessInfo.processInfo.processIdentifier)")
        }
        let displayHost = host.contains(":") ? "[\(host)]" : host
        if site.baseURL == nil { options.baseURL = "http://\(displayHost):\(port == 0 ? 80 : port)/" }
        if !PreviewServer.isLoopback(host) {
            Console.error("lede: warning: serving on \(host): the preview is reachable from the network")
        }
        let liveReload = LiveReload()
        let output = options.output
        let loop = RebuildLoop(builder: SiteBuilder(options: options, incremental: true)) { result in
            RebuildPrinter.print(result)
            switch result {
            case .success(let summary): liveReload.siteRebuilt(changedPaths: summary.changedPaths)
            case .failure(let error):
                PreviewPlaceholder.writeIfMissing(in: output)
                liveReload.buildFailed(error.description.split(separator: "\n").map(String.init))
            }
        }
        await loop.buildNow()
        let watcher = FileWatcher(paths: WatchedPaths.of(site: options.siteRoot), usePolling: poll) { _ in
            Task { await loop.trigger() }
        }
        try watcher.start()
        defer { watcher.stop() }
        let siteRoot = options.siteRoot
        let server = PreviewServer(root: output, host: host, port: port, liveReload: liveReload)
        try await server.run { bound in
            Console.info("Serving \(siteRoot.path) at http://\(displayHost):\(bound)/ (Ctrl-C to stop)")
        }
        if site.output == nil { try? FileManager.default.removeItem(at: output) }
    }
}

/// A page to serve when the very first build failed, so the browser has something that
/// listens for the next successful build.
enum PreviewPlaceholder {
    static func writeIfMissing(in folder: URL) {
        let index = folder.appendingPathComponent("index.html")
        guard !FileManager.default.fileExists(atPath: index.path) else { return }
        try? FileManager.default.createDirectory(at: folder, withIntermediateDirectories: true)
        let html = """
            <!doctype html><html lang="en"><head><meta charset="utf-8"><title>Build failed</title></head>
            <body><main><h1>The site did not build</h1><p>Fix the errors shown in the terminal; this page reloads when the build succeeds.</p></main></body></html>

            """
        try? Data(html.utf8).write(to: index)
    }
}
