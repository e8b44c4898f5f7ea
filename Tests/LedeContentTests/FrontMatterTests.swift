import LedeCore
import Testing

@testable import LedeContent

@Suite struct FrontMatterTests {
    @Test func splitsFrontMatterAndBody() throws {
        let (node, body, bodyLine) = try FrontMatter.split(
            "---\ntitle: \"A\"\n---\nFirst.\n\nSecond.", path: "Content/a.md")
        #expect(node["title"]?.text == "A")
        #expect(body == "First.\n\nSecond.")
        #expect(bodyLine == 4)
    }

    @Test func acceptsDotsAsTheClosingLine() throws {
        let (node, body, bodyLine) = try FrontMatter.split("---\ntitle: A\norder: 3\n...\nBody", path: "Content/a.md")
        #expect(node.keys == ["title", "order"])
        #expect(body == "Body")
        #expect(bodyLine == 5)
    }

    @Test func skipsAByteOrderMark() throws {
        let (node, body, _) = try FrontMatter.split("\u{FEFF}---\ntitle: A\n---\nBody", path: "Content/a.md")
        #expect(node["title"]?.text == "A")
        #expect(body == "Body")
    }

    @Test func valuesKeepTheirLineAndColumnInTheFile() throws {
        let (node, _, _) = try FrontMatter.split(
            "---\ntitle: A\ndate:\n  text: \"Monday\"\n---\n", path: "Content/a.md")
        #expect(node["title"]?.location.description == "Content/a.md:2:8")
        #expect(node["date"]?["text"]?.location.description == "Content/a.md:4:9")
    }

    @Test func missingFrontMatterIsAnError() {
        #expect(
            diagnostics { _ = try FrontMatter.split("# Just Markdown\n", path: "Content/a.md") }
                == "Content/a.md:1:1: error: missing front matter: start the file with a '---' line, then 'title: …', then '---'"
        )
        #expect(
            diagnostics { _ = try FrontMatter.split("", path: "Content/a.md") }
                == "Content/a.md:1:1: error: missing front matter: start the file with a '---' line, then 'title: …', then '---'"
        )
    }

    @Test func unterminatedFrontMatterIsAnError() {
        #expect(
            diagnostics { _ = try FrontMatter.split("---\ntitle: A\nBody\n", path: "Content/a.md") }
                == "Content/a.md:1:1: error: front matter is not closed: add a '---' line after it")
    }

    @Test func frontMatterMustBeAMapping() {
        #expect(
            diagnostics { _ = try FrontMatter.split("---\n- a\n- b\n---\n", path: "Content/a.md") }
                == "Content/a.md:2:1: error: front matter must be a mapping of keys to values, found a list")
        #expect(
            diagnostics { _ = try FrontMatter.split("---\n---\nBody", path: "Content/a.md") }
                == "Content/a.md:1:1: error: front matter must be a mapping of keys to values, found null")
    }

    @Test func malformedYAMLPointsAtTheLineAndColumn() {
        let message = diagnostics {
            _ = try FrontMatter.split("---\ntitle: A\ndescription: [open\n---\n", path: "Content/a.md")
        }
        #expect(
            message == """
                Content/a.md:3:14: error: unclosed '[': this list has no closing ']'
                  caused by: libyaml: did not find expected ',' or ']' (while parsing a flow sequence) at 4:1
                """)
    }
}
