import LedeCore
import Testing

@Suite struct HTMLEscapingTests {
    @Test(arguments: [
        ("", ""), ("plain", "plain"), ("a & b", "a &amp; b"),
        ("<script>alert('x')</script>", "&lt;script&gt;alert(&#39;x&#39;)&lt;/script&gt;"),
        ("\"quoted\"", "&quot;quoted&quot;"), ("Ünïcödé & 中文 <b>", "Ünïcödé &amp; 中文 &lt;b&gt;"),
        ("🇮🇷 flags & 👩‍👩‍👧", "🇮🇷 flags &amp; 👩‍👩‍👧"),
        ("https://example.org/a?b=1&c=2", "https://example.org/a?b=1&amp;c=2"), ("&amp; already", "&amp;amp; already"),
    ])
    func escapesTheFiveCharacters(_ text: String, _ escaped: String) {
        #expect(text.htmlEscaped == escaped)
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
