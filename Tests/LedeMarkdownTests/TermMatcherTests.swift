import Testing

@testable import LedeMarkdown

/// The matcher walks UTF-8 bytes; these compare it with a plain search over Unicode scalars.
@Suite struct TermMatcherTests {
    static let terms: [(id: String, phrases: [String])] = [
        (id: "asylum", phrases: ["asylum", "asylum seeker"]), (id: "evin", phrases: ["Évin prison"]),
        (id: "kelvin", phrases: ["k-scale"]), (id: "un", phrases: ["U.N."]), (id: "policy", phrases: ["policy"]),
    ]

    /// The earliest, then longest, spelling that starts at a word start (or at `start`) and
    /// ends on a word boundary, as byte offsets: the matcher's contract, searched naively.
    static func reference(_ text: String, from start: Int) -> TermMatcher.Match? {
        let scalars = Array(text.unicodeScalars)
        let lowered = scalars.map(TermMatcher.lowercased)
        func isWord(_ scalar: Unicode.Scalar) -> Bool {
            let lower = TermMatcher.lowercased(scalar)
            return lower.properties.isAlphabetic || lower.properties.numericType != nil
        }
        var offsets = [0]
        for scalar in scalars { offsets.append(offsets.last! + UTF8.width(scalar)) }
        guard let first = offsets.firstIndex(of: start) else { return nil }
        for position in first..<scalars.count where position == first || !isWord(scalars[position - 1]) {
            var best: TermMatcher.Match?
            for term in terms {
                for phrase in term.phrases {
                    for spelling in TermMatcher.matchedSpellings(of: phrase) {
                        let wanted = Array(spelling.unicodeScalars)
                        let end = position + wanted.count
                        guard end <= scalars.count, Array(lowered[position..<end]) == wanted else { continue }
                        guard end == scalars.count || !isWord(scalars[end]) else { continue }
                        if best == nil || offsets[end] > best!.range.upperBound {
                            best = TermMatcher.Match(id: term.id, range: offsets[position]..<offsets[end])
                        }
                    }
                }
            }
            if let best { return best }
        }
        return nil
    }

    @Test func matchesTheScalarSearchOnMixedText() {
        let matcher = TermMatcher(terms: Self.terms)
        let pieces = [
            "asylum", "Asylum", "ASYLUMS", " ", "  ", "seeker", "seekers", "\u{201C}", "\u{201D}", "é", "ÉVIN", "évin",
            "prison", "\u{212A}-scale", "k-scales", "U.N.", "u.n", "policies", "policy", "x", "7", ",", "—", "\n", "ß",
        ]
        var generator = SystemRandomNumberGenerator()
        for _ in 0..<3000 {
            let text = (0..<Int.random(in: 1...9, using: &generator)).map { _ in
                pieces.randomElement(using: &generator)!
            }.joined(separator: Bool.random(using: &generator) ? " " : "")
            var start = 0
            while true {
                let expected = Self.reference(text, from: start)
                let found = matcher.firstMatch(in: text, from: start)
                #expect(found == expected, "\(text.debugDescription) from \(start)")
                guard let next = found, found == expected else { break }
                start = next.range.upperBound
            }
        }
    }

    @Test func byteRangesAroundMultiByteText() {
        let matcher = TermMatcher(terms: Self.terms)
        // “ is three bytes; the Kelvin sign (three bytes) lower-cases to a one-byte k.
        #expect(matcher.firstMatch(in: "\u{201C}asylum\u{201D}", from: 0) == .init(id: "asylum", range: 3..<9))
        #expect(matcher.firstMatch(in: "\u{212A}-scale", from: 0) == .init(id: "kelvin", range: 0..<9))
        #expect(matcher.firstMatch(in: "éasylum asylum", from: 0) == .init(id: "asylum", range: 9..<15))
        #expect(matcher.firstMatch(in: "At ÉVIN PRISONS.", from: 0) == .init(id: "evin", range: 3..<16))
    }
}

/// Word and character counts on bytes agree with counting on `String`.
@Suite struct UTF8TextTests {
    func bytes<Result>(_ text: String, _ body: (UnsafeBufferPointer<UInt8>) -> Result) -> Result {
        var text = text
        return text.withUTF8(body)
    }

    @Test func wordsNeedALetterOrDigit() {
        #expect(bytes("One — two\tthree\r\nfour · 5 ,") { UTF8Text.wordCount($0) } == 5)
        #expect(bytes("Évin prison, “quoted” naïve 東京") { UTF8Text.wordCount($0) } == 5)
        #expect(bytes("") { UTF8Text.wordCount($0) } == 0)
    }

    @Test func charactersCountAsStringDoes() {
        for text in ["plain", "a\r\nb\r\n", "\r\r\n\n", "é\u{301}x", "“q” — 東京 👍🏽", ""] {
            #expect(bytes(text) { UTF8Text.characterCount($0) } == text.count, "\(text.debugDescription)")
        }
    }
}
