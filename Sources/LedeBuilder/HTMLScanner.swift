/// One attribute of a start tag, as written.
struct HTMLAttribute: Sendable, Hashable {
    /// The name, lower case.
    var name: String
    /// The value with `&amp;`-style references decoded; empty for a bare attribute.
    var value: String
    /// Where the raw value (between the quotes) is in the scanned bytes; `nil` for a bare attribute.
    var valueRange: Range<Int>?
}

/// A piece of an HTML document, with its place in the scanned bytes.
struct HTMLToken: Sendable, Hashable {
    /// What the piece is.
    enum Kind: Sendable, Hashable {
        /// Character data between tags (entity references not decoded).
        case text
        /// `<!-- … -->`.
        case comment
        /// `<!doctype …>` and other `<!…>` declarations.
        case declaration
        /// `<name …>`.
        case startTag
        /// `</name>`.
        case endTag
        /// The content of `<script>`, `<style>`, `<textarea>` or `<title>`: not markup.
        case rawText
    }

    var kind: Kind
    /// The bytes of the whole token.
    var range: Range<Int>
    /// The tag name, lower case (the enclosing element's name for raw text).
    var name: String = ""
    var attributes: [HTMLAttribute] = []

    /// The first attribute called `name`.
    func attribute(_ name: String) -> HTMLAttribute? {
        attributes.first { $0.name == name }
    }
}

/// A tiny, tolerant HTML tokenizer: enough to find tags, attributes and text in the pages Lede
/// writes, without building a tree.
///
/// It never fails: anything it does not understand is text. The content of `<script>` (JSON-LD
/// included) and `<style>` is raw text up to the matching end tag, so markup-like strings there
/// are not mistaken for tags.
enum HTMLScanner {
    /// Elements whose content is not markup.
    static let rawTextElements: Set<String> = ["script", "style", "textarea", "title"]

    /// Splits `bytes` into tokens that cover it completely and in order.
    static func tokens(_ bytes: [UInt8]) -> [HTMLToken] {
        var tokens: [HTMLToken] = []
        var index = 0
        var textStart = 0
        let count = bytes.count

        func flushText(upTo end: Int) {
            if end > textStart { tokens.append(HTMLToken(kind: .text, range: textStart..<end)) }
        }

        while index < count {
            guard bytes[index] == UInt8(ascii: "<"), index + 1 < count else {
                index += 1
                continue
            }
            let next = bytes[index + 1]
            if next == UInt8(ascii: "!") {
                flushText(upTo: index)
                let isComment = starts(bytes, at: index, with: "<!--")
                let end: Int
                if isComment {
                    end = find(bytes, "-->", from: index + 4).map { $0 + 3 } ?? count
                } else {
                    end = find(bytes, ">", from: index).map { $0 + 1 } ?? count
                }
                tokens.append(HTMLToken(kind: isComment ? .comment : .declaration, range: index..<end))
                index = end
                textStart = end
            } else if next == UInt8(ascii: "/"), index + 2 < count, isLetter(bytes[index + 2]) {
                flushText(upTo: index)
                let end = find(bytes, ">", from: index).map { $0 + 1 } ?? count
                let name = tagName(bytes, from: index + 2)
                tokens.append(HTMLToken(kind: .endTag, range: index..<end, name: name))
                index = end
                textStart = end
            } else if isLetter(next) {
                flushText(upTo: index)
                var token = startTag(bytes, at: index)
                tokens.append(token)
                index = token.range.upperBound
                textStart = index
                let selfClosing = index >= 2 && bytes[index - 2] == UInt8(ascii: "/")
                if rawTextElements.contains(token.name), !selfClosing {
                    let close = findEndTag(bytes, token.name, from: index) ?? count
                    if close > index {
                        token = HTMLToken(kind: .rawText, range: index..<close, name: token.name)
                        tokens.append(token)
                    }
                    index = close
                    textStart = close
                }
            } else {
                index += 1
            }
        }
        flushText(upTo: count)
        return tokens
    }

    /// Parses the start tag at `start` (which holds `<` followed by a letter).
    private static func startTag(_ bytes: [UInt8], at start: Int) -> HTMLToken {
        let count = bytes.count
        let name = tagName(bytes, from: start + 1)
        var index = start + 1 + name.utf8.count
        var attributes: [HTMLAttribute] = []
        while index < count {
            while index < count, isSpace(bytes[index]) || bytes[index] == UInt8(ascii: "/") { index += 1 }
            guard index < count, bytes[index] != UInt8(ascii: ">") else { break }
            let nameStart = index
            while index < count, !isSpace(bytes[index]), bytes[index] != UInt8(ascii: ">"),
                bytes[index] != UInt8(ascii: "="), !(bytes[index] == UInt8(ascii: "/") && index > nameStart)
            {
                index += 1
            }
            if index == nameStart { index += 1 }
            let attributeName = String(decoding: bytes[nameStart..<index], as: UTF8.self).lowercased()
            var probe = index
            while probe < count, isSpace(bytes[probe]) { probe += 1 }
            guard probe < count, bytes[probe] == UInt8(ascii: "=") else {
                attributes.append(HTMLAttribute(name: attributeName, value: "", valueRange: nil))
                continue
            }
            index = probe + 1
            while index < count, isSpace(bytes[index]) { index += 1 }
            let valueRange: Range<Int>
            if index < count, bytes[index] == UInt8(ascii: "\"") || bytes[index] == UInt8(ascii: "'") {
                let quote = bytes[index]
                var end = index + 1
                while end < count, bytes[end] != quote { end += 1 }
                valueRange = (index + 1)..<end
                index = min(end + 1, count)
            } else {
                var end = index
                while end < count, !isSpace(bytes[end]), bytes[end] != UInt8(ascii: ">") { end += 1 }
                valueRange = index..<end
                index = end
            }
            let raw = String(decoding: bytes[valueRange], as: UTF8.self)
            attributes.append(HTMLAttribute(name: attributeName, value: decodeEntities(raw), valueRange: valueRange))
        }
        let end = min(index + 1, count)
        return HTMLToken(kind: .startTag, range: start..<end, name: name, attributes: attributes)
    }

    /// The text a reader sees: text and `<textarea>`/`<title>` content with character references
    /// decoded, `<script>` and `<style>` left out.
    static func textContent(_ bytes: [UInt8]) -> String {
        var text = ""
        for token in tokens(bytes) {
            switch token.kind {
            case .text: text += decodeEntities(String(decoding: bytes[token.range], as: UTF8.self))
            case .rawText where token.name == "textarea" || token.name == "title":
                text += decodeEntities(String(decoding: bytes[token.range], as: UTF8.self))
            default: break
            }
        }
        return text
    }

    /// Decodes the character references a URL or text is likely to hold (named basics and numeric).
    static func decodeEntities(_ text: String) -> String {
        guard text.contains("&") else { return text }
        var result = ""
        var rest = Substring(text)
        while let amp = rest.firstIndex(of: "&") {
            result += rest[..<amp]
            let after = rest[amp...]
            guard let semicolon = after.prefix(12).firstIndex(of: ";") else {
                result += "&"
                rest = rest[rest.index(after: amp)...]
                continue
            }
            let name = after[after.index(after: amp)..<semicolon]
            if let decoded = decodeReference(name) {
                result += decoded
                rest = rest[rest.index(after: semicolon)...]
            } else {
                result += "&"
                rest = rest[rest.index(after: amp)...]
            }
        }
        return result + rest
    }

    private static func decodeReference(_ name: Substring) -> String? {
        switch name {
        case "amp": return "&"
        case "lt": return "<"
        case "gt": return ">"
        case "quot": return "\""
        case "apos": return "'"
        case "nbsp": return "\u{A0}"
        default:
            guard name.first == "#" else { return nil }
            let digits = name.dropFirst()
            let value: UInt32?
            if digits.first == "x" || digits.first == "X" {
                value = UInt32(digits.dropFirst(), radix: 16)
            } else {
                value = UInt32(digits)
            }
            return value.flatMap(Unicode.Scalar.init).map { String(Character($0)) }
        }
    }

    static func isSpace(_ byte: UInt8) -> Bool {
        byte == 0x20 || byte == 0x09 || byte == 0x0A || byte == 0x0D || byte == 0x0C
    }

    private static func isLetter(_ byte: UInt8) -> Bool {
        (byte | 0x20) >= UInt8(ascii: "a") && (byte | 0x20) <= UInt8(ascii: "z")
    }

    private static func tagName(_ bytes: [UInt8], from start: Int) -> String {
        var end = start
        while end < bytes.count, !isSpace(bytes[end]), bytes[end] != UInt8(ascii: ">"), bytes[end] != UInt8(ascii: "/")
        {
            end += 1
        }
        return String(decoding: bytes[start..<end], as: UTF8.self).lowercased()
    }

    private static func starts(_ bytes: [UInt8], at index: Int, with prefix: String) -> Bool {
        let prefix = Array(prefix.utf8)
        guard index + prefix.count <= bytes.count else { return false }
        return bytes[index..<(index + prefix.count)].elementsEqual(prefix)
    }

    private static func find(_ bytes: [UInt8], _ needle: String, from start: Int) -> Int? {
        let needle = Array(needle.utf8)
        guard let first = needle.first, bytes.count >= needle.count else { return nil }
        var index = start
        while index <= bytes.count - needle.count {
            if bytes[index] == first, bytes[index..<(index + needle.count)].elementsEqual(needle) { return index }
            index += 1
        }
        return nil
    }

    /// The offset of `</name` (any case) at or after `start`.
    private static func findEndTag(_ bytes: [UInt8], _ name: String, from start: Int) -> Int? {
        let name = Array(name.utf8)
        var index = start
        while let open = find(bytes, "</", from: index) {
            let nameStart = open + 2
            if nameStart + name.count <= bytes.count,
                zip(bytes[nameStart..<(nameStart + name.count)], name).allSatisfy({ ($0 | 0x20) == $1 })
            {
                let after = nameStart + name.count
                if after == bytes.count || isSpace(bytes[after]) || bytes[after] == UInt8(ascii: ">") { return open }
            }
            index = open + 2
        }
        return nil
    }
}
