import Foundation
import LedeContent
import LedeCore
import LedeExplainer

/// The steps between rendering and writing that make a site ready to publish: minify
/// (`--minify`), fingerprint stylesheets and scripts, then check every link of the result.
///
/// They run on the whole in-memory output of a preview's build; a one-off build prepares the
/// files other than pages, then publishes each page as it renders it and writes it at once,
/// keeping only its scan. Either way the checker sees exactly the bytes that are written,
/// renamed assets included.
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
        let scanned = prepare(
            files: &files, publicFiles: &publicFiles, site: site, options: options, scanCache: &scanCache,
            unchanged: unchanged, bag: &bag)
        return check(
            files: files, publicFiles: publicFiles, pages: pages, unrendered: unrendered, site: site, options: options,
            scanned: scanned, linkMemo: &linkMemo, carried: carried, storedUniverse: storedUniverse)
    }

    /// What ``prepare(files:publicFiles:site:options:scanCache:unchanged:bag:)`` found: the new
    /// name of each renamed asset, each HTML file's scan, and the pages of `unchanged` whose
    /// published bytes are the last build's too.
    typealias Prepared = (names: [String: String], pages: [String: PageScan], unchanged: Set<String>)

    /// The steps before the link check: the assets of `Public/` read, then every file of
    /// `files` minified (when asked), the assets renamed and every HTML file scanned. A one-off
    /// build runs it on the files other than pages, then ``publish(page:at:minify:renamer:)``
    /// on each page as it is rendered.
    static func prepare(
        files: inout [String: Data], publicFiles: inout [String: URL], site: Site, options: BuildOptions,
        scanCache: inout AssetFingerprinter.ScanCache, unchanged: Set<String>, bag: inout DiagnosticBag
    ) -> Prepared {
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
        return scanned
    }

    /// One page as it is published, once the other files are prepared (``prepare(files:publicFiles:site:options:scanCache:unchanged:bag:)``):
    /// minified when asked, its references to renamed assets rewritten; with its scan. A file
    /// that is not HTML is neither minified nor scanned, as in the whole-site steps.
    static func publish(page data: Data, at path: String, minify: Bool, renamer: inout AssetFingerprinter.Renamer)
        -> (Data, PageScan?)
    {
        guard path.hasSuffix(".html") else { return (data, nil) }
        let input = minify ? Data(Minifier.html([UInt8](data))) : data
        var scan = PageScan(input, at: path, renamer: &renamer)
        let published = scan.rewritten ?? input
        scan.rewritten = nil
        return (published, scan)
    }

    /// The link check of a prepared site.
    /// - Parameters:
    ///   - files: Every file's bytes (a page's may be empty: only those of stylesheets are read).
    ///   - scanned: What ``prepare(files:publicFiles:site:options:scanCache:unchanged:bag:)``
    ///     found, with the scan of every HTML page.
    static func check(
        files: [String: Data], publicFiles: [String: URL], pages: [RenderJob], unrendered: Set<String>, site: Site,
        options: BuildOptions, scanned: Prepared, linkMemo: inout LinkChecker.Memo,
        carried: [String: BuildCache.PageRecord], storedUniverse: UInt64?
    ) -> Outcome {
        var timer = PhaseTimer()
        defer { timer.report() }
        let config = site.config
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
