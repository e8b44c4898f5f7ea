import Foundation
import LedeCore
import LedeTemplates
import Testing

/// Renders `template` as the only template `t`.
private func render(_ template: String, _ context: TemplateValue) throws -> String {
    try library(["t.mustache": template]).render("t", context: context)
}

@Suite struct LoadingTests {
    @Test func namesArePathsWithoutExtension() throws {
        let templates = try library([
            "base.mustache": "", "page.mustache": "", "partials/head.mustache": "", "notes.txt": "",
        ])
        #expect(templates.names == ["base", "page", "partials/head"])
        #expect(templates.contains("partials/head"))
        #expect(!templates.contains("head"))
    }

    /// A template's fingerprint covers the partials and layouts it reaches, transitively, and
    /// nothing else: what a page made with it depends on.
    @Test func aFingerprintChangesWithWhatTheTemplateRenders() throws {
        let files = [
            "base.mustache": "<main>{{$main}}{{/main}}</main>",
            "page.mustache": "{{<base}}{{$main}}{{> a}}{{/main}}{{/base}}",
            "a.mustache": "A{{> b}}", "b.mustache": "B", "other.mustache": "{{> c}}", "c.mustache": "C",
        ]
        let before = try library(files)
        func changed(_ path: String) throws -> [String] {
            var edited = files
            edited[path, default: ""] += " "
            let after = try library(edited)
            return before.names.filter { before.fingerprint(of: $0) != after.fingerprint(of: $0) }
        }
        #expect(try changed("b.mustache") == ["a", "b", "page"])
        #expect(try changed("base.mustache") == ["base", "page"])
        #expect(try changed("c.mustache") == ["c", "other"])
        #expect(try changed("page.mustache") == ["page"])
        #expect(try library(files).allFingerprints == before.allFingerprints)
        #expect(before.fingerprint(of: "nope") == nil)
    }

    @Test func unknownPartialIsReportedAtLoad() {
        let text = errorText {
            try library(["page.mustache": "<html>\n  <head>{{> partials/nope}}</head>\n", "base.mustache": ""])
        }
        #expect(
            text == "Templates/page.mustache:2:9: error: unknown partial 'partials/nope' (templates: base, page)")
    }

    @Test func aMisspeltPartialNamesThePartialMeant() {
        let text = errorText {
            try library(["page.mustache": "{{> partials/bylin}}", "partials/byline.mustache": "", "base.mustache": ""])
        }
        #expect(
            text
                == "Templates/page.mustache:1:1: error: unknown partial 'partials/bylin' (did you mean 'partials/byline'? templates: base, page, partials/byline)"
        )
    }

    @Test func unknownParentLayoutIsReportedAtLoad() {
        let text = errorText {
            try library(["page.mustache": "{{<nope}}\n{{$content}}x{{/content}}\n{{/nope}}\n"])
        }
        #expect(text == "Templates/page.mustache:1:1: error: unknown parent layout 'nope' (templates: page)")
    }

    @Test func unclosedSectionIsReportedAtItsOpeningTag() {
        let text = errorText {
            try library(["partials/list.mustache": "<ul>\n  {{#items}}<li>{{.}}</li>\n</ul>\n"])
        }
        #expect(text == "Templates/partials/list.mustache:2:3: error: unclosed section 'items'")
    }

    @Test func mismatchedCloseIsReported() {
        let text = errorText { try library(["t.mustache": "{{#a}}\n{{/b}}"]) }
        #expect(text == "Templates/t.mustache:2:1: error: 'b' closes section 'a' opened at 1:1")
    }

    @Test func swiftMustacheSyntaxErrorsKeepLineAndColumn() {
        #expect(
            errorText { try library(["t.mustache": "ok\n  {{name with spaces}}\n"]) }
                == "Templates/t.mustache:2:10: error: unfinished tag")
        #expect(
            errorText { try library(["t.mustache": "ok\n{{=<% %>}}\n"]) }
                == "Templates/t.mustache:3:1: error: unexpected end of template")
    }

    @Test func everyErrorOfEveryFileIsReported() {
        let text = errorText {
            try library(["a.mustache": "{{>x}}", "b.mustache": "{{#open}}", "c.mustache": "{{uppercased(x)}}"])
        }
        #expect(
            text == """
                Templates/a.mustache:1:1: error: unknown partial 'x' (templates: a, b, c)
                Templates/b.mustache:1:1: error: unclosed section 'open'
                Templates/c.mustache:1:1: error: template functions are not supported ('uppercased(x)')
                """)
    }

    @Test func missingFolderIsAnError() {
        let text = errorText {
            try TemplateLibrary.load(from: URL(fileURLWithPath: "/nonexistent/lede"), displayRoot: "Templates")
        }
        #expect(
            text
                == "Templates: error: missing templates folder: create Templates/ with the site's templates (at least page.mustache)"
        )
    }
}

@Suite struct RenderingTests {
    @Test func layoutInheritanceAndPartials() throws {
        let templates = try library([
            "base.mustache": """
            <html>
            {{> partials/head}}
            <body>
            {{$content}}default{{/content}}
            </body>
            </html>

            """,
            "partials/head.mustache": "<title>{{title}}</title>\n",
            "page.mustache": """
            {{<base}}
            {{$content}}<h1>{{title}}</h1>{{/content}}
            {{/base}}

            """,
        ])
        let html = try templates.render("page", context: ["title": "Fish & chips"])
        #expect(
            html == """
                <html>
                <title>Fish &amp; chips</title>
                <body>
                <h1>Fish &amp; chips</h1>
                </body>
                </html>

                """)
        #expect(try templates.render("base", context: ["title": "x"]).contains("default"))
    }

    @Test func escapingAndTripleMustache() throws {
        let context: TemplateValue = ["x": "<a href=\"q\">Tom's & Jerry's</a>"]
        #expect(try render("{{x}}", context) == "&lt;a href=&quot;q&quot;&gt;Tom&#39;s &amp; Jerry&#39;s&lt;/a&gt;")
        #expect(try render("{{{x}}}", context) == "<a href=\"q\">Tom's & Jerry's</a>")
        #expect(try render("{{&x}}", context) == "<a href=\"q\">Tom's & Jerry's</a>")
    }

    @Test func scalars() throws {
        #expect(try render("{{n}} {{b}} {{s}}", ["n": 42, "b": true, "s": "é"]) == "42 true é")
    }

    @Test func sectionsOverListsAndObjects() throws {
        let context: TemplateValue = [
            "items": [["name": "a"], ["name": "b"]],
            "tags": ["x", "y"],
            "page": ["title": "T"],
        ]
        #expect(try render("{{#items}}<{{name}}>{{/items}}", context) == "<a><b>")
        #expect(try render("{{#tags}}[{{.}}]{{/tags}}", context) == "[x][y]")
        #expect(try render("{{#page}}{{title}}{{/page}}", context) == "T")
    }

    @Test(
        arguments: [
            ("null", TemplateValue.null), ("false", false), ("empty list", []), ("empty string", ""),
        ] as [(String, TemplateValue)])
    func falsyValues(label: String, value: TemplateValue) throws {
        #expect(try render("{{^x}}none{{/x}}{{#x}}some{{/x}}", ["x": value]) == "none", "\(label)")
    }

    @Test func truthyValues() throws {
        let context: TemplateValue = ["t": true, "l": [1], "s": "s", "o": [:], "n": 0]
        #expect(try render("{{#t}}1{{/t}}{{#l}}2{{/l}}{{#s}}3{{/s}}{{#o}}4{{/o}}{{#n}}5{{/n}}", context) == "12345")
        #expect(try render("{{^t}}1{{/t}}{{^l}}2{{/l}}{{^s}}3{{/s}}{{^o}}4{{/o}}{{^n}}5{{/n}}", context) == "")
    }

    @Test func nullRendersEmptyAndIsNotMissing() throws {
        #expect(
            try render("[{{dek}}][{{page.dek.text}}]", ["dek": .null, "page": ["dek": TemplateValue(nil as String?)]])
                == "[][]")
        #expect(TemplateValue("x" as String?) == .string("x"))
    }

    @Test func dottedNames() throws {
        let context: TemplateValue = ["page": ["author": ["name": "Ada"]], "name": "outer"]
        #expect(try render("{{page.author.name}}", context) == "Ada")
        #expect(try render("{{#page.author}}{{name}}{{/page.author}}", context) == "Ada")
        #expect(try render("{{#page}}{{.author.name}}{{/page}}", context) == "Ada")
    }

    @Test func keyFromAnOuterFrameInsideASectionIsNotAnError() throws {
        let context: TemplateValue = ["site": ["name": "Lede"], "items": [["title": "a"], ["title": "b"]]]
        #expect(try render("{{#items}}{{title}}@{{site.name}} {{/items}}", context) == "a@Lede b@Lede ")
        #expect(try render("{{^none}}{{site.name}}{{/none}}", ["none": [], "site": ["name": "L"]]) == "L")
    }

    @Test func setDelimitersStillCheckNames() throws {
        #expect(try render("{{=<% %>=}}<%#a%><%b%><%/a%>", ["a": ["b": "x"]]) == "x")
        #expect(
            errorText { try render("{{=<% %>=}}\n<% nope %>", [:]) }
                == "Templates/t.mustache:2:1: error: missing key 'nope' in context")
    }
}

@Suite struct RenderErrorTests {
    @Test func unknownTemplate() throws {
        let templates = try library(["a.mustache": "", "b.mustache": "", "partials/c.mustache": ""])
        #expect(
            errorText { try templates.render("x", context: [:]) }
                == "lede: error: unknown template 'x' (templates: a, b, partials/c)")
    }

    @Test func missingKeyAtTopLevel() {
        #expect(
            errorText { try render("<h1>{{title}}</h1>\n  <p>{{ dek }}</p>", ["title": "T"]) }
                == "Templates/t.mustache:2:6: error: missing key 'dek' in context")
    }

    @Test func missingDottedKey() {
        let context: TemplateValue = ["page": ["title": "T"]]
        #expect(
            errorText { try render("{{page.title}}\n{{{page.dek}}}", context) }
                == "Templates/t.mustache:2:1: error: missing key 'page.dek' in context")
        #expect(
            errorText { try render("{{#page}}{{.dek}}{{/page}}", context) }
                == "Templates/t.mustache:1:10: error: missing key '.dek' in context")
        // `page.title` is found, so `page.title.x` must not fall back to an outer `x`.
        #expect(
            errorText { try render("{{page.title.x}}", ["page": ["title": "T"], "x": "outer"]) }
                == "Templates/t.mustache:1:1: error: missing key 'page.title.x' in context")
    }

    @Test func missingKeyInsideASectionIsAnErrorOnce() {
        #expect(
            errorText { try render("{{#items}}{{nope}}{{/items}}{{^gone}}{{/gone}}", ["items": [[:], [:]]]) }
                == "Templates/t.mustache:1:11: error: missing key 'nope' in context")
    }

    @Test func missingKeysInPartialsAndBlocksPointAtTheirOwnFile() throws {
        let templates = try library([
            "base.mustache": "{{> partials/head}}\n{{$content}}{{/content}}",
            "partials/head.mustache": "<title>\n    {{page.title}}</title>",
            "page.mustache": "{{<base}}{{$content}}\n{{body}}{{/content}}{{/base}}",
        ])
        #expect(
            errorText { try templates.render("page", context: ["page": [:]]) }
                == """
                Templates/page.mustache:2:1: error: missing key 'body' in context
                Templates/partials/head.mustache:2:5: error: missing key 'page.title' in context
                """)
    }

    @Test func listsAndObjectsAreNotText() {
        #expect(
            errorText { try render("{{tags}}", ["tags": ["a"]]) }
                == "Templates/t.mustache:1:1: error: 'tags' is a list and cannot be rendered as text; "
                + "use a section {{#tags}}…{{/tags}}")
    }
}

@Suite struct OptionalSectionTests {
    static let withSubtitle: TemplateValue = ["page": ["title": "T", "extra": ["subtitle": "S"]]]
    static let withoutSubtitle: TemplateValue = ["page": ["title": "T", "extra": [:]]]
    static let template =
        "{{#page.extra.subtitle}}<p>{{page.extra.subtitle}}</p>{{/page.extra.subtitle}}"
        + "{{^page.extra.subtitle}}<p>no subtitle</p>{{/page.extra.subtitle}}"

    @Test func sectionsTestPresenceOfTheLastPart() throws {
        #expect(try render(Self.template, Self.withSubtitle) == "<p>S</p>")
        #expect(try render(Self.template, Self.withoutSubtitle) == "<p>no subtitle</p>")
    }

    @Test func missingTopLevelKeyInASectionIsFalse() throws {
        #expect(try render("[{{#flag}}on{{/flag}}{{^flag}}off{{/flag}}]", [:]) == "[off]")
        #expect(
            try render(
                "{{#items}}{{#note}}!{{/note}}{{title}} {{/items}}",
                ["items": [["title": "a"], ["title": "b", "note": true]]]) == "a !b ")
    }

    @Test func interpolatingTheMissingKeyIsStillTheLocatedError() {
        #expect(
            errorText { try render("<h1>{{page.title}}</h1>\n<p>{{page.extra.subtitle}}</p>", Self.withoutSubtitle) }
                == "Templates/t.mustache:2:4: error: missing key 'page.extra.subtitle' in context")
        // Testing it with a section first does not make a later `{{page.extra.subtitle}}` optional.
        #expect(
            errorText {
                try render(
                    "{{#page.extra.subtitle}}{{/page.extra.subtitle}}{{page.extra.subtitle}}", Self.withoutSubtitle)
            }
                == "Templates/t.mustache:1:49: error: missing key 'page.extra.subtitle' in context")
    }

    @Test func aMissingMiddlePartIsAnError() {
        // Only the last part may be absent: a typo earlier in the path is not silently false.
        #expect(
            errorText { try render("{{#page.extar.subtitle}}x{{/page.extar.subtitle}}", Self.withSubtitle) }
                == "Templates/t.mustache:1:1: error: missing key 'page.extar.subtitle' in context (did you mean 'page.extra.subtitle'?)"
        )
        #expect(
            errorText { try render("{{^paeg.extra}}x{{/paeg.extra}}", Self.withSubtitle) }
                == "Templates/t.mustache:1:1: error: missing key 'paeg.extra' in context (did you mean 'page.extra'?)")
    }

    @Test func aMissingKeyInANestedSectionDoesNotHideAnOuterOne() throws {
        // `flag` is missing from the element, found in the root frame: rendered with the root's value.
        #expect(try render("{{#items}}{{#flag}}[{{.}}]{{/flag}}{{/items}}", ["items": ["a"], "flag": true]) == "[a]")
    }
}

@Suite struct ConcurrencyTests {
    @Test func parallelRenderingMatchesSequential() async throws {
        let templates = try library([
            "base.mustache": "<main>{{$content}}{{/content}}</main>{{> foot}}",
            "foot.mustache": "<footer>{{site}}</footer>",
            "page.mustache": "{{<base}}{{$content}}{{#items}}<li>{{n}} {{title}}</li>{{/items}}{{/content}}{{/base}}",
        ])
        let contexts: [TemplateValue] = (0..<400).map { index in
            [
                "site": .string("S\(index)"), "title": .string("<\(index)>"),
                "items": .list((0..<(index % 7)).map { ["n": .int($0)] }),
            ]
        }
        let sequential = try contexts.map { try templates.render("page", context: $0) }
        let parallel = try await withThrowingTaskGroup(of: (Int, String).self) { group in
            for (index, context) in contexts.enumerated() {
                group.addTask { (index, try templates.render("page", context: context)) }
            }
            var results = [String](repeating: "", count: contexts.count)
            for try await (index, html) in group { results[index] = html }
            return results
        }
        #expect(parallel == sequential)
        #expect(
            sequential[3]
                == "<main><li>0 &lt;3&gt;</li><li>1 &lt;3&gt;</li><li>2 &lt;3&gt;</li></main><footer>S3</footer>")
    }
}
