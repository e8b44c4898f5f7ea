import LedeCore

extension DataReader {
    /// Reads the plain YAML nearly every front matter is written in, without libyaml.
    ///
    /// Accepts block mappings of simple keys, block lists, and values that are one-line plain
    /// scalars, one-line quoted strings (escapes only `\"` and `\\`), or one-line flow lists
    /// of those, or one-line flow mappings of simple keys to those (`author: { name: "A" }`,
    /// as site configurations write them).
    /// Anything else (comments after a value, multi-line scalars, anchors, tags, tabs,
    /// escapes, duplicate keys, …) returns `nil`, and the caller falls back to libyaml, so
    /// that errors keep libyaml's messages and positions.
    ///
    /// > Warning: Must give exactly the ``DataNode`` (values, `quoted` flags, lines and
    /// > columns) that libyaml gives; `SimpleYAMLTests` compares both on every front matter
    /// > of the repository and on tricky inputs. When in doubt, return `nil`.
    /// - Returns: The document's root mapping, or `nil` to ask for libyaml.
    static func parseSimple(_ yaml: String, at base: SourceLocation) -> DataNode? {
        var yaml = yaml
        return yaml.withUTF8 { bytes in
            var parser = SimpleYAMLParser(bytes: bytes, base: base)
            return parser.parseDocument()
        }
    }
}

/// A line-based reader for ``DataReader/parseSimple(_:at:)``, on UTF-8 bytes.
private struct SimpleYAMLParser {
    /// A line holding something other than spaces or a comment.
    struct Line {
        /// The line number in the text, from 1.
        var number: Int
        /// Where the line starts.
        var start: Int
        /// Where its content starts: after the indentation (or, for a mapping written on a
        /// list item's line, after the `- `).
        var content: Int
        /// Where its content ends, trailing spaces left out.
        var end: Int
        /// The content's column, from 0 (indentation is ASCII spaces, so bytes are columns).
        var indent: Int { content - start }
    }

    let bytes: UnsafeBufferPointer<UInt8>
    let base: SourceLocation
    var lines: [Line] = []
    var index = 0

    init(bytes: UnsafeBufferPointer<UInt8>, base: SourceLocation) {
        self.bytes = bytes
        self.base = base
    }

    mutating func parseDocument() -> DataNode? {
        guard splitLines(), let first = lines.first, first.indent == 0 else { return nil }
        guard let root = parseMapping(indent: 0), index == lines.count else { return nil }
        return root
    }

    // MARK: - Lines

    /// Splits the text into content lines; `false` for characters libyaml treats specially
    /// (controls, tabs, carriage returns, other line breaks, byte order marks).
    mutating func splitLines() -> Bool {
        var number = 1
        var start = 0
        var position = 0
        let count = bytes.count
        while position <= count {
            if position == count || bytes[position] == 0x0A {
                var content = start
                while content < position, bytes[content] == 0x20 { content += 1 }
                var end = position
                while end > content, bytes[end - 1] == 0x20 { end -= 1 }
                if content < end, bytes[content] != 0x23 {
                    lines.append(Line(number: number, start: start, content: content, end: end))
                }
                number += 1
                position += 1
                start = position
                continue
            }
            let byte = bytes[position]
            if byte < 0x20 || byte == 0x7F { return false }
            if byte >= 0x80 {
                let next = position + 1 < count ? bytes[position + 1] : 0
                let third = position + 2 < count ? bytes[position + 2] : 0
                switch byte {
                case 0xC2 where next <= 0x9F: return false  // C1 controls and NEL
                case 0xE2 where next == 0x80 && (third == 0xA8 || third == 0xA9): return false  // U+2028, U+2029
                case 0xEF where next == 0xBB && third == 0xBF: return false  // U+FEFF
                case 0xEF where next == 0xBF && (third == 0xBE || third == 0xBF): return false  // U+FFFE, U+FFFF
                default: break
                }
            }
            position += 1
        }
        return true
    }

    /// The location of a byte of a line, with the column counted in Unicode scalars.
    func location(_ line: Line, _ position: Int) -> SourceLocation {
        var column = 1
        for offset in line.start..<position where bytes[offset] & 0xC0 != 0x80 { column += 1 }
        return DataReader.place(line: line.number, column: column, base: base)
    }

    func text(_ from: Int, _ to: Int) -> String {
        String(decoding: UnsafeBufferPointer(rebasing: bytes[from..<to]), as: UTF8.self)
    }

    // MARK: - Block structure

    /// The end of a simple key (`[A-Za-z0-9_][A-Za-z0-9_.-]*`) at `position` when a `:` and a
    /// space or the end of the line follow it.
    func keyEnd(in line: Line, at position: Int) -> Int? {
        guard position < line.end, isKeyStart(bytes[position]) else { return nil }
        var end = position + 1
        while end < line.end, isKeyStart(bytes[end]) || bytes[end] == 0x2D || bytes[end] == 0x2E { end += 1 }
        guard end < line.end, bytes[end] == 0x3A, end - position < 1000 else { return nil }
        guard end + 1 == line.end || bytes[end + 1] == 0x20 else { return nil }
        return end
    }

    func isKeyStart(_ byte: UInt8) -> Bool {
        switch byte {
        case 0x30...0x39, 0x41...0x5A, 0x61...0x7A, 0x5F: true
        default: false
        }
    }

    /// Whether a line is a list item (`- …`).
    func isItem(_ line: Line) -> Bool {
        bytes[line.content] == 0x2D && (line.content + 1 == line.end || bytes[line.content + 1] == 0x20)
    }

    mutating func parseMapping(indent: Int) -> DataNode? {
        let location = location(lines[index], lines[index].content)
        var pairs: [(key: String, value: DataNode)] = []
        var seen: Set<String> = []
        var keyLocations: [SourceLocation] = []
        while index < lines.count, lines[index].indent == indent {
            let line = lines[index]
            guard let colon = keyEnd(in: line, at: line.content) else { return nil }
            let key = text(line.content, colon)
            guard seen.insert(key).inserted else { return nil }
            keyLocations.append(self.location(line, line.content))
            var position = colon + 1
            while position < line.end, bytes[position] == 0x20 { position += 1 }
            index += 1
            let value: DataNode?
            if position < line.end, bytes[position] == 0x3E || bytes[position] == 0x7C {
                value = parseBlockScalar(line, at: position, parentIndent: indent)
            } else if position < line.end {
                value = parseInline(line, at: position)
            } else if index < lines.count, lines[index].indent > indent {
                value =
                    isItem(lines[index])
                    ? parseList(indent: lines[index].indent) : parseMapping(indent: lines[index].indent)
            } else if index < lines.count, lines[index].indent == indent, isItem(lines[index]) {
                value = parseList(indent: indent)
            } else {
                // libyaml places an empty value just after the colon.
                value = DataNode(.scalar("", quoted: false), at: self.location(line, colon + 1))
            }
            guard let value else { return nil }
            pairs.append((key, value))
        }
        if index < lines.count, lines[index].indent > indent { return nil }
        var mapping = DataNode(.map(pairs), at: location)
        mapping.keyLocations = keyLocations
        return mapping
    }

    mutating func parseList(indent: Int) -> DataNode? {
        let location = location(lines[index], lines[index].content)
        var items: [DataNode] = []
        while index < lines.count, lines[index].indent == indent, isItem(lines[index]) {
            let line = lines[index]
            var position = line.content + 1
            while position < line.end, bytes[position] == 0x20 { position += 1 }
            guard position < line.end, position > line.content + 1 else { return nil }
            let item: DataNode?
            if keyEnd(in: line, at: position) != nil {
                // A mapping that starts on the item's line: read the rest of the line as the
                // mapping's first line, indented to where its first key is.
                lines[index].content = position
                item = parseMapping(indent: position - line.start)
            } else {
                if bytes[position] == 0x2D { return nil }
                index += 1
                item = parseInline(line, at: position)
            }
            guard let item else { return nil }
            items.append(item)
        }
        if index < lines.count, lines[index].indent > indent { return nil }
        return DataNode(.list(items), at: location)
    }

    // MARK: - Block scalars

    /// A block scalar (`>`, `>-`, `|`, `|-` ending its line) whose lines all stand at one
    /// indentation, with no blank line between them and no space at their ends; `nil` for
    /// any other (more-indented lines, blank lines inside, `+`, an indentation indicator, a
    /// comment after the indicator). Moves past its lines.
    mutating func parseBlockScalar(_ line: Line, at position: Int, parentIndent: Int) -> DataNode? {
        let folded = bytes[position] == 0x3E
        var indicatorEnd = position + 1
        let strip = indicatorEnd < line.end && bytes[indicatorEnd] == 0x2D
        if strip { indicatorEnd += 1 }
        guard indicatorEnd == line.end else { return nil }
        // Read the raw lines after the indicator's: a comment-like line inside is text.
        var start = line.end
        while start < bytes.count, bytes[start] != 0x0A { start += 1 }
        start += 1
        var number = line.number + 1
        var texts: [String] = []
        var indent: Int?
        var firstLine = 0
        var sawBlank = false
        while start < bytes.count {
            var end = start
            while end < bytes.count, bytes[end] != 0x0A { end += 1 }
            // A block running to the end of a text without a final line break: libyaml's.
            guard end < bytes.count else { return nil }
            var content = start
            while content < end, bytes[content] == 0x20 { content += 1 }
            if content == end {
                // Only empty lines, and only after the text (they are chomped away).
                guard start == end else { return nil }
                sawBlank = true
            } else if content - start <= parentIndent {
                break
            } else {
                let lineIndent = content - start
                guard !sawBlank, indent == nil || indent == lineIndent, bytes[end - 1] != 0x20 else { return nil }
                if indent == nil { firstLine = number }
                indent = lineIndent
                texts.append(text(content, end))
            }
            number += 1
            start = end + 1
        }
        guard let indent, !texts.isEmpty else { return nil }
        while index < lines.count, lines[index].number < number { index += 1 }
        var value = texts.joined(separator: folded ? " " : "\n")
        if !strip { value += "\n" }
        var node = DataNode(.scalar(value, quoted: true), at: location(line, position))
        node.block = DataNode.Block(
            text: texts.joined(separator: "\n"),
            location: DataReader.place(line: firstLine, column: indent + 1, base: base))
        return node
    }

    // MARK: - Values on one line

    /// A value that fills the rest of a line.
    func parseInline(_ line: Line, at position: Int) -> DataNode? {
        switch bytes[position] {
        case 0x22, 0x27:
            guard let (node, end) = parseQuoted(line, at: position), end == line.end else { return nil }
            return node
        case 0x5B:
            return parseFlowList(line, at: position)
        case 0x7B:
            return parseFlowMapping(line, at: position)
        default:
            guard !isIndicator(bytes[position]) else { return nil }
            var offset = position
            while offset < line.end {
                let byte = bytes[offset]
                let next: UInt8 = offset + 1 < line.end ? bytes[offset + 1] : 0x20
                if byte == 0x3A && next == 0x20 { return nil }  // `: ` or a final `:`
                if byte == 0x20 && next == 0x23 { return nil }  // ` #`, a comment
                offset += 1
            }
            return DataNode(.scalar(text(position, line.end), quoted: false), at: location(line, position))
        }
    }

    /// Characters that cannot start a plain scalar here (YAML's indicators).
    func isIndicator(_ byte: UInt8) -> Bool {
        switch byte {
        case 0x2D, 0x3F, 0x3A, 0x2C, 0x5B, 0x5D, 0x7B, 0x7D, 0x23, 0x26, 0x2A, 0x21, 0x7C, 0x3E, 0x27, 0x22, 0x25,
            0x40, 0x60, 0x5C:
            true
        default: false
        }
    }

    /// A quoted string ending on the same line, whose only escapes are `\"` and `\\`.
    /// - Returns: The scalar and the position after its closing quote.
    func parseQuoted(_ line: Line, at position: Int) -> (DataNode, Int)? {
        let quote = bytes[position]
        var offset = position + 1
        var escaped = false
        while offset < line.end, bytes[offset] != quote {
            if bytes[offset] == 0x5C && quote == 0x22 {
                guard offset + 1 < line.end, bytes[offset + 1] == 0x22 || bytes[offset + 1] == 0x5C else { return nil }
                escaped = true
                offset += 1
            }
            offset += 1
        }
        guard offset < line.end else { return nil }
        // `''` is an escaped quote in a single-quoted string.
        if quote == 0x27, offset + 1 < line.end, bytes[offset + 1] == 0x27 { return nil }
        var value = text(position + 1, offset)
        if escaped { value = unescape(position + 1, offset) }
        return (DataNode(.scalar(value, quoted: true), at: location(line, position)), offset + 1)
    }

    /// The text of a double-quoted string with `\"` and `\\` (its only escapes) resolved.
    func unescape(_ from: Int, _ to: Int) -> String {
        var result: [UInt8] = []
        result.reserveCapacity(to - from)
        var offset = from
        while offset < to {
            if bytes[offset] == 0x5C { offset += 1 }
            result.append(bytes[offset])
            offset += 1
        }
        return String(decoding: result, as: UTF8.self)
    }

    /// A plain scalar inside a flow collection, up to the `,` or `closer` after it; `nil` for
    /// anything libyaml might read otherwise (a colon, a comment, quotes, brackets).
    /// - Returns: The scalar and the position of the `,` or `closer`.
    func parseFlowPlain(_ line: Line, at position: Int, closer: UInt8) -> (DataNode, Int)? {
        guard position < line.end, !isIndicator(bytes[position]) else { return nil }
        var offset = position
        var end = position
        while offset < line.end, bytes[offset] != 0x2C, bytes[offset] != closer {
            switch bytes[offset] {
            case 0x5B, 0x5D, 0x7B, 0x7D, 0x23, 0x3A, 0x22, 0x27: return nil
            case 0x20: break
            default: end = offset + 1
            }
            offset += 1
        }
        guard offset < line.end else { return nil }
        return (DataNode(.scalar(text(position, end), quoted: false), at: location(line, position)), offset)
    }

    /// A flow mapping (`{ name: "A", url: b }`) of simple keys to quoted or plain scalars
    /// that closes at the end of the line.
    func parseFlowMapping(_ line: Line, at position: Int) -> DataNode? {
        var pairs: [(key: String, value: DataNode)] = []
        var seen: Set<String> = []
        var keyLocations: [SourceLocation] = []
        var offset = position + 1
        func skipSpaces() { while offset < line.end, bytes[offset] == 0x20 { offset += 1 } }
        skipSpaces()
        if offset < line.end, bytes[offset] == 0x7D {
            offset += 1
        } else {
            while true {
                // A simple key, its colon right after it, then a space.
                guard offset < line.end, isKeyStart(bytes[offset]) else { return nil }
                let keyStart = offset
                while offset < line.end, isKeyStart(bytes[offset]) || bytes[offset] == 0x2D || bytes[offset] == 0x2E {
                    offset += 1
                }
                guard offset + 1 < line.end, bytes[offset] == 0x3A, bytes[offset + 1] == 0x20 else { return nil }
                let key = text(keyStart, offset)
                guard seen.insert(key).inserted else { return nil }
                keyLocations.append(location(line, keyStart))
                offset += 1
                skipSpaces()
                guard offset < line.end else { return nil }
                let value: DataNode
                if bytes[offset] == 0x22 || bytes[offset] == 0x27 {
                    guard let (node, end) = parseQuoted(line, at: offset) else { return nil }
                    value = node
                    offset = end
                    skipSpaces()
                } else {
                    guard let (node, end) = parseFlowPlain(line, at: offset, closer: 0x7D) else { return nil }
                    value = node
                    offset = end
                }
                pairs.append((key, value))
                guard offset < line.end else { return nil }
                if bytes[offset] == 0x7D {
                    offset += 1
                    break
                }
                guard bytes[offset] == 0x2C else { return nil }
                offset += 1
                skipSpaces()
            }
        }
        guard offset == line.end else { return nil }
        var mapping = DataNode(.map(pairs), at: location(line, position))
        mapping.keyLocations = keyLocations
        return mapping
    }

    /// A flow list (`[a, "b"]`) that closes at the end of the line.
    func parseFlowList(_ line: Line, at position: Int) -> DataNode? {
        var items: [DataNode] = []
        var offset = position + 1
        func skipSpaces() { while offset < line.end, bytes[offset] == 0x20 { offset += 1 } }
        skipSpaces()
        if offset < line.end, bytes[offset] == 0x5D {
            offset += 1
        } else {
            while true {
                guard offset < line.end else { return nil }
                let byte = bytes[offset]
                if byte == 0x22 || byte == 0x27 {
                    guard let (node, end) = parseQuoted(line, at: offset) else { return nil }
                    items.append(node)
                    offset = end
                } else {
                    guard !isIndicator(byte) else { return nil }
                    let start = offset
                    var end = offset
                    while offset < line.end, bytes[offset] != 0x2C, bytes[offset] != 0x5D {
                        switch bytes[offset] {
                        case 0x5B, 0x7B, 0x7D, 0x23, 0x3A, 0x22, 0x27: return nil
                        case 0x20: break
                        default: end = offset + 1
                        }
                        offset += 1
                    }
                    items.append(DataNode(.scalar(text(start, end), quoted: false), at: location(line, start)))
                }
                skipSpaces()
                guard offset < line.end else { return nil }
                if bytes[offset] == 0x5D {
                    offset += 1
                    break
                }
                guard bytes[offset] == 0x2C else { return nil }
                offset += 1
                skipSpaces()
            }
        }
        guard offset == line.end else { return nil }
        return DataNode(.list(items), at: location(line, position))
    }
}
