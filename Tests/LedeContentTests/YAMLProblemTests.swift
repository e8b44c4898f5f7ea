import Foundation
import LedeCore
import Testing

@testable import LedeContent

/// YAML mistakes are reported where the author made them, in plain words, with libyaml's own
/// message kept as the `caused by:` line.
@Suite struct YAMLProblemTests {
    /// The diagnostics for a front matter (which starts on line 2 of `Content/a.md`).
    func problem(_ yaml: String) -> String? {
        diagnostics { _ = try DataReader.parse(yaml, at: frontMatterStart) }
    }

    @Test func tabIndentingAKey() {
        #expect(
            problem("title: A\n\tdescription: x\n") == """
                Content/a.md:3:1: error: tab character: YAML indents with spaces only; replace the tab with spaces
                  caused by: libyaml: found a tab character that violates indentation (while scanning a plain scalar) at 3:1
                """)
    }

    @Test func tabBeforeTheFirstKeyAndInAList() {
        #expect(
            problem("\ttitle: A\n") == """
                Content/a.md:2:1: error: tab character: YAML indents with spaces only; replace the tab with spaces
                  caused by: libyaml: found character that cannot start any token (while scanning for the next token) at 2:1
                """)
        #expect(
            problem("title: A\nlist:\n  -\tone\n") == """
                Content/a.md:4:4: error: tab character: YAML indents with spaces only; replace the tab with spaces
                  caused by: libyaml: found character that cannot start any token (while scanning for the next token) at 4:4
                """)
    }

    @Test func tabsInsideValuesAreText() throws {
        #expect(try DataReader.parse("a: x\ty\nb: [c,\td]\nc:\td\n", at: frontMatterStart)["a"]?.text == "x\ty")
    }

    @Test func unclosedDoubleQuoteIsReportedWhereItOpens() {
        #expect(
            problem("title: \"About\ndescription: x\n") == """
                Content/a.md:2:8: error: unclosed quote: this " is not closed on its line
                  caused by: libyaml: found unexpected end of stream (while scanning a quoted scalar) at 4:1
                """)
    }

    @Test func unclosedQuoteThatAnotherQuoteSeemsToClose() {
        #expect(
            problem("title: \"About\ndescription: \"x\"\n") == """
                Content/a.md:2:8: error: unclosed quote: this " is not closed on its line
                  caused by: libyaml: did not find expected key (while parsing a block mapping) at 3:15
                """)
    }

    @Test func unclosedSingleQuoteInAList() {
        #expect(
            problem("title: A\nlist:\n  - 'one\n  - two\n") == """
                Content/a.md:4:5: error: unclosed quote: this ' is not closed on its line
                  caused by: libyaml: found unexpected end of stream (while scanning a quoted scalar) at 6:1
                """)
    }

    @Test func quotedValuesOverSeveralLinesStillParse() throws {
        let node = try DataReader.parse("title: \"A long\n  title\"\nnext: b\n", at: frontMatterStart)
        #expect(node["title"]?.text == "A long title")
        #expect(node["next"]?.text == "b")
    }

    @Test func missingColon() {
        #expect(
            problem("title: A\ndescription x\nnext: b\n") == """
                Content/a.md:3:1: error: missing ':' after 'description x': write 'key: value'
                  caused by: libyaml: could not find expected ':' (while scanning a simple key) at 4:1
                """)
        #expect(
            problem("date:\n  a: 1\n  b\n  c: 2\n") == """
                Content/a.md:4:3: error: missing ':' after 'b': write 'key: value'
                  caused by: libyaml: could not find expected ':' (while scanning a simple key) at 5:3
                """)
        #expect(
            problem("description x\nnext: b\n") == """
                Content/a.md:2:1: error: missing ':' after 'description x': write 'key: value'
                  caused by: libyaml: mapping values are not allowed in this context at 3:5
                """)
    }

    @Test func plainValuesOverSeveralLinesStillParse() throws {
        let node = try DataReader.parse("a: one\n  two\nb: |\n  x\n  y z\nc: d\n", at: frontMatterStart)
        #expect(node["a"]?.text == "one two")
        #expect(node["b"]?.text == "x\ny z\n")
    }

    @Test func duplicateKeyNamesBothPlaces() {
        #expect(
            problem("title: A\nb: 2\ntitle: B\n")
                == "Content/a.md:4:1: error: duplicate key 'title': it is already set at Content/a.md:2:1")
        #expect(
            problem("date:\n  a: 1\n  b: 2\n  a: 3\n")
                == "Content/a.md:5:3: error: duplicate key 'a': it is already set at Content/a.md:3:3")
    }

    @Test func unclosedBrackets() {
        #expect(
            problem("title: A\nlist: [a, b\nnext: c") == """
                Content/a.md:3:7: error: unclosed '[': this list has no closing ']'
                  caused by: libyaml: did not find expected ',' or ']' (while parsing a flow sequence) at 4:5
                """)
        #expect(
            problem("title: A\nauthor: {name: B\n") == """
                Content/a.md:3:9: error: unclosed '{': this mapping has no closing '}'
                  caused by: libyaml: did not find expected ',' or '}' (while parsing a flow mapping) at 4:1
                """)
    }

    @Test func anApostropheInAListIsText() {
        #expect(
            problem("list: [it's, b,\n  c]\ntitle: Lede: a story\n") == """
                Content/a.md:4:8: error: this value holds ': ': put the value in quotes
                  caused by: libyaml: mapping values are not allowed in this context at 4:12
                """)
    }

    @Test func aMistakeAfterValuesOverSeveralLines() {
        #expect(
            problem("list: [\"a\n  b\", c,\n  d]\ntitle: Lede: a story\n") == """
                Content/a.md:5:8: error: this value holds ': ': put the value in quotes
                  caused by: libyaml: mapping values are not allowed in this context at 5:12
                """)
    }

    @Test func secondColonInAValue() {
        #expect(
            problem("title: Lede: a story\n") == """
                Content/a.md:2:8: error: this value holds ': ': put the value in quotes
                  caused by: libyaml: mapping values are not allowed in this context at 2:12
                """)
    }

    @Test func aQuoteInsideAQuotedValueEndsItEarly() {
        // The README's silencing example written inside a double-quoted item.
        let item =
            #"  - text: "Denied [¶7](seed:p7). <!-- lede: allow drops "nearly": it quotes "in nearly all cases" -->""#
        #expect(
            problem("title: A\nknown:\n\(item)\n") == #"""
                Content/a.md:4:57: error: this " ends the value early: an unescaped " inside a double-quoted value ends it; put the value in single quotes instead, or write each " inside it as \"
                  caused by: libyaml: did not find expected key (while parsing a block mapping) at 4:58
                """#)
        #expect(
            problem(#"description: "The "best" page""# + "\n") == #"""
                Content/a.md:2:19: error: this " ends the value early: an unescaped " inside a double-quoted value ends it; put the value in single quotes instead, or write each " inside it as \"
                  caused by: libyaml: did not find expected key (while parsing a block mapping) at 2:20
                """#)
        #expect(
            problem("title: 'It's here'\n") == """
                Content/a.md:2:11: error: this ' ends the value early: an unescaped ' inside a single-quoted value ends it; write each ' inside it as '', or put the value in double quotes instead
                  caused by: libyaml: did not find expected key (while parsing a block mapping) at 2:12
                """)
    }

    @Test func whatMayFollowAQuotedValue() throws {
        let node = try DataReader.parse(
            "title: \"a\" # note\nlist: [\"a\", 'b' ]\n\"key\": v\nitem: 'drops \"nearly\": why'\n",
            at: frontMatterStart)
        #expect(node["title"]?.text == "a")
        #expect(node["list"]?.items?.compactMap(\.text) == ["a", "b"])
        #expect(node["key"]?.text == "v")
        #expect(node["item"]?.text == #"drops "nearly": why"#)
    }

    @Test func keyIndentedUnderAValue() {
        #expect(
            problem("title: A\n  description: x\n") == """
                Content/a.md:3:3: error: this key is indented under a key that already has a value: line it up with the keys above
                  caused by: libyaml: mapping values are not allowed in this context at 3:14
                """)
    }

    @Test func missingKey() {
        #expect(
            problem("title: A\n: x\n") == """
                Content/a.md:3:1: error: missing key before ':'
                  caused by: libyaml: did not find expected key (while parsing a block mapping) at 3:1
                """)
    }

    @Test func controlCharacter() {
        #expect(
            problem("title: A\u{1}B\n") == """
                Content/a.md:2:9: error: the character U+0001 is not allowed in YAML: remove it
                  caused by: libyaml: control characters are not allowed
                """)
    }

    @Test func otherMistakesKeepLibyamlsWords() {
        #expect(
            problem("title: A\n- b\n") == """
                Content/a.md:3:1: error: this is not valid YAML
                  caused by: libyaml: did not find expected key (while parsing a block mapping) at 3:1
                """)
    }

    // MARK: - Aliases

    /// Nine aliases of nine aliases: a few hundred bytes that stand for 9⁹ strings.
    static let billionLaughs: String = {
        var lines = ["title: A", "a0: &a0 \"lol\""]
        for level in 1...9 {
            lines.append(
                "a\(level): &a\(level) [" + Array(repeating: "*a\(level - 1)", count: 9).joined(separator: ", ") + "]")
        }
        return lines.joined(separator: "\n") + "\n"
    }()

    @Test func billionLaughsIsRefusedAtTheFirstAlias() {
        #expect(
            problem(Self.billionLaughs)
                == "Content/a.md:4:10: error: YAML aliases (*name) are not supported: write the value out in full")
    }

    @Test func aliasAsAKeyIsRefusedBeforeItIsHashed() {
        #expect(
            problem(Self.billionLaughs.replacingOccurrences(of: "a1: &a1", with: "? *a0\n: x\na1: &a1"))
                == "Content/a.md:4:3: error: YAML aliases (*name) are not supported: write the value out in full")
    }

    @Test func mergeKeysAreAliases() {
        #expect(
            problem("base: &b {x: 1}\nother:\n  <<: *b\n")
                == "Content/a.md:4:7: error: YAML aliases (*name) are not supported: write the value out in full")
    }

    @Test func dataFilesRefuseAliasesToo() {
        let message = diagnostics {
            _ = try DataReader.parse(
                "- &a x\n- *a\n", at: LedeCore.SourceLocation(path: "Content/_x.yaml", line: 1, column: 1))
        }
        #expect(
            message == "Content/_x.yaml:2:3: error: YAML aliases (*name) are not supported: write the value out in full"
        )
    }

    @Test func asterisksInTextAreNotAliases() throws {
        let node = try DataReader.parse(
            "a: About *bold* x\nb: \"*a\"\nc: |\n  *a list\n# *comment\nd: [x *y]\ne: one\n  *two three\n",
            at: frontMatterStart)
        #expect(node["a"]?.text == "About *bold* x")
        #expect(node["b"]?.text == "*a")
        #expect(node["c"]?.text == "*a list\n")
        #expect(node["d"]?.items?.compactMap(\.text) == ["x *y"])
        #expect(node["e"]?.text == "one *two three")
    }

    @Test func anErrorBeforeAnAliasIsReportedAsItself() {
        #expect(
            problem("title: \"A\nb: *x\n") == """
                Content/a.md:2:8: error: unclosed quote: this " is not closed on its line
                  caused by: libyaml: found unexpected end of stream (while scanning a quoted scalar) at 4:1
                """)
    }
}
