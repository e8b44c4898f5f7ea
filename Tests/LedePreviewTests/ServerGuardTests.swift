import Foundation
import LedeCore
import Testing

@testable import LedePreview

/// Clients that misbehave: out-of-range ports, slow or idle connections, absolute-form targets.
@Suite("Preview server guards")
struct ServerGuardTests {
    static func makeSite() throws -> TemporaryFolder {
        let site = try TemporaryFolder()
        try site.write("index.html", "<!doctype html><html><body><h1>Home</h1></body></html>")
        try site.write("guide/index.html", "<html><body><p>Guide</p></body></html>")
        return site
    }

    @Test("a port outside 0-65535 is refused before anything is bound", arguments: [-1, 65536, 99999])
    func portRange(port: Int) async throws {
        let site = try Self.makeSite()
        defer { site.remove() }
        let server = PreviewServer(root: site.url, port: port, liveReload: LiveReload())
        let error = await #expect(throws: PreviewError.self) { try await server.run() }
        #expect(error?.reason == .invalidPort(String(port)))
        #expect(error?.description == "invalid port '\(port)': use 0 (any free port) or a number from 1 to 65535")
        #expect(PreviewServer.validPorts.contains(0) && PreviewServer.validPorts.contains(65535))
    }

    @Test("a client sending its header a byte at a time is cut off; others are answered meanwhile")
    func slowHeader() async throws {
        let site = try Self.makeSite()
        defer { site.remove() }
        // 80 bytes at 10 a second: 8 s to send the whole header, far past the 0.5 s timeout.
        let header = "GET / HTTP/1.1\r\nHost: 127.0.0.1\r\nX-Padding: \(String(repeating: "a", count: 45))\r\n\r\n"
        try await withServer(root: site.url, idleTimeout: .milliseconds(500)) { port in
            async let slow = onThread {
                let socket = try Socket(port: port)
                defer { socket.close() }
                return try socket.trickle(header, every: .milliseconds(100), deadline: .now + .seconds(20))
            }
            let normal = try await RawHTTPClient.get("/", port: port)
            #expect(normal.status == 200)
            #expect(normal.text.contains("<h1>Home</h1>"))
            let (sent, received) = try await slow
            #expect(sent < header.utf8.count, "the connection was closed before the header was complete")
            #expect(received.isEmpty, "no response to a header that never ended")
        }
    }

    @Test("an idle keep-alive connection is closed after its response")
    func idleKeepAlive() async throws {
        let site = try Self.makeSite()
        defer { site.remove() }
        // Two seconds: long enough for a first response under ThreadSanitizer's slowdown.
        try await withServer(root: site.url, idleTimeout: .seconds(2)) { port in
            try await onThread {
                let socket = try Socket(port: port)
                defer { socket.close() }
                try socket.send("GET /guide/ HTTP/1.1\r\nHost: 127.0.0.1\r\n\r\n")
                // Returns only at end of stream: the server closed the connection.
                let raw = try socket.readToEnd(deadline: .now + .seconds(20))
                let response = try RawHTTPClient.parse(raw, method: "GET")
                #expect(response.status == 200)
                #expect(response.text.contains("Guide"))
            }
        }
    }

    @Test("an open event stream outlives the idle timeout and still gets the reload")
    func eventStreamIsNotCut() async throws {
        let site = try Self.makeSite()
        defer { site.remove() }
        let liveReload = LiveReload()
        try await withServer(
            root: site.url, liveReload: liveReload, heartbeat: .seconds(60), idleTimeout: .milliseconds(200)
        ) { port in
            try await onThread {
                let deadline = ContinuousClock.now + .seconds(20)
                let socket = try Socket.eventStream(port: port, deadline: deadline)
                defer { socket.close() }
                // Six idle timeouts without a byte on the stream (the heartbeat is a minute away).
                Thread.sleep(forTimeInterval: 1.2)
                liveReload.siteRebuilt(changedPaths: ["Content/a.md"])
                _ = try socket.read(until: "event: reload\ndata: [\"Content/a.md\"]\n\n", deadline: deadline)
            }
        }
    }

    @Test(
        "an absolute-form target is judged by its own host, not by the Host header",
        arguments: [
            ("http://evil.example/", "127.0.0.1", 403),
            ("HTTP://EVIL.example:80/guide/", "127.0.0.1", 403),
            ("http://127.0.0.1@evil.example/", "127.0.0.1", 403),
            ("http:///", "127.0.0.1", 403),
            ("http://127.0.0.1/guide/", "127.0.0.1", 200),
            ("http://localhost/guide/", "evil.example", 200),
        ])
    func absoluteForm(target: String, host: String, status: Int) async throws {
        let site = try Self.makeSite()
        defer { site.remove() }
        try await withServer(root: site.url) { port in
            let response = try await RawHTTPClient.get(target, port: port, host: host)
            #expect(response.status == status)
            if status == 403 {
                #expect(response.text == "403 forbidden: the preview answers only to loopback host names\n")
            } else {
                #expect(response.text.contains("Guide"))
            }
        }
    }

    @Test func absoluteFormAuthority() {
        #expect(AbsoluteFormAuthority.authority(ofTarget: "http://a.example:1/x?y") == "a.example:1")
        #expect(AbsoluteFormAuthority.authority(ofTarget: "https://user:pw@h.example/") == "h.example")
        #expect(AbsoluteFormAuthority.authority(ofTarget: "http://h.example?q#f") == "h.example")
        #expect(AbsoluteFormAuthority.authority(ofTarget: "http:///x") == "")
        #expect(AbsoluteFormAuthority.authority(ofTarget: "/path") == nil)
        #expect(AbsoluteFormAuthority.authority(ofTarget: "/a?u=http://evil.example/") == nil)
        #expect(AbsoluteFormAuthority.authority(ofTarget: "*") == nil)
        #expect(AbsoluteFormAuthority.authority(ofTarget: "1http://evil.example/") == nil)
    }
}
