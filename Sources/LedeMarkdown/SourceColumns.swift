/// Turns cmark's byte columns into character columns, which is what editors count.
///
/// Asked in document order (as links are), each answer continues counting from the previous
/// one on the same line, so a line with thousands of links is read once, not once per link.
struct SourceColumns {
    /// The source's UTF-8.
    private let bytes: [UInt8]
    /// Where each line starts in `bytes`.
    private let lineStarts: [Int]
    /// The last answer: counting resumes there when the next column is further on the same line.
    private var last: (line: Int, byteColumn: Int, characterColumn: Int)?

    /// Whether every line of the source starts at the file location's column (a YAML block
    /// scalar, dedented), not only the first.
    let everyLineIndented: Bool

    /// Indexes the lines of `source`.
    init(_ source: String, everyLineIndented: Bool = false) {
        bytes = Array(source.utf8)
        var starts = [0]
        bytes.withUnsafeBufferPointer { bytes in
            for offset in bytes.indices where bytes[offset] == UInt8(ascii: "\n") { starts.append(offset + 1) }
        }
        lineStarts = starts
        self.everyLineIndented = everyLineIndented
    }

    /// The 1-based character column of the 1-based byte column `byteColumn` on the 1-based
    /// `line`; `byteColumn` itself when the line is unknown.
    mutating func characterColumn(line: Int, byteColumn: Int) -> Int {
        guard byteColumn > 1, line >= 1, line <= lineStarts.count else { return byteColumn }
        let lineStart = lineStarts[line - 1]
        // A line ends before its line feed; the last one at the end of the source.
        let lineEnd = line < lineStarts.count ? lineStarts[line] - 1 : bytes.count
        var start = (byteColumn: 1, characterColumn: 1)
        if let last, last.line == line, last.byteColumn <= byteColumn {
            start = (last.byteColumn, last.characterColumn)
        }
        let from = min(lineStart + start.byteColumn - 1, lineEnd)
        let to = min(lineStart + byteColumn - 1, lineEnd)
        let skipped = bytes[from..<to]
        // A line holds no line feed, so in ASCII every byte is a character.
        let count =
            skipped.allSatisfy { $0 < 0x80 } ? skipped.count : String(decoding: skipped, as: UTF8.self).count
        let column = start.characterColumn + count
        last = (line, byteColumn, column)
        return column
    }
}
