import LedeCore
import Testing

@Suite struct HTMLEscapingTests {
    /// What the escaping did when it went character by character, for texts that hold no
    /// character combined with one it escapes.
    static func escapedByCharacter(_ text: String) -> String {
        var output = ""
        for character in text {
            switch character {
            case "&": output += "&amp;"
            case "<": output += "&lt;"
            case ">": output += "&gt;"
            case "\"": output += "&quot;"
            case "'": output += "&#39;"
            default: output.append(character)
            }
        }
        return output
    }

    @Test(arguments: [
        "", "plain", "a & b", "<script>alert('x')</script>", "\"quoted\"", "Ünïcödé & 中文 <b>", "🇮🇷 flags & 👩‍👩‍👧",
        "https://example.org/a?b=1&c=2", "&amp; already",
    ])
    func escapesTheFiveCharacters(_ text: String) {
        #expect(text.htmlEscaped == Self.escapedByCharacter(text))
    }

    /// A quote followed by a combining mark is one character: it is escaped all the same (the
    /// mark alone is left), or an attribute value would end there.
    @Test func aQuoteWithACombiningMarkIsEscaped() {
        #expect("a\"\u{301}b".htmlEscaped == "a&quot;\u{301}b")
        #expect("<\u{338}".htmlEscaped == "&lt;\u{338}")
    }

    @Test func aTextWithNothingToEscapeIsItself() {
        let text = "https://bench.invalid/posts/post-00001/"
        #expect(text.htmlEscaped == text)
    }
}
