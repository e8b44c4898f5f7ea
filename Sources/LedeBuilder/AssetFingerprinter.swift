import Foundation
import LedeCore

/// Gives every stylesheet and script a name that changes with its content
/// (`style.css` → `style.1a2b3c4d.css`) and rewrites every reference to it in HTML and CSS.
///
/// Always on, in `lede build`, `lede check` and preview alike: a published site can then serve
/// `.css` and `.js` with a cache lifetime of forever, and a preview never shows a stale asset
/// after an edit, because the edited file has a new name. There is no flag because there is
/// no build in which a stale stylesheet is wanted; the cost is one hash per asset.
///
/// The hash is 64-bit FNV-1a over the file's final bytes (after minification and after its own
/// references were rewritten), printed as its first 8 lower-case hex digits: stable across
/// runs and machines, and no dependency.
enum AssetFingerprinter {
    /// Extensions of the files that are renamed.
    static let extensions: Set<String> = ["css", "js"]

    /// Renames the assets of `files` and rewrites references in HTML and CSS.
    /// - Parameters:
    ///   - files: Every output file's bytes, by output path; public assets must already be in it.
    ///   - basePath: The site's base path.
    ///   - baseURL: The site's base URL, for absolute references.
    /// - Returns: The new output path of each renamed asset, by old path.
    @discardableResult
    static func fingerprint(_ files: inout [String: Data], basePath: String, baseURL: String?) -> [String: String] {
        var cache = ScanCache()
        return fingerprintScanningPages(&files, basePath: basePath, baseURL: baseURL, cache: &cache, unchanged: [])
            .names
    }

    /// ``fingerprint(_:basePath:baseURL:)``, keeping what the scan of each page found for the
    /// link checker, so that every page is tokenized once in a build.
    /// - Parameter unchanged: Pages whose bytes are those of the last build (the templates step
    ///   reused them): their scan is taken from `cache` without comparing bytes.
    /// - Returns: The new output path of each renamed asset, by old path; each HTML page's scan
    ///   (its rewritten bytes already in `files`); and the pages of `unchanged` whose rewritten
    ///   bytes are also the last build's (their scan came from the cache).
    static func fingerprintScanningPages(
        _ files: inout [String: Data], basePath: String, baseURL: String?, cache: inout ScanCache,
        unchanged: Set<String>
    ) -> (names: [String: String], pages: [String: PageScan], unchanged: Set<String>) {
        let names = renameAssets(&files, basePath: basePath, baseURL: baseURL)
        if cache.names != names || cache.basePath != basePath || cache.baseURL != baseURL {
            cache = ScanCache(names: names, basePath: basePath, baseURL: baseURL, isEnabled: cache.isEnabled)
        }
        // A page whose bytes are those scanned last time, with the same asset names, scans the
        // same: only new and changed pages are scanned again (preview rebuilds).
        var pages: [String: PageScan] = [:]
        var toScan: [String] = []
        var stillUnchanged: Set<String> = []
        var rewrites: [(String, Data)] = []
        for (path, data) in files where path.hasSuffix(".html") {
            if let known = cache.pages[path], unchanged.contains(path) || known.input == data {
                var scan = known.scan
                if let rewritten = scan.rewritten { rewrites.append((path, rewritten)) }
                scan.rewritten = nil
                pages[path] = scan
                if unchanged.contains(path) { stillUnchanged.insert(path) }
            } else {
                toScan.append(path)
            }
        }
        for (path, rewritten) in rewrites { files[path] = rewritten }
        // In batches, each page's rewritten bytes replacing its rendered ones at once: a large
        // site never holds two copies of every page.
        let renamer = Renamer(names: names, basePath: basePath, baseURL: baseURL)
        toScan.sort()
        var start = 0
        while start < toScan.count {
            let batch = toScan[start..<min(start + 512, toScan.count)]
            start += batch.count
            var inputs: [String: Data] = [:]
            for path in batch { inputs[path] = files[path] }
            for (path, scan) in PageScan.scan(inputs, renamer: renamer) {
                if cache.isEnabled, let input = inputs[path] { cache.pages[path] = (input, scan) }
                var kept = scan
                if let rewritten = scan.rewritten { files[path] = rewritten }
                kept.rewritten = nil
                pages[path] = kept
            }
        }
        if cache.isEnabled { cache.pages = cache.pages.filter { pages[$0.key] != nil } }
        return (names, pages, stillUnchanged)
    }

    /// Page scans kept between the builds of one builder.
    struct ScanCache: Sendable {
        var names: [String: String] = [:]
        var basePath = ""
        var baseURL: String?
        /// The bytes each page had before renaming, and its scan.
        var pages: [String: (input: Data, scan: PageScan)] = [:]
        /// Whether to keep scans at all (not for one-off builds).
        var isEnabled = false
    }

    /// Renames the stylesheets and scripts of `files`, rewriting the references between them.
    private static func renameAssets(
        _ files: inout [String: Data], basePath: String, baseURL: String?
    ) -> [String: String] {
        let assets = files.keys.filter { extensions.contains(PathText.pathExtension(of: $0).lowercased()) }.sorted()
        guard !assets.isEmpty else { return [:] }
        // A stylesheet's name depends on the names of what it imports: iterate to a fixed point
        // (depth + 1 rounds for imports without cycles; cycles stop after `assets.count` rounds).
        var names: [String: String] = [:]
        var contents: [String: Data] = [:]
        for _ in 0...assets.count {
            var next: [String: String] = [:]
            for path in assets {
                guard let data = files[path] else { continue }
                let rewritten =
                    path.hasSuffix(".css")
                    ? rewriteCSS(data, at: path, names: names, basePath: basePath, baseURL: baseURL) : data
                contents[path] = rewritten
                next[path] = fingerprintedName(path, hash: fnv1a(rewritten))
            }
            if next == names { break }
            names = next
        }
        for path in assets where path.hasSuffix(".css") {
            guard let data = files[path] else { continue }
            contents[path] = rewriteCSS(data, at: path, names: names, basePath: basePath, baseURL: baseURL)
        }
        for path in assets {
            guard let name = names[path], let data = contents[path] else { continue }
            files[path] = nil
            files[name] = data
        }
        return names
    }

    /// `style.css` with hash → `style.0123abcd.css`.
    static func fingerprintedName(_ path: String, hash: UInt64) -> String {
        let hex = String(hash, radix: 16)
        let digits = String(repeating: "0", count: max(0, 16 - hex.count)) + hex
        return PathText.deletingExtension(of: path) + "." + digits.prefix(8) + "." + PathText.pathExtension(of: path)
    }

    /// 64-bit FNV-1a.
    static func fnv1a(_ data: Data) -> UInt64 {
        data.withUnsafeBytes { ContentHash.of(buffer: $0) }
    }

    private static func rewriteCSS(
        _ data: Data, at path: String, names: [String: String], basePath: String, baseURL: String?
    ) -> Data {
        guard !names.isEmpty else { return data }
        let bytes = [UInt8](data)
        var renamer = Renamer(names: names, basePath: basePath, baseURL: baseURL)
        var edits: [(Range<Int>, String)] = []
        for reference in CSSScanner.references(in: bytes) {
            if let replaced = renamer.renamed(reference.url, value: reference.url, at: path) {
                edits.append((reference.range, replaced))
            }
        }
        return apply(edits, to: bytes)
    }

    /// Rewrites references to renamed assets, remembering what each reference that does not
    /// depend on its page becomes: most are written on every page (stylesheet, scripts).
    struct Renamer: Sendable {
        let names: [String: String]
        let basePath: String
        let baseURL: String?
        /// The file names of the renamed assets; `nil` when one is not ASCII.
        private let oldNames: [[UInt8]]?
        private var known: [String: String?] = [:]

        init(names: [String: String], basePath: String, baseURL: String?) {
            self.names = names
            self.basePath = basePath
            self.baseURL = baseURL
            let oldNames = names.keys.map { Array(PathText.lastComponent(of: $0).utf8) }
            self.oldNames = oldNames.allSatisfy { $0.allSatisfy { $0 < 0x80 } } ? oldNames : nil
        }

        /// Whether `raw` (a reference as written) may need renaming: `false` when it does not
        /// even contain the file name of a renamed asset. Only ASCII is compared as bytes, as
        /// the search for the name in ``renamed(_:value:at:)`` honours canonical equivalence.
        func mayRename(_ raw: ArraySlice<UInt8>) -> Bool {
            guard !names.isEmpty else { return false }
            guard let oldNames, raw.allSatisfy({ $0 < 0x80 }) else { return true }
            return oldNames.contains { name in
                guard let first = name.first, raw.count >= name.count else { return false }
                var start = raw.startIndex
                while start <= raw.endIndex - name.count {
                    if raw[start] == first, raw[start..<(start + name.count)].elementsEqual(name) { return true }
                    start += 1
                }
                return false
            }
        }

        /// `raw` with its file name replaced when it points at a renamed asset; `nil` otherwise.
        /// - Parameters:
        ///   - raw: The reference as written.
        ///   - value: `raw` with character references decoded.
        ///   - path: The output path of the file holding it.
        mutating func renamed(_ raw: String, value: String, at path: String) -> String? {
            guard !names.isEmpty else { return nil }
            if let result = known[raw] { return result }
            switch OutputReference.prepare(value, basePath: basePath, baseURL: baseURL) {
            case .resolved(let reference):
                let result = AssetFingerprinter.renamed(raw, pointingAt: reference, names: names)
                known[raw] = result
                return result
            case .relative(let relative, let fragment):
                let reference = OutputReference.resolve(relative: relative, fragment: fragment, from: path)
                return AssetFingerprinter.renamed(raw, pointingAt: reference, names: names)
            }
        }
    }

    /// `raw`, resolved to `reference`, with its file name replaced when it points at a renamed asset.
    private static func renamed(_ raw: String, pointingAt reference: OutputReference, names: [String: String])
        -> String?
    {
        guard case .internalPath(let target, _) = reference, let newPath = names[target] else { return nil }
        let oldName = PathText.lastComponent(of: target)
        let newName = PathText.lastComponent(of: newPath)
        let end = raw.firstIndex { $0 == "?" || $0 == "#" } ?? raw.endIndex
        let pathPart = raw[..<end]
        guard let range = pathPart.range(of: oldName, options: .backwards) else { return nil }
        return raw.replacingCharacters(in: range, with: newName)
    }

    /// `bytes` with each range replaced by its text.
    static func apply(_ edits: [(Range<Int>, String)], to bytes: [UInt8]) -> Data {
        guard !edits.isEmpty else { return Data(bytes) }
        var output: [UInt8] = []
        output.reserveCapacity(bytes.count + edits.count * 9)
        var cursor = 0
        for (range, text) in edits.sorted(by: { $0.0.lowerBound < $1.0.lowerBound }) where range.lowerBound >= cursor {
            output += bytes[cursor..<range.lowerBound]
            output += Array(text.utf8)
            cursor = range.upperBound
        }
        output += bytes[cursor...]
        return Data(output)
    }
}
