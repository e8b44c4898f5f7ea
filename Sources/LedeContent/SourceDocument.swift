import Foundation
import LedeCore

/// A source document from `seeds/`, split into numbered paragraphs.
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
    /// The URL path of the source-text page, below the base path.
    public var url: String { "/sources/\(name)/" }

    /// Splits a text into paragraphs: one non-empty line is one paragraph.
    public static func paragraphs(of text: String) -> [Paragraph] {
        var result: [Paragraph] = []
        var lineNumber = 0
        for line in text.split(separator: "\n", omittingEmptySubsequences: false) {
            lineNumber += 1
            let trimmed = line.trimmingCharacters(in: .whitespacesAndNewlines)
            if !trimmed.isEmpty {
                result.append(Paragraph(number: result.count + 1, text: trimmed, line: lineNumber))
            }
        }
        return result
    }
}
