import Foundation
import LedeContent
import LedeCore
import LedeExplainer

/// The steps between rendering and writing that make a site ready to publish: minify
/// (`--minify`), fingerprint stylesheets and scripts, then check every link of the result.
///
/// They run on the whole in-memory output of every build, so the checker sees exactly the
/// bytes that are written, renamed assets included.
enum PublishStep {
    /// Runs the steps on a rendered site.
    /// - Parameters:
    ///   - files: Generated files; `.css` and `.js` from `Public/` are moved in from `publicFiles`.
    ///   - publicFiles: Files to copy from `Public/`.
    ///   - pages: The pages rendered, for the content file behind each.
    ///   - unrendered: Output paths of pages whose template failed: links to them are not checked.
    ///   - bag: Receives unreadable assets (errors) and link problems (warnings).
    ///   - unchanged: Pages whose rendered bytes are the last build's.
    ///   - linkMemo: The link checker's results of the last build, updated.
    ///   - carried: Pages carried over from the last build, by output path, with their record:
    ///     they are not in `files` (their bytes are already written). Their problems are the
    ///     recorded ones when nothing they resolve against changed (`storedUniverse`); otherwise
    ///     their references are checked again.
    ///   - storedUniverse: The link checker's universe key of the build that recorded them.
    static func run(
        files: inout [String: Data], publicFiles: inout [String: URL], pages: [RenderJob],
        unrendered: Set<String> = [], site: Site, options: BuildOptions, scanCache: inout AssetFingerprinter.ScanCache,
        unchanged: Set<String>, linkMemo: inout LinkChecker.Memo, carried: [String: BuildCache.PageRecord] = [:],
        storedUniverse: UInt64? = nil, bag: inout DiagnosticBag
    ) -> Outcome {
        var timer = PhaseTimer()
        defer { timer.report() }
        for (path, url) in publicFiles.sorted(by: { $0.key < $1.key })
        where AssetFingerprinter.extensions.contains(PathText.pathExtension(of: path).lowercased()) {
            guard let data = bag.collect(at: SourceLocation(path: "Public/" + path), { try Data(contentsOf: url) })
            else {
                continue
            }
            files[path] = data
            publicFiles[path] = nil
        }
        timer.mark("assets")
        if options.minify {
            // Every page on its own, in parallel.
            let inputs = files.filter { $0.key.hasSuffix(".html") || $0.key.hasSuffix(".css") }.map {
                ($0.key, $0.value)
            }
            let minified = ParallelMap.map(inputs) { path, data in
                Data(path.hasSuffix(".html") ? Minifier.html([UInt8](data)) : Minifier.css([UInt8](data)))
            }
            for ((path, _), data) in zip(inputs, minified) { files[path] = data }
        }
        timer.mark("minify")
        let config = site.config
        let scanned = AssetFingerprinter.fingerprintScanningPages(
            &files, basePath: config.basePath, baseURL: config.baseURL, cache: &scanCache, unchanged: unchanged)
        timer.mark("fingerprint")
        var sourceOf: [String: String] = [:]
        var linkLocations: [String: [String: SourceLocation]] = [:]
        for page in pages {
            sourceOf[page.outputPath] = page.sourcePath
            if !page.linkLocations.isEmpty { linkLocations[page.outputPath] = page.linkLocations }
        }
        var checkedFiles = files
        var checkedPages = scanned.pages
        var ids = options.buildCache ? scanned.pages.mapValues(\.ids) : [:]
        for (path, record) in carried {
            checkedFiles[path] = Data()
            ids[path] = record.ids
        }
        // Only a build that keeps a build cache needs the key (preview builds keep theirs in memory).
        let universe =
            options.buildCache
            ? LinkChecker.universeKey(
                paths: checkedFiles.keys, publicFiles: Set(publicFiles.keys).union(unrendered), ids: ids,
                basePath: config.basePath, baseURL: config.baseURL) : 0
        var given: [String: [LinkChecker.Problem]] = [:]
        for (path, record) in carried {
            if universe == storedUniverse {
                checkedPages[path] = PageScan(ids: record.ids, items: [])
                given[path] = record.problems
                // Only a page with problems needs to say where its links were written.
                if !record.problems.isEmpty, let checks = BuildCache.Checks(record.checks) {
                    linkLocations[path] = checks.linkLocations
                }
            } else if let checks = BuildCache.Checks(record.checks) {
                checkedPages[path] = PageScan(ids: record.ids, items: checks.items)
                linkLocations[path] = checks.linkLocations
            } else {
                checkedPages[path] = PageScan(ids: record.ids, items: [])
                given[path] = record.problems
            }
        }
        let (diagnostics, problems) = LinkChecker.check(
            files: checkedFiles, pages: checkedPages, publicFiles: Set(publicFiles.keys), basePath: config.basePath,
            sourceOf: sourceOf, baseURL: config.baseURL, unrendered: unrendered, unchanged: scanned.unchanged,
            memo: &linkMemo, linkLocations: linkLocations, given: given)
        timer.mark("check")
        return Outcome(
            unchanged: scanned.unchanged, scans: scanned.pages, problems: problems, universe: universe,
            linkWarnings: diagnostics)
    }

    /// What the publish step found besides its diagnostics.
    struct Outcome {
        /// The pages of `unchanged` whose published bytes are the last build's too.
        var unchanged: Set<String>
        /// The scan of every HTML page of `files`.
        var scans: [String: PageScan]
        /// The link checker's problems, by output path.
        var problems: [String: [LinkChecker.Problem]]
        /// What the link checker resolved against (``LinkChecker/universeKey(paths:publicFiles:ids:basePath:baseURL:)``).
        var universe: UInt64
        /// The link checker's warnings of each file that has any, in path order: the caller adds
        /// them after everything else the build reports.
        var linkWarnings: [(path: String, warnings: [Diagnostic])]
    }
}
