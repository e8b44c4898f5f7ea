import Testing

@testable import LedeCore

@Suite struct DiagnosticTests {
    @Test func printsCompilerStyle() {
        let diagnostic = Diagnostic(
            at: SourceLocation(path: "Content/a.md", line: 4, column: 7), "unknown source 'p13'")
        #expect(diagnostic.description == "Content/a.md:4:7: error: unknown source 'p13'")
    }

    @Test func omitsUnknownLineAndColumn() {
        #expect(SourceLocation(path: "Content/a.md").description == "Content/a.md")
        #expect(SourceLocation(path: "Content/a.md", line: 3).description == "Content/a.md:3")
    }

    @Test func printsCausesAndSortsByLocation() {
        let error = DiagnosticError([
            Diagnostic(at: SourceLocation(path: "b.md", line: 1, column: 1), "second"),
            Diagnostic(.warning, at: SourceLocation(path: "a.md", line: 9, column: 1), "first", causes: ["disk full"]),
        ])
        #expect(error.description == "a.md:9:1: warning: first\n  caused by: disk full\nb.md:1:1: error: second")
    }

    @Test func bagKeepsEveryError() throws {
        var bag = DiagnosticBag()
        bag.add(Diagnostic(.warning, at: nil, "only a warning"))
        #expect(!bag.hasErrors)
        let value: Int? = bag.collect(at: SourceLocation(path: "x.md")) {
            throw DiagnosticError(Diagnostic(at: nil, "boom"))
        }
        #expect(value == nil)
        #expect(bag.hasErrors)
        #expect(throws: DiagnosticError.self) { try bag.throwIfErrors() }
    }

    @Test func namesWithLineBreaksAndControlsStayOnOneLine() {
        let diagnostic = Diagnostic(
            at: SourceLocation(path: "Public/a\n../Content/about.md", line: 2, column: 1),
            "'x\ry\tz' holds \u{1B}[31m and \u{202E}", causes: ["first\nsecond", "\u{2028}\u{85}"])
        #expect(
            diagnostic.description
                == #"Public/a\n../Content/about.md:2:1: error: 'x\ry\tz' holds \u{1B}[31m and \u{202E}"#
                + "\n" + #"  caused by: first\nsecond"# + "\n" + #"  caused by: \u{2028}\u{85}"#)
        #expect(diagnostic.description.split(separator: "\n").count == 3)
    }

    @Test func ordinaryTextIsLeftAsItIs() {
        let text = #"café ¶3 “quoted” \ back\slash 'é' 日本"#
        #expect(Diagnostic.oneLine(text) == text)
        #expect(SourceLocation(path: "Content/café.md").description == "Content/café.md")
    }

    @Test func codePoints() {
        #expect(Diagnostic.codePoint("\t") == "U+0009")
        #expect(Diagnostic.codePoint("\u{1F600}") == "U+1F600")
    }
}
