public import LedeContent

extension Explainer {
    /// The job of a plain page after an edit to its text alone, made with this explainer (the
    /// last build's), or `nil` when the edit may change anything beyond the page's own HTML.
    ///
    /// A plain page's HTML is made from its file and site-wide values only (see ``PageJobMemo``).
    /// When its front matter is unchanged (so its URL, title and dates are), it cited nothing and
    /// held no `lede:` comment before and does not now (no claim to check), and it links the same
    /// glossary terms as before (the glossary's "used in" lists and the unused-term check are
    /// unchanged), then nothing else of the site depends on the edit: the preview renders this page
    /// alone. `cache` is not changed: the next whole build compares the page with the one it
    /// holds, finds it changed, and renders it again (a large cache is not copied for one page).
    /// - Parameters:
    ///   - page: The page as just read.
    ///   - cache: The render cache of the builder's last whole build.
    public func rerender(_ page: Page, cache: ExplainerCache) -> RenderJob? {
        guard page.kind == .page, let old = cache.groups[page.sourcePath], old.group.page.kind == .page,
            !old.facts.cites, !old.facts.silences
        else { return nil }
        var unchanged = old.group.page
        unchanged.body = page.body
        guard unchanged == page, let rendered = try? render(plainPieceGroup(page)), !rendered.facts.cites,
            !rendered.facts.silences, rendered.facts.matchedTerms == old.facts.matchedTerms,
            rendered.facts.linkedTerms == old.facts.linkedTerms
        else { return nil }
        let maker = ContextMaker(
            explainer: self, rendered: [page.sourcePath: rendered], backlinks: Backlinks(groups: [], resolver: links),
            siteWide: cache.jobs.siteWide)
        return maker.plainPageJob(page)
    }
}
