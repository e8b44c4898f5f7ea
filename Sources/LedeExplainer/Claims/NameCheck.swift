import Foundation

/// Proper names in a claim: runs of capitalised words that do not merely start a sentence.
enum NameCheck {
    /// How a name's word is compared: lower case, no possessive, no dots (`Iran’s` → `iran`,
    /// `U.S.` → `us`).
    static func form(_ word: String) -> String {
        let lower = Words.withoutPossessive(word).lowercased()
        return lower.utf8.contains(UInt8(ascii: ".")) ? Words.replacing(".", with: nil, in: lower) : lower
    }

    /// What may stand between the start of a sentence and its first word.
    private static let openers: Set<Character> = ["\"", "“", "(", "[", "‘", "*", "_"]
    /// Punctuation that parts two names.
    private static let separators: Set<Character> = [",", ";", ":", "(", ")", "[", "]", "\"", "“", "”", "—", "–"]

    /// Capitalised words that, alone at the start of a sentence, are not names.
    private static func isFunctionWord(_ word: String) -> Bool {
        let lower = word.lowercased()
        return Words.stopWords.contains(lower) || Words.sentenceStarters.contains(lower)
    }

    /// The names of a claim: each a run of capitalised words (split at hyphens, joined by
    /// "of"); a dotted abbreviation is a name of its own. The first word of a sentence counts
    /// only when the next word is capitalised too and it is not a function word ("The").
    /// - Parameter sentences: `Words.sentences(in: characters)`, when the caller has it already.
    static func names(in words: [Word], characters: [Character], sentences: [Range<Int>]? = nil) -> [[Word]] {
        let starts = Set((sentences ?? Words.sentences(in: characters)).map(\.lowerBound))
        var parts: [(word: Word, startsSentence: Bool)] = []
        for word in words {
            var offset = word.range.lowerBound
            // Most words have no hyphen: they are their one part.
            let pieces =
                word.text.utf8.contains(UInt8(ascii: "-"))
                ? word.text.split(separator: "-", omittingEmptySubsequences: false) : [word.text[...]]
            for (index, part) in pieces.enumerated() {
                let range = offset..<offset + part.count
                offset = range.upperBound + 1
                guard !part.isEmpty else { continue }
                var sentenceStart = index == 0 && starts.contains(word.range.lowerBound)
                if index == 0, !sentenceStart {
                    // A sentence may start after an opening quote or bracket.
                    var before = word.range.lowerBound - 1
                    while before >= 0, openers.contains(characters[before]) { before -= 1 }
                    sentenceStart = starts.contains(before + 1) && before + 1 < word.range.lowerBound
                }
                let whole = pieces.count == 1 && range == word.range
                parts.append((whole ? word : Word(text: String(part), range: range), sentenceStart))
            }
        }
        var names: [[Word]] = []
        var run: [Word] = []
        func close() {
            while let last = run.last, last.lower == "of" { run.removeLast() }
            if !run.isEmpty { names.append(run) }
            run = []
        }
        // Punctuation between two capitalised words parts two names ("on Friday, Northern
        // Container Services said").
        for (index, part) in parts.enumerated() {
            let text = part.word.text
            if let last = run.last, last.range.upperBound <= part.word.range.lowerBound,
                characters[last.range.upperBound..<part.word.range.lowerBound].contains(where: separators.contains)
            {
                close()
            }
            guard Words.startsWithCapital(text), text != "I" else {
                if text == "of", !run.isEmpty, index + 1 < parts.count,
                    Words.startsWithCapital(parts[index + 1].word.text)
                {
                    run.append(part.word)
                } else {
                    close()
                }
                continue
            }
            if Words.isDottedAbbreviation(text) {
                close()
                names.append([part.word])
                continue
            }
            if part.startsSentence {
                let nextCapitalised =
                    index + 1 < parts.count && Words.startsWithCapital(parts[index + 1].word.text)
                    && !Words.isDottedAbbreviation(parts[index + 1].word.text)
                if isFunctionWord(text) || !nextCapitalised {
                    close()
                    continue
                }
            }
            run.append(part.word)
        }
        close()
        // A run of function words in title case ("The Return") names no one.
        return names.filter { name in !name.allSatisfy { isFunctionWord($0.text) } }
    }

    /// Whether a paragraph holds a name: its words in a row, each the same word or one that
    /// extends it by up to three letters (plurals and adjectives: Iranian and Iranians for
    /// Iran, Qatari for Qatar); an abbreviation as written or as the initials of a run of
    /// capitalised words (U.N. for United Nations).
    static func paragraph(_ paragraph: SourceParagraph, holds name: [Word]) -> Bool {
        let forms = name.map { form($0.text) }
        if name.count == 1, name[0].isAbbreviation {
            return paragraph.nameWords.contains(forms[0]) || paragraph.profile.initials.contains(forms[0])
        }
        // "United States" for the paragraph's "U.S.".
        let initials = String(name.compactMap { $0.text.first }).lowercased()
        if name.count >= 2, paragraph.profile.abbreviations.contains(initials) { return true }
        let words = paragraph.nameWords
        guard words.count >= forms.count else { return false }
        return (0...(words.count - forms.count)).contains { start in
            forms.indices.allSatisfy { sameName(forms[$0], words[start + $0]) }
        }
    }

    static func sameName(_ one: String, _ other: String) -> Bool {
        if one == other { return true }
        func singular(_ word: String) -> String {
            word.count > 4 && word.hasSuffix("s") ? String(word.dropLast()) : word
        }
        let (first, second) = (singular(one), singular(other))
        if first == second { return true }
        let (short, long) = first.count < second.count ? (first, second) : (second, first)
        return short.count >= 4 && long.hasPrefix(short) && long.count - short.count <= 3
    }
}
