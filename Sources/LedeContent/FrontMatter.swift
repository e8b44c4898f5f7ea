import LedeCore

/// Splits a content file into its YAML front matter and its Markdown body.
enum FrontMatter {
    /// - Returns: The front matter (a mapping), the body, and the body's first line number.
    /// - Throws: ``DiagnosticError`` when the front matter is missing, unterminated, malformed or not a mapping.
    static func split(_ text: String, path: String) throws -> (DataNode, String, Int) {
        let start = SourceLocation(path: path, line: 1, column: 1)
        // Scanned on UTF-8 bytes, line by line, only as far as the closing line: this runs for
        // every file of the site.
        let bytes = text.utf8
        var index = bytes.startIndex
        if bytes.starts(with: [0xEF, 0xBB, 0xBF]) { index = bytes.index(index, offsetBy: 3) }
        func nextLine(from position: String.Index) -> (line: Substring.UTF8View, next: String.Index)? {
            guard position < bytes.endIndex else { return nil }
            let end = bytes[position...].firstIndex(of: 0x0A) ?? bytes.endIndex
            let next = end == bytes.endIndex ? end : bytes.index(after: end)
            return (text[position..<end].utf8, next)
        }
        func isFence(_ line: Substring.UTF8View, _ marks: [[UInt8]]) -> Bool {
            var trimmed = line[...]
            while let last = trimmed.last, last == 0x20 || last == 0x09 || last == 0x0D { trimmed = trimmed.dropLast() }
            while let first = trimmed.first, first == 0x20 || first == 0x09 { trimmed = trimmed.dropFirst() }
            return marks.contains { trimmed.elementsEqual($0) }
        }
        let dashes: [UInt8] = [0x2D, 0x2D, 0x2D]
        let dots: [UInt8] = [0x2E, 0x2E, 0x2E]
        guard let (first, afterFirst) = nextLine(from: index), isFence(first, [dashes]) else {
            throw DiagnosticError(
                Diagnostic(
                    at: start, "missing front matter: start the file with a '---' line, then 'title: …', then '---'"))
        }
        var lineNumber = 1
        var position = afterFirst
        while let (line, next) = nextLine(from: position) {
            lineNumber += 1
            if isFence(line, [dashes, dots]) {
                let yaml = String(text[afterFirst..<position])
                let node = try DataReader.parse(yaml, at: SourceLocation(path: path, line: 2, column: 1))
                guard case .map = node.value else {
                    let location = node.isNull ? start : node.location
                    throw DiagnosticError(
                        Diagnostic(
                            at: location, "front matter must be a mapping of keys to values, found \(node.kindName)"))
                }
                return (node, String(text[next...]), lineNumber + 1)
            }
            position = next
        }
        throw DiagnosticError(Diagnostic(at: start, "front matter is not closed: add a '---' line after it"))
    }
}
