/// Finds the URLs a stylesheet refers to (`url(…)` and `@import "…"`), skipping comments
/// and strings that are not URLs.
enum CSSScanner {
    /// A URL as written, and where its text is in the scanned bytes.
    struct Reference: Sendable, Hashable {
        var url: String
        var range: Range<Int>
    }

    /// The URLs of `bytes`, in order.
    static func urls(in bytes: [UInt8]) -> [String] {
        references(in: bytes).map(\.url)
    }

    /// Every `url(…)` and `@import "…"` of `bytes`, with the range of its URL text.
    static func references(in bytes: [UInt8]) -> [Reference] {
        var references: [Reference] = []
        var index = 0
        let count = bytes.count
        var afterImport = false
        while index < count {
            let byte = bytes[index]
            if byte == UInt8(ascii: "/"), index + 1 < count, bytes[index + 1] == UInt8(ascii: "*") {
                index = commentEnd(bytes, from: index)
            } else if byte == UInt8(ascii: "\"") || byte == UInt8(ascii: "'") {
                let end = stringEnd(bytes, from: index)
                if afterImport {
                    let range = (index + 1)..<max(index + 1, end - 1)
                    references.append(Reference(url: String(decoding: bytes[range], as: UTF8.self), range: range))
                }
                afterImport = false
                index = end
            } else if matches(bytes, at: index, "url(") && (index == 0 || !isNameByte(bytes[index - 1])) {
                var start = index + 4
                while start < count, HTMLScanner.isSpace(bytes[start]) { start += 1 }
                if start < count, bytes[start] == UInt8(ascii: "\"") || bytes[start] == UInt8(ascii: "'") {
                    let end = stringEnd(bytes, from: start)
                    let range = (start + 1)..<max(start + 1, end - 1)
                    references.append(Reference(url: String(decoding: bytes[range], as: UTF8.self), range: range))
                    index = end
                } else {
                    var end = start
                    while end < count, bytes[end] != UInt8(ascii: ")") { end += 1 }
                    var last = end
                    while last > start, HTMLScanner.isSpace(bytes[last - 1]) { last -= 1 }
                    references.append(
                        Reference(url: String(decoding: bytes[start..<last], as: UTF8.self), range: start..<last))
                    index = end
                }
                afterImport = false
            } else if matches(bytes, at: index, "@import") {
                afterImport = true
                index += 7
            } else {
                if byte == UInt8(ascii: ";") { afterImport = false }
                index += 1
            }
        }
        return references
    }

    /// The index just past the comment that starts at `start` (`/*`).
    static func commentEnd(_ bytes: [UInt8], from start: Int) -> Int {
        var index = start + 2
        while index + 1 < bytes.count {
            if bytes[index] == UInt8(ascii: "*"), bytes[index + 1] == UInt8(ascii: "/") { return index + 2 }
            index += 1
        }
        return bytes.count
    }

    /// The index just past the string that starts at `start` (a quote), honouring backslashes.
    static func stringEnd(_ bytes: [UInt8], from start: Int) -> Int {
        let quote = bytes[start]
        var index = start + 1
        while index < bytes.count {
            if bytes[index] == UInt8(ascii: "\\") {
                index += 2
                continue
            }
            if bytes[index] == quote || bytes[index] == 0x0A { return index + 1 }
            index += 1
        }
        return bytes.count
    }

    private static func matches(_ bytes: [UInt8], at index: Int, _ word: String) -> Bool {
        let word = Array(word.utf8)
        guard index + word.count <= bytes.count else { return false }
        return zip(bytes[index..<(index + word.count)], word).allSatisfy { ($0 | 0x20) == ($1 | 0x20) }
    }

    private static func isNameByte(_ byte: UInt8) -> Bool {
        byte == UInt8(ascii: "-") || byte == UInt8(ascii: "_") || byte >= 0x80
            || (byte | 0x20) >= UInt8(ascii: "a") && (byte | 0x20) <= UInt8(ascii: "z")
            || byte >= UInt8(ascii: "0") && byte <= UInt8(ascii: "9")
    }
}
