import Foundation
import LedeContent

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
        let assets = files.keys.filter { extensions.contains(($0 as NSString).pathExtension.lowercased()) }.sorted()
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
        // Every page is scanned: in parallel, as in rendering.
        let pages = files.filter { $0.key.hasSuffix(".html") }.map { ($0.key, $0.value) }
        let finalNames = names
        let rewritten = ParallelMap.map(pages) { path, data in
            rewriteHTML(data, at: path, names: finalNames, basePath: basePath, baseURL: baseURL)
        }
        for ((path, _), data) in zip(pages, rewritten) { files[path] = data }
        return names
    }

    /// `style.css` with hash → `style.0123abcd.css`.
    static func fingerprintedName(_ path: String, hash: UInt64) -> String {
        let ns = path as NSString
        let hex = String(hash, radix: 16)
        let digits = String(repeating: "0", count: max(0, 16 - hex.count)) + hex
        return ns.deletingPathExtension + "." + digits.prefix(8) + "." + ns.pathExtension
    }

    /// 64-bit FNV-1a.
    static func fnv1a(_ data: Data) -> UInt64 {
        var hash: UInt64 = 0xcbf2_9ce4_8422_2325
        for byte in data {
            hash ^= UInt64(byte)
            hash &*= 0x100_0000_01b3
        }
        return hash
    }

    private static func rewriteHTML(
        _ data: Data, at path: String, names: [String: String], basePath: String, baseURL: String?
    ) -> Data {
        let bytes = [UInt8](data)
        var edits: [(Range<Int>, String)] = []
        for token in HTMLScanner.tokens(bytes) where token.kind == .startTag {
            for attribute in token.attributes where attribute.name == "href" || attribute.name == "src" {
                guard let range = attribute.valueRange else { continue }
                let raw = String(decoding: bytes[range], as: UTF8.self)
                if let replaced = renamed(raw, value: attribute.value, at: path, names: names, basePath, baseURL) {
                    edits.append((range, replaced))
                }
            }
        }
        return apply(edits, to: bytes)
    }

    private static func rewriteCSS(
        _ data: Data, at path: String, names: [String: String], basePath: String, baseURL: String?
    ) -> Data {
        guard !names.isEmpty else { return data }
        let bytes = [UInt8](data)
        var edits: [(Range<Int>, String)] = []
        for reference in CSSScanner.references(in: bytes) {
            if let replaced = renamed(reference.url, value: reference.url, at: path, names: names, basePath, baseURL) {
                edits.append((reference.range, replaced))
            }
        }
        return apply(edits, to: bytes)
    }

    /// `raw` with its file name replaced when it points at a renamed asset.
    private static func renamed(
        _ raw: String, value: String, at path: String, names: [String: String], _ basePath: String, _ baseURL: String?
    ) -> String? {
        guard
            case .internalPath(let target, _) = OutputReference.resolve(
                value, from: path, basePath: basePath, baseURL: baseURL),
            let newPath = names[target]
        else { return nil }
        let oldName = (target as NSString).lastPathComponent
        let newName = (newPath as NSString).lastPathComponent
        let end = raw.firstIndex { $0 == "?" || $0 == "#" } ?? raw.endIndex
        let pathPart = raw[..<end]
        guard let range = pathPart.range(of: oldName, options: .backwards) else { return nil }
        return raw.replacingCharacters(in: range, with: newName)
    }

    private static func apply(_ edits: [(Range<Int>, String)], to bytes: [UInt8]) -> Data {
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
