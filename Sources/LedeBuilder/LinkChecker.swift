public import Foundation
import LedeContent
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
    ///   - sourceText: Reads a content file, to report the line of a link; `nil` when unknown.
    /// - Returns: Warnings, sorted by output path.
    public static func check(
        files: [String: Data], publicFiles: Set<String>, basePath: String, sourceOf: [String: String],
        baseURL: String? = nil, sourceText: @escaping (String) -> String? = { _ in nil }
    ) -> [Diagnostic] {
        var pages: [String: [HTMLToken]] = [:]
        var bytesOf: [String: [UInt8]] = [:]
        var ids: [String: Set<String>] = [:]
        // Tokenizing is most of the work: every page in parallel.
        let inputs = files.filter { $0.key.hasSuffix(".html") || $0.key.hasSuffix(".css") }.map { ($0.key, $0.value) }
        let scanned = ParallelMap.map(inputs) { path, data -> ([UInt8], [HTMLToken]?, Set<String>) in
            let bytes = [UInt8](data)
            guard path.hasSuffix(".html") else { return (bytes, nil, []) }
            let tokens = HTMLScanner.tokens(bytes)
            var found: Set<String> = []
            for token in tokens where token.kind == .startTag {
                if let id = token.attribute("id")?.value { found.insert(id) }
                if token.name == "a", let name = token.attribute("name")?.value { found.insert(name) }
            }
            return (bytes, tokens, found)
        }
        for ((path, _), (bytes, tokens, found)) in zip(inputs, scanned) {
            bytesOf[path] = bytes
            if let tokens {
                pages[path] = tokens
                ids[path] = found
            }
        }
        let exists = { (path: String) in files[path] != nil || publicFiles.contains(path) }
        var report = Report(sourceOf: sourceOf, basePath: basePath, sourceText: sourceText)

        for path in bytesOf.keys.sorted() {
            guard let bytes = bytesOf[path] else { continue }
            func checkReference(_ reference: String, isLink: Bool) {
                switch OutputReference.resolve(reference, from: path, basePath: basePath, baseURL: baseURL) {
                case .external: return
                case .unresolved(let scheme):
                    report.add(path, reference, "link with the unresolved scheme '\(scheme):'")
                case .outsideBase:
                    report.add(path, reference, "\(isLink ? "link" : "asset") outside the base path \(basePath)")
                case .aboveRoot:
                    report.add(path, reference, "\(isLink ? "link" : "asset") above the site's root")
                case .internalPath(let target, let fragment):
                    guard let file = OutputReference.file(for: target, in: exists) else {
                        report.add(path, reference, isLink ? "broken link" : "missing asset")
                        return
                    }
                    if let fragment, !fragment.isEmpty, fragment != "top", let targetIDs = ids[file] {
                        let decoded = fragment.removingPercentEncoding ?? fragment
                        if !targetIDs.contains(decoded) {
                            report.add(path, reference, "no element with id '\(decoded)' on \(file)")
                        }
                    }
                }
            }
            guard let tokens = pages[path] else {
                for reference in CSSScanner.urls(in: bytes) { checkReference(reference, isLink: false) }
                continue
            }
            var titles = 0
            var titleText = ""
            var headings = 0
            var seen: Set<String> = []
            var duplicates: [String] = []
            for token in tokens {
                switch token.kind {
                case .rawText where token.name == "title":
                    titleText += String(decoding: bytes[token.range], as: UTF8.self)
                case .startTag:
                    if token.name == "title" { titles += 1 }
                    if token.name == "h1" { headings += 1 }
                    if let id = token.attribute("id")?.value, !seen.insert(id).inserted, !duplicates.contains(id) {
                        duplicates.append(id)
                    }
                    for attribute in token.attributes {
                        switch attribute.name {
                        case "href" where token.name != "base":
                            checkReference(attribute.value, isLink: token.name == "a" || token.name == "area")
                        case "src", "poster": checkReference(attribute.value, isLink: false)
                        case "srcset":
                            for candidate in attribute.value.split(separator: ",") {
                                let url =
                                    String(candidate).trimmingSpaces.split(separator: " ").first.map(String.init) ?? ""
                                if !url.isEmpty { checkReference(url, isLink: false) }
                            }
                        case "style":
                            for url in CSSScanner.urls(in: Array(attribute.value.utf8)) {
                                checkReference(url, isLink: false)
                            }
                        default: break
                        }
                    }
                    if token.name == "img", token.attribute("alt") == nil {
                        report.add(path, token.attribute("src")?.value ?? "", "image without alt text")
                    }
                case .rawText where token.name == "style":
                    for url in CSSScanner.urls(in: Array(bytes[token.range])) { checkReference(url, isLink: false) }
                default: break
                }
            }
            if titles == 0 || HTMLScanner.decodeEntities(titleText).trimmingSpaces.isEmpty {
                report.add(path, nil, "page without a title")
            }
            if headings != 1 { report.add(path, nil, "page with \(headings) h1 headings (one expected)") }
            for id in duplicates { report.add(path, "id=\"\(id)\"", "duplicate id '\(id)'") }
        }
        return report.diagnostics
    }

    /// Collects diagnostics at the content file behind each page.
    private struct Report {
        let sourceOf: [String: String]
        let basePath: String
        let sourceText: (String) -> String?
        var texts: [String: [Substring]] = [:]
        var read: Set<String> = []
        var diagnostics: [Diagnostic] = []

        init(sourceOf: [String: String], basePath: String, sourceText: @escaping (String) -> String?) {
            self.sourceOf = sourceOf
            self.basePath = basePath
            self.sourceText = sourceText
        }

        /// Adds a problem of the output file `page`, concerning `reference` as written there.
        mutating func add(_ page: String, _ reference: String?, _ problem: String) {
            var message = problem
            if let reference, !reference.isEmpty, !problem.hasPrefix("duplicate id") { message += " '\(reference)'" }
            message += " in \(page)"
            guard let source = sourceOf[page] else {
                diagnostics.append(Diagnostic(.warning, at: nil, message))
                return
            }
            diagnostics.append(Diagnostic(.warning, at: locate(reference, in: source), message))
        }

        /// The place of `reference` in `source`: as written, or with the base path taken off
        /// (Markdown links are site paths); the file alone when it cannot be found.
        private mutating func locate(_ reference: String?, in source: String) -> SourceLocation {
            if read.insert(source).inserted {
                texts[source] = sourceText(source).map { $0.split(separator: "\n", omittingEmptySubsequences: false) }
            }
            guard let reference, !reference.isEmpty, let lines = texts[source] else {
                return SourceLocation(path: source)
            }
            var candidates = [reference]
            if basePath.count > 1, reference.hasPrefix(basePath) {
                candidates.append("/" + reference.dropFirst(basePath.count))
            }
            for candidate in candidates {
                for (number, line) in lines.enumerated() {
                    if let range = line.range(of: candidate) {
                        return SourceLocation(
                            path: source, line: number + 1,
                            column: line.distance(from: line.startIndex, to: range.lowerBound) + 1)
                    }
                }
            }
            return SourceLocation(path: source)
        }
    }
}
