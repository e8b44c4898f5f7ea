import LedeCore
import Testing

@testable import LedeContent

@Suite struct DataReaderTests {
    @Test func positionsOfValuesInFrontMatter() throws {
        let node = try DataReader.parse(
            "title: \"A\"\ndate:\n  text: Monday\nlist:\n  - one\n  - two", at: frontMatterStart)
        #expect(node.location.description == "Content/a.md:2:1")
        #expect(node["title"]?.location.description == "Content/a.md:2:8")
        #expect(node["date"]?["text"]?.location.description == "Content/a.md:4:9")
        #expect(node["list"]?.items?.map(\.location.description) == ["Content/a.md:6:5", "Content/a.md:7:5"])
    }

    @Test func firstLineColumnsStartAtTheBaseColumn() throws {
        let node = try DataReader.parse("key: value", at: LedeCore.SourceLocation(path: "x.yaml", line: 3, column: 5))
        #expect(node["key"]?.location.description == "x.yaml:3:10")
    }

    @Test func scalarsListsAndMappings() throws {
        let node = try DataReader.parse("a: 1\nb: \"1\"\nc: [x, y]\nd: ~\ne: {f: g}", at: frontMatterStart)
        #expect(node["a"]?.value == .scalar("1", quoted: false))
        #expect(node["b"]?.value == .scalar("1", quoted: true))
        #expect(node["c"]?.items?.compactMap(\.text) == ["x", "y"])
        #expect(node["d"]?.isNull == true)
        #expect(node["e"]?["f"]?.text == "g")
        #expect(node.keys == ["a", "b", "c", "d", "e"])
    }

    @Test func emptyDocumentIsNull() throws {
        #expect(try DataReader.parse("", at: frontMatterStart).isNull)
    }

    @Test func duplicateKeysAreErrors() {
        #expect(
            diagnostics { _ = try DataReader.parse("a: 1\nb: 2\na: 3", at: frontMatterStart) }
                == "Content/a.md:4:1: error: duplicate key 'a'")
    }

    @Test func syntaxErrorsPointIntoTheFile() {
        #expect(
            diagnostics { _ = try DataReader.parse("title: A\nlist: [a, b\nnext: c", at: frontMatterStart) }
                == "Content/a.md:4:5: error: invalid YAML: did not find expected ',' or ']' (while parsing a flow sequence)"
        )
    }
}
