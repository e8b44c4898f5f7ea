public import Foundation
public import LedeCore

/// Checks a built site in memory, before it is written: links, fragments, assets, and the few
/// things every page needs (a title, one `h1`, unique ids, `alt` on images).
///
/// External links (other hosts, `mailto:`) are never fetched: the checker only knows the files
/// of the build. Every problem is a warning reported at the content file that produced the page;
/// `--strict` and `lede check` make them errors.
public enum LinkChecker {
    /// Checks every HTML and CSS file of a build.
    /// - Parameters:
    ///   - files: Generated files by output path (`timeline/index.html`).
    ///   - publicFiles: Output paths of files copied from `Public/`.
    ///   - basePath: The site's base path (`/` or `/explainers/iran-deportations/`).
    ///   - sourceOf: The content file that produced each page (`Content/timeline/index.md`).
    ///   - baseURL: The site's base URL: absolute links below it are checked like paths.
    ///   - linkLocations: Where the Markdown step saw each link of a page, by output path, then
    ///     by the URL the link became; a problem with a link is reported there, else at the page's
    ///     content file.
    /// - Returns: Warnings, sorted by output path.
    public static func check(
        files: [String: Data], publicFiles: Set<String>, basePath: String, sourceOf: [String: String],
        baseURL: String? = nil, linkLocations: [String: [String: SourceLocation]] = [:]
    ) -> [Diagnostic] {
        let pages = PageScan.scan(
            files.filter { $0.key.hasSuffix(".html") },
            renamer: AssetFingerprinter.Renamer(names: [:], basePath: basePath, baseURL: baseURL))
        return check(
            files: files, pages: pages, publicFiles: publicFiles, basePath: basePath, sourceOf: sourceOf,
            baseURL: baseURL, linkLocations: linkLocations)
    }

    /// ``check(files:publicFiles:basePath:sourceOf:baseURL:sourceText:)`` with the HTML pages
    /// already scanned (by ``AssetFingerprinter/fingerprintScanningPages(_:basePath:baseURL:cache:)``).
    /// - Parameters:
    ///   - pages: The scan of every HTML file of `files`.
    ///   - unrendered: Output paths of pages that failed to render: they count as existing, with
    ///     every fragment, so that the one template error is not followed by a warning at every
    ///     link to the page.
    static func check(
        files: [String: Data], pages: [String: PageScan], publicFiles: Set<String>, basePath: String,
        sourceOf: [String: String], baseURL: String?, unrendered: Set<String> = [],
        linkLocations: [String: [String: SourceLocation]]
    ) -> [Diagnostic] {
        var memo = Memo()
        return check(
            files: files, pages: pages, publicFiles: publicFiles, basePath: basePath, sourceOf: sourceOf,
            baseURL: baseURL, unrendered: unrendered, unchanged: [], memo: &memo, linkLocations: linkLocations
        ).diagnostics.flatMap(\.warnings)
    }

    /// The stable hash of everything a reference resolves against: every file of the site, the
    /// ids of every page, the base path and URL. A page whose references are unchanged has the
    /// problems it had as long as this is.
    static func universeKey(
        paths: some Collection<String>, publicFiles: Set<String>, ids: [String: Set<String>], basePath: String,
        baseURL: String?
    ) -> UInt64 {
        StableHasher.hash { hasher in
            hasher.combine(basePath)
            hasher.combine(baseURL ?? "\u{0}")
            for path in paths.sorted() {
                hasher.combine(path)
                hasher.combine(ids[path].map { $0.sorted().joined(separator: "\u{0}") } ?? "\u{1}")
            }
            hasher.combine(0)
            for path in publicFiles.sorted() { hasher.combine(path) }
        }
    }

    /// A problem found in one file: the reference as written there, what is wrong, its rule.
    struct Problem: Sendable, Hashable {
        var reference: String?
        /// What is wrong (`broken link`), and after a line break what to do about it, when
        /// there is a hint: the warning puts the reference and the page between the two.
        var problem: String
        var rule: DiagnosticRule
    }

    /// The problems of each file in the last build of a builder (preview, `--watch`), reused for
    /// a page whose bytes are unchanged as long as the files of the site, their ids, the
    /// base path and the base URL are all unchanged too: those are everything a reference
    /// resolves against.
    struct Memo: Sendable {
        struct Universe: Sendable, Equatable {
            var files: Set<String>
            var publicFiles: Set<String>
            var ids: [String: Set<String>]
            var basePath: String
            var baseURL: String?
        }
        var universe: Universe?
        var problems: [String: [Problem]] = [:]
        /// Whether to keep anything (not for one-off builds).
        var isEnabled = false
    }

    /// ``check(files:pages:publicFiles:basePath:sourceOf:baseURL:unrendered:linkLocations:)``
    /// reusing `memo` for the pages in `unchanged` (output paths whose bytes are the last
    /// build's), and updating it.
    /// - Parameters:
    ///   - given: Problems already known, by output path (pages carried over from the last
    ///     `lede build` when nothing they resolve against changed): those pages are not checked.
    /// - Returns: The warnings of each file that has any, in the order of their paths, and every
    ///   page's problems by output path.
    static func check(
        files: [String: Data], pages: [String: PageScan], publicFiles: Set<String>, basePath: String,
        sourceOf: [String: String], baseURL: String?, unrendered: Set<String>, unchanged: Set<String>,
        memo: inout Memo, linkLocations: [String: [String: SourceLocation]], given: [String: [Problem]] = [:]
    ) -> (diagnostics: [(path: String, warnings: [Diagnostic])], problems: [String: [Problem]]) {
        var itemsOf = pages.mapValues(\.items)
        for (path, data) in files where path.hasSuffix(".css") {
            itemsOf[path] = CSSScanner.urls(in: [UInt8](data)).map { .reference($0, isLink: false) }
        }
        let items = itemsOf
        let ids = pages.mapValues(\.ids)
        let everything = publicFiles.union(unrendered)
        let universe =
            memo.isEnabled
            ? Memo.Universe(
                files: Set(files.keys), publicFiles: everything, ids: ids, basePath: basePath, baseURL: baseURL) : nil
        let known = memo.isEnabled && memo.universe == universe ? memo.problems : [:]
        let resolver = Resolver(
            files: Set(files.keys), publicFiles: everything, ids: ids, basePath: basePath, baseURL: baseURL)
        // Resolving is the rest of the work: every file in parallel, each worker with a cache.
        let paths = Set(items.keys).union(given.keys).sorted()
        let problems = ParallelMap.map(paths, state: { resolver }) { resolver, path in
            if let found = given[path] { return found }
            if unchanged.contains(path), let found = known[path] { return found }
            return (items[path] ?? []).compactMap { item -> Problem? in
                switch item {
                case .reference(let reference, let isLink):
                    resolver.problem(with: reference, isLink: isLink, at: path).map {
                        Problem(reference: reference, problem: $0, rule: .link)
                    }
                case .problem(let reference, let problem): Problem(reference: reference, problem: problem, rule: .page)
                }
            }
        }
        if memo.isEnabled {
            memo.universe = universe
            memo.problems = Dictionary(uniqueKeysWithValues: zip(paths, problems))
        }

        var byPath: [(String, [Diagnostic])] = []
        for (path, found) in zip(paths, problems) where !found.isEmpty {
            byPath.append(
                (
                    path,
                    diagnostics(
                        of: found, at: path, sourceOf: sourceOf, linkLocations: linkLocations, basePath: basePath)
                ))
        }
        return (byPath, Dictionary(uniqueKeysWithValues: zip(paths, problems)))
    }

    /// The warnings for `problems` of the file at `path`, located where the Markdown step saw
    /// each link, else at the page's content file.
    static func diagnostics(
        of problems: [Problem], at path: String, sourceOf: [String: String],
        linkLocations: [String: [String: SourceLocation]], basePath: String
    ) -> [Diagnostic] {
        var report = Report(sourceOf: sourceOf, basePath: basePath, linkLocations: linkLocations)
        // One reference written several times with the same problem is one warning, with the count:
        // they would all be located at its first place.
        var counts: [Problem: Int] = [:]
        for problem in problems { counts[problem, default: 0] += 1 }
        for problem in problems {
            guard let count = counts.removeValue(forKey: problem) else { continue }
            report.add(
                path, problem.reference, problem.problem, rule: problem.rule, times: count)
        }
        return report.diagnostics
    }

    /// The problems of one page's references, against what the last check resolved against:
    /// for a preview edit that changed one page and no file or id of the site.
    static func problems(of items: [PageScan.Item], at path: String, in universe: Memo.Universe) -> [Problem] {
        var resolver = Resolver(
            files: universe.files, publicFiles: universe.publicFiles, ids: universe.ids,
            basePath: universe.basePath, baseURL: universe.baseURL)
        return items.compactMap { item -> Problem? in
            switch item {
            case .reference(let reference, let isLink):
                resolver.problem(with: reference, isLink: isLink, at: path).map {
                    Problem(reference: reference, problem: $0, rule: .link)
                }
            case .problem(let reference, let problem): Problem(reference: reference, problem: problem, rule: .page)
            }
        }
    }

    /// Resolves references against the files of a build, remembering the outcome of each
    /// reference that does not depend on the file holding it.
    private struct Resolver: Sendable {
        /// What a reference turned out to be.
        enum Outcome: Sendable, Hashable {
            case fine, outsideBase, aboveRoot, missing
            case unresolved(scheme: String)
            case noElement(id: String, file: String)
        }

        let files: Set<String>
        let publicFiles: Set<String>
        let ids: [String: Set<String>]
        let basePath: String
        let baseURL: String?
        var known: [String: Outcome] = [:]

        init(
            files: Set<String>, publicFiles: Set<String>, ids: [String: Set<String>], basePath: String,
            baseURL: String?
        ) {
            self.files = files
            self.publicFiles = publicFiles
            self.ids = ids
            self.basePath = basePath
            self.baseURL = baseURL
        }

        /// The problem with `reference`, written in the file at `path`; `nil` when there is none.
        mutating func problem(with reference: String, isLink: Bool, at path: String) -> String? {
            let outcome: Outcome
            if OutputReference.isPlainlyExternal(reference, baseURL: baseURL) {
                outcome = .fine
            } else if let result = known[reference] {
                outcome = result
            } else {
                switch OutputReference.prepare(reference, basePath: basePath, baseURL: baseURL) {
                case .resolved(let resolved):
                    outcome = self.outcome(of: resolved)
                    known[reference] = outcome
                case .relative(let relative, let fragment):
                    outcome = self.outcome(
                        of: OutputReference.resolve(relative: relative, fragment: fragment, from: path))
                    if outcome == .missing, let hint = besideContentFile(relative, at: path) {
                        return "\(isLink ? "broken link" : "missing asset")\n\(hint)"
                    }
                }
            }
            switch outcome {
            case .fine: return nil
            case .unresolved(let scheme): return "link with the unresolved scheme '\(scheme):'"
            case .outsideBase: return "\(isLink ? "link" : "asset") outside the base path \(basePath)"
            case .aboveRoot: return "\(isLink ? "link" : "asset") above the site's root"
            case .missing: return isLink ? "broken link" : "missing asset"
            case .noElement(let id, let file):
                // The heading meant, when the fragment is a near miss of one of the page's ids
                // (a heading reworded: `#background` for `#the-background`).
                let meant =
                    id.count < 4
                    ? nil : ids[file].flatMap { NearMiss.suggestion(for: id, among: $0.sorted()) }
                return "link to '#\(id)' on \(file), which has no element with that id"
                    + (meant.map { " (did you mean '#\($0)'?)" } ?? "")
                    + "\na heading's id is its text in lower case, with hyphens ('## What we know' is "
                    + "'#what-we-know'): link to one of that page's headings, or remove '#\(id)'"
            }
        }

        /// Why a relative reference that finds nothing was probably meant for the file beside
        /// the page's content file (`![map](map.png)` in `Content/side.md`, whose page is
        /// `side/index.html`): it is found one folder up. `nil` when it is not found there either.
        private func besideContentFile(_ relative: String, at path: String) -> String? {
            guard PathText.lastComponent(of: path) == "index.html", !relative.isEmpty else { return nil }
            let folder = PathText.parent(of: path)
            guard !folder.isEmpty,
                outcome(of: OutputReference.resolve(relative: relative, fragment: nil, from: folder)) == .fine
            else { return nil }
            return "relative references start from the page's own folder (\(folder)/); the file is one folder "
                + "up: write '../\(relative)' (or make the page the index.md of a folder that holds the file)"
        }

        private func outcome(of reference: OutputReference) -> Outcome {
            switch reference {
            case .external: return .fine
            case .unresolved(let scheme): return .unresolved(scheme: scheme)
            case .outsideBase: return .outsideBase
            case .aboveRoot: return .aboveRoot
            case .internalPath(let target, let fragment):
                guard
                    let file = OutputReference.file(for: target, in: { files.contains($0) || publicFiles.contains($0) })
                else { return .missing }
                if let fragment, !fragment.isEmpty, fragment != "top", let targetIDs = ids[file] {
                    let decoded =
                        fragment.utf8.contains(UInt8(ascii: "%"))
                        ? fragment.removingPercentEncoding ?? fragment : fragment
                    if !targetIDs.contains(decoded) { return .noElement(id: decoded, file: file) }
                }
                return .fine
            }
        }
    }

    /// Collects diagnostics at the content file behind each page.
    private struct Report {
        let sourceOf: [String: String]
        let basePath: String
        let linkLocations: [String: [String: SourceLocation]]
        var diagnostics: [Diagnostic] = []

        /// Adds a problem of the output file `page`, concerning `reference` as written there.
        mutating func add(_ page: String, _ reference: String?, _ problem: String, rule: DiagnosticRule, times: Int) {
            // A problem's text may hold a hint after a line break (see ``Problem/problem``).
            let parts = problem.split(separator: "\n", maxSplits: 1)
            var message = parts.first.map(String.init) ?? problem
            // A duplicate id, or a fragment that finds nothing, says what it is about itself.
            if let reference, !reference.isEmpty, !problem.hasPrefix("duplicate id"), !problem.hasPrefix("link to '#") {
                message += " '\(reference)'"
            }
            message += " in \(page)"
            if times > 1 { message += " (\(times) times)" }
            if parts.count > 1 { message += ": " + parts[1] }
            if let reference, let location = locate(reference, on: page) {
                diagnostics.append(Diagnostic(.warning, at: location, message, rule: rule))
                return
            }
            diagnostics.append(
                Diagnostic(.warning, at: sourceOf[page].map { SourceLocation(path: $0) }, message, rule: rule))
        }

        /// Where the Markdown step saw `reference` on `page`: as the page has it, or as written
        /// before percent-encoding.
        private func locate(_ reference: String, on page: String) -> SourceLocation? {
            guard let known = linkLocations[page], !reference.isEmpty else { return nil }
            if let location = known[reference] { return location }
            let decoded = reference.removingPercentEncoding ?? reference
            return known.first { ($0.key.removingPercentEncoding ?? $0.key) == decoded }?.value
        }
    }
}
