import Foundation
import LedeCore
import LedeMarkdown
import Testing

/// Lede against Debian's `cmark-gfm` command on every example of the GFM spec, the
/// extensions spec and the smart punctuation spec (`Tests/Fixtures/Specs/README.md`).
@Suite struct SpecConformanceTests {
    /// Examples where Lede knowingly differs from the command, by `file#example`, with why.
    /// The test fails on a difference not listed here and on a listed one that went away.
    static let knownDifferences: [String: String] = [:]

    /// One example of a spec file.
    struct Example {
        var number: Int
        var line: Int
        var markdown: String
    }

    /// One line of a `*.expected.json` file.
    struct Expectation: Decodable {
        var example: Int
        var line: Int
        var markdown: String
        var html: String
    }

    static let specs = URL(fileURLWithPath: #filePath).deletingLastPathComponent()
        .appendingPathComponent("../Fixtures/Specs").standardizedFileURL

    /// The examples of a spec file: between a fence of 32 backticks followed by ` example` and
    /// a closing fence, Markdown then `.` then HTML; `→` stands for a tab.
    static func examples(in text: String) -> [Example] {
        let fence = String(repeating: "`", count: 32)
        var examples: [Example] = []
        var markdown: [Substring] = []
        var state = 0  // 0 outside, 1 in Markdown, 2 in HTML
        var start = 0
        for (index, line) in text.split(separator: "\n", omittingEmptySubsequences: false).enumerated() {
            switch state {
            case 0 where line.hasPrefix(fence + " example"):
                (state, markdown, start) = (1, [], index + 1)
            case 1 where line == ".":
                state = 2
            case 1:
                markdown.append(line)
            case 2 where line == fence:
                state = 0
                let source = markdown.map { $0 + "\n" }.joined().replacingOccurrences(of: "→", with: "\t")
                examples.append(Example(number: examples.count + 1, line: start, markdown: source))
            default:
                break
            }
        }
        return examples
    }

    /// Lede's HTML without its heading ids, which the command does not make.
    static func withoutHeadingIDs(_ html: String) -> String {
        html.replacing(/<h([1-6]) id="[^"]*">/) { match in "<h\(match.1)>" }
    }

    @Test(arguments: ["gfm-spec", "gfm-extensions", "gfm-smart_punct"])
    func matchesCmarkGFM(spec name: String) throws {
        let text = try String(contentsOf: Self.specs.appendingPathComponent("\(name).txt"), encoding: .utf8)
        let json = try Data(contentsOf: Self.specs.appendingPathComponent("\(name).expected.json"))
        let expectations = try JSONDecoder().decode([Expectation].self, from: json)
        let examples = Self.examples(in: text)
        try #require(examples.count == expectations.count, "regenerate \(name).expected.json")

        let renderer = MarkdownRenderer(
            options: MarkdownOptions(smartPunctuation: name == "gfm-smart_punct", unsafeHTML: true, footnotes: true))
        var passed = 0
        for (example, expected) in zip(examples, expectations) {
            try #require(example.markdown == expected.markdown, "\(name)#\(example.number) is stale")
            let file = SourceLocation(path: "\(name).txt", line: example.line + 1, column: 1)
            let html = Self.withoutHeadingIDs(try renderer.render(example.markdown, file: file).html)
            let key = "\(name)#\(example.number)"
            if html == expected.html {
                passed += 1
                #expect(Self.knownDifferences[key] == nil, "\(key) now matches: drop it from knownDifferences")
            } else {
                #expect(
                    Self.knownDifferences[key] != nil,
                    "\(key) (line \(example.line)) differs:\n\(example.markdown)\nexpected:\n\(expected.html)\ngot:\n\(html)"
                )
            }
        }
        print("\(name): \(passed) of \(examples.count) examples match cmark-gfm")
    }
}
