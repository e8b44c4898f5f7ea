/// Renumbers citations in the text of a file, touching nothing else: `lede check --fix`.
public enum CitationFixer {
    /// One citation to renumber.
    public struct Edit: Sendable, Hashable {
        /// The 1-based line and character column of the link's `[`.
        public var line: Int
        /// The 1-based character column of the link's `[`.
        public var column: Int
        /// The paragraph number written now.
        public var from: Int
        /// The number to write.
        public var to: Int
        /// The earlier version the number written now belongs to (`@2026-11-28`), if any.
        public var fromRevision: String?
        /// The earlier version to write, if any: a citation of a removed or split paragraph
        /// keeps its number, pinned to the version it was checked against.
        public var toRevision: String?

        /// Creates an edit.
        /// - Parameters:
        ///   - line: The link's line.
        ///   - column: The link's character column.
        ///   - from: The number written now.
        ///   - to: The number to write.
        ///   - fromRevision: The earlier version the number written now belongs to.
        ///   - toRevision: The earlier version to write.
        public init(line: Int, column: Int, from: Int, to: Int, fromRevision: String? = nil, toRevision: String? = nil)
        {
            self.line = line
            self.column = column
            self.from = from
            self.to = to
            self.fromRevision = fromRevision
            self.toRevision = toRevision
        }

        /// The anchor written now: `p3` or `p3@2026-11-28`.
        var oldAnchor: String { "p\(from)" + (fromRevision.map { "@\($0)" } ?? "") }
        /// The anchor to write.
        var newAnchor: String { "p\(to)" + (toRevision.map { "@\($0)" } ?? "") }
    }

    /// How far after its recorded column a link may start. In a quoted YAML value the columns
    /// of the text are counted from the opening quote and without the escapes (`\"`) before
    /// the link, so the link is a few characters further on; the nearest link there with the
    /// old number is the one.
    static let lookahead = 24

    /// Applies `edits` to `text`: in each link `[¶3](seed:p3)` or `[¶3](seed:NAME#p3)` found at
    /// its place, the number in the destination, and `¶3` in the link text, become the new
    /// number. Every other character is kept as it is, line endings included.
    /// - Returns: The new text, and the edits whose place holds no such link (a citation
    ///   written in a way this does not rewrite, or a file changed since it was read).
    public static func apply(_ edits: [Edit], to text: String) -> (text: String, skipped: [Edit]) {
        // Split on the byte: "\r\n" is one `Character`, and must stay as it is.
        var lines = text.utf8.split(separator: UInt8(ascii: "\n"), omittingEmptySubsequences: false).map {
            Array(String(decoding: $0, as: UTF8.self))
        }
        var skipped: [Edit] = []
        // Right to left on each line, so earlier columns stay valid.
        for edit in edits.sorted(by: { ($0.line, $0.column) > ($1.line, $1.column) }) {
            guard lines.indices.contains(edit.line - 1),
                let rewritten = (0...lookahead).lazy.compactMap({
                    rewrite(lines[edit.line - 1], at: edit.column - 1 + $0, edit: edit)
                }).first
            else {
                skipped.append(edit)
                continue
            }
            lines[edit.line - 1] = rewritten
        }
        return (lines.map { String($0) }.joined(separator: "\n"), skipped.reversed())
    }

    /// The line with the link starting at `start` renumbered, or `nil` when there is none.
    private static func rewrite(_ line: [Character], at start: Int, edit: Edit) -> [Character]? {
        guard line.indices.contains(start), line[start] == "[" else { return nil }
        var index = start + 1
        var depth = 1
        while index < line.count {
            if line[index] == "\\" {
                index += 2
                continue
            }
            if line[index] == "[" { depth += 1 }
            if line[index] == "]" {
                depth -= 1
                if depth == 0 { break }
            }
            index += 1
        }
        let textEnd = index
        guard textEnd + 1 < line.count, line[textEnd] == "]", line[textEnd + 1] == "(" else { return nil }
        let destinationStart = textEnd + 2
        var destinationEnd = destinationStart
        while destinationEnd < line.count, line[destinationEnd] != ")", line[destinationEnd] != " " {
            destinationEnd += 1
        }
        let destination = String(line[destinationStart..<destinationEnd])
        let old = edit.oldAnchor
        guard destination.hasPrefix("seed:"),
            destination.hasSuffix("#" + old) || destination == "seed:" + old
        else { return nil }
        let newDestination = String(destination.dropLast(old.count)) + edit.newAnchor
        let linkText = renumber(Array(line[(start + 1)..<textEnd]), from: edit.from, to: edit.to)
        return Array(line[...start]) + linkText + ["]", "("] + Array(newDestination)
            + Array(line[destinationEnd...])
    }

    /// `¶3` in a link text, as a whole number, becomes `¶5`.
    private static func renumber(_ text: [Character], from: Int, to: Int) -> [Character] {
        let old = Array("¶\(from)")
        var result: [Character] = []
        var index = 0
        while index < text.count {
            let end = index + old.count
            if end <= text.count, Array(text[index..<end]) == old, end == text.count || !text[end].isNumber {
                result += Array("¶\(to)")
                index = end
            } else {
                result.append(text[index])
                index += 1
            }
        }
        return result
    }
}
