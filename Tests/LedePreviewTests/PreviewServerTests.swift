import Foundation
import LedeCore
import Testing

@testable import LedePreview

@Suite("Preview server")
struct PreviewServerTests {
    /// A small built site, plus a secret file next to it that must never be served.
    static func makeSite() throws -> (site: TemporaryFolder, outside: TemporaryFolder) {
        let site = try TemporaryFolder()
        let outside = try TemporaryFolder()
        try site.write("index.html", "<!doctype html><html><body><h1>Home</h1></body></html>")
        try site.write("guide/index.html", "<html><BODY><p>Guide</p></BODY></html>")
        try site.write("404.html", "<html><body><p>Lost page</p></body></html>")
        try site.write("empty/readme.txt", "no index here")
        for (name, text) in [
            ("style.css", "body{}"), ("app.js", "1"), ("data.json", "{}"), ("sitemap.xml", "<x/>"),
            ("logo.svg", "<svg/>"), ("a.png", "png"), ("b.jpg", "jpg"), ("c.webp", "webp"),
            ("favicon.ico", "ico"), ("robots.txt", "User-agent: *"), ("f.woff2", "font"),
            ("feed.atom", "<feed/>"),
        ] {
            try site.write(name, text)
        }
        try outside.write("secret.txt", "top secret")
        try FileManager.default.createSymbolicLink(atPath: site.file("inside.txt"), withDestinationPath: "robots.txt")
        try FileManager.default.createSymbolicLink(
            atPath: site.file("outside.txt"), withDestinationPath: outside.file("secret.txt"))
        try FileManager.default.createSymbolicLink(atPath: site.file("outdir"), withDestinationPath: outside.path)
        return (site, outside)
    }

    @Test("folders serve index.html; a folder without its slash redirects")
    func indexLookup() async throws {
        let (site, outside) = try Self.makeSite()
        defer { site.remove(); outside.remove() }
        try await withServer(root: site.url) { port in
            let home = try await RawHTTPClient.get("/", port: port)
            #expect(home.status == 200)
            #expect(home.text.contains("<h1>Home</h1>"))
            let guide = try await RawHTTPClient.get("/guide/", port: port)
            #expect(guide.status == 200)
            #expect(guide.text.contains("Guide"))
            let redirect = try await RawHTTPClient.get("/guide?x=1", port: port)
            #expect(redirect.status == 302)
            #expect(redirect.headers["location"] == "/guide/?x=1")
            let noIndex = try await RawHTTPClient.get("/empty/", port: port)
            #expect(noIndex.status == 404)
            let head = try await RawHTTPClient.get("/", port: port, method: "HEAD")
            #expect(head.status == 200)
            #expect(head.headers["content-type"] == "text/html; charset=utf-8")
            let streamHead = try await RawHTTPClient.get("/__lede/events", port: port, method: "HEAD")
            #expect(streamHead.headers["content-type"] == "text/event-stream")
        }
    }

    @Test("on loopback, only loopback host names are answered (no DNS rebinding)")
    func hostNames() async throws {
        let (site, outside) = try Self.makeSite()
        defer { site.remove(); outside.remove() }
        try await withServer(root: site.url) { port in
            for host in ["localhost:\(port)", "127.0.0.1", "[::1]:\(port)"] {
                let response = try await RawHTTPClient.get("/", port: port, host: host)
                #expect(response.status == 200, "\(host)")
            }
            for host in ["attacker.example:\(port)", "attacker.example", "192.168.1.10"] {
                let response = try await RawHTTPClient.get("/", port: port, host: host)
                #expect(response.status == 403, "\(host)")
            }
        }
        #expect(SiteResponder.isLoopbackAuthority("127.0.0.1:1111"))
        #expect(!SiteResponder.isLoopbackAuthority("rebind.example:1111"))
    }

    @Test("a missing page gets the site's 404.html with status 404, or plain text without one")
    func notFound() async throws {
        let (site, outside) = try Self.makeSite()
        defer { site.remove(); outside.remove() }
        try await withServer(root: site.url) { port in
            let missing = try await RawHTTPClient.get("/nope/", port: port)
            #expect(missing.status == 404)
            #expect(missing.text.contains("Lost page"))
            #expect(missing.headers["content-type"] == "text/html; charset=utf-8")
            try FileManager.default.removeItem(atPath: site.file("404.html"))
            let plain = try await RawHTTPClient.get("/nope", port: port)
            #expect(plain.status == 404)
            #expect(plain.headers["content-type"] == "text/plain; charset=utf-8")
        }
    }

    @Test("content types, and no-store on every response")
    func contentTypes() async throws {
        let (site, outside) = try Self.makeSite()
        defer { site.remove(); outside.remove() }
        let expected = [
            "/": "text/html; charset=utf-8", "/style.css": "text/css; charset=utf-8",
            "/app.js": "text/javascript; charset=utf-8", "/data.json": "application/json",
            "/sitemap.xml": "application/xml", "/logo.svg": "image/svg+xml", "/a.png": "image/png",
            "/b.jpg": "image/jpeg", "/c.webp": "image/webp", "/favicon.ico": "image/x-icon",
            "/robots.txt": "text/plain; charset=utf-8", "/f.woff2": "font/woff2",
            "/feed.atom": "application/atom+xml", "/missing": "text/html; charset=utf-8",
            "/__lede/livereload.js": "text/javascript; charset=utf-8",
        ]
        try await withServer(root: site.url) { port in
            for (path, type) in expected {
                let response = try await RawHTTPClient.get(path, port: port)
                #expect(response.headers["content-type"] == type, "\(path)")
                #expect(response.headers["cache-control"] == "no-store", "\(path)")
            }
        }
    }

    @Test(
        "parent segments are refused in every encoding",
        arguments: [
            "/../secret.txt", "/guide/../../secret.txt", "/%2e%2e/secret.txt", "/%2E%2E%2Fsecret.txt",
            "/guide/%2e%2e/%2e%2e/secret.txt", "/%252e%252e/secret.txt", "/..%5csecret.txt", "/%25252e%25252e/x",
        ])
    func parentSegments(target: String) async throws {
        let (site, outside) = try Self.makeSite()
        defer { site.remove(); outside.remove() }
        try await withServer(root: site.url) { port in
            let response = try await RawHTTPClient.get(target, port: port)
            #expect(response.status == 400 || response.status == 404, "\(target): \(response.status)")
            #expect(!response.text.contains("top secret"))
        }
    }

    @Test("NUL bytes are refused anywhere in the path", arguments: ["/robots.txt%00.html", "/%00", "/guide%00/"])
    func nulBytes(target: String) async throws {
        let (site, outside) = try Self.makeSite()
        defer { site.remove(); outside.remove() }
        try await withServer(root: site.url) { port in
            let response = try await RawHTTPClient.get(target, port: port)
            #expect(response.status == 400)
        }
    }

    @Test("symbolic links: inside the site served, leading outside refused")
    func symbolicLinks() async throws {
        let (site, outside) = try Self.makeSite()
        defer { site.remove(); outside.remove() }
        try await withServer(root: site.url) { port in
            let inside = try await RawHTTPClient.get("/inside.txt", port: port)
            #expect(inside.status == 200)
            #expect(inside.text == "User-agent: *")
            for target in ["/outside.txt", "/outdir/secret.txt"] {
                let response = try await RawHTTPClient.get(target, port: port)
                #expect(response.status == 403, "\(target)")
                #expect(!response.text.contains("top secret"), "\(target)")
            }
        }
    }

    @Test("the live-reload script goes into HTML responses only, never into files on disk")
    func scriptInjection() async throws {
        let (site, outside) = try Self.makeSite()
        defer { site.remove(); outside.remove() }
        let tag = #"<script src="/__lede/livereload.js" defer></script>"#
        try await withServer(root: site.url) { port in
            let home = try await RawHTTPClient.get("/", port: port)
            #expect(home.text == "<!doctype html><html><body><h1>Home</h1>\(tag)</body></html>")
            #expect(home.headers["content-length"] == String(home.body.count))
            let guide = try await RawHTTPClient.get("/guide/", port: port)
            #expect(guide.text.contains("\(tag)</BODY>"))
            let missing = try await RawHTTPClient.get("/missing", port: port)
            #expect(missing.text.contains(tag))
            for path in ["/style.css", "/app.js", "/data.json", "/logo.svg", "/robots.txt"] {
                let response = try await RawHTTPClient.get(path, port: port)
                #expect(!response.text.contains("livereload"), "\(path)")
            }
            let script = try await RawHTTPClient.get("/__lede/livereload.js", port: port)
            #expect(script.status == 200)
            #expect(script.text.contains("new EventSource(\"/__lede/events\")"))
            #expect(script.text.contains("lede-error-overlay"))
            #expect(script.text.contains("addEventListener(\"warnings\""))
        }
        let onDisk = try String(contentsOfFile: site.file("index.html"), encoding: .utf8)
        #expect(!onDisk.contains("livereload"))
    }

    @Test("siteRebuilt sends a reload event, or css when only stylesheets changed")
    func reloadEvent() async throws {
        let (site, outside) = try Self.makeSite()
        defer { site.remove(); outside.remove() }
        let liveReload = LiveReload()
        try await withServer(root: site.url, liveReload: liveReload) { port in
            try await onThread {
                let deadline = ContinuousClock.now + .seconds(20)
                let socket = try Socket.eventStream(port: port, deadline: deadline)
                defer { socket.close() }
                let head = try socket.read(until: "retry: 1000", deadline: deadline)
                #expect(head.hasPrefix("HTTP/1.1 200"))
                #expect(head.lowercased().contains("content-type: text/event-stream"))
                #expect(head.lowercased().contains("cache-control: no-store"))
                liveReload.siteRebuilt(changedPaths: ["Content/a.md"])
                let reload = try socket.read(until: "event: reload\ndata: [\"Content/a.md\"]\n\n", deadline: deadline)
                #expect(!reload.contains("event: error"))
                liveReload.siteRebuilt(changedPaths: ["static/site.css"])
                _ = try socket.read(until: "event: css\ndata: [\"static/site.css\"]\n\n", deadline: deadline)
            }
        }
    }

    @Test("buildFailed sends the lines; a new connection gets the error first; a rebuild clears it")
    func errorEvent() async throws {
        let (site, outside) = try Self.makeSite()
        defer { site.remove(); outside.remove() }
        let liveReload = LiveReload()
        let lines = ["Content/a.md:4:7: error: unknown source 'p13'", "  caused by: \"quoted\" <b>"]
        let expected =
            "event: error\ndata: [\"Content/a.md:4:7: error: unknown source 'p13'\",\"  caused by: \\\"quoted\\\" <b>\"]\n\n"
        try await withServer(root: site.url, liveReload: liveReload) { port in
            try await onThread {
                let deadline = ContinuousClock.now + .seconds(20)
                let first = try Socket.eventStream(port: port, deadline: deadline)
                defer { first.close() }
                liveReload.buildFailed(lines)
                _ = try first.read(until: expected, deadline: deadline)

                let second = try Socket.eventStream(port: port, deadline: deadline)
                defer { second.close() }
                let text = try second.read(until: expected, deadline: deadline)
                // `\r\n` is one Character in Swift: split on every kind of line end.
                let firstEvent = text.split(whereSeparator: \.isNewline).first { $0.hasPrefix("event: ") }
                #expect(firstEvent == "event: error", "\(text.debugDescription)")

                liveReload.siteRebuilt()
                _ = try second.read(until: "event: reload", deadline: deadline)
                let third = try Socket.eventStream(port: port, deadline: deadline)
                defer { third.close() }
                liveReload.siteRebuilt()
                let clean = try third.read(until: "event: reload", deadline: deadline)
                #expect(!clean.contains("event: error"))
            }
        }
    }

    @Test("a build's warnings reach every page: at once when only stylesheets changed, on connecting after a reload")
    func warningsEvent() async throws {
        let (site, outside) = try Self.makeSite()
        defer { site.remove(); outside.remove() }
        let liveReload = LiveReload()
        let warning = "Content/index.md:10:47: warning: ¶1 is now ¶2: the seed was revised"
        let expected = "event: warnings\ndata: [\"\(warning)\"]\n\n"
        try await withServer(root: site.url, liveReload: liveReload) { port in
            try await onThread {
                let deadline = ContinuousClock.now + .seconds(20)
                let first = try Socket.eventStream(port: port, deadline: deadline)
                defer { first.close() }
                _ = try first.read(until: "retry: 1000", deadline: deadline)
                liveReload.siteRebuilt(changedPaths: ["seeds/report.txt"], warnings: [warning])
                let reload = try first.read(until: "event: reload", deadline: deadline)
                #expect(!reload.contains("event: warnings"))
                // The reloaded page connects again and is told first.
                let second = try Socket.eventStream(port: port, deadline: deadline)
                defer { second.close() }
                let text = try second.read(until: expected, deadline: deadline)
                let firstEvent = text.split(whereSeparator: \.isNewline).first { $0.hasPrefix("event: ") }
                #expect(firstEvent == "event: warnings")
                liveReload.siteRebuilt(changedPaths: ["style.css"], warnings: [warning])
                // The css event, then the warnings again (each event arrives in a chunk of its own).
                _ = try second.read(until: expected, after: "event: css\ndata: [\"style.css\"]", deadline: deadline)
                // A build without warnings: a new page is told nothing.
                liveReload.siteRebuilt(changedPaths: ["Content/a.md"])
                _ = try second.read(until: "event: reload\ndata: [\"Content/a.md\"]", deadline: deadline)
                let third = try Socket.eventStream(port: port, deadline: deadline)
                defer { third.close() }
                liveReload.siteRebuilt(changedPaths: ["Content/b.md"])
                let clean = try third.read(until: "event: reload", deadline: deadline)
                #expect(!clean.contains("event: warnings"))
            }
        }
    }

    @Test("an idle event stream gets comment heartbeats")
    func heartbeat() async throws {
        let (site, outside) = try Self.makeSite()
        defer { site.remove(); outside.remove() }
        try await withServer(root: site.url, heartbeat: .milliseconds(100)) { port in
            try await onThread {
                let deadline = ContinuousClock.now + .seconds(20)
                let socket = try Socket.eventStream(port: port, deadline: deadline)
                defer { socket.close() }
                _ = try socket.read(until: ": heartbeat\n\n", deadline: deadline)
            }
        }
    }

    @Test("the server stops gracefully while a browser keeps its event stream open")
    func shutdownWithOpenStream() async throws {
        let (site, outside) = try Self.makeSite()
        defer { site.remove(); outside.remove() }
        let liveReload = LiveReload()
        let socket = Locked<Socket?>(nil)
        try await withServer(root: site.url, liveReload: liveReload) { port in
            let connected = try await onThread { try Socket.eventStream(port: port, deadline: .now + .seconds(20)) }
            socket.withLock { $0 = connected }
        }
        // `withServer` returned: the graceful shutdown ended the stream instead of waiting for it.
        socket.withLock { $0?.close() }
        #expect(liveReload.subscriberCount == 0)
    }

    @Test(
        "loopback hosts",
        arguments: [
            ("127.0.0.1", true), ("127.1.2.3", true), ("localhost", true), ("LOCALHOST", true), ("::1", true),
            ("[::1]", true), ("::ffff:127.0.0.1", true), ("0.0.0.0", false), ("::", false), ("192.168.1.2", false),
            ("example.com", false), ("", false),
        ])
    func loopback(host: String, expected: Bool) {
        #expect(PreviewServer.isLoopback(host) == expected)
    }
}

@Suite("Request paths")
struct RequestPathTests {
    @Test func decodesSegments() throws {
        let path = try RequestPath(target: "/guide/caf%C3%A9/./x.html?a=b")
        #expect(path.segments == ["guide", "café", "x.html"])
        #expect(path.query == "a=b")
        #expect(!path.hasTrailingSlash)
        #expect(try RequestPath(target: "/a/").folderURL == "/a/")
        #expect(try RequestPath(target: "/caf%C3%A9?q").folderURL == "/caf%C3%A9/?q")
    }

    @Test func refusals() {
        #expect(throws: RequestPath.Refusal.parentSegment) { try RequestPath(target: "/a/%2e%2e/b") }
        #expect(throws: RequestPath.Refusal.parentSegment) { try RequestPath(target: "/%252e%252e/b") }
        #expect(throws: RequestPath.Refusal.nulByte) { try RequestPath(target: "/a%00b") }
        #expect(throws: RequestPath.Refusal.nulByte) { try RequestPath(target: "/a%2500b") }
        #expect(throws: RequestPath.Refusal.malformed) { try RequestPath(target: "/a%zz") }
        #expect(throws: RequestPath.Refusal.malformed) { try RequestPath(target: "*") }
        #expect(throws: RequestPath.Refusal.malformed) { try RequestPath(target: "/%ff") }
    }
}
