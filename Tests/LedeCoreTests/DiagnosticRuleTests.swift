import LedeCore
import Testing

@Suite struct DiagnosticRuleTests {
    /// Ids are what code scanning keys its history by: each is unique, and they are these.
    @Test func everyRuleHasItsOwnStableID() {
        let ids = DiagnosticRule.all.map(\.id)
        #expect(ids == ["citation", "uncited", "glossary-link", "page-link", "link", "page", "claim", "build"])
        #expect(Set(ids).count == ids.count)
        #expect(DiagnosticRule.all.allSatisfy { $0.summary.hasSuffix(".") })
    }

    @Test func aDiagnosticKeepsItsRuleAndPrintsAsBefore() {
        let diagnostic = Diagnostic(
            at: SourceLocation(path: "Content/a.md", line: 4, column: 7), "unknown source paragraph 'p13'",
            rule: .citation)
        #expect(diagnostic.rule == .citation)
        #expect(diagnostic.description == "Content/a.md:4:7: error: unknown source paragraph 'p13'")
        #expect(Diagnostic(at: nil, "x").rule == nil)
    }
}
