import LedeCore
import LedeExplainer

/// The errors of templates that failed while rendering pages, one per mistake.
///
/// A typo in a template every page uses fails every page the same way: ten thousand identical
/// errors would bury the one line that matters. Errors at the same place with the same message
/// are given once, naming the first pages and how many others failed the same way.
struct TemplateFailures {
    /// What failed, and the pages it failed on, in the order first met.
    private var failures: [Diagnostic: [String]] = [:]
    private var order: [Diagnostic] = []

    /// How many pages are named before the rest are counted.
    static let namedPages = 3

    /// Records one page's failure: `diagnostic` as the template reported it, `page` the content
    /// file or URL of the page being rendered.
    mutating func add(_ diagnostic: Diagnostic, renderingPage page: String) {
        if failures[diagnostic] == nil { order.append(diagnostic) }
        failures[diagnostic, default: []].append(page)
    }

    /// Records the failure of the template of `job`'s page.
    mutating func add(_ error: DiagnosticError, renderingPage job: RenderJob) {
        for diagnostic in error.diagnostics { add(diagnostic, renderingPage: job.sourcePath ?? job.url) }
    }

    /// One diagnostic per mistake: `… while rendering Content/a.md` for one page,
    /// `… while rendering Content/a.md, Content/b.md, Content/c.md and 9997 other pages` for many.
    var diagnostics: [Diagnostic] {
        order.map { failure in
            let pages = failures[failure] ?? []
            var diagnostic = failure
            let named = pages.prefix(Self.namedPages).joined(separator: ", ")
            let others = pages.count - min(pages.count, Self.namedPages)
            diagnostic.message +=
                " while rendering " + named
                + (others == 0 ? "" : " and \(others) other page\(others == 1 ? "" : "s")")
            return diagnostic
        }
    }
}
