import Foundation

/// Who a claim says spoke a quotation, checked against who the cited paragraph says spoke it.
///
/// Only the reliable case is checked: the claim gives the speaker next to the quotation
/// ("“…,” the port official said", "“…,” said the chief executive", "The minister told
/// reporters: “…”"), and the paragraph names the speaker of the same words: next to the
/// quotation ("“…,” Hale said", "Okafor told reporters: “…”", "“…,” according to Hale"; one
/// capitalised word counts when it is the subject of the speech verb), or in the sentence
/// holding them ("“…,” said Tomasz Wierzbicki, the chief executive"). The claim agrees when it
/// shares a word of that name, or when every word of its description is in a role the report
/// gives that name anywhere in the document ("Martin Hale, chief executive of the health
/// authority" → "the chief executive"). A pronoun ("he said") is not checked.
enum QuoteSpeaker {
    /// Verbs that give a quotation to their subject.
    static let verbs: Set<String> = AttributionPhrase.verbs.union([
        "wrote", "writes", "asked", "asks", "replied", "replies", "recalled", "argued", "argues", "remarked",
        "declared", "continued",
    ])

    /// The words the text gives as the speaker of the quotation whose inside is `quote`, or
    /// `nil` when it gives none next to it.
    /// - Parameter sentences: `Words.sentences(in: characters)`, when the caller has it already.
    static func speaker(
        of quote: Range<Int>, in characters: [Character], words: [Word], sentences: [Range<Int>]? = nil
    ) -> [Word]? {
        let sentences = sentences ?? Words.sentences(in: characters)
        // A quotation of two sentences: its speaker follows the second and precedes the first.
        let closing = sentences.first { $0.contains(quote.upperBound) } ?? 0..<characters.count
        let opening = sentences.first { $0.contains(quote.lowerBound) } ?? 0..<characters.count
        func clauseBreak(_ from: Int, _ to: Int) -> Bool {
            from < to && characters[from..<to].contains { ",;:.!?\"“”()".contains($0) }
        }
        // After the closing quote: "…,” the port official said", "…,” said the official",
        // "…,” according to Hale".
        let after = words.filter { $0.range.lowerBound > quote.upperBound && closing.contains($0.range.lowerBound) }
        var following: [Word] = []
        for word in after {
            let end = following.last?.range.upperBound ?? (quote.upperBound + 1)
            if !following.isEmpty, clauseBreak(end, word.range.lowerBound) { break }
            following.append(word)
        }
        if following.count > 2, following[0].lower == "according", following[1].lower == "to" {
            return Array(following.dropFirst(2))
        }
        if let verb = following.firstIndex(where: { verbs.contains($0.lower) }) {
            let party = verb == 0 ? Array(following.dropFirst()) : Array(following[..<verb])
            if !party.isEmpty, verb <= 6 { return party }
        }
        // Before the opening quote, in the clause that leads to it: "The minister said: “…”",
        // "Okafor told reporters: “…”", "According to Hale, “…”".
        let before = words.filter { $0.range.upperBound < quote.lowerBound && opening.contains($0.range.lowerBound) }
        var clause: [Word] = []
        for word in before.reversed() {
            if let next = clause.first, clauseBreak(word.range.upperBound, next.range.lowerBound) { break }
            clause.insert(word, at: 0)
        }
        if clause.count > 2, clause[0].lower == "according", clause[1].lower == "to" {
            return Array(clause.dropFirst(2))
        }
        // The verb may have an object or a phrase after it: "told reporters", "said in a statement".
        guard let verb = clause.lastIndex(where: { verbs.contains($0.lower) && !$0.isCapitalised }),
            verb > 0, clause.count - verb <= 4
        else { return nil }
        return Array(clause[..<verb])
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
        // Speaking nouns count even where they are stop words ("the official").
        let significant = party.filter {
            AttributionPhrase.partyNouns.contains(Words.stem($0.text)) || !Words.stopWords.contains($0.lower)
        }
        guard !significant.isEmpty else { return nil }
        let needle = SourceParagraph.normalize(quote)
        for paragraph in cited where paragraph.contains(quoted: quote) {
            guard let (speaker, heads) = namedSpeaker(of: needle, in: paragraph) else { continue }
            let names = speaker.split(separator: " ").map { NameCheck.form(String($0)) }
            guard let key = names.last else { continue }
            let roles = heads.union(paragraph.document.roles[key] ?? [])
            let named = significant.contains { word in
                names.contains { NameCheck.sameName($0, NameCheck.form(word.text)) }
            }
            let described = significant.allSatisfy { roles.contains(Words.stem($0.text)) }
            if !named && !described { return (paragraph, speaker) }
        }
        return nil
    }

    /// The name the paragraph gives the speaker of the quoted words `needle` (normalized), and
    /// the head words of the attribution that names it.
    static func namedSpeaker(of needle: String, in paragraph: SourceParagraph) -> (String, Set<String>)? {
        let characters = Array(paragraph.text)
        let words = Words.words(in: characters)
        if let quote = ClaimChecker.quotations(in: characters).first(where: {
            SourceParagraph.normalize(String(characters: characters[$0])).contains(needle)
        }), let party = speaker(of: quote, in: characters, words: words) {
            if let name = SourceParagraph.name(in: party) { return (name, []) }
            // One capitalised word, the subject of the verb: a surname ("Hale said"), unless
            // it starts a sentence and the report never uses it as a name ("Officials said").
            let starts = Set(Words.sentences(in: characters).map(\.lowerBound))
            if party.count == 1, let word = party.first, word.isCapitalised,
                !Words.stopWords.contains(word.lower), !AttributionPhrase.partyNouns.contains(Words.stem(word.text)),
                !starts.contains(word.range.lowerBound)
                    || paragraph.document.nameWords.contains(NameCheck.form(word.text))
            {
                return (word.text, [])
            }
        }
        guard
            let sentence = paragraph.sentences.first(where: { SourceParagraph.normalize($0.text).contains(needle) }),
            let attribution = sentence.attribution, let speaker = attribution.speaker
        else { return nil }
        return (speaker, attribution.heads)
    }
}
