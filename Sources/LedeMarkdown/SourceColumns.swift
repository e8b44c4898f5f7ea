/// Turns cmark's byte columns into character columns, which is what editors count.
///
/// Asked in document order (as links are), each answer continues counting from the previous
/// one on the same line, so a line with thousands of links is read once, not once per link.
struct SourceColumns {
    /// The source's lines, as UTF-8.
    private let lines: [Substring.UTF8View]
    /// The last answer: counting resumes there when the next column is further on the same line.
    private var last: (line: Int, byteColumn: Int, characterColumn: Int)?

    /// Whether every line of the source starts at the file location's column (a YAML block
    /// scalar, dedented), not only the first.
    let everyLineIndented: Bool

    /// Indexes the lines of `source`.
    init(_ source: String, everyLineIndented: Bool = false) {
        lines = source.utf8.split(separator: UInt8(ascii: "\n"), omittingEmptySubsequences: false)
        self.everyLineIndented = everyLineIndented
    }

    /// The 1-based character column of the 1-based byte column `byteColumn` on the 1-based
    /// `line`; `byteColumn` itself when the line is unknown.
    mutating func characterColumn(line: Int, byteColumn: Int) -> Int {
        guard lines.indices.contains(line - 1), byteColumn > 1 else { return byteColumn }
        let text = lines[line - 1]
        var start = (byteColumn: 1, characterColumn: 1)
        if let last, last.line == line, last.byteColumn <= byteColumn {
            start = (last.byteColumn, last.characterColumn)
        }
        func index(_ byteColumn: Int) -> String.Index {
            text.index(text.startIndex, offsetBy: byteColumn - 1, limitedBy: text.endIndex) ?? text.endIndex
        }
        let skipped = text[index(start.byteColumn)..<index(byteColumn)]
        let column = start.characterColumn + String(decoding: skipped, as: UTF8.self).count
        last = (line, byteColumn, column)
        return column
    }
}
