public import Foundation
import LedeContent
public import LedeCore
import LedeExplainer
import LedeMarkdown
import LedeTemplates

/// What a build is asked to do.
public struct BuildOptions: Sendable {
    /// The site folder.
    public var siteRoot: URL
    /// Where the site is written; `SITE/Output` by default.
    public var output: URL
    /// Replaces the config's `base_url` (a preview on localhost, a staging host).
    public var baseURL: String?
    /// Builds pages marked as drafts.
    public var includeDrafts: Bool
    /// Turns warnings into errors.
    public var strict: Bool
    /// Minifies HTML and CSS (`--minify`).
    public var minify: Bool = false
    /// Keeps a build cache beside the output (see ``BuildCache``) so that the next one-off build
    /// redoes only what changed (`lede build`; not for builders that keep state in memory).
    public var buildCache: Bool = false
    /// Lets the build replace an existing output folder that Lede did not make (`--force`);
    /// the refusals that protect the site's own folders hold regardless.
    public var force: Bool = false
    /// Called once for each page of the build as its template is rendered (or its page reused),
    /// with the number of pages in the build, so that a terminal can show how far it is. It is
    /// called from the build's worker threads, several at once.
    public var progress: (@Sendable (_ pagesInBuild: Int) -> Void)?

    /// Creates options; `output` defaults to `SITE/Output`.
    public init(
        siteRoot: URL, output: URL? = nil, baseURL: String? = nil, includeDrafts: Bool = false, strict: Bool = false
    ) {
        self.siteRoot = siteRoot.standardizedFileURL
        self.output = (output ?? siteRoot.appendingPathComponent("Output")).standardizedFileURL
        self.baseURL = baseURL
        self.includeDrafts = includeDrafts
        self.strict = strict
    }

    /// Creates options that also say whether to minify.
    public init(
        siteRoot: URL, output: URL? = nil, baseURL: String? = nil, includeDrafts: Bool = false, strict: Bool = false,
        minify: Bool
    ) {
        self.init(siteRoot: siteRoot, output: output, baseURL: baseURL, includeDrafts: includeDrafts, strict: strict)
        self.minify = minify
    }
}

/// What a finished build did.
public struct BuildSummary: Sendable {
    /// HTML pages written.
    public var pagesWritten: Int
    /// Pages whose template was rendered; the others were unchanged and reused.
    public var pagesRendered: Int
    /// Other generated files (feeds, JSON, sitemap).
    public var filesGenerated: Int
    /// Files copied from `Public/`.
    public var filesCopied: Int
    /// Output files added, changed or removed since the previous build of the same builder
    /// (every file on a first build).
    public var changedPaths: [String]
    /// Wall-clock time.
    public var duration: Duration
    /// Warnings and notes.
    public var diagnostics: [Diagnostic]
    /// Pages carried over unchanged from the last `lede build` by the build cache (not rendered).
    public var pagesCarried = 0
    /// Pages whose Markdown was rendered; the others' came from the last build of the same
    /// builder, or were carried.
    public var markdownRendered = 0
    /// Whether the build rendered one edited article by itself, from the last build (a preview
    /// edit to an article's text alone; see ``SiteBuilder/build(changed:)``).
    public var renderedAlone = false

    /// "Built 24 pages and 3 files, copied 1 file in 41 ms"; with the build cache, "Built 24 pages
    /// (20 unchanged, from the build cache) and 3 files, …".
    public var line: String {
        let milliseconds = Int(
            (Double(duration.components.attoseconds) / 1e15 + Double(duration.components.seconds) * 1000).rounded())
        func count(_ number: Int, _ one: String, _ many: String) -> String { "\(number) \(number == 1 ? one : many)" }
        let carried = pagesCarried > 0 ? " (\(pagesCarried) unchanged, from the build cache)" : ""
        return "Built \(count(pagesWritten, "page", "pages"))\(carried) and \(count(filesGenerated, "file", "files")), "
            + "copied \(count(filesCopied, "file", "files")) in \(milliseconds) ms"
    }
}

/// The pipeline: load → explain → render → write, atomically.
///
/// A builder keeps what it rendered last time, so that a rebuild during preview renders only
/// the pages whose inputs changed (their Markdown, or the terms, documents and pages it
/// refers to; every page when a template changes), and writes only the files whose bytes
/// changed. The output is always what a clean build produces.
public actor SiteBuilder {
    /// The options every build uses.
    public let options: BuildOptions
    private var cache = RenderCache()
    /// What the output folder holds since the last build, when this builder wrote it.
    private var manifest: OutputManifest?

    /// Whether later builds update the output in place (preview and `--watch`).
    public let incremental: Bool
    /// Whether a build is running; later calls wait in `waiting`, first come first served.
    private var isBuilding = false
    private var waiting: [CheckedContinuation<Void, Never>] = []

    /// Creates a builder.
    /// - Parameters:
    ///   - options: What to build.
    ///   - incremental: Keep state between builds so that rebuilds only redo what changed.
    public init(options: BuildOptions, incremental: Bool = false) {
        self.options = options
        self.incremental = incremental
    }

    /// Builds the site into the output folder.
    ///
    /// The build runs on a thread of its own (``WorkThread``), never on Swift's cooperative
    /// pool, which the preview server shares; builds of one builder run one at a time.
    /// - Returns: What was written.
    /// - Throws: ``DiagnosticError`` with every problem; the previous output is then left as it was.
    public func build() async throws -> BuildSummary {
        try await build(changed: nil)
    }

    /// Builds the site after the files at `changed` (absolute paths, as the watcher reports
    /// them) changed, and nothing else: an incremental builder whose last build succeeded
    /// rebuilds an edit to one article's text by itself (``QuickEdit``); anything else, or `nil`
    /// (not known), is a whole build. The output is the same either way.
    public func build(changed: Set<String>?) async throws -> BuildSummary {
        while isBuilding { await withCheckedContinuation { waiting.append($0) } }
        isBuilding = true
        defer {
            isBuilding = false
            if !waiting.isEmpty { waiting.removeFirst().resume() }
        }
        let state = BuildState(cache: incremental ? cache : RenderCache(isEnabled: false), manifest: manifest)
        let (options, incremental) = (self.options, self.incremental)
        let root = options.siteRoot.path + "/"
        // Files the loader skips (an editor's backup saved beside the page) change nothing.
        let relative = changed.flatMap { paths -> [String]? in
            let read = paths.filter { !ContentLoader.ignores(fileNamed: PathText.lastComponent(of: $0)) }
            let inside = read.filter { $0.hasPrefix(root) }.map { String($0.dropFirst(root.count)) }
            return inside.count == read.count ? inside : nil
        }
        do {
            let (summary, after) = try await WorkThread.run {
                var state = state
                if incremental, let relative, relative.count == 1,
                    let summary = QuickEdit.build(
                        relative[0], options: options, cache: &state.cache, manifest: &state.manifest)
                {
                    return (summary, state)
                }
                let summary = try Self.build(options: options, incremental: incremental, state: &state)
                return (summary, state)
            }
            (cache, manifest) = (after.cache, after.manifest)
            return summary
        } catch {
            // Files changed since the last good build are not all known any more.
            cache.lastReport = nil
            cache.lastExplainer = nil
            throw error
        }
    }

    /// What a builder keeps between builds.
    private struct BuildState: Sendable {
        var cache: RenderCache
        var manifest: OutputManifest?
    }

    private static func build(options: BuildOptions, incremental: Bool, state: inout BuildState) throws
        -> BuildSummary
    {
        let clock = ContinuousClock()
        let start = clock.now
        try OutputGuard.check(
            output: options.output.standardizedFileURL.path, siteRoot: options.siteRoot.path, force: options.force)
        let lock = try OutputLock(beside: options.output) { OutputLock.sayWaiting(for: options.output) }
        defer { withExtendedLifetime(lock) {} }
        // A one-off build reads the last one's build cache (incremental builders keep theirs in
        // memory); the output's record becomes the spare's after the swap.
        var timer = PhaseTimer()
        defer { timer.report() }
        let stored = options.buildCache && !incremental ? BuildCache.load(beside: options.output) : nil
        let storedOutput = stored.flatMap { $0.output.isSame(as: options.output.path) ? $0.output : nil }
        timer.mark("cache read")
        let writer = OutputWriter(destination: options.output, siteRoot: options.siteRoot)
        // A one-off build writes its pages into the writer's spare as it renders them; a spare
        // it made for a build that fails is removed, as a build that wrote nothing leaves none.
        let hadSpare = FileSystem.kind(at: writer.spare, followingLinks: false) != .missing
        let site: BuiltSite
        do {
            site = try SiteBuild(options: options).make(
                cache: &state.cache, stored: stored, writer: incremental ? nil : writer)
        } catch {
            if !incremental, !hadSpare { writer.removeSpare() }
            throw error
        }
        let changed: [String]
        if let manifest = state.manifest, manifest.isIntact(at: options.output) {
            (changed, state.manifest) = try writer.update(site, from: manifest)
        } else {
            let folder: BuildCache.Folder?
            (changed, state.manifest, folder) = try writer.write(
                site, hashing: incremental, stored: stored, into: site.spare)
            timer.mark("write")
            if let record = site.cacheRecord, let folder {
                let cache = BuildCache(
                    siteKey: record.siteKey, plainPagesKey: record.plainPagesKey, definitions: record.definitions,
                    templates: record.templates,
                    own: record.own,
                    universe: record.universe,
                    output: folder, spare: storedOutput, pages: record.pages)
                // Without a cache the next build is a full one: nothing is lost.
                _ = cache.save(beside: options.output)
                _ = record.ownContexts?.save(beside: options.output)
                timer.mark("cache write")
            }
        }
        var summary = BuildSummary(
            pagesWritten: site.pageCount, pagesRendered: site.renderedCount, filesGenerated: site.generatedCount,
            filesCopied: site.publicFiles.count,
            changedPaths: changed, duration: clock.now - start, diagnostics: site.diagnostics)
        summary.pagesCarried = site.carried.count
        summary.markdownRendered = site.markdownCount
        return summary
    }
}
