import LedeCore
import Testing

@testable import LedeBuilder

@Suite struct TemplateFailuresTests {
    static let typo = Diagnostic(
        at: SourceLocation(path: "Templates/page.mustache", line: 2, column: 4), "missing key 'page.titel' in context")

    @Test func oneMistakeOnManyPagesIsOneError() {
        var failures = TemplateFailures()
        for index in 1...5 { failures.add(Self.typo, renderingPage: "Content/p\(index).md") }
        let other = Diagnostic(at: SourceLocation(path: "Templates/event.mustache", line: 9, column: 1), "bad")
        failures.add(other, renderingPage: "Content/timeline/a.md")
        failures.add(Self.typo, renderingPage: "Content/p6.md")
        #expect(
            failures.diagnostics.map(\.description) == [
                "Templates/page.mustache:2:4: error: missing key 'page.titel' in context while rendering Content/p1.md, "
                    + "Content/p2.md, Content/p3.md and 3 other pages",
                "Templates/event.mustache:9:1: error: bad while rendering Content/timeline/a.md",
            ])
    }

    @Test func fewPagesAreAllNamed() {
        var failures = TemplateFailures()
        failures.add(Self.typo, renderingPage: "Content/a.md")
        #expect(
            failures.diagnostics.map(\.message) == ["missing key 'page.titel' in context while rendering Content/a.md"])
        for page in ["Content/b.md", "Content/c.md", "Content/d.md"] { failures.add(Self.typo, renderingPage: page) }
        #expect(
            failures.diagnostics.map(\.message) == [
                "missing key 'page.titel' in context while rendering Content/a.md, Content/b.md, Content/c.md and 1 other page"
            ])
    }
}
