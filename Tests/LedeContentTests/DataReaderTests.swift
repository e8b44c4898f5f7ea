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
                == "Content/a.md:4:1: error: duplicate key 'a': it is already set at Content/a.md:2:1")
    }

    @Test func syntaxErrorsPointIntoTheFile() {
        #expect(
            diagnostics { _ = try DataReader.parse("title: A\nlist: [a, b\nnext: c", at: frontMatterStart) }
                == """
                Content/a.md:3:7: error: unclosed '[': this list has no closing ']'
                  caused by: libyaml: did not find expected ',' or ']' (while parsing a flow sequence) at 4:5
                """)
    }

    @Test(arguments: [
        ("12", 12), ("-3", -3), ("+7", 7), ("0", 0),
    ])
    func wholeNumbers(_ text: String, _ number: Int) throws {
        #expect(try DataReader.parse("order: \(text)", at: frontMatterStart)["order"]?.requireInt("'order'") == number)
    }

    @Test(arguments: [
        ("1.5", "'1.5'"), ("0x10", "'0x10'"), ("ten", "'ten'"), ("\"12\"", "'12'"), ("[1]", "a list"),
        ("１２", "'１２'"),
    ])
    func notWholeNumbers(_ text: String, _ found: String) throws {
        let node = try DataReader.parse("order: \(text)", at: frontMatterStart)["order"]
        #expect(
            diagnostics { _ = try node?.requireInt("'order'") }
                == "Content/a.md:2:8: error: 'order' must be a whole number, found \(found)")
    }

    @Test func nullIsNotANumber() throws {
        let node = try DataReader.parse("order:", at: frontMatterStart)["order"]
        #expect(
            diagnostics { _ = try node?.requireInt("'order'") }
                == "Content/a.md:2:7: error: 'order' must be a whole number, found null")
    }

    @Test(arguments: ["99999999999999999999", "-99999999999999999999", "1000000001"])
    func numbersOutOfRangeAreErrorsNotTraps(_ text: String) throws {
        let node = try DataReader.parse("order: \(text)", at: frontMatterStart)["order"]
        #expect(
            diagnostics { _ = try node?.requireInt("'order'", in: Page.orderRange) }
                == "Content/a.md:2:8: error: 'order' must be a whole number from -1000000000 to 1000000000, found \(text)"
        )
    }
}
