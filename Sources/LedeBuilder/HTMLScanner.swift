import Foundation

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
    /// Splits `bytes` into tokens that cover it completely and in order.
    static func tokens(_ bytes: [UInt8]) -> [HTMLToken] {
        let scan = scan(bytes)
        return scan.tokens.map { token in
            var result = HTMLToken(kind: token.kind, range: token.range)
            if token.kind != .text, token.kind != .comment, token.kind != .declaration {
                result.name = lowercasedName(bytes, token.nameRange)
            }
            result.attributes = scan.attributes[token.attributes].map { attribute in
                HTMLAttribute(
                    name: lowercasedName(bytes, attribute.nameRange),
                    value: attribute.valueRange.map { value(bytes, $0) } ?? "", valueRange: attribute.valueRange)
            }
            return result
        }
    }

    /// Splits `bytes` into tokens that cover it completely and in order, as byte ranges:
    /// ``tokens(_:)`` without a string for every name and value.
    static func scan(_ bytes: [UInt8]) -> HTMLScan {
        var scan = HTMLScan()
        scan.tokens.reserveCapacity(bytes.count / 24)
        var index = 0
        var textStart = 0
        let count = bytes.count

        func flushText(upTo end: Int) {
            if end > textStart { scan.append(.text, textStart..<end) }
        }

        while index < count {
            guard bytes[index] == UInt8(ascii: "<"), index + 1 < count else {
                index = nextOpen(bytes, from: index + 1)
                continue
            }
            let next = bytes[index + 1]
            if next == UInt8(ascii: "!") {
                flushText(upTo: index)
                let isComment =
                    index + 4 <= count && bytes[index + 2] == UInt8(ascii: "-") && bytes[index + 3] == UInt8(ascii: "-")
                let end: Int
                if isComment {
                    end = findCommentEnd(bytes, from: index + 4).map { $0 + 3 } ?? count
                } else {
                    end = find(bytes, UInt8(ascii: ">"), from: index).map { $0 + 1 } ?? count
                }
                scan.append(isComment ? .comment : .declaration, index..<end)
                index = end
                textStart = end
            } else if next == UInt8(ascii: "/"), index + 2 < count, isLetter(bytes[index + 2]) {
                flushText(upTo: index)
                let end = find(bytes, UInt8(ascii: ">"), from: index).map { $0 + 1 } ?? count
                let name = tagNameRange(bytes, from: index + 2)
                scan.append(.endTag, index..<end, name: name, tag: tag(bytes, name))
                index = end
                textStart = end
            } else if isLetter(next) {
                flushText(upTo: index)
                let token = startTag(bytes, at: index, into: &scan)
                index = token.range.upperBound
                textStart = index
                let selfClosing = index >= 2 && bytes[index - 2] == UInt8(ascii: "/")
                if let rawName = token.tag.rawTextName, !selfClosing {
                    let close = findEndTag(bytes, rawName, from: index) ?? count
                    if close > index { scan.append(.rawText, index..<close, name: token.nameRange, tag: token.tag) }
                    index = close
                    textStart = close
                }
            } else {
                index += 1
            }
        }
        flushText(upTo: count)
        return scan
    }

    /// Parses the start tag at `start` (which holds `<` followed by a letter) into `scan`.
    private static func startTag(_ bytes: [UInt8], at start: Int, into scan: inout HTMLScan) -> HTMLScan.Token {
        let count = bytes.count
        let nameRange = tagNameRange(bytes, from: start + 1)
        // Past the lower-cased name, as the scanner has always measured it (the same for ASCII).
        var index = start + 1 + lowercasedNameLength(bytes, nameRange)
        let firstAttribute = scan.attributes.count
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
            let attributeName = nameStart..<index
            var probe = index
            while probe < count, isSpace(bytes[probe]) { probe += 1 }
            guard probe < count, bytes[probe] == UInt8(ascii: "=") else {
                scan.attributes.append(HTMLScan.Attribute(nameRange: attributeName, valueRange: nil))
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
            scan.attributes.append(HTMLScan.Attribute(nameRange: attributeName, valueRange: valueRange))
        }
        let end = min(index + 1, count)
        let token = HTMLScan.Token(
            kind: .startTag, range: start..<end, nameRange: nameRange, tag: tag(bytes, nameRange),
            attributes: firstAttribute..<scan.attributes.count)
        scan.tokens.append(token)
        return token
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

    /// The decoded value of an attribute: character references decoded only when there is a `&`.
    static func value(_ bytes: [UInt8], _ range: Range<Int>) -> String {
        let raw = String(decoding: bytes[range], as: UTF8.self)
        return bytes[range].contains(UInt8(ascii: "&")) ? decodeEntities(raw) : raw
    }

    /// A tag or attribute name, lower case.
    static func lowercasedName(_ bytes: [UInt8], _ range: Range<Int>) -> String {
        String(decoding: bytes[range], as: UTF8.self).lowercased()
    }

    /// Whether the name at `range`, lower-cased, is `name` (which is lower case): bytes compared
    /// for ASCII, the string for anything else.
    static func name(_ bytes: [UInt8], _ range: Range<Int>, is name: StaticString) -> Bool {
        var index = range.lowerBound
        let expected = UnsafeBufferPointer(start: name.utf8Start, count: name.utf8CodeUnitCount)
        for character in expected {
            guard index < range.upperBound else { return false }
            let byte = bytes[index]
            if byte >= 0x80 { return lowercasedName(bytes, range) == "\(name)" }
            if (byte >= UInt8(ascii: "A") && byte <= UInt8(ascii: "Z") ? byte | 0x20 : byte) != character {
                return false
            }
            index += 1
        }
        // A longer name never lower-cases to fewer characters.
        return index == range.upperBound
    }

    /// The element `range` names, for the few that matter.
    private static func tag(_ bytes: [UInt8], _ range: Range<Int>) -> HTMLScan.Tag {
        guard let first = bytes[range].first else { return .other }
        switch first | 0x20 {
        case UInt8(ascii: "a"):
            if name(bytes, range, is: "a") { return .a }
            if name(bytes, range, is: "area") { return .area }
        case UInt8(ascii: "b"): if name(bytes, range, is: "base") { return .base }
        case UInt8(ascii: "h"): if name(bytes, range, is: "h1") { return .h1 }
        case UInt8(ascii: "i"): if name(bytes, range, is: "img") { return .img }
        case UInt8(ascii: "s"):
            if name(bytes, range, is: "script") { return .script }
            if name(bytes, range, is: "style") { return .style }
        case UInt8(ascii: "t"):
            if name(bytes, range, is: "textarea") { return .textarea }
            if name(bytes, range, is: "title") { return .title }
        default: break
        }
        return .other
    }

    private static func tagNameRange(_ bytes: [UInt8], from start: Int) -> Range<Int> {
        var end = start
        while end < bytes.count, !isSpace(bytes[end]), bytes[end] != UInt8(ascii: ">"), bytes[end] != UInt8(ascii: "/")
        {
            end += 1
        }
        return start..<end
    }

    /// The UTF-8 length of the lower-cased name: its byte count unless it holds non-ASCII.
    private static func lowercasedNameLength(_ bytes: [UInt8], _ range: Range<Int>) -> Int {
        bytes[range].allSatisfy { $0 < 0x80 } ? range.count : lowercasedName(bytes, range).utf8.count
    }

    private static func find(_ bytes: [UInt8], _ byte: UInt8, from start: Int) -> Int? {
        var index = start
        while index < bytes.count {
            if bytes[index] == byte { return index }
            index += 1
        }
        return nil
    }

    /// The offset of the first `<` at or after `start`; `bytes.count` when there is none.
    private static func nextOpen(_ bytes: [UInt8], from start: Int) -> Int {
        guard start < bytes.count else { return bytes.count }
        return bytes.withUnsafeBufferPointer { buffer in
            guard let base = buffer.baseAddress, let found = memchr(base + start, 0x3C, buffer.count - start) else {
                return buffer.count
            }
            return base.distance(to: found.assumingMemoryBound(to: UInt8.self))
        }
    }

    /// The offset of `-->` at or after `start`.
    private static func findCommentEnd(_ bytes: [UInt8], from start: Int) -> Int? {
        var index = start
        while index + 3 <= bytes.count {
            if bytes[index] == UInt8(ascii: "-"), bytes[index + 1] == UInt8(ascii: "-"),
                bytes[index + 2] == UInt8(ascii: ">")
            {
                return index
            }
            index += 1
        }
        return nil
    }

    /// The offset of `</name` (any case) at or after `start`.
    private static func findEndTag(_ bytes: [UInt8], _ name: StaticString, from start: Int) -> Int? {
        let name = UnsafeBufferPointer(start: name.utf8Start, count: name.utf8CodeUnitCount)
        var index = start
        while index + 2 <= bytes.count {
            guard bytes[index] == UInt8(ascii: "<"), bytes[index + 1] == UInt8(ascii: "/") else {
                index = nextOpen(bytes, from: index + 1)
                continue
            }
            let nameStart = index + 2
            if nameStart + name.count <= bytes.count,
                zip(bytes[nameStart..<(nameStart + name.count)], name).allSatisfy({ ($0 | 0x20) == $1 })
            {
                let after = nameStart + name.count
                if after == bytes.count || isSpace(bytes[after]) || bytes[after] == UInt8(ascii: ">") { return index }
            }
            index += 2
        }
        return nil
    }
}
