import Foundation
import LedeContent
import LedeCore
import LedeExplainer
import LedeMarkdown
import LedeTemplates

/// A built site: every output file's bytes, before it is written, but for the pages a one-off
/// build already wrote into the spare folder as it rendered them (``streamed``).
struct BuiltSite: Sendable {
    /// Generated files by output path.
    var files: [String: Data]
    /// Files to copy from `Public/`, by output path → absolute source.
    var publicFiles: [String: URL]
    var pageCount: Int
    /// Pages whose template was rendered in this build (the others came from the cache).
    var renderedCount: Int
    /// Pages whose Markdown was rendered in this build (``ExplainerOutput/markdownRendered``).
    var markdownCount = 0
    var generatedCount: Int
    var diagnostics: [Diagnostic]
    /// Output paths whose bytes are those the same builder wrote last time (only incremental
    /// builders know any): the writer need not hash them.
    var unchangedPaths: Set<String> = []
    /// Pages carried over from the last build (see ``BuildCache``), by output path, with the hash
    /// of their bytes: they are not in ``files``, their bytes are in the output folder.
    var carried: [String: UInt64] = [:]
    /// What the build cache records of this build, when it keeps one.
    var cacheRecord: CacheRecord?
    /// Pages a one-off build already wrote into ``spare`` as it rendered them, by output path,
    /// with their hash and record: they are not in ``files``.
    var streamed: [String: OutputWriter.OpenSpare.Written] = [:]
    /// The spare folder those pages were written into, ready for the rest.
    var spare: OutputWriter.OpenSpare?

    /// This build's part of the ``BuildCache`` (the writer adds the folders).
    struct CacheRecord: Sendable {
        var siteKey: UInt64
        var plainPagesKey: UInt64
        var definitions: [String: String]
        var templates: [String: UInt64]
        var universe: UInt64
        var pages: [String: BuildCache.PageRecord]
        var own: BuildCache.OwnRecord?
        /// The own pages' contexts, when this build made them all (see ``OwnContexts``).
        var ownContexts: OwnContexts?
    }
}

/// A page a one-off build streamed: rendered and written, or kept as the last build wrote it.
struct StreamedPage: Sendable {
    var scan: PageScan?
    var written = OutputWriter.OpenSpare.Written()
    /// ``SiteBuild/inputHash(of:context:library:salt:)`` of a plain page, for the build cache; 0 otherwise.
    var inputHash: UInt64
    /// The hash of the output file kept, when the page was not written (``KeptPages``).
    var keptFile: UInt64?
}

/// The plain pages a build that renders a page's Markdown again (its carry-over failed: a
/// glossary alias added, a label changed, a page it links to moved) may still keep as the last
/// build wrote them: when the hash of its template and context is the one recorded and the
/// output file is still the one recorded, the page is not rendered nor written; its output
/// file is linked into the new site, and its recorded references are checked again.
struct KeptPages: Sendable {
    /// The last build's cache, when its hashes were made as this build's are.
    let stored: BuildCache?
    /// The plain pages a later build may carry, by content file.
    let plain: [String: PageTerms]
    /// The output folder.
    let output: String

    /// The page `job` kept, when its input hash is `inputHash` as recorded.
    func page(_ job: RenderJob, inputHash: UInt64) -> StreamedPage? {
        guard let path = job.sourcePath, let record = stored?.pages[path], record.outputPath == job.outputPath,
            let (file, checks) = stored?.unchangedOutput(record, at: job.outputPath, inputHash: inputHash, in: output)
        else { return nil }
        return StreamedPage(
            scan: PageScan(ids: record.ids, items: checks.items), inputHash: inputHash, keptFile: file.hash)
    }
}

/// Remembers rendered pages between builds, keyed by everything that goes into them.
struct RenderCache: Sendable {
    /// Whether to keep anything: only builders that build again (preview, `--watch`) do;
    /// a one-off build would only hold every page's context in memory for nothing.
    var isEnabled = true
    /// Rendered Markdown by page.
    var explainer = ExplainerCache()
    /// Content files read before.
    var contentPages = PageCache()
    /// Pages scanned for assets and links before.
    var scans = AssetFingerprinter.ScanCache()
    /// The link checker's results of the last build.
    var links = LinkChecker.Memo()
    /// The parsed templates, and the identity of the files (their contents) they were parsed
    /// from; the cached pages below were rendered with them.
    var library: TemplateLibrary?
    var templatesKey: UInt64?
    /// HTML by output path, with the context it was rendered from.
    var pages: [String: (template: String, context: ContextValue, html: Data)] = [:]
    /// What the last successful build reported, and the explainer it built with: an edit to
    /// one article's text alone rebuilds from them (``QuickEdit``). `nil` after a failed build.
    var lastReport: Report?
    var lastExplainer: Explainer?

    struct Report: Sendable {
        /// Every diagnostic before the link checker's warnings.
        var beforeLinks: [Diagnostic]
        /// The link checker's warnings by output path.
        var linkWarnings: [String: [Diagnostic]]
        var pageCount: Int
        var generatedCount: Int
        var filesCopied: Int

        /// All of them, in the order a build reports them.
        var diagnostics: [Diagnostic] {
            beforeLinks + linkWarnings.keys.sorted().flatMap { linkWarnings[$0] ?? [] }
        }
    }
}

/// One build's steps.
struct SiteBuild {
    let options: BuildOptions

    /// Builds the site in memory.
    ///
    /// A one-off build given the `writer` writes its pages into the writer's spare folder as
    /// it renders them (``BuiltSite/streamed``), keeping only what the site-wide checks need of
    /// each, rather than every page in memory; the writer then writes the rest and swaps the
    /// folder in. When the build fails, the output is left as it was.
    /// - Parameters:
    ///   - cache: What the same builder rendered last time (preview, `--watch`), updated.
    ///   - stored: The build cache of the last `lede build`, when ``BuildOptions/buildCache``.
    ///   - writer: The writer of a one-off build that writes into its spare.
    func make(cache: inout RenderCache, stored: BuildCache? = nil, writer: OutputWriter? = nil) throws -> BuiltSite {
        var timer = PhaseTimer()
        defer { timer.report() }
        var isFolder: ObjCBool = false
        let content = options.siteRoot.appendingPathComponent("Content").path
        guard FileManager.default.fileExists(atPath: content, isDirectory: &isFolder), isFolder.boolValue else {
            throw DiagnosticError(
                Diagnostic(
                    at: nil,
                    "no site at \(options.siteRoot.path): it has no Content/ folder (`lede new DIR` makes a new site)"))
        }
        var bag = DiagnosticBag()
        // A build that keeps a build cache reads through a page cache of its own, which records
        // each content file's signature before reading it.
        let started = Int(Date().timeIntervalSince1970 * 1e9)
        let signatures = options.buildCache && !cache.isEnabled ? PageCache() : nil
        // The plain pages the cache recorded are given to the loader without their body: a
        // file whose signature is unchanged is not read again (see below for those not carried).
        var seeded: [String: FileStatus] = [:]
        if let signatures, let stored {
            for (path, record) in stored.pages {
                guard let page = PageCodec.decode(record.page), page.sourcePath == path else { continue }
                signatures.remember(page, at: path, signature: record.signature)
                seeded[path] = record.signature
            }
        }
        let loader = ContentLoader(
            root: options.siteRoot, includeDrafts: options.includeDrafts,
            pageCache: cache.isEnabled ? cache.contentPages : signatures)
        let site = loadSite(loader, bag: &bag)
        let templatesFolder = options.siteRoot.appendingPathComponent("Templates")
        // Templates are parsed again only when a template file changed.
        let templatesKey = cache.isEnabled ? TemplateFingerprint.of(folder: templatesFolder) : 0
        let library: TemplateLibrary?
        if cache.isEnabled, let known = cache.library, cache.templatesKey == templatesKey {
            library = known
        } else {
            library = bag.collect(at: SourceLocation(path: "Templates")) {
                try TemplateLibrary.load(from: templatesFolder, displayRoot: "Templates")
            }
            // Pages rendered with a template that changed (or a partial or layout it renders)
            // are no longer valid; the others are.
            let before = cache.library
            cache.pages = cache.pages.filter { _, page in
                before?.fingerprint(of: page.template).map { $0 == library?.fingerprint(of: page.template) } ?? false
            }
            cache.library = cache.isEnabled ? library : nil
            cache.templatesKey = templatesKey
        }
        try bag.throwIfErrors()
        guard var site, let library else { throw DiagnosticError(bag.diagnostics) }
        timer.mark("load")

        let renderer = MarkdownRenderer(options: MarkdownOptions(unsafeHTML: site.config.unsafeHTML))
        var explainer = try Explainer(site: site, renderer: renderer)
        timer.mark("explainer")
        let siteKey = signatures.map { _ in BuildCache.siteKey(options: options, site: site) }
        var carry: CarryOver?
        // After a template edit, the own pages made with it are rendered again from the
        // contexts the last build made them with.
        let templates = library.allFingerprints
        let ownContexts = stored.flatMap { stored in
            stored.own.flatMap { own in
                stored.templates != templates ? OwnContexts.load(beside: options.output, key: own.own.key) : nil
            }
        }
        if let signatures, let siteKey {
            let plainPagesKey = explainer.plainPagesKey()
            carry =
                stored.flatMap {
                    $0.plainPagesKey == plainPagesKey
                        ? $0.carryOver(
                            site: site, siteKey: siteKey, templates: templates, signatures: signatures,
                            output: options.output.path, ownContexts: ownContexts) : nil
                } ?? CarryOver(key: 0, pages: [:])
            carry?.currentKey = plainPagesKey
            carry = carry.map(explainer.keepingPagesMadeAsBefore)
            // Pages given without their body that are not carried after all (what they are made
            // from changed, or their output did) are read again, with the whole site.
            let bodiless = site.pages.map(\.sourcePath).filter { path in
                seeded[path] != nil && signatures.signature(ofRead: path) == seeded[path] && carry?.pages[path] == nil
            }
            if !bodiless.isEmpty {
                signatures.forget(bodiless)
                guard let reloaded = loadSite(loader, bag: &bag) else { throw DiagnosticError(bag.diagnostics) }
                site = reloaded
                explainer = try Explainer(site: site, renderer: renderer)
            }
        }
        timer.mark("carry")
        var output = try explainer.build(cache: &cache.explainer, carry: carry, deferContexts: !cache.isEnabled)
        // Carried pages by output path, with the hash of their bytes.
        var carriedRecords: [String: BuildCache.PageRecord] = [:]
        var carriedHashes: [String: UInt64] = [:]
        if let stored, !output.carriedPages.isEmpty {
            for job in output.pages where output.carriedPages.contains(job.outputPath) {
                guard let record = job.sourcePath.flatMap({ stored.pages[$0] }) ?? stored.own?.pages[job.outputPath],
                    let file = stored.output.files[job.outputPath]
                else { continue }
                carriedRecords[job.outputPath] = record
                carriedHashes[job.outputPath] = file.hash
            }
        }
        if let stored, let ownContexts {
            Self.renderAgain(
                madeWithChangedTemplates: &output, from: ownContexts, library: library, before: stored.templates,
                records: &carriedRecords, hashes: &carriedHashes)
        }
        if !cache.isEnabled { cache.explainer = ExplainerCache() }
        timer.mark("explain")
        bag = DiagnosticBag()
        for diagnostic in output.diagnostics { bag.add(diagnostic) }

        for job in output.pages where !library.contains(job.template) {
            let page = site.pages.first { $0.sourcePath == job.sourcePath }
            let location = page?.frontMatter["template"]?.location ?? job.sourcePath.map { SourceLocation(path: $0) }
            bag.add(
                Diagnostic(
                    at: location,
                    "unknown template '\(job.template)' (templates: \(library.names.sorted().joined(separator: ", ")))")
            )
        }
        try bag.throwIfErrors()

        let pageCount = output.pages.count
        let deferred = output.deferredContexts
        output.deferredContexts = nil
        // The own pages rendered again (their Markdown, their contexts) that come out as the
        // last build made them are carried one by one (see ``carryOwnPagesMadeAsBefore``).
        var inputHashes: [String: UInt64] = [:]
        var madeContexts: OwnContexts?
        // The last build's cache, when its pages' hashes were made as this build's are.
        let salt = siteKey == nil ? 0 : StableHasher.hash { $0.combine(any: site.config) }
        let usable = siteKey.flatMap { siteKey in
            stored.flatMap { $0.siteKey == siteKey && $0.output.isSame(as: options.output.path) ? $0 : nil }
        }
        if siteKey != nil, output.ownPages != nil {
            (inputHashes, madeContexts) = carryOwnPagesMadeAsBefore(
                &output, deferred: deferred, library: library, salt: salt, stored: usable,
                records: &carriedRecords, hashes: &carriedHashes)
        }
        let carried = output.carriedPages
        // Generated files besides pages (a page's own file gives way to one of them).
        let extras = Publishing.files(site: site, pages: output.pages)
        var generated: [String: Data] = [:]
        for file in output.files { generated[file.path] = Data(file.contents.utf8) }
        for (path, contents) in extras { generated[path] = Data(contents.utf8) }
        let generatedCount = output.files.count + extras.count
        var files: [String: Data] = [:]
        var publicFiles: [String: URL] = [:]
        var cached: [String: (template: String, context: ContextValue, html: Data)] = [:]
        var renderedCount = 0
        // Pages whose HTML is the last build's (taken from the cache, not rendered).
        var unchanged: Set<String> = []
        // Pages whose template failed: their error is the one report; links to them are not
        // also reported as broken.
        var unrendered: Set<String> = []
        // Their errors, one per template mistake however many pages it failed.
        var failures = TemplateFailures()
        // Pages written as they were rendered, what was kept of each, and why one could not be.
        var streamed: [String: OutputWriter.OpenSpare.Written] = [:]
        // Plain pages whose output file is the last build's (see ``KeptPages``).
        var keptPaths: Set<String> = []
        var spare: OutputWriter.OpenSpare?
        var writeFailure: (any Error)?
        let published: PublishStep.Outcome
        cache.scans.isEnabled = cache.isEnabled
        cache.links.isEnabled = cache.isEnabled
        if let writer, !cache.isEnabled, Self.canStream(output.pages, besides: generated) {
            // The other files are made ready first, so that each page is published (minified,
            // its references to renamed assets rewritten) and written as soon as it is rendered.
            // Problems reading assets are reported after those of the pages and of `Public/`.
            var assetBag = DiagnosticBag()
            var scratch = DiagnosticBag()
            files = generated
            publicFiles = collectPublicFiles(site, taken: { _ in false }, bag: &scratch)
            var scanned = PublishStep.prepare(
                files: &files, publicFiles: &publicFiles, site: site, options: options, scanCache: &cache.scans,
                unchanged: [], bag: &assetBag)
            timer.mark("assets")
            let pagePaths = output.pages.map(\.outputPath).filter { !carried.contains($0) }
            do {
                spare = try writer.openSpare(
                    writing: pagePaths + files.keys + publicFiles.keys, carrying: Array(carriedHashes.keys))
            } catch {
                // Reported when nothing else stops the build, as when writing the whole site.
                writeFailure = error
            }
            let into = spare
            let recording = signatures != nil
            let renamer = AssetFingerprinter.Renamer(
                names: scanned.names, basePath: site.config.basePath, baseURL: site.config.baseURL)
            // A plain page rendered again (its Markdown did not come from the cache: a glossary
            // alias added, a label changed) whose template and context are the last build's is
            // not rendered nor written: its output file is linked into the new site.
            let kept =
                recording ? KeptPages(stored: usable, plain: output.carriablePages, output: options.output.path) : nil
            var writeFailures: [String] = []
            var batchStart = 0
            while batchStart < output.pages.count {
                let range = batchStart..<min(batchStart + 512, output.pages.count)
                batchStart = range.upperBound
                let outcomes = ParallelMap.map(Array(output.pages[range]), state: { renamer }) {
                    renamer, job -> Result<StreamedPage?, DiagnosticError> in
                    defer { options.progress?(pageCount) }
                    if carried.contains(job.outputPath) { return .success(nil) }
                    let context = deferred?.takeContext(for: job) ?? job.context
                    var hash: UInt64 = 0
                    if let kept, kept.plain[job.sourcePath ?? ""] != nil {
                        hash = Self.inputHash(of: job, context: context, library: library, salt: salt)
                        if let page = kept.page(job, inputHash: hash) { return .success(page) }
                    }
                    return Self.renderPage(job, library: library, context: context).map { html in
                        let (data, scan) = PublishStep.publish(
                            page: html, at: job.outputPath, minify: options.minify, renamer: &renamer)
                        let written =
                            into?.write(data, at: job.outputPath, hashing: recording, recording: recording)
                            ?? OutputWriter.OpenSpare.Written()
                        return StreamedPage(scan: scan, written: written, inputHash: hash)
                    }
                }
                for (index, outcome) in zip(range, outcomes) {
                    let path = output.pages[index].outputPath
                    // Its HTML is written: the context is no longer needed.
                    output.pages[index].context = .null
                    switch outcome {
                    case .success(nil): continue
                    case .success(let page?):
                        scanned.pages[path] = page.scan
                        if page.inputHash != 0 { inputHashes[path] = page.inputHash }
                        if let fileHash = page.keptFile {
                            keptPaths.insert(path)
                            carriedHashes[path] = fileHash
                            continue
                        }
                        renderedCount += 1
                        if let failure = page.written.failure { writeFailures.append(failure) }
                        streamed[path] = page.written
                    case .failure(let error):
                        failures.add(error, renderingPage: output.pages[index])
                        unrendered.insert(path)
                    }
                }
            }
            for diagnostic in failures.diagnostics { bag.add(diagnostic) }
            if let failure = writeFailures.min(), writeFailure == nil {
                writeFailure = DiagnosticError(Diagnostic(at: nil, "cannot write \(failure)"))
            }
            timer.mark("templates")
            _ = collectPublicFiles(
                site, taken: { generated[$0] != nil || streamed[$0] != nil || keptPaths.contains($0) }, bag: &bag)
            for diagnostic in assetBag.diagnostics { bag.add(diagnostic) }
            var checked = files
            for path in Array(streamed.keys) + keptPaths { checked[path] = Data() }
            published = PublishStep.check(
                files: checked, publicFiles: publicFiles, pages: output.pages, unrendered: unrendered, site: site,
                options: options, scanned: scanned, linkMemo: &cache.links, carried: carriedRecords,
                storedUniverse: stored?.universe)
        } else {
            let previous = cache.pages
            let reused = output.reusedPages
            let rendered = ParallelMap.map(output.pages) { job -> Result<(Data, Bool), DiagnosticError> in
                defer { options.progress?(pageCount) }
                if carried.contains(job.outputPath) { return .success((Data(), false)) }
                // A page whose job the explainer reused has the context it had: no need to compare.
                if let old = previous[job.outputPath], old.template == job.template,
                    reused.contains(job.outputPath) || old.context == job.context
                {
                    return .success((old.html, false))
                }
                return Self.renderPage(job, library: library, deferred: deferred).map { ($0, true) }
            }
            timer.mark("templates")
            for (job, result) in zip(output.pages, rendered) {
                switch result {
                case .success(let (html, fresh)):
                    if carried.contains(job.outputPath) { continue }
                    if fresh { renderedCount += 1 } else { unchanged.insert(job.outputPath) }
                    files[job.outputPath] = html
                    if cache.isEnabled { cached[job.outputPath] = (job.template, job.context, html) }
                case .failure(let error):
                    failures.add(error, renderingPage: job)
                    unrendered.insert(job.outputPath)
                }
            }
            for diagnostic in failures.diagnostics { bag.add(diagnostic) }
            // A one-off build needs no context once its page is rendered: each holds the page's
            // Markdown HTML, and a large site's contexts would stay in memory until the end.
            if !cache.isEnabled {
                for index in output.pages.indices { output.pages[index].context = .null }
            }
            files.merge(generated) { _, file in file }
            let taken = files
            publicFiles = collectPublicFiles(site, taken: { taken[$0] != nil }, bag: &bag)
            // Publish: minify, fingerprint assets, check links (PublishStep.swift).
            published = PublishStep.run(
                files: &files, publicFiles: &publicFiles, pages: output.pages, unrendered: unrendered, site: site,
                options: options, scanCache: &cache.scans, unchanged: unchanged, linkMemo: &cache.links,
                carried: carriedRecords, storedUniverse: stored?.universe, bag: &bag)
        }
        timer.mark("publish")
        // The link checker's warnings come last, by output path; a preview keeps them by path
        // (and everything before them), so that an edit to one page's text can replace its own.
        let beforeLinks = bag.diagnostics
        for (_, warnings) in published.linkWarnings {
            for warning in warnings { bag.add(warning) }
        }
        if cache.isEnabled {
            cache.lastReport = RenderCache.Report(
                beforeLinks: beforeLinks,
                linkWarnings: Dictionary(
                    published.linkWarnings.map { ($0.path, $0.warnings) }, uniquingKeysWith: { first, _ in first }),
                pageCount: output.pages.count, generatedCount: generatedCount, filesCopied: publicFiles.count)
            cache.lastExplainer = explainer
        }
        if options.strict {
            bag = DiagnosticBag(promotingWarningsIn: bag)
        }
        try bag.throwIfErrors()
        if let writeFailure { throw writeFailure }
        cache.pages = cached
        var record: BuiltSite.CacheRecord?
        if let signatures, let siteKey {
            var pages: [String: BuildCache.PageRecord] = [:]
            let pagesByPath = Dictionary(
                site.pages.map { ($0.sourcePath, $0) }, uniquingKeysWith: { first, _ in first })
            for job in output.pages {
                guard let path = job.sourcePath, let terms = output.carriablePages[path],
                    !unrendered.contains(job.outputPath), let signature = signatures.signature(ofRead: path),
                    !BuildCache.isRacy(signature, readAfter: started)
                else { continue }
                let problems = published.problems[job.outputPath] ?? []
                if var carried = carriedRecords[job.outputPath] {
                    carried.problems = problems
                    pages[path] = carried
                } else if let scan = published.scans[job.outputPath] {
                    let checks = BuildCache.Checks(items: scan.items, linkLocations: job.linkLocations)
                    guard let page = pagesByPath[path] else { continue }
                    pages[path] = BuildCache.PageRecord(
                        signature: signature, outputPath: job.outputPath, terms: terms, ids: scan.ids,
                        problems: problems, checks: checks.encoded(), page: PageCodec.encode(page),
                        inputHash: inputHashes[job.outputPath] ?? 0)
                }
            }
            record = BuiltSite.CacheRecord(
                siteKey: siteKey, plainPagesKey: output.plainPagesKey, definitions: explainer.definitions,
                templates: templates, universe: published.universe, pages: pages,
                own: BuildCache.ownRecord(
                    of: output, carried: carriedRecords, scans: published.scans, problems: published.problems,
                    unrendered: unrendered, inputHashes: inputHashes), ownContexts: madeContexts)
        }
        return BuiltSite(
            files: files, publicFiles: publicFiles, pageCount: output.pages.count, renderedCount: renderedCount,
            markdownCount: output.markdownRendered, generatedCount: generatedCount, diagnostics: bag.diagnostics,
            unchangedPaths: published.unchanged, carried: carriedHashes, cacheRecord: record, streamed: streamed,
            spare: spare)
    }
}

extension SiteBuild {
    /// The hash of everything a page's HTML is made from: its template with every partial and
    /// layout it renders (``TemplateLibrary/fingerprint(of:)``), and its context. The rest
    /// (the build options, Lede itself, the stylesheets and scripts whose names it holds) is in
    /// the build cache's ``BuildCache/siteKey``.
    /// - Parameter salt: The hash of the site's configuration (its base URL and path, which
    ///   publishing a page writes into it too).
    static func inputHash(of job: RenderJob, context: ContextValue, library: TemplateLibrary, salt: UInt64) -> UInt64 {
        StableHasher.hash { hasher in
            hasher.combine(salt)
            hasher.combine(job.template)
            hasher.combine(library.fingerprint(of: job.template) ?? 0)
            context.combine(into: &hasher)
        }
    }

    /// Carries the explainer's own pages (and the articles that cite, made with them) that this
    /// build made again but that come out as the last build made them: the same template
    /// closure and the same context (``inputHash(of:context:library:salt:)``), and their output file
    /// still the one recorded. The own pages are made again together, when anything any of them
    /// reads changed (a term's "used in" list, a cited paragraph); each is written again only
    /// when its own input did.
    ///
    /// Each such page's context is made now (a deferred one taken), to be hashed; the pages
    /// carried have theirs dropped and are added to `output`'s carried pages, with their record
    /// and hash.
    /// - Parameter stored: The last build's cache, when its site key and output folder are this build's.
    /// - Returns: Every own page's input hash, by output path, for the next build's record, and
    ///   their contexts when every own page was made in this build (``OwnContexts``).
    fileprivate func carryOwnPagesMadeAsBefore(
        _ output: inout ExplainerOutput, deferred: DeferredContexts?, library: TemplateLibrary, salt: UInt64,
        stored: BuildCache?, records: inout [String: BuildCache.PageRecord], hashes: inout [String: UInt64]
    ) -> (inputHashes: [String: UInt64], contexts: OwnContexts?) {
        let own = Set(output.ownOutputs)
        let carried = output.carriedPages
        let ownPages = output.pages.indices.filter { own.contains(output.pages[$0].outputPath) }
        let indices = ownPages.filter { !carried.contains(output.pages[$0].outputPath) }
        var contexts =
            indices.count == ownPages.count
            ? output.ownPages.map { OwnContexts(key: $0.key, pages: [:]) } : nil
        let jobs = indices.map { output.pages[$0] }
        let made = ParallelMap.map(jobs) { job -> (ContextValue, UInt64) in
            let context = deferred?.takeContext(for: job) ?? job.context
            return (context, Self.inputHash(of: job, context: context, library: library, salt: salt))
        }
        var inputHashes: [String: UInt64] = [:]
        for (index, (context, hash)) in zip(indices, made) {
            let path = output.pages[index].outputPath
            inputHashes[path] = hash
            contexts?.pages[path] = (output.pages[index].template, context)
            if var record = stored?.own?.pages[path],
                let (file, checks) = stored?.unchangedOutput(record, at: path, inputHash: hash, in: options.output.path)
            {
                output.carriedPages.insert(path)
                output.pages[index].context = .null
                // The same HTML may come from text written elsewhere in its file now (a line
                // added above a link): its links' locations are this build's.
                let locations = output.pages[index].linkLocations
                if checks.linkLocations != locations {
                    record.checks = BuildCache.Checks(items: checks.items, linkLocations: locations).encoded()
                }
                records[path] = record
                hashes[path] = file.hash
            } else {
                output.pages[index].context = context
            }
        }
        return (inputHashes, contexts)
    }

    /// Renders again the own pages carried over whose template (or a partial or layout it
    /// renders) changed since the last build, from the contexts the last build made them with:
    /// they are taken out of the carried pages, with their record and hash, and given their
    /// context and the locations of their links (which the carried record kept).
    fileprivate static func renderAgain(
        madeWithChangedTemplates output: inout ExplainerOutput, from contexts: OwnContexts, library: TemplateLibrary,
        before: [String: UInt64], records: inout [String: BuildCache.PageRecord], hashes: inout [String: UInt64]
    ) {
        for index in output.pages.indices {
            let job = output.pages[index]
            guard output.carriedPages.contains(job.outputPath), let made = contexts.pages[job.outputPath],
                made.template == job.template,
                library.fingerprint(of: job.template) != before[job.template]
            else { continue }
            output.carriedPages.remove(job.outputPath)
            output.pages[index].context = made.context
            if let record = records.removeValue(forKey: job.outputPath), let checks = BuildCache.Checks(record.checks) {
                output.pages[index].linkLocations = checks.linkLocations
            }
            hashes[job.outputPath] = nil
        }
    }

    /// Renders one page's template, with its context made now when the explainer deferred it.
    fileprivate static func renderPage(_ job: RenderJob, library: TemplateLibrary, deferred: DeferredContexts?)
        -> Result<Data, DiagnosticError>
    {
        renderPage(job, library: library, context: deferred?.takeContext(for: job) ?? job.context)
    }

    /// Renders one page's template with `context`.
    fileprivate static func renderPage(_ job: RenderJob, library: TemplateLibrary, context: ContextValue)
        -> Result<Data, DiagnosticError>
    {
        do {
            return .success(Data(try library.render(job.template, context: context).utf8))
        } catch let error as DiagnosticError {
            // The page is named when the failures are reported (``TemplateFailures``).
            return .failure(error)
        } catch {
            return .failure(
                DiagnosticError(Diagnostic(at: job.sourcePath.map { SourceLocation(path: $0) }, "\(error)")))
        }
    }

    /// Whether a one-off build can write its pages as it renders them: each page has an output
    /// path of its own that no other generated file takes, and none is a stylesheet or script
    /// (which would be renamed with the assets before any page is rendered). Sites that are not
    /// so (none that Lede makes) are built whole in memory.
    fileprivate static func canStream(_ pages: [RenderJob], besides generated: [String: Data]) -> Bool {
        var seen: Set<String> = []
        for job in pages {
            let path = job.outputPath
            guard seen.insert(path).inserted, generated[path] == nil,
                !AssetFingerprinter.extensions.contains(PathText.pathExtension(of: path).lowercased())
            else { return false }
        }
        return true
    }

    /// The files copied from `Public/` and `Content/` (assets beside pages), by output path,
    /// with the problems of their names.
    /// - Parameter taken: Whether a generated file already has the output path.
    fileprivate func collectPublicFiles(_ site: Site, taken: (String) -> Bool, bag: inout DiagnosticBag)
        -> [String: URL]
    {
        var publicFiles: [String: URL] = [:]
        let publicFolder = options.siteRoot.appendingPathComponent("Public")
        for path in site.publicFiles {
            if let problem = PublishedName.problem(in: path) {
                bag.add(Diagnostic(at: SourceLocation(path: "Public/" + path), problem))
                continue
            }
            if taken(path) {
                bag.add(
                    Diagnostic(
                        at: SourceLocation(path: "Public/" + path),
                        "Public/\(path) would overwrite the generated file \(path), which Lede writes itself: "
                            + "rename or remove Public/\(path)"))
            }
            publicFiles[path] = publicFolder.appendingPathComponent(path)
        }
        let contentFolder = options.siteRoot.appendingPathComponent("Content")
        for path in site.contentAssets {
            if let problem = PublishedName.problem(in: path) {
                bag.add(Diagnostic(at: SourceLocation(path: "Content/" + path), problem))
                continue
            }
            if taken(path) || publicFiles[path] != nil {
                bag.add(
                    Diagnostic(
                        at: SourceLocation(path: "Content/" + path),
                        "Content/\(path) would overwrite the file \(path) of the site: rename or move Content/\(path)"))
            }
            publicFiles[path] = contentFolder.appendingPathComponent(path)
        }
        return publicFiles
    }
}

extension SiteBuild {
    /// Loads the site, with the base URL the options give.
    fileprivate func loadSite(_ loader: ContentLoader, bag: inout DiagnosticBag) -> Site? {
        var site = bag.collect(at: nil) { try loader.load() }
        if let baseURL = options.baseURL, let loaded = site {
            site = bag.collect(at: nil) { () throws -> Site in
                var copy = loaded
                copy.config = try loaded.config.with(baseURL: baseURL)
                return copy
            }
        }
        return site
    }
}

/// The rule for the names of files Lede copies into the output.
enum PublishedName {
    /// Why a file at `path` (relative to the output) cannot be published, or `nil`.
    ///
    /// A control character (a newline, a tab) in a name breaks the URLs, lists and logs the
    /// file would appear in; `..` and empty components would leave the output.
    static func problem(in path: String) -> String? {
        if let control = path.unicodeScalars.first(where: { $0.value < 0x20 || $0.value == 0x7F }) {
            let code = String(control.value, radix: 16, uppercase: true)
            return
                "the file name holds a control character (U+\(String(repeating: "0", count: 4 - code.count))\(code)), "
                + "which a published file name cannot hold: rename the file"
        }
        if !OutputMark.isSafeRelativePath(path) { return "the file name cannot be published: rename the file" }
        return nil
    }
}

extension DiagnosticBag {
    /// A copy in which warnings are errors (`--strict`).
    init(promotingWarningsIn other: DiagnosticBag) {
        self.init()
        for diagnostic in other.diagnostics { add(diagnostic.promotedToError) }
    }
}

/// A cheap identity of the templates folder, so that cached pages are dropped when any
/// template changes.
enum TemplateFingerprint {
    /// A stable hash (the same in every run, so the build cache can keep it) of every file's
    /// path and every byte of it.
    static func of(folder: URL) -> UInt64 {
        StableHasher.hash { hasher in
            let files =
                (FileManager.default.enumerator(at: folder, includingPropertiesForKeys: nil)?.allObjects as? [URL]
                ?? []).map(\.path).sorted()
            for path in files {
                hasher.combine(path)
                // Every byte: `Data`'s own hash reads only its first bytes, so an edit further into
                // a template that kept its size went unnoticed.
                hasher.combine(FileManager.default.contents(atPath: path).map { ContentHash.fast($0) } ?? 0)
            }
        }
    }
}
