import Foundation
import LedeCore
import Testing

@testable import LedeContent

/// A seed's paragraphs and fingerprints are read without Foundation's string bridging: they
/// must be what Foundation's trimming and splitting gave, on every kind of white space.
@Suite struct SourceTextTests {
    /// Lines with white space of every kind at their ends and inside: ASCII controls, NEL,
    /// no-break and ideographic spaces, line and paragraph separators, a space carrying an
    /// accent, and text that is all white space.
    static let texts = [
        "  Officials said  so.\t", "\u{00A0}\u{3000}Wide\u{2028}\u{2029}", "\u{85}x\u{85}", "\u{1C}\u{1D}x\u{1F}",
        "\u{0B}\u{0C}x\r", "e\u{301} x", " \u{301}x", "x \u{301}", "\u{200B}zero width\u{200B}", "   ", "",
        "“Quoted,” she said.\r\n", "a\u{2003}b\u{2009}c", "\u{FEFF}bom",
    ]

    @Test func paragraphsAreTrimmedAsFoundationTrimsThem() {
        for text in Self.texts {
            let foundation = text.trimmingCharacters(in: .whitespacesAndNewlines)
            #expect(SourceDocument.trimmingWhiteSpace(Substring(text)) == foundation, "\(text.debugDescription)")
            #expect(
                Array(SourceDocument.trimmingWhiteSpace(Substring(text)).unicodeScalars)
                    == Array(foundation.unicodeScalars), "\(text.debugDescription)")
        }
        let paragraphs = SourceDocument.paragraphs(of: " One.\u{00A0}\n\n\u{3000}\nTwo\u{2028}\n")
        #expect(paragraphs.map(\.text) == ["One.", "Two"])
        #expect(paragraphs.map(\.line) == [1, 4])
    }

    @Test func fingerprintsAreOfTheWordsJoinedBySingleSpaces() {
        func plain(_ text: String) -> String {
            var normalized = text.split(whereSeparator: { $0.isWhitespace }).joined(separator: " ")
            let hash = normalized.withUTF8 { ContentHash.of(buffer: UnsafeRawBufferPointer($0)) }
            let hex = String(hash, radix: 16)
            return String(repeating: "0", count: 16 - hex.count) + hex
        }
        for text in Self.texts + Self.texts.map({ "In a quiet operation, \($0) the flight left." }) {
            #expect(SourceDocument.fingerprint(of: text) == plain(text), "\(text.debugDescription)")
        }
        #expect(SourceDocument.fingerprint(of: "a  b\tc") == SourceDocument.fingerprint(of: " a b c "))
    }
}
