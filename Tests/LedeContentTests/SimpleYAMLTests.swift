import Foundation
import LedeCore
import Testing

@testable import LedeContent

/// The fast reader of simple YAML must agree with libyaml on everything it accepts.
@Suite struct SimpleYAMLTests {
    /// The package root, found from this file's place in it.
    static let packageRoot = URL(fileURLWithPath: #filePath)
        .deletingLastPathComponent().deletingLastPathComponent().deletingLastPathComponent()

    /// Every front matter and YAML data file of the repository: the bundled site and the fixtures.
    static func repositoryDocuments() throws -> [(path: String, yaml: String, base: LedeCore.SourceLocation)] {
        var documents: [(String, String, LedeCore.SourceLocation)] = []
        for folder in ["Content", "seeds", "Tests/Fixtures"] {
            let root = packageRoot.appendingPathComponent(folder)
            guard let enumerator = FileManager.default.enumerator(at: root, includingPropertiesForKeys: nil) else {
                continue
            }
            for case let url as URL in enumerator {
                let path = String(url.path.dropFirst(packageRoot.path.count + 1))
                guard let text = try? String(contentsOf: url, encoding: .utf8) else { continue }
                if url.pathExtension == "md" {
                    guard let yaml = frontMatter(of: text) else { continue }
                    documents.append((path, yaml, LedeCore.SourceLocation(path: path, line: 2, column: 1)))
                } else if ["yaml", "yml"].contains(url.pathExtension) {
                    documents.append((path, text, LedeCore.SourceLocation(path: path, line: 1, column: 1)))
                }
            }
        }
        return documents
    }

    /// The text between the opening and closing `---` lines, as ``FrontMatter`` hands it on.
    static func frontMatter(of text: String) -> String? {
        let lines = text.split(separator: "\n", omittingEmptySubsequences: false)
        guard lines.first == "---", let end = lines.dropFirst().firstIndex(where: { $0 == "---" || $0 == "..." })
        else { return nil }
        return lines[1..<end].map { $0 + "\n" }.joined()
    }

    /// Front matter shaped like the benchmark corpus (`gen_corpus.py`) and the bundled site.
    static let shapes = [
        "title: \"Form Well Careful Window Most Often\"\ndate: 2018-07-03T18:00:00Z\nsummary: \"Been request of this paragraph has be no is if so turn not static of not our.\"\ntags: [\"typography\"]\n",
        "title: \"A\"\ndate: 2015-01-01T09:00:00Z\nsummary: \"It's a summary.\"\ntags: [\"a\", \"b-c\", \"d\", \"e\"]\n",
        "title: \"Posts\"\n",
        "title: Home\n",
        "title: \"A U.S.-chartered flight leaves Louisiana\"\norder: 80\ndate:\n  text: \"Monday evening\"\n  precision: relative\n  note: \"the report gives no calendar date\"\ncertainty: reported\nsources: [iranian-sources, us-official]\n",
        "title: \"Asylum seeker\"\nshort: \"A person.\"\naliases: [\"asylum seekers\", \"asylum-seeker\"]\nrelated: [asylum, refugee]\nbackground: true\nreferences:\n  - title: \"UNHCR, “Asylum-seekers”\"\n    url: \"https://www.unhcr.org/\"\n  - title: \"Other\"\n    url: \"https://example.org/\"\n",
        "title: \"T\"\nbase_url: \"https://example.org/\"\ndescription: \"D\"\nauthor: { name: \"A\" }\n",
    ]

    /// Inputs at the edges of what the fast reader accepts.
    static let tricky = [
        "", "\n", "# only a comment\n", "title: A # comment\n", "# comment\ntitle: A\n", "title: A\n# comment\nb: c\n",
        "  # indented comment\ntitle: A\n", "title:A\n", "title:  A  \n", "title: A   \n", "title:\n", "title:   \n",
        "title:\nb: c\n", "a: ~\nb: null\nc: NULL\nd: \n", "a: 1\nb: -1\nc: 1.5\nd: 0x1F\ne: 1e3\nf: .inf\n",
        "date: 2026-11-29\nwhen: 2026-11-29T09:00:00Z\n", "title: \"a: b\"\n", "title: 'a: b'\n", "title: a:b\n",
        "title: a: b\n", "title: a:\n", "url: https://example.org/a?b=c#d\n", "title: C# and F#\n", "title: a #b\n",
        "title: \"Café “quoted” – ünïcødé 🎉\"\nb: ünïcødé plain ✓\n", "ключ: значение\n", "tags: [café, ✓, \"🎉\"]\n",
        "a: 1\na: 2\n", "a: 1\nb:\n  c: 1\n  c: 2\n", "title: --- x\n", "title: \"---\"\n", "title: a --- b\n",
        "title: \"a\\\"b\"\n", "title: \"a\\nb\"\n", "title: 'it''s'\n", "title: 'it'\n", "title: \"\"\n",
        "title: ''\n",
        "title: \"a\" \n", "title: \"a\"x\n", "title: \"a\" # c\n", "title: 'a' 'b'\n", "title: \"unterminated\n",
        "title: \"multi\n  line\"\n", "title: multi\n  line\n", "title: a\n  b: c\n", "tags: []\n", "tags: [ ]\n",
        "tags: [a]\n", "tags: [ a , b ]\n", "tags: [a,b]\n", "tags: [a, b,]\n", "tags: [a, , b]\n", "tags: [a, [b]]\n",
        "tags: [a, {b: c}]\n", "tags: [a b, c  d]\n", "tags: [a: b]\n", "tags: [\"a, b\", 'c]']\n", "tags: [a\n",
        "tags: [a] x\n", "tags: [-a, b]\n", "tags: [a-b, b.c]\n", "tags: [http://x]\n", "tags: [a#b]\n",
        "tags: [a #b]\n", "list:\n  - a\n  - b\n", "list:\n- a\n- b\nnext: c\n", "list:\n  - a\n - b\n",
        "list:\n  - a\n   - b\n", "list:\n  -  a\n  -   \"b\"\n", "list:\n  -\n  - b\n", "list:\n  - - a\n",
        "list:\n  - a: 1\n    b: 2\n  - a: 3\n", "list:\n  - a: 1\n   b: 2\n", "list:\n  - a: 1\n      b: 2\n",
        "list:\n  - a:\n      b: 1\n", "list:\n  - a:\n    - x\n    - y\n    b: z\n", "list:\n  - a: [1, 2]\n",
        "list:\n  - [1, 2]\n  - 'x'\n", "- a\n- b\n", "a\n", "\"a\": b\n", "'a': b\n", "? a\n: b\n", "a: &x 1\nb: *x\n",
        "a: !tag b\n", "a: |\n  text\n", "a: >\n  text\n", "a: b\n---\nc: d\n", "a: b\n...\n", "%YAML 1.1\n---\na: b\n",
        "a:\tb\n", "a: b\tc\n", "\ta: b\n", "a: b\r\nc: d\r\n", "a: b\u{85}c\n", "a: b\u{2028}c\n", "a: b\u{FEFF}\n",
        "a: b\u{7F}\n", "a: b\u{1}\n", "a: b\u{A0}\n", "a: {b: c}\n", "a: {}\n", "  a: b\n  c: d\n", "a: b\n c: d\n",
        "a:\n  b: 1\n c: 2\n", "a:\n  b:\n    c: deep\n  d: e\nf: g\n", "a: b\n\n\nc: d\n", "a: b", "a:", "a.b: c\n",
        "a-b: c\n", "_a: b\n", "1: b\n", "-a: b\n", "a : b\n", "a: @b\n", "a: `b`\n", "a: %b\n", "a: !b\n", "a: *b\n",
        "a: &b\n", "a: |b\n", "a: >b\n", "a: ?b\n", "a: ? b\n", "a: :b\n", "a: ,b\n", "a: -b\n", "a: - b\n", "a: -\n",
        "a: b,c\n", "a: [b]c\n", "a: b]\n", "a: b}\n", "a: b[c]\n", "a: b{c}\n", "a: b'c\n", "a: b\"c\n", "a: b\\c\n",
        "a: \"b\\\\c\"\n", "a: 'b\\c'\n", "title: true\ndraft: false\norder: 3\n", "a: b  c\n", "a: \"  b  \"\n",
        "a: \"x \\\"y\\\" z\"\n", "a: \"\\\\\"\n", "a: \"\\\"\n", "a: \"\\\\\\\"\"\n", "a: \"\\/\"\n",
        "a: \"\\t\"\n", "a: \"\\u00e9\"\n", "a: \"x\\\n  y\"\n", "a: [\"\\\"\", \"\\\\\"]\n", "a: 'x\\\"'\n",
        "a: b :c\n", "a: b:\n", "a: b: \n", "a: b #\n", "a: b#\n", String(repeating: "k", count: 1100) + ": v\n",
        "a:\n  - b\n  c: d\n", "a:\n- b\n  c: d\n", "a:\n  # comment\n  b: c\n", "a:\n  b: c\n  # comment\nd: e\n",
        "a:\n\n  b: c\n", "list:\n  - a\n  # comment\n  - b\n",
        // Flow mappings.
        "a: { b: c, d: \"e\" }\n", "a: {b: c,}\n", "a: {b: c, b: d}\n", "a: {b: c d}\n", "a: {b: 'c, d'}\n",
        "a: {b: [c]}\n", "a: {b: {c: d}}\n", "a: {b}\n", "a: {b: c} x\n", "a: {b: c\n", "a: { }\n", "a: {b: }\n",
        "a: {b:c}\n", "a: {\"b\": c}\n", "a: {b: c:d}\n", "a: {b: http://x}\n", "a: {b: c # d}\n", "a: {b: c #d}\n",
        "a: {b.c: d, e-f: g}\n", "list:\n  - {a: b}\n", "a: {b: ünï, c: \"🎉\"}\n", "a: {b: \"c\" , d: 'e'}\n",
        "a: {b: \"c\"d}\n", "a: {b: -c}\n", "a: {b: c-d}\n", "a: {b: c }  \n", "a: {b: c}}\n", "a: {b: c,, d: e}\n",
        "a: {, b: c}\n", "a: {b :c}\n", "a: {-b: c}\n", "a: {b: 1, c: true, d: ~}\n", "{a: b}\n",
        "a: {b: \"x\\\"y\"}\n",
        "author: { name: \"Lede explainer desk\" }\npublisher: { name: \"Lede\", url: \"https://example.org/\" }\n",
        // Block scalars.
        "a: >-\n  one two\n  three\n", "a: >\n  one\n  two\n", "a: |\n  one\n  two\n", "a: |-\n  one\n  two\n",
        "a: >-\n  one\n  two\n\nb: c\n", "a: >\n  one\n\n\nb: c\n", "a: |\n  one\n\nb: c\n", "a: >+\n  one\n\nb: c\n",
        "a: >2\n  one\n", "a: > # c\n  one\n", "a: >-\n  one\n\n  two\n", "a: >-\n  one\n    more\n  two\n",
        "a: >-\n    one\n  two\n", "a: >-\n  one \n  two\n", "a: >-\n  one\n  # not a comment\n  two\n",
        "a: >-\n  one\n# comment\nb: c\n", "a: >-\n  one\n  \nb: c\n", "a: >-\n  one", "a: >-\n  one\n", "a: >-\n",
        "a: >-\nb: c\n", "a: >-\n one\n", "a:\n  b: >-\n    one\n    two\n  c: d\ne: f\n", "a: >-\n  “ünï” 🎉: x\n",
        "list:\n  - a: >-\n      one\n      two\n    b: c\n", "a: >-\n  one: two\n  - three\n",
        "a: >-\n  \"q\" 'r' [s]\n",
        "a: >-\n\n  one\n", "a: |\n  one\n  two\n\n\n", "a: >-\n  one\n b: c\n",
    ]

    /// A rendering of a result that tells apart everything ``DataNode`` holds, strings
    /// compared by Unicode scalars (not by canonical equivalence).
    static func render(_ node: DataNode) -> String {
        let place = "@\(node.location.line):\(node.location.column)"
        switch node.value {
        case .scalar(let text, let quoted):
            let block = node.block.map {
                "B\($0.text.unicodeScalars.map { String($0.value, radix: 16) })@\($0.location.line):\($0.location.column)"
            }
            return
                "\(quoted ? "Q" : "P")\(text.unicodeScalars.map { String($0.value, radix: 16) })\(place)\(block ?? "")"
        case .list(let items):
            return "[" + items.map(render).joined(separator: ",") + "]" + place
        case .map(let pairs):
            return "{"
                + pairs.map { "\($0.key.unicodeScalars.map { String($0.value, radix: 16) }):\(render($0.value))" }
                .joined(separator: ",") + "}" + place
                + node.keyLocations.map { "k\($0.line):\($0.column)" }.joined()
        }
    }

    static func render(_ result: Result<DataNode, any Error>) -> String {
        switch result {
        case .success(let node): render(node)
        case .failure(let error): "error: \(error)"
        }
    }

    /// Checks that the fast reader, when it answers, answers as libyaml does, and that
    /// ``DataReader/parse(_:at:)`` answers as libyaml does in every case.
    /// - Returns: Whether the fast reader answered.
    @discardableResult
    static func expectAgreement(_ yaml: String, at base: LedeCore.SourceLocation) -> Bool {
        let yams = Result { try DataReader.parseWithYams(yaml, at: base) }
        let parsed = Result { try DataReader.parse(yaml, at: base) }
        #expect(render(parsed) == render(yams), "\(base.path): \(yaml.debugDescription)")
        guard let simple = DataReader.parseSimple(yaml, at: base) else { return false }
        #expect(render(simple) == render(yams), "\(base.path): \(yaml.debugDescription)")
        return true
    }

    @Test func agreesWithLibYAMLOnTheRepository() throws {
        let documents = try Self.repositoryDocuments()
        #expect(documents.count > 100)
        var declined: [String] = []
        for document in documents where !Self.expectAgreement(document.yaml, at: document.base) {
            declined.append(document.path)
        }
        // The bundled site and the fixtures are written in the simple subset, except the
        // files that are there to be wrong.
        let unexpected = declined.filter { !$0.contains("InvalidSites") }
        #expect(unexpected == [])
    }

    @Test func readsTheCommonShapes() {
        for (index, yaml) in Self.shapes.enumerated() {
            let accepted = Self.expectAgreement(
                yaml, at: LedeCore.SourceLocation(path: "shape\(index)", line: 2, column: 1))
            #expect(accepted, "\(yaml.debugDescription)")
        }
    }

    @Test func agreesWithLibYAMLOnTrickyInputs() {
        var accepted = 0
        for (index, yaml) in Self.tricky.enumerated() {
            for base in [
                LedeCore.SourceLocation(path: "tricky\(index)", line: 2, column: 1),
                LedeCore.SourceLocation(path: "tricky\(index)", line: 3, column: 5),
            ] where Self.expectAgreement(yaml, at: base) {
                accepted += 1
            }
        }
        // Enough of them reach the fast reader for the comparison to mean something.
        #expect(accepted > 100)
    }

    @Test func agreesWithLibYAMLOnTheTrickyInputsCombined() {
        // Each tricky value after a few ordinary lines, and nested one level down.
        for (index, yaml) in Self.tricky.enumerated() where !yaml.isEmpty {
            let base = LedeCore.SourceLocation(path: "combined\(index)", line: 2, column: 1)
            Self.expectAgreement("title: \"T\"\nx: [a]\n" + yaml, at: base)
            let nested = yaml.split(separator: "\n", omittingEmptySubsequences: false).map { "  " + $0 }
            Self.expectAgreement("title: T\nouter:\n" + nested.joined(separator: "\n"), at: base)
            let item = yaml.split(separator: "\n", omittingEmptySubsequences: false).map { "    " + $0 }
            Self.expectAgreement("list:\n  - " + item.joined(separator: "\n").dropFirst(4), at: base)
        }
    }
}
