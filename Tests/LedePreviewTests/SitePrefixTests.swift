import Foundation
import Glibc
import Testing

@testable import LedePreview

/// The preview serves a site under the path of its base_url, as it is published.
@Suite("Preview under base_url's sub-path")
struct SitePrefixTests {
    @Test("the site is served under its base path; / and the bare prefix redirect there; other paths are 404")
    func servedUnderTheBasePath() async throws {
        let (site, outside) = try PreviewServerTests.makeSite()
        defer { site.remove(); outside.remove() }
        try await withServer(root: site.url, basePath: "/explainers/x/") { port in
            let home = try await RawHTTPClient.get("/explainers/x/", port: port)
            #expect(home.status == 200)
            #expect(home.text.contains("<h1>Home</h1>"))
            #expect(home.text.contains("/__lede/livereload.js"))
            let guide = try await RawHTTPClient.get("/explainers/x/guide/", port: port)
            #expect(guide.status == 200)
            #expect(guide.text.contains("Guide"))
            let css = try await RawHTTPClient.get("/explainers/x/style.css", port: port)
            #expect(css.status == 200)
            #expect(css.text.hasSuffix("body{}"))

            for (target, location) in [
                ("/", "/explainers/x/"), ("/?draft=1", "/explainers/x/?draft=1"), ("/explainers/x", "/explainers/x/"),
                ("/explainers/x/guide", "/explainers/x/guide/"),
                ("/explainers/x/guide?a=b", "/explainers/x/guide/?a=b"),
            ] {
                let redirect = try await RawHTTPClient.get(target, port: port)
                #expect(redirect.status == 302, "\(target)")
                #expect(redirect.headers["location"] == location, "\(target)")
            }
            // Outside the prefix: the site's own 404 page, as a published site would answer.
            for target in ["/guide/", "/explainers/", "/explainers/xy/", "/style.css", "/explainers/x/nope/"] {
                let missing = try await RawHTTPClient.get(target, port: port)
                #expect(missing.status == 404, "\(target)")
                #expect(missing.text.contains("Lost page"), "\(target)")
            }
            // The preview's own endpoints stay at the root.
            let stream = try await RawHTTPClient.get("/__lede/events", port: port, method: "HEAD")
            #expect(stream.headers["content-type"] == "text/event-stream")
            let script = try await RawHTTPClient.get("/__lede/livereload.js", port: port)
            #expect(script.status == 200)
        }
    }

    /// `base_url` edited while serving: the site moves to the new path, and every page under
    /// the path before redirects to the same page under the new one.
    @Test func theBasePathMovesAndThePathsBeforeRedirect() async throws {
        let (site, outside) = try PreviewServerTests.makeSite()
        defer { site.remove(); outside.remove() }
        let sitePath = PreviewBasePath("/explainers/x/")
        try await withServer(root: site.url, sitePath: sitePath) { port in
            #expect(try await RawHTTPClient.get("/explainers/x/guide/", port: port).status == 200)
            sitePath.move(to: "/news/caf%C3%A9/")
            #expect(sitePath.current == "/news/caf%C3%A9/")
            #expect(try await RawHTTPClient.get("/news/caf%C3%A9/guide/", port: port).status == 200)
            for (target, location) in [
                ("/", "/news/caf%C3%A9/"), ("/explainers/x/", "/news/caf%C3%A9/"),
                ("/explainers/x", "/news/caf%C3%A9/"),
                ("/explainers/x/guide/", "/news/caf%C3%A9/guide/"),
                ("/explainers/x/style.css", "/news/caf%C3%A9/style.css"),
                ("/explainers/x/guide/?a=b", "/news/caf%C3%A9/guide/?a=b"),
            ] {
                let redirect = try await RawHTTPClient.get(target, port: port)
                #expect(redirect.status == 302, "\(target)")
                #expect(redirect.headers["location"] == location, "\(target)")
            }
            #expect(try await RawHTTPClient.get("/elsewhere/", port: port).status == 404)

            // Back to the first path: the second one redirects now, and the first is served.
            sitePath.move(to: "/explainers/x/")
            #expect(try await RawHTTPClient.get("/explainers/x/guide/", port: port).status == 200)
            let back = try await RawHTTPClient.get("/news/caf%C3%A9/guide/", port: port)
            #expect(back.headers["location"] == "/explainers/x/guide/")

            // From the root to a sub-path: every page of the site had a path under /.
            sitePath.move(to: "/")
            #expect(try await RawHTTPClient.get("/guide/", port: port).status == 200)
            sitePath.move(to: "/n/")
            #expect(try await RawHTTPClient.get("/guide/", port: port).headers["location"] == "/n/guide/")
        }
    }

    /// A port another socket listens on is in use, by number and by name; a free one is not.
    @Test func aPortInUseIsFoundBeforeBinding() throws {
        let listener = socket(AF_INET, Int32(SOCK_STREAM.rawValue), 0)
        defer { close(listener) }
        var address = sockaddr_in()
        address.sin_family = sa_family_t(AF_INET)
        address.sin_addr.s_addr = inet_addr("127.0.0.1")
        let bound = withUnsafePointer(to: &address) {
            $0.withMemoryRebound(to: sockaddr.self, capacity: 1) {
                bind(listener, $0, socklen_t(MemoryLayout<sockaddr_in>.size))
            }
        }
        try #require(bound == 0 && listen(listener, 1) == 0)
        var size = socklen_t(MemoryLayout<sockaddr_in>.size)
        _ = withUnsafeMutablePointer(to: &address) {
            $0.withMemoryRebound(to: sockaddr.self, capacity: 1) { getsockname(listener, $0, &size) }
        }
        let port = Int(UInt16(bigEndian: address.sin_port))
        #expect(PreviewServer.isInUse(port: port, on: "127.0.0.1"))
        #expect(PreviewServer.isInUse(port: port, on: "localhost"))
        let free = try #require(PreviewServer.freePort(on: "127.0.0.1"))
        #expect(!PreviewServer.isInUse(port: free, on: "127.0.0.1"))
        #expect(PreviewServer.freePort(on: "localhost") != nil)
        #expect(
            PreviewError(.portInUse(host: "127.0.0.1", port: 1312)).description
                == "port 1312 on 127.0.0.1 is in use (another lede serve?): choose another with --port, or --port 0 for any free port"
        )
    }

    @Test func prefixesAreDecodedAndReencoded() throws {
        let prefix = SitePrefix(basePath: "/news/caf%C3%A9%20x/")
        #expect(prefix.segments == ["news", "café x"])
        #expect(prefix.url == "/news/caf%C3%A9%20x/")
        #expect(
            prefix.place(try RequestPath(target: "/news/caf%C3%A9%20x/a/")) == .inside(try RequestPath(target: "/a/")))
        #expect(prefix.place(try RequestPath(target: "/news/")) == .outside)
        #expect(SitePrefix(basePath: "/").place(try RequestPath(target: "/")) == .inside(try RequestPath(target: "/")))
        #expect(SitePrefix(basePath: "/../").segments == [])
    }
}
