import Foundation
import LedeCore

/// What the publish step reads from one HTML page, in its one scan of it: the page with its
/// references to renamed assets rewritten, the ids it defines, and what the link checker checks
/// on it, in the order it reports them.
///
/// Fingerprinting and checking used to tokenize every page once each; now they share this scan.
/// The checker sees the rewritten references: a rename only changes the text of an `href` or
/// `src` value (the new name adds a dot and hex digits to the old one), so every other token of
/// the rewritten page is the same as before.
struct PageScan: Sendable {
    /// One thing to check, in document order.
    enum Item: Sendable, Hashable {
        /// A URL to resolve (character references decoded); `isLink` for `<a>` and `<area>`,
        /// which are links rather than assets.
        case reference(String, isLink: Bool)
        /// A problem of the page itself, concerning `reference` as written there.
        case problem(reference: String?, String)
    }

    /// The page's bytes after renaming; `nil` when no reference changed.
    var rewritten: Data?
    /// The ids of the page's elements and the names of its `<a name>` anchors.
    var ids: Set<String> = []
    var items: [Item] = []

    /// Scans `pages` on every core, each worker with its own ``AssetFingerprinter/Renamer``.
    /// - Parameters:
    ///   - pages: HTML files by output path.
    ///   - renamer: Renames references to fingerprinted assets; its cache starts empty.
    static func scan(_ pages: [String: Data], renamer: AssetFingerprinter.Renamer) -> [String: PageScan] {
        let pages = Array(pages)
        let scans = ParallelMap.map(pages, state: { renamer }) { renamer, page in
            PageScan(page.value, at: page.key, renamer: &renamer)
        }
        return Dictionary(uniqueKeysWithValues: zip(pages.lazy.map(\.key), scans))
    }

    /// Scans one page.
    init(_ data: Data, at path: String, renamer: inout AssetFingerprinter.Renamer) {
        let bytes = [UInt8](data)
        let scan = HTMLScanner.scan(bytes)
        var edits: [(Range<Int>, String)] = []
        var seen: Set<String> = []
        var duplicates: [String] = []
        var titles = 0
        var titleText = ""
        var headings = 0
        for token in scan.tokens {
            switch token.kind {
            case .rawText where token.tag == .title:
                titleText += String(decoding: bytes[token.range], as: UTF8.self)
            case .rawText where token.tag == .style:
                for url in CSSScanner.urls(in: Array(bytes[token.range])) {
                    items.append(.reference(url, isLink: false))
                }
            case .startTag:
                if token.tag == .title { titles += 1 }
                if token.tag == .h1 { headings += 1 }
                var id: String?
                var anchorName: String?
                var source: String?
                var hasAlt = false
                for attribute in scan.attributes[token.attributes] {
                    let name = attribute.nameRange
                    func decoded() -> String { attribute.valueRange.map { HTMLScanner.value(bytes, $0) } ?? "" }
                    switch bytes[name.lowerBound] | 0x20 {
                    case UInt8(ascii: "h") where HTMLScanner.name(bytes, name, is: "href"),
                        UInt8(ascii: "s") where HTMLScanner.name(bytes, name, is: "src"):
                        var value = decoded()
                        if let range = attribute.valueRange, renamer.mayRename(bytes[range]),
                            let replaced = renamer.renamed(
                                String(decoding: bytes[range], as: UTF8.self), value: value, at: path)
                        {
                            edits.append((range, replaced))
                            value = HTMLScanner.decodeEntities(replaced)
                        }
                        if bytes[name.lowerBound] | 0x20 == UInt8(ascii: "s") {
                            if source == nil { source = value }
                            items.append(.reference(value, isLink: false))
                        } else if token.tag != .base {
                            items.append(.reference(value, isLink: token.tag == .a || token.tag == .area))
                        }
                    case UInt8(ascii: "p") where HTMLScanner.name(bytes, name, is: "poster"):
                        items.append(.reference(decoded(), isLink: false))
                    case UInt8(ascii: "s") where HTMLScanner.name(bytes, name, is: "srcset"):
                        for candidate in decoded().split(separator: ",") {
                            let url =
                                String(candidate).trimmingSpaces.split(separator: " ").first.map(String.init) ?? ""
                            if !url.isEmpty { items.append(.reference(url, isLink: false)) }
                        }
                    case UInt8(ascii: "s") where HTMLScanner.name(bytes, name, is: "style"):
                        for url in CSSScanner.urls(in: Array(decoded().utf8)) {
                            items.append(.reference(url, isLink: false))
                        }
                    case UInt8(ascii: "i") where id == nil && HTMLScanner.name(bytes, name, is: "id"):
                        id = decoded()
                    case UInt8(ascii: "n")
                    where token.tag == .a && anchorName == nil
                        && HTMLScanner.name(bytes, name, is: "name"):
                        anchorName = decoded()
                    case UInt8(ascii: "a") where HTMLScanner.name(bytes, name, is: "alt"):
                        hasAlt = true
                    default: break
                    }
                }
                if let id {
                    ids.insert(id)
                    if !seen.insert(id).inserted, !duplicates.contains(id) { duplicates.append(id) }
                }
                if let anchorName { ids.insert(anchorName) }
                if token.tag == .img, !hasAlt {
                    items.append(.problem(reference: source ?? "", "image without alt text"))
                }
            default: break
            }
        }
        if titles == 0 || HTMLScanner.decodeEntities(titleText).trimmingSpaces.isEmpty {
            items.append(.problem(reference: nil, "page without a title"))
        }
        if headings != 1 { items.append(.problem(reference: nil, "page with \(headings) h1 headings (one expected)")) }
        for id in duplicates { items.append(.problem(reference: "id=\"\(id)\"", "duplicate id '\(id)'")) }
        if !edits.isEmpty { rewritten = AssetFingerprinter.apply(edits, to: bytes) }
    }
}
