/// Turns cmark's byte columns into character columns, which is what editors count.
struct SourceColumns {
    /// The source's lines, as UTF-8.
    private let lines: [Substring.UTF8View]

    /// Indexes the lines of `source`.
    init(_ source: String) {
        lines = source.utf8.split(separator: UInt8(ascii: "\n"), omittingEmptySubsequences: false)
    }

    /// The 1-based character column of the 1-based byte column `byteColumn` on the 1-based
    /// `line`; `byteColumn` itself when the line is unknown.
    func characterColumn(line: Int, byteColumn: Int) -> Int {
        guard lines.indices.contains(line - 1), byteColumn > 1 else { return byteColumn }
        let prefix = lines[line - 1].prefix(byteColumn - 1)
        return String(decoding: prefix, as: UTF8.self).count + 1
    }
}
