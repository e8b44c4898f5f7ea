/// Conservative HTML and CSS minification for `--minify`: only changes a browser cannot see.
///
/// HTML: comments go (conditional comments `<!--[if …]>` stay); white space between tags is
/// collapsed to one space, or dropped next to block-level elements where it never renders;
/// `<pre>`, `<textarea>`, `<script>` and `<style>` are left byte for byte. Tags themselves are
/// not rewritten. CSS: comments and redundant white space go; strings and `url()` stay intact.
///
/// > Warning: collapsing assumes no stylesheet sets `white-space: pre` on anything but `<pre>`
/// > and `<textarea>`: the default theme does not.
enum Minifier {
    /// Elements next to which white space between tags never renders.
    static let blockElements: Set<String> = [
        "address", "article", "aside", "base", "blockquote", "body", "caption", "col", "colgroup", "dd", "details",
        "dialog", "div", "dl", "dt", "fieldset", "figcaption", "figure", "footer", "form", "h1", "h2", "h3", "h4", "h5",
        "h6", "head", "header", "hgroup", "hr", "html", "li", "link", "main", "meta", "nav", "ol", "optgroup", "option",
        "p", "pre", "section", "summary", "table", "tbody", "td", "tfoot", "th", "thead", "title", "tr", "ul",
    ]

    /// Minifies an HTML document.
    static func html(_ bytes: [UInt8]) -> [UInt8] {
        let tokens = HTMLScanner.scan(bytes).tokens
        var output: [UInt8] = []
        output.reserveCapacity(bytes.count)
        var preserveDepth = 0
        // Names are compared once per tag, not once per neighbouring space.
        let isBlock = tokens.map { token in
            switch token.kind {
            case .startTag, .endTag: blockElements.contains(HTMLScanner.lowercasedName(bytes, token.nameRange))
            case .declaration: true
            default: false
            }
        }
        /// Whether the nearest token on one side that is not a dropped comment is a block boundary.
        func isBlockBoundary(beside index: Int, step: Int) -> Bool {
            var probe = index + step
            while probe >= 0, probe < tokens.count {
                if tokens[probe].kind != .comment || isConditional(tokens[probe], bytes) { return isBlock[probe] }
                probe += step
            }
            return true
        }
        func isPreserving(_ token: HTMLScan.Token) -> Bool {
            token.tag == .textarea || HTMLScanner.name(bytes, token.nameRange, is: "pre")
        }
        for (index, token) in tokens.enumerated() {
            let raw = bytes[token.range]
            switch token.kind {
            case .comment:
                if isConditional(token, bytes) { output += raw }
            case .startTag:
                if isPreserving(token) { preserveDepth += 1 }
                output += raw
            case .endTag:
                if isPreserving(token) { preserveDepth = max(0, preserveDepth - 1) }
                output += raw
            case .rawText, .declaration:
                output += raw
            case .text:
                if preserveDepth > 0 {
                    output += raw
                } else if raw.allSatisfy(HTMLScanner.isSpace) {
                    if !isBlockBoundary(beside: index, step: -1), !isBlockBoundary(beside: index, step: 1),
                        output.last.map({ !HTMLScanner.isSpace($0) }) ?? false
                    {
                        output.append(0x20)
                    }
                } else {
                    output += collapsed(raw, after: output.last)
                }
            }
        }
        return output
    }

    /// Minifies a stylesheet.
    static func css(_ bytes: [UInt8]) -> [UInt8] {
        var output: [UInt8] = []
        output.reserveCapacity(bytes.count)
        var index = 0
        var pendingSpace = false
        /// Bytes around which white space is never needed.
        let tight: Set<UInt8> = Set("{};,".utf8)
        func emit(_ byte: UInt8) {
            if pendingSpace, let last = output.last, !tight.contains(last), !tight.contains(byte),
                last != UInt8(ascii: ":")
            {
                output.append(0x20)
            }
            pendingSpace = false
            if byte == UInt8(ascii: "}"), output.last == UInt8(ascii: ";") { output.removeLast() }
            output.append(byte)
        }
        while index < bytes.count {
            let byte = bytes[index]
            if byte == UInt8(ascii: "/"), index + 1 < bytes.count, bytes[index + 1] == UInt8(ascii: "*") {
                index = CSSScanner.commentEnd(bytes, from: index)
            } else if HTMLScanner.isSpace(byte) {
                pendingSpace = !output.isEmpty
                index += 1
            } else if byte == UInt8(ascii: "\"") || byte == UInt8(ascii: "'") {
                let end = CSSScanner.stringEnd(bytes, from: index)
                emit(byte)
                output += bytes[(index + 1)..<end]
                index = end
            } else if byte == UInt8(ascii: "("), output.count >= 3,
                output.suffix(3).map({ $0 | 0x20 }) == Array("url".utf8)
            {
                emit(byte)
                var end = index + 1
                while end < bytes.count, bytes[end] != UInt8(ascii: ")") {
                    if bytes[end] == UInt8(ascii: "\"") || bytes[end] == UInt8(ascii: "'") {
                        end = CSSScanner.stringEnd(bytes, from: end)
                    } else {
                        end += 1
                    }
                }
                output += bytes[(index + 1)..<min(end, bytes.count)]
                index = end
            } else {
                emit(byte)
                index += 1
            }
        }
        return output
    }

    private static func isConditional(_ token: HTMLScan.Token, _ bytes: [UInt8]) -> Bool {
        let prefix = bytes[token.range].prefix(8)
        return prefix.starts(with: Array("<!--[if".utf8)) || prefix.starts(with: Array("<![endif".utf8))
    }

    /// Text with each run of white space made one space (none at the start after a space).
    private static func collapsed(_ raw: ArraySlice<UInt8>, after previous: UInt8?) -> [UInt8] {
        var result: [UInt8] = []
        result.reserveCapacity(raw.count)
        var inSpace = previous.map(HTMLScanner.isSpace) ?? false
        for byte in raw {
            if HTMLScanner.isSpace(byte) {
                if !inSpace { result.append(0x20) }
                inSpace = true
            } else {
                result.append(byte)
                inSpace = false
            }
        }
        return result
    }
}
