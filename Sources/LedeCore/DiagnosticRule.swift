/// The kind of a problem, with a stable id: what `lede check --format json` and `sarif` name
/// as its rule, so that a code-scanning tool groups, filters and tracks findings across runs.
///
/// Every kind is listed here, once; a diagnostic without one is ``build``. Ids never change
/// once published: a code-scanning history is keyed by them.
public struct DiagnosticRule: Sendable, Hashable, CustomStringConvertible {
    /// The stable id (`citation`).
    public let id: String
    /// One sentence on what the rule finds, for a code-scanning tool's rule list.
    public let summary: String

    private init(_ id: String, _ summary: String) {
        self.id = id
        self.summary = summary
    }

    /// The id.
    public var description: String { id }

    /// A citation (`[¶2](seed:p2)`) names a source document or paragraph that does not exist.
    public static let citation = DiagnosticRule(
        "citation", "A citation names a source document or paragraph that does not exist.")
    /// A key point, event or other piece that must cite a source paragraph cites none.
    public static let uncited = DiagnosticRule(
        "uncited", "A key point, event or other item that must cite a source paragraph cites none.")
    /// An explicit glossary link (`term:asylum`) names no term.
    public static let glossaryLink = DiagnosticRule(
        "glossary-link", "A glossary link (term:ID) names a term that does not exist.")
    /// A relative link to a Markdown file names no page.
    public static let pageLink = DiagnosticRule(
        "page-link", "A link to another Markdown file names a page that does not exist.")
    /// A link, fragment or asset of the built site leads nowhere.
    public static let link = DiagnosticRule(
        "link", "A link, #fragment or asset reference of the built site leads nowhere.")
    /// A built page lacks what every page needs (a title, one h1, unique ids, alt text).
    public static let page = DiagnosticRule(
        "page", "A built page lacks a title, exactly one h1, unique ids or alt text on an image.")
    /// A claim says more or other than the paragraph it cites, or a silence of it is wrong.
    public static let claim = DiagnosticRule(
        "claim",
        "A statement says more or other than the source paragraph it cites (a dropped hedge, a number, date, name or quote the paragraph does not have), or a silence of such a finding is wrong."
    )
    /// Anything else that stops or mars a build: config, front matter, data files, templates.
    public static let build = DiagnosticRule(
        "build", "A problem with the site's config, front matter, data files, templates or files.")

    /// Every rule, in the order a rule list shows them.
    public static let all: [DiagnosticRule] = [
        citation, uncited, glossaryLink, pageLink, link, page, claim, build,
    ]
}
