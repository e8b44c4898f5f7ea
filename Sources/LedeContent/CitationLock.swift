import Foundation
public import LedeCore

/// The text each cited paragraph of one source document had when its citations were last
/// checked: `seeds/<name>.lock`, written by `lede accept` and committed with the content.
///
/// The file is plain text, one cited paragraph a line: its number, the fingerprint of its
/// text (``SourceDocument/fingerprint(of:)``), and the first words of that text for people
/// reading a diff of the file (Lede reads only the first two fields):
///
/// ```
/// # Lede citation lock for seeds/report.txt …
/// p1 3f9a1c2e0b7d4a51 In a significant and quiet operation, the …
/// ```
public struct CitationLock: Sendable, Hashable {
    /// One locked paragraph.
    public struct Entry: Sendable, Hashable {
        /// The paragraph number the citations use.
        public var number: Int
        /// The fingerprint of the text they were checked against.
        public var fingerprint: String
        /// Where the entry is written.
        public var location: SourceLocation

        /// Creates an entry.
        /// - Parameters:
        ///   - number: The paragraph number.
        ///   - fingerprint: The fingerprint of its text.
        ///   - location: Where it is written.
        public init(number: Int, fingerprint: String, location: SourceLocation) {
            self.number = number
            self.fingerprint = fingerprint
            self.location = location
        }
    }

    /// The file, relative to the site root.
    public var path: String
    /// The entries by paragraph number.
    public var entries: [Int: Entry]

    /// Creates a lock.
    /// - Parameters:
    ///   - path: The file, relative to the site root.
    ///   - entries: The entries by paragraph number.
    public init(path: String, entries: [Int: Entry]) {
        self.path = path
        self.entries = entries
    }

    /// Reads a lock file.
    /// - Throws: ``DiagnosticError`` at each line that is not an entry or repeats a number.
    public init(parsing text: String, path: String) throws {
        self.path = path
        entries = [:]
        var bag = DiagnosticBag()
        for (index, line) in text.split(separator: "\n", omittingEmptySubsequences: false).enumerated() {
            let trimmed = line.drop(while: { $0 == " " || $0 == "\t" })
            if trimmed.isEmpty || trimmed.hasPrefix("#") { continue }
            let location = SourceLocation(path: path, line: index + 1, column: line.count - trimmed.count + 1)
            let fields = trimmed.split(separator: " ", maxSplits: 2, omittingEmptySubsequences: true)
            guard fields.count >= 2, fields[0].hasPrefix("p"), let number = Int(fields[0].dropFirst()), number >= 1,
                fields[1].count == 16, fields[1].allSatisfy(\.isHexDigit)
            else {
                bag.add(
                    Diagnostic(
                        at: location,
                        "not a line of a citation lock: each line is a paragraph and the fingerprint of its text (p3 3f9a1c2e0b7d4a51); run `lede accept` to write the file again"
                    ))
                continue
            }
            if let first = entries[number] {
                bag.add(Diagnostic(at: location, "p\(number) is locked twice (first at line \(first.location.line))"))
                continue
            }
            entries[number] = Entry(number: number, fingerprint: String(fields[1]).lowercased(), location: location)
        }
        try bag.throwIfErrors()
    }

    /// The text of the lock file of `document` holding `entries`.
    /// - Parameters:
    ///   - document: The document.
    ///   - entries: The fingerprint, and the text it was made from, of each paragraph number.
    /// - Returns: The text of the lock file.
    public static func text(for document: SourceDocument, entries: [Int: (fingerprint: String, text: String)]) -> String
    {
        var text = """
            # Lede citation lock for \(document.path): the text each cited paragraph had when its
            # citations were last checked, as a fingerprint. `lede accept` writes this file and
            # `lede check` compares the seed with it: commit it with the content, do not edit it.
            # Each line: paragraph, fingerprint, first words of the text.

            """
        for (number, entry) in entries.sorted(by: { $0.key < $1.key }) {
            let words = entry.text.split(whereSeparator: { $0.isWhitespace })
            let start = words.prefix(8).joined(separator: " ") + (words.count > 8 ? " …" : "")
            text += "p\(number) \(entry.fingerprint) \(start)".trimmingCharacters(in: .whitespaces) + "\n"
        }
        return text
    }
}
