import Foundation
import LedeCore
import LedeTemplates
import Testing

/// Renders `template` as the only template `t`, or returns the full error text.
private func result(_ template: String, partials: [String: String] = [:], _ context: TemplateValue) -> String {
    var files = ["t.mustache": template]
    for (name, text) in partials { files[name + ".mustache"] = text }
    do {
        return try library(files).render("t", context: context)
    } catch let error as DiagnosticError {
        return error.description
    } catch {
        return "unexpected error: \(error)"
    }
}

/// The renderer's own rules, where it reimplements swift-mustache's rendering over bytes.
@Suite struct TemplateRendererTests {
    @Test func everyQuoteAndAmpersandIsEscapedEvenBeforeACombiningMark() {
        // swift-mustache compares Characters, and `"` followed by U+0301 is one Character it
        // left unescaped: a way out of an attribute value. Escaping is per byte.
        #expect(
            result("<a title=\"{{x}}\">", ["x": "\"\u{301} onmouseover=alert(1) &\u{301}<\u{301}'\u{301}"])
                == "<a title=\"&quot;\u{301} onmouseover=alert(1) &amp;\u{301}&lt;\u{301}&#39;\u{301}\">")
        #expect(result("{{x}}", ["x": "plain é ü 🧭 text"]) == "plain é ü 🧭 text")
        #expect(result("{{x}}", ["x": "&&<<"]) == "&amp;&amp;&lt;&lt;")
    }

    @Test func aStandalonePartialIsIndentedAfterLineFeedsButNotAfterCRLF() {
        // swift-mustache indents a partial's output after a line end when the output so far
        // ends with the Character "\n"; "\r\n" is one other Character.
        #expect(
            result("  {{>p}}\n", partials: ["p": "a\r\nb\nc{{x}}\nd\n"], ["x": "1\n2"]) == "  a\r\nb\n  c1\n2\n  d\n")
    }

    @Test func anIndentedPartialThatRendersNothingOnALineAddsNoIndentation() {
        #expect(result("  {{>p}}\n", partials: ["p": "a\n{{x}}{{y}}\nb"], ["x": "", "y": "!"]) == "  a\n  !\n  b")
        #expect(result("  {{>p}}\n", partials: ["p": "a\n{{x}}"], ["x": ""]) == "  a\n")
    }

    @Test func textContentTypeTurnsEscapingOffInItsTemplateOnly() {
        #expect(
            result(
                "{{x}}{{% CONTENT_TYPE: TEXT }}{{x}}{{#s}}{{x}}{{/s}}{{>p}}", partials: ["p": "{{x}}"],
                ["x": "<", "s": true])
                == "&lt;<<&lt;")
    }

    @Test func aKeyLookedUpInsideAFlagIsMissing() {
        // A flag has no keys, like a string or a number: looking one up is the located error.
        #expect(
            result("{{flag.x}}", ["flag": true]) == "Templates/t.mustache:1:1: error: missing key 'flag.x' in context")
        #expect(
            result("{{#flags}}{{.x}}{{/flags}}", ["flags": [true, false]])
                == "Templates/t.mustache:1:11: error: missing key '.x' in context")
        #expect(result("{{#flags}}({{.}}){{/flags}}", ["flags": [true, false]]) == "(true)(false)")
        #expect(result("{{#flag.x}}y{{/flag.x}}", ["flag": true]) == "")
    }

    @Test func theRootIsOneValueWhateverItsKind() {
        #expect(result("{{#.}}[{{.}}]{{/.}}", ["a": 1]) == "[]")
        #expect(result("{{#.}}x{{/.}}", .list([])) == "x")
        #expect(result("{{^.}}x{{/.}}", .bool(false)) == "")
        #expect(result("{{#.}}x{{/.}}", .null) == "")
        #expect(result("{{.}}", .list([1])) == "")
    }

    @Test func unprintableValuesAreReportedInTheOrderMet() {
        #expect(
            result("{{#n}}{{b}}{{a}}{{/n}}", ["a": ["x": 1], "b": [1], "n": [1, 2]]) == """
                Templates/t.mustache:1:7: error: 'b' is a list and cannot be rendered as text; use a section {{#b}}…{{/b}}
                Templates/t.mustache:1:12: error: 'a' is an object and cannot be rendered as text; use a section {{#a}}…{{/a}}
                """)
    }

    @Test func theDeepestRenderAllowedFitsInASmallStack() throws {
        // 100 levels, every one a section over a list, through a partial; rendered on a
        // thread with 2 MiB of stack, a quarter of what Linux gives a thread.
        let templates = try library([
            "t.mustache": String(repeating: "{{#s}}", count: 60) + "{{> p}}" + String(repeating: "{{/s}}", count: 60),
            "p.mustache": String(repeating: "{{#s}}", count: 39) + "{{n}}" + String(repeating: "{{/s}}", count: 39),
        ])
        var context: TemplateValue = ["n": 1]
        for _ in 0..<100 { context = ["s": [context], "n": 1] }
        let result = Locked<String?>(nil)
        let done = DispatchSemaphore(value: 0)
        let thread = Thread { [context] in
            result.withLock { $0 = try? templates.render("t", context: context) }
            done.signal()
        }
        thread.stackSize = 2 * 1024 * 1024
        thread.start()
        done.wait()
        #expect(result.withLock { $0 } == "1")
    }
}
