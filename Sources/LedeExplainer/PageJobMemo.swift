import LedeContent
import LedeCore

/// The jobs of plain pages from the last build, given back when nothing they are made from
/// changed, so that an edit to one article of a large site does not rebuild every article's
/// context (and the builder knows, without comparing contexts, that their HTML is unchanged).
///
/// A plain page (`page` kind: the articles around an explainer, the about page) is made from its
/// own file, its rendered Markdown and site-wide values only: the `site` members and
/// navigation, the labels, the glossary's names, the config, the overview's dates and the
/// sourcing page's title and URL (``SiteWide``), and the definitions of the terms it uses (its
/// term popovers). It shows no backlinks and no list of other pages. So a page keeps its job when
/// the site-wide values equal the last build's, its file is unchanged, its Markdown came from the
/// render cache (which is emptied when anything its Markdown depends on changes), and the terms it
/// uses are defined as they were.
struct PageJobMemo: Sendable {
    /// Everything outside a plain page that its context is made from.
    struct SiteWide: Sendable, Equatable {
        var members: [String: ContextValue]
        var navigation: [[String]]
        var strings: ContextValue
        var config: SiteConfig
        var overviewDates: [WrittenDate?]
        var sourcing: [String]?
        var terms: [[String]]
    }

    /// The site-wide values the jobs below were made with.
    var siteWide: SiteWide?
    /// The glossary's short definitions the jobs below were made with, by term id.
    var definitions: [String: String] = [:]
    /// Plain pages' jobs by content file, with the page they were made from.
    var jobs: [String: (page: Page, job: RenderJob)] = [:]

    /// The previous job of `page`, when it can be reused (see the type's comment).
    /// - Parameter siteWideUnchanged: Whether this build's ``SiteWide`` equals ``siteWide``
    ///   (compared once per build by the caller).
    /// - Parameter definitionsUnchanged: Whether the terms the page uses are defined as in
    ///   ``definitions``.
    func job(for page: Page, siteWideUnchanged: Bool, markdownReused: Bool, definitionsUnchanged: Bool) -> RenderJob? {
        guard page.kind == .page, markdownReused, siteWideUnchanged, definitionsUnchanged,
            let known = jobs[page.sourcePath], known.page == page
        else { return nil }
        return known.job
    }
}
