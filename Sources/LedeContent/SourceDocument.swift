public import Foundation
import LedeCore

/// A source document from `seeds/`, split into numbered paragraphs, with the earlier versions
/// of its text kept beside it (`seeds/<name>.revisions/<date>.txt`) and the lock of the text
/// its citations were checked against (`seeds/<name>.lock`).
public struct SourceDocument: Sendable, Hashable {
    /// One paragraph: one non-empty line of the file.
    public struct Paragraph: Sendable, Hashable {
        /// 1-based number; its anchor is `p<number>`.
        public var number: Int
        /// The text, without surrounding white space.
        public var text: String
        /// The line in the file.
        public var line: Int
        /// The anchor id on the source-text page (`p3`).
        public var anchor: String { "p\(number)" }
        /// The fingerprint of the text (see ``SourceDocument/fingerprint(of:)``).
        public var fingerprint: String { SourceDocument.fingerprint(of: text) }
    }

    /// The file name without extension: the document's id in citations.
    public var name: String
    /// The file, relative to the site root.
    public var path: String
    /// The title, from `seeds/<name>.yaml`, else the name.
    public var title: String
    /// An optional description from the metadata file.
    public var description: String?
    /// The paragraphs in order.
    public var paragraphs: [Paragraph]
    /// The date of the current text (`date:` in `seeds/<name>.yaml`); required once the
    /// document has earlier revisions.
    public var date: WrittenDate?
    /// The author's note on the current text (`notes:` in `seeds/<name>.yaml`, under its date).
    public var note: DataNode?
    /// The earlier versions of the text, oldest first.
    public var earlier: [SourceRevision] = []
    /// The lock of the text each cited paragraph had when its citations were checked, if the
    /// site has one for this document.
    public var lock: CitationLock?
    /// The URL path of the source-text page, below the base path.
    public var url: String { "/sources/\(name)/" }
    /// The URL path of the page showing what changed between revisions.
    public var revisionsURL: String { "/sources/\(name)/revisions/" }
    /// The lock file of this document, relative to the site root.
    public var lockPath: String { Self.lockPath(of: name) }
    /// The folder holding the earlier versions, relative to the site root.
    public var revisionsFolder: String { Self.revisionsFolder(of: name) }

    /// Creates a document.
    /// - Parameters:
    ///   - name: The file name without extension.
    ///   - path: The file, relative to the site root.
    ///   - title: The title.
    ///   - description: An optional description.
    ///   - paragraphs: The paragraphs of the current text.
    public init(name: String, path: String, title: String, description: String?, paragraphs: [Paragraph]) {
        self.name = name
        self.path = path
        self.title = title
        self.description = description
        self.paragraphs = paragraphs
    }

    /// Every version of the text, oldest first, the current one last.
    public var revisions: [SourceRevision] {
        earlier + [
            SourceRevision(
                id: date?.text ?? "current", date: date?.date, path: path, paragraphs: paragraphs, note: note)
        ]
    }

    /// `seeds/<name>.lock`.
    public static func lockPath(of name: String) -> String { "seeds/\(name).lock" }
    /// `seeds/<name>.revisions`.
    public static func revisionsFolder(of name: String) -> String { "seeds/\(name).revisions" }

    /// Splits a text into paragraphs: one non-empty line is one paragraph.
    public static func paragraphs(of text: String) -> [Paragraph] {
        var result: [Paragraph] = []
        var lineNumber = 0
        for line in text.split(separator: "\n", omittingEmptySubsequences: false) {
            lineNumber += 1
            let trimmed = trimmingWhiteSpace(line)
            if !trimmed.isEmpty {
                result.append(Paragraph(number: result.count + 1, text: trimmed, line: lineNumber))
            }
        }
        return result
    }

    /// A line without the white space and line breaks at its ends: what Foundation's
    /// `trimmingCharacters(in: .whitespacesAndNewlines)` gives, scalar by scalar, without
    /// bridging the line to an `NSString` (ASCII is looked at first: most scalars are).
    static func trimmingWhiteSpace(_ line: Substring) -> String {
        func isSpace(_ scalar: Unicode.Scalar) -> Bool {
            scalar.isASCII
                ? scalar.value == 0x20 || (0x09...0x0D).contains(scalar.value)
                : CharacterSet.whitespacesAndNewlines.contains(scalar)
        }
        let scalars = line.unicodeScalars
        guard let first = scalars.firstIndex(where: { !isSpace($0) }),
            let last = scalars.lastIndex(where: { !isSpace($0) })
        else { return "" }
        return String(scalars[first...last])
    }

    /// A short, stable name of a paragraph's text: 16 hexadecimal digits of a 64-bit FNV-1a
    /// hash of its words, so that spacing alone does not change it.
    public static func fingerprint(of text: String) -> String {
        // The words (split at white space, as `Character.isWhitespace` says) joined by single
        // spaces, written as bytes without splitting the text into an array of words.
        var normalized: [UInt8] = []
        normalized.reserveCapacity(text.utf8.count)
        var spaceBefore = false
        for character in text {
            let isSpace =
                if let ascii = character.asciiValue {
                    ascii == 0x20 || (0x09...0x0D).contains(ascii)
                } else {
                    character.isWhitespace
                }
            if isSpace {
                spaceBefore = !normalized.isEmpty
                continue
            }
            if spaceBefore { normalized.append(0x20) }
            spaceBefore = false
            normalized.append(contentsOf: character.utf8)
        }
        let hash = normalized.withUnsafeBytes { ContentHash.of(buffer: $0) }
        let hex = String(hash, radix: 16)
        return String(repeating: "0", count: 16 - hex.count) + hex
    }
}

/// One version of a source document's text.
public struct SourceRevision: Sendable, Hashable {
    /// The revision's date as written: the file name (`2026-11-28`, `2026-11-28-1430`) of an
    /// earlier revision, the `date:` of the current one (`current` when it has none).
    public var id: String
    /// The instant it stands for (midnight UTC for a bare date), if known.
    public var date: Date?
    /// The file, relative to the site root.
    public var path: String
    /// Its paragraphs.
    public var paragraphs: [SourceDocument.Paragraph]
    /// The author's note on this revision, if any.
    public var note: DataNode?

    /// Creates a revision.
    /// - Parameters:
    ///   - id: The date as written.
    ///   - date: The instant.
    ///   - path: The file.
    ///   - paragraphs: The paragraphs.
    ///   - note: The author's note.
    public init(id: String, date: Date?, path: String, paragraphs: [SourceDocument.Paragraph], note: DataNode?) {
        self.id = id
        self.date = date
        self.path = path
        self.paragraphs = paragraphs
        self.note = note
    }

    /// Reads an earlier revision's file name (`2026-11-28.txt`, `2026-11-28-1430.txt`, the
    /// time in UTC) into its id and instant; `nil` when it is not such a name.
    public static func date(fromFileName name: String) -> (id: String, date: Date)? {
        guard name.hasSuffix(".txt") else { return nil }
        let id = String(name.dropLast(".txt".count))
        let bytes = Array(id.utf8)
        func digits(_ range: Range<Int>) -> Bool { range.allSatisfy { (0x30...0x39).contains(bytes[$0]) } }
        if bytes.count == 10, let date = DateParser.parse(id) { return (id, date) }
        guard bytes.count == 15, bytes[10] == 0x2D, digits(11..<15) else { return nil }
        let time = "\(id.prefix(10))T\(id.dropFirst(11).prefix(2)):\(id.suffix(2)):00Z"
        guard let date = DateParser.parse(time) else { return nil }
        return (id, date)
    }
}
