import Foundation
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
