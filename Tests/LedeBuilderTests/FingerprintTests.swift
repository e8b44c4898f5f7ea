import Foundation
import Testing

@testable import LedeBuilder

@Suite struct FingerprintTests {
    @Test func fnv1aMatchesTheReferenceValues() {
        #expect(AssetFingerprinter.fnv1a(Data()) == 0xcbf2_9ce4_8422_2325)
        #expect(AssetFingerprinter.fnv1a(Data("a".utf8)) == 0xaf63_dc4c_8601_ec8c)
        #expect(AssetFingerprinter.fnv1a(Data("foobar".utf8)) == 0x8594_4171_f739_67e8)
    }

    @Test func namesCarryEightHexDigits() {
        #expect(
            AssetFingerprinter.fingerprintedName("css/site.css", hash: 0x0123_4567_89ab_cdef) == "css/site.01234567.css"
        )
        #expect(AssetFingerprinter.fingerprintedName("a.js", hash: 0xf) == "a.00000000.js")
    }

    @Test func assetsAreRenamedAndReferencesRewritten() throws {
        var files: [String: Data] = [
            "index.html": Data(
                """
                <link rel="stylesheet" href="/base/style.css"><script src="js/app.js?v=1"></script>
                <a href="/base/style.css.html">not an asset</a><link rel="x" href="https://example.org/base/style.css">
                """.utf8),
            "about/index.html": Data("<link rel=stylesheet href=../style.css>".utf8),
            "style.css": Data("@import \"print.css\"; a { background: url(img/a.png) }".utf8),
            "print.css": Data("p { color: red }".utf8),
            "js/app.js": Data("console.log(1)".utf8),
        ]
        let names = AssetFingerprinter.fingerprint(&files, basePath: "/base/", baseURL: "https://example.org/base/")
        let style = try #require(names["style.css"])
        let print = try #require(names["print.css"])
        let app = try #require(names["js/app.js"])
        #expect(style.wholeMatch(of: /style\.[0-9a-f]{8}\.css/) != nil)
        #expect(files["style.css"] == nil && files[style] != nil)
        let html = String(decoding: try #require(files["index.html"]), as: UTF8.self)
        let styleName = String(style)
        #expect(html.contains("href=\"/base/\(styleName)\""))
        #expect(html.contains("src=\"\(app)?v=1\""))
        #expect(html.contains("href=\"/base/style.css.html\""))
        #expect(html.contains("href=\"https://example.org/base/\(styleName)\""))
        let about = String(decoding: try #require(files["about/index.html"]), as: UTF8.self)
        #expect(about == "<link rel=stylesheet href=../\(styleName)>")
        let css = String(decoding: try #require(files[style]), as: UTF8.self)
        #expect(css == "@import \"\(print)\"; a { background: url(img/a.png) }")
    }

    @Test func anImportedStylesheetChangesTheImportersName() {
        func names(print: String) -> [String: String] {
            var files = [
                "style.css": Data("@import url(print.css);".utf8), "print.css": Data(print.utf8),
            ]
            return AssetFingerprinter.fingerprint(&files, basePath: "/", baseURL: nil)
        }
        #expect(names(print: "a{}")["style.css"] != names(print: "b{}")["style.css"])
        #expect(names(print: "a{}") == names(print: "a{}"))
    }

    @Test func theCheckerAcceptsTheRewrittenSite() {
        var files: [String: Data] = [
            "index.html": Data(
                "<html><head><title>T</title><link rel=stylesheet href=\"/style.css\"></head><body><h1>H</h1></body></html>"
                    .utf8),
            "style.css": Data("a{}".utf8),
        ]
        AssetFingerprinter.fingerprint(&files, basePath: "/", baseURL: nil)
        #expect(LinkChecker.check(files: files, publicFiles: [], basePath: "/", sourceOf: [:]).isEmpty)
    }
}
