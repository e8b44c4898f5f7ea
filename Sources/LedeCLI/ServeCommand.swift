import ArgumentParser
import Foundation
import LedeBuilder
import LedeContent
import LedeCore
import LedePreview

/// `lede serve`: builds the site, serves it on loopback and rebuilds on every change.
struct ServeCommand: AsyncParsableCommand {
    static let configuration = CommandConfiguration(
        commandName: "serve",
        abstract: "Preview the site with live reload.",
        discussion: """
            Builds the site into a preview folder (a temporary folder unless --output is given; \
            Output/ is left alone), serves it on http://127.0.0.1:1111/ under the path of base_url \
            (/explainers/x/, where / redirects), and rebuilds whenever a file in Content/, \
            Templates/, Public/ or seeds/ changes (an edited base_url moves the preview to its new \
            path). Open pages reload when the rebuild is complete; a build error is shown over the \
            page until it is fixed, and a build's warnings in a panel at its foot. A --base-url or --output it cannot use, or a port in use, ends \
            it before the first build.
            """
    )

    @OptionGroup var site: SiteOptions<Self>

    // `.unconditional`: `--port -1` is a port to refuse with a clear message, not a missing
    // value followed by an unknown option `-1`.
    @Option(
        name: .long, parsing: .unconditional,
        help: "The port to listen on, 1 to 65535, or 0 for any free one. (default: 1111)",
        transform: ServeCommand.port(from:))
    var port: Int = 1111

    @Option(
        name: .long,
        help: "The address to listen on. Anything but loopback makes the preview reachable from the network.")
    var host: String = "127.0.0.1"

    @Flag(name: .long, help: "Poll for changes instead of using inotify (network and container file systems).")
    var poll = false

    /// A port as written on the command line, checked against ``PreviewServer/validPorts``.
    static func port(from text: String) throws -> Int {
        guard let port = Int(text), PreviewServer.validPorts.contains(port) else {
            // ArgumentParser prefixes "The value '99999' is invalid for '--port <port>': ".
            throw ValidationError(PreviewServer.validPortsAdvice)
        }
        return port
    }

    func run() async throws {
        var options = site.buildOptions()
        // The whole preview folder goes on every way out (errors thrown included): the builder
        // keeps its swap folder and file lists beside the output, inside it.
        let previewFolder = site.output == nil ? try PreviewFolder() : nil
        defer { previewFolder?.remove() }
        if let previewFolder { options.output = previewFolder.url.appendingPathComponent("site") }
        // What no edit of the site can fix ends the command before the first build, as in
        // `lede build`: a bad --base-url or --output, a port in use.
        do {
            try options.checkBeforeBuilding()
        } catch let error as DiagnosticError {
            Console.error(error.description)
            throw ExitCode.failure
        }
        // The site's absolute URLs carry the port, so --port 0 is resolved before the build.
        let port = self.port == 0 ? PreviewServer.freePort(on: host) ?? 0 : self.port
        if self.port != 0, PreviewServer.isInUse(port: port, on: host) {
            throw Self.failure(PreviewError(.portInUse(host: host, port: port)))
        }
        let displayHost = host.contains(":") ? "[\(host)]" : host
        let origin = "http://\(displayHost):\(port == 0 ? 80 : port)"
        if !PreviewServer.isLoopback(host) {
            Console.error("lede: warning: serving on \(host): the preview is reachable from the network")
        }
        let startPath =
            site.baseURL.map { (try? SiteConfig.parts(ofBaseURLOption: $0).path) ?? "/" }
            ?? Self.configBasePath(siteRoot: options.siteRoot) ?? "/"
        let settings = options
        let makeBuilder: @Sendable (String) -> SiteBuilder = { path in
            var options = settings
            if settings.baseURL == nil { options.baseURL = origin + path }
            return SiteBuilder(options: options, incremental: true)
        }
        let served = PreviewBasePath(startPath)
        // --base-url fixes the path; otherwise the preview follows edits of base_url.
        let follower = site.baseURL == nil ? BasePathFollower(siteRoot: options.siteRoot, path: startPath) : nil
        let liveReload = LiveReload()
        let output = options.output
        let hasGoodSite = Locked(false)
        let loop = RebuildLoop(
            builder: makeBuilder(startPath), replacement: { follower?.changedPath().map(makeBuilder) }
        ) { result in
            let good = hasGoodSite.withLock { $0 }
            RebuildPrinter.print(
                result,
                failure: good
                    ? "lede: build failed; still serving the last good site"
                    : "lede: build failed; the preview shows a page that says so until a build succeeds")
            switch result {
            case .success(let summary):
                hasGoodSite.withLock { $0 = true }
                if let (old, new) = follower?.built() {
                    let before = served.current
                    served.move(to: new)
                    Console.info(
                        "base_url's path changed from \(old) to \(new): serving at \(origin)\(served.current) now "
                            + "(\(before) redirects there)")
                }
                liveReload.siteRebuilt(
                    changedPaths: summary.changedPaths,
                    warnings: summary.diagnostics.filter { $0.severity == .warning }.map(\.description))
            case .failure(let error):
                PreviewPlaceholder.writeIfMissing(in: output)
                // The errors first: after a seed revision they would sit among dozens of warnings.
                let shown =
                    error.diagnostics.filter { $0.severity == .error }
                    + error.diagnostics.filter { $0.severity == .warning }
                liveReload.buildFailed(shown.flatMap { $0.description.split(separator: "\n").map(String.init) })
            }
        }
        // Watching starts before the first build: a save during it (on a large site, when an
        // author starts editing) is built after it (new-user trial: it was lost).
        let watcher = FileWatcher(paths: WatchedPaths.of(site: options.siteRoot), usePolling: poll) { paths in
            Task { await loop.trigger(paths: paths) }
        }
        do {
            try watcher.start()
        } catch let error as PreviewError {
            throw Self.failure(error)
        }
        defer { watcher.stop() }
        await loop.buildNow()
        let siteRoot = options.siteRoot
        var server = PreviewServer(root: output, host: host, port: port, liveReload: liveReload)
        server.sitePath = served
        do {
            try await server.run { bound in
                Console.info(
                    "Serving \(siteRoot.path) at http://\(displayHost):\(bound)\(served.current) (Ctrl-C to stop)")
                Console.info(
                    "Live reload is on: open pages reload after each rebuild and show build errors over the page, "
                        + "warnings at its foot")
            }
        } catch let error as PreviewError {
            throw Self.failure(error)
        }
    }

    /// Prints `lede: error: …` for a problem of the preview itself, to exit with.
    private static func failure(_ error: PreviewError) -> ExitCode {
        Console.error("lede: error: \(error.description)")
        return .failure
    }

    /// The path of the config's `base_url` (`/explainers/x/`), which the preview serves the
    /// site under; `nil` when the config cannot be read (the build then reports why).
    static func configBasePath(siteRoot: URL) -> String? {
        let path = SiteConfig.path
        guard let text = try? String(contentsOf: siteRoot.appendingPathComponent(path), encoding: .utf8),
            let node = try? DataReader.parse(text, at: SourceLocation(path: path, line: 1, column: 1)),
            let config = try? SiteConfig(from: node)
        else { return nil }
        return config.basePath
    }
}

/// The temporary folder `lede serve` builds into when no `--output` is given.
///
/// Each run gets a new folder, `TMPDIR/lede-preview-RANDOM`, holding the built site and the
/// builder's swap folder and file lists, so removing it removes everything the run made. The
/// run holds a lock on the folder's `.lock` file; the kernel releases it however the process
/// ends, so a folder left by a run that could not clean up (killed, or crashed) is recognised
/// and removed by the next run.
struct PreviewFolder {
    static let prefix = "lede-preview-"
    static let lockName = ".lock"

    /// The folder.
    let url: URL
    /// The open, locked `.lock` file.
    private let lock: Int32

    /// Creates a new, empty preview folder, after removing those of runs that are gone.
    init() throws {
        let base = FileManager.default.temporaryDirectory
        Self.removeAbandoned(in: base)
        url = base.appendingPathComponent(Self.prefix + UUID().uuidString)
        // Not intermediate: fails rather than reuse a folder that already exists.
        try FileManager.default.createDirectory(at: url, withIntermediateDirectories: false)
        lock = open(url.appendingPathComponent(Self.lockName).path, O_CREAT | O_RDWR | O_CLOEXEC, 0o600)
        guard lock >= 0, flock(lock, LOCK_EX | LOCK_NB) == 0 else {
            if lock >= 0 { close(lock) }
            try? FileManager.default.removeItem(at: url)
            throw CocoaError(.fileWriteUnknown, userInfo: [NSFilePathErrorKey: url.path])
        }
    }

    /// Removes the folder and releases its lock.
    func remove() {
        try? FileManager.default.removeItem(at: url)
        close(lock)
    }

    /// Removes `lede-preview-…` folders whose `.lock` no process holds.
    static func removeAbandoned(in base: URL) {
        let names = (try? FileManager.default.contentsOfDirectory(atPath: base.path)) ?? []
        for name in names where name.hasPrefix(prefix) {
            let folder = base.appendingPathComponent(name)
            let fd = open(folder.appendingPathComponent(lockName).path, O_RDWR | O_CLOEXEC | O_NOFOLLOW)
            guard fd >= 0 else { continue }  // not ours, or not a folder
            defer { close(fd) }
            if flock(fd, LOCK_EX | LOCK_NB) == 0 { try? FileManager.default.removeItem(at: folder) }
        }
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
        // The page is Lede's: marked, so that the next build may replace the folder.
        try? OutputMark.write(["index.html"], in: folder.path)
    }
}
