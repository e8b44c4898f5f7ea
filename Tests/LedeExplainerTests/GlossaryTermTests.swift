import LedeCore
import Testing

@testable import LedeContent
@testable import LedeExplainer

/// Phrases (titles, aliases, abbreviations) that would link to two terms are errors.
@Suite struct GlossaryTermTests {
    func term(_ id: String, _ yaml: String) throws -> GlossaryTerm {
        let path = "Content/glossary/\(id).md"
        let front = try DataReader.parse(yaml, at: LedeCore.SourceLocation(path: path, line: 2, column: 1))
        let page = Page(
            sourcePath: path, kind: .term, id: id, url: "/glossary/#\(id)", outputPath: nil,
            title: front["title"]?.text ?? "", description: nil, date: nil, updated: nil, draft: false, order: nil,
            template: nil, frontMatter: front, body: "", bodyLocation: LedeCore.SourceLocation(path: path))
        return try GlossaryTerm(page: page)
    }

    func clashes(_ terms: [GlossaryTerm]) -> [String] {
        var bag = DiagnosticBag()
        GlossaryTerm.checkPhrases(of: terms, bag: &bag)
        return bag.diagnostics.map(\.description)
    }

    /// General background without a reference is a warning at `background`, not an error.
    @Test func backgroundWithoutAReferenceIsAWarning() throws {
        let bare = try term("asylum", "title: Asylum\nshort: S\nbackground: true")
        #expect(bare.isBackground)
        #expect(
            bare.warnings.map(\.description) == [
                "Content/glossary/asylum.md:4:13: warning: general background without a reference: add references: [{title, url}] so readers can check the definition"
            ])
        let referenced = try term(
            "asylum",
            "title: Asylum\nshort: S\nbackground: true\nreferences:\n  - title: T\n    url: https://example.org/")
        #expect(referenced.warnings == [])
    }

    @Test func distinctPhrasesPass() throws {
        let terms = [
            try term("asylum", "title: Asylum\nshort: S\naliases: [asylum seeker, Asylum]"),
            try term("refugee", "title: Refugee\nshort: S\nabbr: RF"),
        ]
        #expect(clashes(terms) == [])
    }

    @Test func clashesIgnoreCaseAndPlurals() throws {
        let terms = [
            try term("policy", "title: Policy\nshort: S\nabbr: PL"),
            try term("rule", "title: Rule\nshort: S\naliases: [policies]\nabbr: pl"),
            try term("rules", "title: RULES\nshort: S"),
        ]
        #expect(
            clashes(terms) == [
                "Content/glossary/rule.md:4:11: error: alias 'policies' is also the title 'Policy' of the term 'policy' at Content/glossary/policy.md:2:8: a phrase can link to only one term",
                "Content/glossary/rule.md:5:7: error: abbreviation 'pl' is also the abbreviation 'PL' of the term 'policy' at Content/glossary/policy.md:4:7: a phrase can link to only one term",
                "Content/glossary/rules.md:2:8: error: title 'RULES' is also the title 'Rule' of the term 'rule' at Content/glossary/rule.md:2:8: a phrase can link to only one term",
            ])
    }
}
