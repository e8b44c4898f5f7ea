import Foundation

/// Who a claim says spoke a quotation, checked against who the cited paragraph says spoke it.
///
/// Only the reliable case is checked: the claim gives the speaker next to the quotation
/// ("“…,” the port official said", "“…,” said the chief executive", "The minister said: “…”"),
/// and the paragraph's sentence holding the quotation names its speaker ("“…,” said Tomasz
/// Wierzbicki, the chief executive"). The claim agrees when its speaker shares a word with the
/// paragraph's (a name or a speaking noun: "Wierzbicki", "the chief executive"). A pronoun
/// ("he said") is not checked.
enum QuoteSpeaker {
    /// The words the claim gives as the speaker of the quotation whose inside is `quote`, or
    /// `nil` when it gives none next to it.
    static func speaker(of quote: Range<Int>, in characters: [Character], words: [Word]) -> [Word]? {
        let sentence = Words.sentences(in: characters).first { $0.contains(quote.lowerBound) } ?? 0..<characters.count
        func clauseBreak(_ from: Int, _ to: Int) -> Bool {
            from < to && characters[from..<to].contains { ",;:.!?\"“”()".contains($0) }
        }
        // After the closing quote: "…,” the port official said" or "…,” said the official".
        let after = words.filter { $0.range.lowerBound > quote.upperBound && sentence.contains($0.range.lowerBound) }
        var following: [Word] = []
        for word in after {
            let end = following.last?.range.upperBound ?? (quote.upperBound + 1)
            if !following.isEmpty, clauseBreak(end, word.range.lowerBound) { break }
            following.append(word)
        }
        if let verb = following.firstIndex(where: { AttributionPhrase.verbs.contains($0.lower) }) {
            let party = verb == 0 ? Array(following.dropFirst()) : Array(following[..<verb])
            if !party.isEmpty, verb <= 6 { return party }
        }
        // Before the opening quote: "The minister said: “…”".
        let before = words.filter { $0.range.upperBound < quote.lowerBound && sentence.contains($0.range.lowerBound) }
        guard let last = before.last, AttributionPhrase.verbs.contains(last.lower) else { return nil }
        var party: [Word] = []
        for word in before.dropLast().reversed() {
            let start = party.first?.range.lowerBound ?? last.range.lowerBound
            if clauseBreak(word.range.upperBound, start) { break }
            party.insert(word, at: 0)
        }
        return party.isEmpty ? nil : party
    }

    /// The finding when the claim gives the quotation's speaker and a cited paragraph names
    /// another one.
    /// - Parameters:
    ///   - quote: The quotation as the claim writes it.
    ///   - party: The claim's speaker.
    ///   - cited: The paragraphs the claim cites.
    /// - Returns: The paragraph and its speaker's name, when they disagree.
    static func disagreement(
        quote: String, party: [Word], cited: [SourceParagraph]
    ) -> (paragraph: SourceParagraph, speaker: String)? {
        let significant = party.filter { !Words.stopWords.contains($0.lower) }
        guard !significant.isEmpty, !significant.allSatisfy({ AttributionPhrase.pronouns.contains($0.lower) })
        else { return nil }
        let needle = SourceParagraph.normalize(quote)
        for paragraph in cited where paragraph.contains(quoted: quote) {
            guard
                let sentence = paragraph.sentences.first(where: {
                    SourceParagraph.normalize($0.text).contains(needle)
                }), let attribution = sentence.attribution, let speaker = attribution.speaker
            else { continue }
            let names = speaker.split(separator: " ").map { NameCheck.form(String($0)) }
            let agrees = significant.contains { word in
                attribution.heads.contains(Words.stem(word.text))
                    || names.contains { NameCheck.sameName($0, NameCheck.form(word.text)) }
            }
            if !agrees { return (paragraph, speaker) }
        }
        return nil
    }
}
