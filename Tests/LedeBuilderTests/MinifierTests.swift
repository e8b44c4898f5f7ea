import Foundation
import Testing

@testable import LedeBuilder

@Suite struct MinifierTests {
    static func html(_ text: String) -> String {
        String(decoding: Minifier.html(Array(text.utf8)), as: UTF8.self)
    }

    static func css(_ text: String) -> String {
        String(decoding: Minifier.css(Array(text.utf8)), as: UTF8.self)
    }

    /// The text a reader sees, as a browser lays it out: white space collapsed, block elements
    /// on their own, `<pre>` kept exactly.
    static func renderedText(_ html: String) -> String {
        let bytes = Array(html.utf8)
        var text = ""
        var pre = 0
        for token in HTMLScanner.tokens(bytes) {
            switch token.kind {
            case .startTag, .endTag:
                if token.name == "pre" { pre += token.kind == .startTag ? 1 : -1 }
                if Minifier.blockElements.contains(token.name) || token.name == "br" { text += "\n" }
            case .text:
                let raw = HTMLScanner.decodeEntities(String(decoding: bytes[token.range], as: UTF8.self))
                text += pre > 0 ? raw.replacingOccurrences(of: " ", with: "\u{1}") : raw
            case .rawText where token.name == "title" || token.name == "textarea":
                text += String(decoding: bytes[token.range], as: UTF8.self)
            default: break
            }
        }
        return text.split(whereSeparator: { $0 == " " || $0 == "\n" || $0 == "\t" }).joined(separator: " ")
    }

    @Test func commentsGoConditionalCommentsStay() {
        #expect(Self.html("<p>a<!-- note -->b</p>") == "<p>ab</p>")
        #expect(Self.html("<!--[if IE]><p>old</p><![endif]-->") == "<!--[if IE]><p>old</p><![endif]-->")
    }

    @Test func whiteSpaceBetweenBlocksGoesBetweenInlinesStaysAsOneSpace() {
        #expect(Self.html("<ul>\n  <li>a</li>\n  <li>b</li>\n</ul>\n") == "<ul><li>a</li><li>b</li></ul>")
        #expect(Self.html("<p><a href=x>one</a>\n\n  <em>two</em></p>") == "<p><a href=x>one</a> <em>two</em></p>")
        #expect(Self.html("<p>one   two\n three</p>") == "<p>one two three</p>")
    }

    @Test func preTextareaScriptAndStyleAreKept() {
        let source = """
            <pre>  a\n   b  </pre>\n<textarea>  x\n  y</textarea>\n<script>
              if (a  <  b) { }
            </script>\n<style>  a  { color : red }  </style>
            """
        let minified = Self.html(source)
        #expect(minified.contains("<pre>  a\n   b  </pre>"))
        #expect(minified.contains("<textarea>  x\n  y</textarea>"))
        #expect(minified.contains("<script>\n  if (a  <  b) { }\n</script>"))
        #expect(minified.contains("<style>  a  { color : red }  </style>"))
    }

    @Test func cssLosesCommentsAndSpaceButKeepsStrings() {
        #expect(Self.css("/* theme */\na  {  color: red ;  }\n\n.b  .c , .d { x: 1 }") == "a{color:red}.b .c,.d{x:1}")
        // Space before a colon may be a descendant combinator (`.a :focus`): it stays.
        #expect(Self.css("a { color : red }") == "a{color :red}")
        #expect(
            Self.css("a::before { content: \"  /* not a comment */  \" }")
                == "a::before{content:\"  /* not a comment */  \"}")
        #expect(Self.css(".a :focus { background: url( 'x y.png' ) }") == ".a :focus{background:url( 'x y.png' )}")
        #expect(
            Self.css("@media (min-width: 40rem) and (max-width: 60rem) { a { margin: 0 auto } }")
                == "@media (min-width:40rem) and (max-width:60rem){a{margin:0 auto}}")
        #expect(Self.css("a { width: calc(100% - 2rem) }") == "a{width:calc(100% - 2rem)}")
    }

    @Test func aSmallPageKeepsItsText() {
        let page = """
            <!doctype html>
            <html><head><title>A &amp; B</title></head>
            <body>
              <h1>Title <em>here</em></h1>
              <!-- a comment -->
              <p>Some <a href="#x">linked</a> <strong>text</strong>, and
                 a second line.</p>
              <pre>keep   this</pre>
            </body></html>
            """
        #expect(Self.renderedText(Self.html(page)) == Self.renderedText(page))
        #expect(Self.html(page).count < page.count)
    }

    /// Every page of the bundled site reads the same after minification.
    @Test func theBundledSiteKeepsItsText() async throws {
        let root = URL(fileURLWithPath: #filePath).deletingLastPathComponent().deletingLastPathComponent()
            .deletingLastPathComponent()
        let output = FileManager.default.temporaryDirectory.appendingPathComponent("lede-minify-\(UUID().uuidString)")
        defer { try? FileManager.default.removeItem(at: output) }
        var options = BuildOptions(siteRoot: root, output: output)
        let plain = try await SiteBuilder(options: options).build()
        #expect(plain.pagesWritten > 0)
        var pages: [String: String] = [:]
        for path in try FileManager.default.subpathsOfDirectory(atPath: output.path) where path.hasSuffix(".html") {
            pages[path] = try String(contentsOf: output.appendingPathComponent(path), encoding: .utf8)
        }
        options.minify = true
        _ = try await SiteBuilder(options: options).build()
        #expect(pages.count == plain.pagesWritten)
        for (path, before) in pages {
            let after = try String(contentsOf: output.appendingPathComponent(path), encoding: .utf8)
            #expect(after.count < before.count, "\(path) did not shrink")
            #expect(Self.renderedText(after) == Self.renderedText(before), "\(path) reads differently")
        }
        let css = try FileManager.default.contentsOfDirectory(atPath: output.path).filter { $0.hasSuffix(".css") }
        #expect(css.count == 1)
    }
}
