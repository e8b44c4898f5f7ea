/// Turns cmark's byte columns into character columns, which is what editors count.
///
/// Asked in document order (as links are), each answer continues counting from the previous
/// one on the same line, so a line with thousands of links is read once, not once per link.
struct SourceColumns {
    /// The source's UTF-8.
    private let source: String.UTF8View
    /// Where each line starts in `source`, and one past the end of the last line's bytes.
    private let lineStarts: [String.Index]
    /// The last answer: counting resumes there when the next column is further on the same line.
    private var last: (line: Int, byteColumn: Int, characterColumn: Int)?

    /// Whether every line of the source starts at the file location's column (a YAML block
    /// scalar, dedented), not only the first.
    let everyLineIndented: Bool

    /// Indexes the lines of `source`.
    init(_ source: String, everyLineIndented: Bool = false) {
        self.source = source.utf8
        var starts = [self.source.startIndex]
        var index = self.source.startIndex
        while let newline = self.source[index...].firstIndex(of: UInt8(ascii: "\n")) {
            index = self.source.index(after: newline)
            starts.append(index)
        }
        lineStarts = starts
        self.everyLineIndented = everyLineIndented
    }

    /// The bytes of the 1-based `line`, without its line feed; `nil` for a line not in the source.
    private func bytes(ofLine line: Int) -> Substring.UTF8View? {
        guard line >= 1, line <= lineStarts.count else { return nil }
        let start = lineStarts[line - 1]
        let end = line < lineStarts.count ? source.index(before: lineStarts[line]) : source.endIndex
        return source[start..<end]
    }

    /// The 1-based character column of the 1-based byte column `byteColumn` on the 1-based
    /// `line`; `byteColumn` itself when the line is unknown.
    mutating func characterColumn(line: Int, byteColumn: Int) -> Int {
        guard byteColumn > 1, let text = bytes(ofLine: line) else { return byteColumn }
        var start = (byteColumn: 1, characterColumn: 1)
        if let last, last.line == line, last.byteColumn <= byteColumn {
            start = (last.byteColumn, last.characterColumn)
        }
        func index(_ byteColumn: Int) -> String.Index {
            text.index(text.startIndex, offsetBy: byteColumn - 1, limitedBy: text.endIndex) ?? text.endIndex
        }
        let skipped = text[index(start.byteColumn)..<index(byteColumn)]
        // A line holds no line feed, so in ASCII every byte is a character.
        let count =
            skipped.allSatisfy { $0 < 0x80 } ? skipped.count : String(decoding: skipped, as: UTF8.self).count
        let column = start.characterColumn + count
        last = (line, byteColumn, column)
        return column
    }
}
