import Foundation
import LedeContent
import LedeCore
import LedeExplainer
import LedeTemplates

/// A preview rebuild after an edit to one article's text alone: the page is rendered, scanned,
/// checked and written by itself, without reading, explaining or checking the rest of the site,
/// so that a save is served in the same few milliseconds on 10,000 pages as on 10.
///
/// It applies only when the watcher reports that one content file changed, the builder's last
/// build succeeded, no content file is a symbolic link (an edit could change two pages), and the explainer finds that nothing beyond the page depends on the edit
/// (``Explainer/rerender(_:cache:)``: same front matter, no citation or `lede:` comment, the
/// same glossary terms), the page defines the same ids (no other page's link can break or
/// mend), and its template renders. Anything else (a new or removed file, an error, a changed
/// heading anchor) takes the whole incremental build, which reports it as a clean build would.
/// It holds the output's lock (``OutputLock``) while it checks and writes the output.
/// The diagnostics are the last build's, with this page's link warnings replaced; the output
/// manifest records the new bytes; the other caches keep the last whole build's page (see
/// ``Explainer/rerender(_:cache:)``).
enum QuickEdit {
    static func build(
        _ path: String, options: BuildOptions, cache: inout RenderCache, manifest: inout OutputManifest?
    ) -> BuildSummary? {
        let clock = ContinuousClock()
        let start = clock.now
        guard !options.strict, path.hasPrefix("Content/"), path.hasSuffix(".md"),
            var report = cache.lastReport, let explainer = cache.lastExplainer, !explainer.site.hasLinkedContent,
            let library = cache.library,
            var known = manifest, let universe = cache.links.universe,
            let page = try? ContentLoader(root: options.siteRoot, includeDrafts: options.includeDrafts)
                .readPage(at: path),
            options.includeDrafts || !page.draft
        else { return nil }
        // It writes into the output as a whole build does: not while another build (a
        // `lede build` into the same output) is writing it.
        guard
            let lock = try? OutputLock(beside: options.output, waiting: { OutputLock.sayWaiting(for: options.output) })
        else { return nil }
        defer { withExtendedLifetime(lock) {} }
        guard known.isIntact(at: options.output), let job = explainer.rerender(page, cache: cache.explainer),
            library.contains(job.template),
            let rendered = try? Data(library.render(job.template, context: job.context).utf8),
            let oldScan = cache.scans.pages[job.outputPath]?.scan
        else { return nil }
        let input = options.minify ? Data(Minifier.html([UInt8](rendered))) : rendered
        var renamer = AssetFingerprinter.Renamer(
            names: cache.scans.names, basePath: cache.scans.basePath, baseURL: cache.scans.baseURL)
        var scan = PageScan(input, at: job.outputPath, renamer: &renamer)
        guard scan.ids == oldScan.ids else { return nil }
        let published = scan.rewritten ?? input
        scan.rewritten = nil
        let problems = LinkChecker.problems(of: scan.items, at: job.outputPath, in: universe)
        let warnings = LinkChecker.diagnostics(
            of: problems, at: job.outputPath, sourceOf: [job.outputPath: path],
            linkLocations: [job.outputPath: job.linkLocations], basePath: universe.basePath)
        let hash = ContentHash.fast(published)
        var changed: [String] = []
        if known.hashes[job.outputPath] != hash {
            do {
                try published.write(to: options.output.appendingPathComponent(job.outputPath), options: .atomic)
            } catch {
                return nil
            }
            known.hashes[job.outputPath] = hash
            changed.append(job.outputPath)
        }
        report.linkWarnings[job.outputPath] = warnings.isEmpty ? nil : warnings
        // The render, scan and link caches keep the last whole build's page, except its HTML: the
        // page on disk is no longer that one, and a whole build that finds the article as it was
        // then (an edit taken back) must render it and compare it with the disk, not take the
        // cached HTML for what is written. The manifest says what is on disk now.
        cache.pages[job.outputPath] = nil
        cache.lastReport = report
        manifest = known
        var summary = BuildSummary(
            pagesWritten: report.pageCount, pagesRendered: 1, filesGenerated: report.generatedCount,
            filesCopied: report.filesCopied, changedPaths: changed, duration: clock.now - start,
            diagnostics: report.diagnostics)
        summary.renderedAlone = true
        summary.markdownRendered = 1
        return summary
    }
}
