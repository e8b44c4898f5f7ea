import Foundation
import LedeCore
import LedeTemplates
import Testing

/// `count` sections named `s` nested one per line, each opened on its own line.
private func nested(_ count: Int, inner: String = "x") -> String {
    String(repeating: "{{#s}}\n", count: count) + inner + "\n" + String(repeating: "{{/s}}\n", count: count)
}

@Suite struct TemplateCycleTests {
    @Test func partialThatIncludesItself() {
        #expect(
            errorText { try library(["a.mustache": "<ul>\n  {{#children}}{{> a}}{{/children}}\n</ul>\n"]) }
                == "Templates/a.mustache:2:16: error: partial cycle a → a")
    }

    @Test func twoPartialsThatIncludeEachOther() {
        let text = errorText {
            try library([
                "a.mustache": "A\n\n{{> partials/b}}\n", "partials/b.mustache": "{{#x}}{{>a}}{{/x}}",
                "page.mustache": "{{> a}}",
            ])
        }
        #expect(text == "Templates/a.mustache:3:1: error: partial cycle a → partials/b → a")
    }

    @Test func layoutsThatExtendEachOther() {
        let text = errorText {
            try library([
                "base.mustache": "{{<page}}{{$content}}b{{/content}}{{/page}}",
                "page.mustache": "<main>\n{{<base}}{{/base}}</main>",
            ])
        }
        #expect(text == "Templates/base.mustache:1:1: error: layout cycle base → page → base")
    }

    @Test func layoutReenteredInsideItsOwnBlock() {
        let text = errorText {
            try library([
                "base.mustache": "<main>{{$main}}{{/main}}</main>",
                "page.mustache": "{{<base}}{{$main}}{{<base}}{{/base}}{{/main}}{{/base}}",
            ])
        }
        #expect(text == "Templates/base.mustache:1:7: error: layout cycle base → block 'main' of page → base")
    }

    @Test func layoutThatExtendsItselfInsideItsBlock() {
        // The template found by fuzzing, as the only layout.
        #expect(
            errorText { try library(["base.mustache": "{{<base}}{{$main}}{{<base}}{{/base}}{{/main}}{{/base}}"]) }
                == "Templates/base.mustache:1:1: error: layout cycle base → base")
    }

    @Test func blocksThatFillEachOther() {
        let text = errorText {
            try library([
                "base.mustache": "{{$a}}{{/a}}",
                "page.mustache": "{{<base}}\n{{$a}}{{$b}}{{/b}}{{/a}}\n{{$b}}{{$a}}{{/a}}{{/b}}\n{{/base}}",
            ])
        }
        #expect(
            text
                == "Templates/page.mustache:2:7: error: layout cycle block 'a' of page → block 'b' of page → block 'a' of page"
        )
    }

    @Test func partialAndLayoutCycle() {
        let text = errorText { try library(["a.mustache": "{{<b}}{{/b}}", "b.mustache": "x {{> a}}"]) }
        #expect(text == "Templates/a.mustache:1:1: error: cycle of partials and layouts a → b → a")
    }

    @Test func everyCycleIsReportedOnce() {
        let text = errorText {
            try library([
                "a.mustache": "{{>a}}", "b.mustache": "{{>c}}", "c.mustache": "{{>b}}", "d.mustache": "{{>a}}{{>b}}",
            ])
        }
        #expect(
            text == """
                Templates/a.mustache:1:1: error: partial cycle a → a
                Templates/b.mustache:1:1: error: partial cycle b → c → b
                """)
    }

    @Test func cyclesThatShareATemplateAreOneMessage() {
        #expect(
            errorText { try library(["a.mustache": "{{>b}}", "b.mustache": "{{>a}}{{>c}}", "c.mustache": "{{>b}}"]) }
                == "Templates/a.mustache:1:1: error: partial cycle a → b → a")
        // Thirty partials that all include one another: one message per pair found, not one
        // per cycle (there are billions).
        var files: [String: String] = [:]
        for index in 0..<30 {
            files["p\(index).mustache"] = (0..<30).filter { $0 != index }.map { "{{> p\($0)}}" }.joined()
        }
        let lines = errorText { try library(files) }?.split(separator: "\n") ?? []
        #expect(lines.count == 15)
        #expect(lines.first == "Templates/p0.mustache:1:1: error: partial cycle p0 → p1 → p0")
    }

    @Test func nestedLayoutsAndSharedPartialsAreNotCycles() throws {
        let templates = try library([
            "base.mustache": "<body>{{$content}}{{/content}}{{> foot}}</body>",
            "article.mustache": "{{<base}}{{$content}}<article>{{$body}}{{/body}}</article>{{/content}}{{/base}}",
            "page.mustache": "{{<article}}{{$body}}{{title}}{{> foot}}{{/body}}{{/article}}",
            "foot.mustache": "<footer>{{site}}</footer>",
        ])
        #expect(
            try templates.render("page", context: ["title": "T", "site": "S"])
                == "<body><article>T<footer>S</footer></article><footer>S</footer></body>")
    }
}

@Suite struct TemplateDepthTests {
    @Test func sectionsAtTheLimitRender() throws {
        let templates = try library(["t.mustache": nested(100)])
        #expect(try templates.render("t", context: ["s": ["s": true]]) == "x\n")
    }

    @Test func sectionsPastTheLimitAreRefusedBeforeParsing() {
        #expect(
            errorText { try library(["t.mustache": nested(101)]) }
                == "Templates/t.mustache:101:1: error: section 's' is nested 101 levels deep (the limit is 100)")
        // swift-mustache's parser overflowed the stack from about 3,000 levels.
        #expect(
            errorText { try library(["t.mustache": nested(5_000)]) }
                == "Templates/t.mustache:101:1: error: section 's' is nested 101 levels deep (the limit is 100)")
        #expect(
            errorText { try library(["t.mustache": String(repeating: "{{$b}}{{^i}}", count: 60)]) }
                == "Templates/t.mustache:1:601: error: block 'b' is nested 101 levels deep (the limit is 100)")
    }

    @Test func depthCountsThroughPartials() {
        let text = errorText {
            try library(["t.mustache": nested(60, inner: "{{> p}}"), "p.mustache": nested(40)])
        }
        #expect(
            text
                == "Templates/p.mustache:40:1: error: section 's' is nested 101 levels deep through t → p (the limit is 100)"
        )
        #expect(
            errorText { try library(["t.mustache": nested(100, inner: "{{> p}}"), "p.mustache": ""]) }
                == "Templates/t.mustache:101:1: error: partial 'p' is included 101 levels deep (the limit is 100)")
    }

    @Test func depthCountsThroughLayoutsAndBlocks() {
        let text = errorText {
            try library([
                "base.mustache": nested(50, inner: "{{$main}}{{/main}}"),
                "page.mustache": "{{<base}}{{$main}}\n" + nested(50) + "{{/main}}{{/base}}",
            ])
        }
        #expect(
            text
                == "Templates/page.mustache:50:1: error: section 's' is nested 101 levels deep through "
                + "page → base → block 'main' of page (the limit is 100)")
    }

    @Test func aLongChainOfPartials() throws {
        var files: [String: String] = [:]
        for index in 0..<1_000 { files["p\(index).mustache"] = "{{> p\(index + 1)}}" }
        files["p1000.mustache"] = "end"
        let chain = (0...100).map { "p\($0)" }.joined(separator: " → ")
        #expect(
            errorText { try library(files) }
                == "Templates/p100.mustache:1:1: error: partial 'p101' is included 101 levels deep through \(chain) (the limit is 100)"
        )
        let short = try library(
            files.filter { $0.key.count < "p100.mustache".count }.merging(["p99.mustache": "end"]) { $1 })
        #expect(try short.render("p0", context: [:]) == "end")
    }
}

@Suite struct TemplateTextTests {
    @Test func byteThatIsNotUTF8() {
        let bytes = Data("<h1>{{title}}</h1>\n  <p>Caf".utf8) + Data([0xE9]) + Data("</p>\n".utf8)
        #expect(
            errorText {
                try library(bytes: ["partials/head.mustache": bytes, "page.mustache": Data("{{> partials/head}}".utf8)])
            }
                == "Templates/partials/head.mustache:2:9: error: file is not valid UTF-8 (byte 0xE9)")
    }

    @Test func byteOrderMarkIsDropped() throws {
        let templates = try library(bytes: ["t.mustache": Data([0xEF, 0xBB, 0xBF]) + Data("{{x}}".utf8)])
        #expect(try templates.render("t", context: ["x": "é"]) == "é")
    }

    @Test func delimitersSetInASectionEndWithIt() throws {
        // As in swift-mustache: after `<%/a%>` the delimiters are `{{ }}` again, so `{{b}}`
        // is a tag, and a missing `b` is an error.
        let template = "{{#a}}{{=<% %>=}}<%/a%>{{b}}"
        #expect(try library(["t.mustache": template]).render("t", context: ["a": true, "b": "B"]) == "B")
        #expect(
            errorText { try library(["t.mustache": template]).render("t", context: ["a": true]) }
                == "Templates/t.mustache:1:24: error: missing key 'b' in context")
    }

    @Test func setDelimitersReadAsSwiftMustacheReadsThem() throws {
        // The start delimiter `x=}}[` holds `=}}`; the tag ends at the last `=}}`.
        let template = "{{=x=}}[ ]=}}\nx=}}[name]"
        #expect(try library(["t.mustache": template]).render("t", context: ["name": "N"]) == "N")
        #expect(
            errorText { try library(["t.mustache": template]).render("t", context: [:]) }
                == "Templates/t.mustache:2:1: error: missing key 'name' in context")
    }
}
