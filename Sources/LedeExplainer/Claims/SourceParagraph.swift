import Foundation

/// One sentence of a source paragraph, read for the hedges and attribution it carries.
struct SourceSentence: Sendable, Hashable {
    /// A hedge and the words it bears on.
    struct Carried: Sendable, Hashable {
        var hedge: Hedge
        /// The marker as the paragraph words it ("nearly", "just over").
        var phrase: String
        /// The words of its clause: a claim that shares one of them restates what it hedges.
        var scope: Profile
        /// The number it qualifies ("at least six" → `6`), as compared: a claim that does
        /// not give that number does not restate what it hedges ("about 6 a.m." is not asked
        /// of a claim about 40 vessels).
        var number: String?
    }

    var text: String
    var profile: Profile
    var hedges: [Carried]
    var attribution: AttributionPhrase?
    /// The words the attribution covers: the whole sentence, except a trailing participle
    /// clause after a leading "X said that …", which is the report's own comment ("…, marking
    /// a notable development").
    var attributionScope: Profile
}

/// A paragraph of a source document, read once for every claim that cites it.
struct SourceParagraph: Sendable, Hashable {
    /// How findings name it ("¶7").
    var label: String
    var text: String
    /// Lower case, straight quotes and apostrophes, single spaces: what quotations are matched in.
    var normalized: String
    var sentences: [SourceSentence]
    var numbers: Set<String>
    var dates: Set<String>
    /// The words, split at hyphens, for names.
    var nameWords: [String]
    var profile: Profile
    /// The document it belongs to, for what the report says elsewhere (the roles it gives
    /// the people it names).
    var document: CitedDocument

    /// Reads a paragraph of `document`; without one, the paragraph is its own document.
    init(label: String, text: String, document: CitedDocument? = nil) {
        self.label = label
        self.text = text
        self.document = document ?? CitedDocument(texts: [text], labels: [label])
        normalized = Self.normalize(text)
        let characters = Array(text)
        let words = Words.words(in: characters)
        numbers = Set(NumberWords.numbers(in: words, characters: characters).map(\.key))
        dates = Set(NumberWords.dates(in: words, characters: characters).map(\.key))
        nameWords = words.flatMap { $0.text.split(separator: "-").map { NameCheck.form(String($0)) } }
        profile = Profile(words: words)
        var sentences: [SourceSentence] = []
        var anaphora: [(index: Int, attribution: AttributionPhrase)] = []
        for range in Words.sentences(in: characters) {
            let sentenceWords = words.filter { range.contains($0.range.lowerBound) }
            let (sentence, coversEarlier) = Self.read(sentenceWords, characters: characters, range: range)
            if let coversEarlier { anaphora.append((sentences.count, coversEarlier)) }
            sentences.append(sentence)
        }
        // "This information comes from …" attributes the sentences before it.
        for (index, attribution) in anaphora {
            for earlier in 0..<index where sentences[earlier].attribution == nil {
                sentences[earlier].attribution = attribution
                sentences[earlier].attributionScope = sentences[earlier].profile
            }
        }
        self.sentences = sentences
    }

    /// Equal when the label, the text and the document are: everything else is read from them.
    static func == (left: SourceParagraph, right: SourceParagraph) -> Bool {
        left.label == right.label && left.text == right.text && left.document == right.document
    }

    /// Hashes what ``==(_:_:)`` compares but the document (whose hash is its texts'), so that
    /// the claims' memo does not hash every sentence read from the text.
    func hash(into hasher: inout Hasher) {
        hasher.combine(label)
        hasher.combine(text)
    }

    /// Words that open a relative clause.
    static let relativePronouns: Set<String> = ["which", "who", "whose", "whom", "that"]

    /// The personal or proper name in a party's words: its first run of two or more
    /// capitalised words ("Tomasz Wierzbicki" in "Tomasz Wierzbicki, the chief executive").
    static func name(in party: [Word]) -> String? {
        var run: [Word] = []
        for word in party + [Word(text: "", range: 0..<0)] {
            if word.isCapitalised, !Words.stopWords.contains(word.lower),
                run.last.map({ $0.range.upperBound + 1 == word.range.lowerBound }) ?? true
            {
                run.append(word)
                continue
            }
            if run.count >= 2 { return run.map(\.text).joined(separator: " ") }
            run = word.isCapitalised && !Words.stopWords.contains(word.lower) ? [word] : []
        }
        return nil
    }

    static func normalize(_ text: String) -> String {
        // Written out as UTF-8 bytes: appending characters to a string one by one is slow, and
        // every cited paragraph and quotation is normalized.
        var bytes: [UInt8] = []
        bytes.reserveCapacity(text.utf8.count)
        var lastWasSpace = false
        for character in text.lowercased() {
            let isSpace: Bool
            if let ascii = character.asciiValue {
                // "\r\n" has the ASCII value of "\n": white space either way.
                isSpace = ascii == 0x20 || (0x09...0x0D).contains(ascii)
                if !isSpace { bytes.append(ascii) }
            } else {
                switch character {
                case "’", "‘": bytes.append(UInt8(ascii: "'"))
                case "“", "”": bytes.append(UInt8(ascii: "\""))
                case "–", "—": bytes.append(UInt8(ascii: "-"))
                default:
                    if !character.isWhitespace { bytes.append(contentsOf: character.utf8) }
                }
                isSpace = character.isWhitespace
            }
            if isSpace {
                if lastWasSpace { continue }
                bytes.append(UInt8(ascii: " "))
            }
            lastWasSpace = isSpace
        }
        return String(decoding: bytes, as: UTF8.self)
    }

    /// Splits a sentence's words into clauses: at punctuation, and before "after", "following",
    /// "before" or "despite" when a definite phrase follows ("following the recent
    /// reinstatement …"), whose content the sentence takes as given rather than hedges.
    static func clauses(_ words: [Word], characters: [Character]) -> [Range<Int>] {
        var clauses: [Range<Int>] = []
        var start = 0
        let breaks: Set<Character> = [",", ";", ":", "(", ")", "—", "–"]
        let subordinators: Set<String> = ["after", "following", "before", "despite"]
        let definite: Set<String> = ["the", "this", "these", "those", "its", "their"]
        for index in words.indices.dropFirst() {
            let gap = characters[words[index - 1].range.upperBound..<words[index].range.lowerBound]
            let punctuated = gap.contains { breaks.contains($0) }
            let subordinate =
                subordinators.contains(words[index].lower) && index + 1 < words.count
                && definite.contains(words[index + 1].lower)
            if punctuated || subordinate {
                clauses.append(start..<index)
                start = index
            }
        }
        if start < words.count { clauses.append(start..<words.count) }
        return clauses
    }

    /// Reads one sentence; the second value is the attribution of the sentences before it,
    /// when the sentence is "This information comes from …".
    private static func read(_ words: [Word], characters: [Character], range: Range<Int>) -> (
        SourceSentence, AttributionPhrase?
    ) {
        let lower = words.map(\.lower)
        let clauses = clauses(words, characters: characters)
        let profile = Profile(words: words)
        func clause(of index: Int) -> Int { clauses.firstIndex { $0.contains(index) } ?? 0 }
        func phrase(_ from: Int, _ to: Int) -> String {
            String(characters: characters[words[from].range.lowerBound..<words[to].range.upperBound])
        }
        // A party is named up to its first speaking noun that is not a possessive: "two senior
        // Iranian officials", "the council's published schedule".
        func headEnd(_ from: Int, _ end: Int) -> Int {
            (from...end).first { index in
                AttributionPhrase.partyNouns.contains(Words.stem(words[index].text))
                    && Words.withoutPossessive(words[index].text) == words[index].text
            } ?? end
        }
        let mentions =
            NumberWords.numbers(in: words, characters: characters)
            + NumberWords.dates(in: words, characters: characters)
        var carried: [SourceSentence.Carried] = []
        for hedge in Hedge.all {
            for (index, marker) in hedge.markerMatches(in: lower) {
                let own = clause(of: index)
                var scopeWords = Array(words[clauses[own]]).filter { !$0.range.overlaps(words[index].range) }
                if Profile(words: scopeWords).stems.count < 2, own + 1 < clauses.count {
                    scopeWords += words[clauses[own + 1]]
                }
                let text = phrase(index, index + marker.count - 1).lowercased()
                let next = index + marker.count
                let number =
                    next < words.count ? mentions.first { $0.range.lowerBound == words[next].range.lowerBound } : nil
                if !carried.contains(where: { $0.phrase.lowercased() == text.lowercased() }) {
                    carried.append(
                        SourceSentence.Carried(
                            hedge: hedge, phrase: text, scope: Profile(words: scopeWords), number: number?.key))
                }
            }
        }
        var attribution: AttributionPhrase?
        var scope = profile
        var coversEarlier: AttributionPhrase?
        if let according = lower.indices.first(where: {
            lower[$0] == "according" && $0 + 1 < lower.count && lower[$0 + 1] == "to"
        }),
            according + 2 < words.count
        {
            let end = clauses[clause(of: according + 2)].upperBound - 1
            let party = Array(words[(according + 2)...max(according + 2, end)])
            let heads = AttributionPhrase.heads(of: party)
            if !heads.isEmpty, !heads.contains("report") {
                attribution = AttributionPhrase(phrase: phrase(according, headEnd(according + 2, end)), heads: heads)
            }
        }
        if attribution == nil, lower.count > 3, ["this", "that", "these"].contains(lower[0]),
            let from = lower.prefix(5).firstIndex(of: "from"), from > 1,
            ["comes", "come", "came"].contains(lower[from - 1])
        {
            let end = clauses[clause(of: from)].upperBound - 1
            if from + 1 <= end {
                let heads = AttributionPhrase.heads(of: Array(words[(from + 1)...end]))
                if !heads.isEmpty {
                    coversEarlier = AttributionPhrase(phrase: phrase(0, headEnd(from + 1, end)), heads: heads)
                }
            }
        }
        if attribution == nil, coversEarlier == nil {
            // A verb in capitals is part of a name ("the United States").
            for index in words.indices
            where AttributionPhrase.verbs.contains(lower[index]) && !words[index].isCapitalised {
                let own = clauses[clause(of: index)]
                let ownIndex = clause(of: index)
                // "“…,” said Tomasz Wierzbicki, the chief executive": the speaker follows the verb.
                if index == own.lowerBound, index > 0,
                    characters[words[index - 1].range.upperBound..<words[index].range.lowerBound].contains(where: {
                        $0 == "\"" || $0 == "”"
                    }), index + 1 < own.upperBound
                {
                    let partyEnd = ownIndex + 1 < clauses.count ? clauses[ownIndex + 1].upperBound : own.upperBound
                    let party = Array(words[(index + 1)..<partyEnd])
                    let heads = AttributionPhrase.heads(of: party)
                    guard !heads.isEmpty, !heads.contains("report") else { continue }
                    attribution = AttributionPhrase(
                        phrase: phrase(index, own.upperBound - 1), heads: heads, speaker: Self.name(in: party))
                    break
                }
                var subjectEnd = index
                while subjectEnd > own.lowerBound,
                    ["further", "also", "later", "then", "previously"].contains(lower[subjectEnd - 1])
                        || lower[subjectEnd - 1].hasSuffix("ly")
                {
                    subjectEnd -= 1
                }
                var partyStart = own.lowerBound
                var relative: Range<Int>?
                // "…, the council's engineer, Dana Whitlock, told members": the subject and its
                // apposition stand in the two clauses before the verb's.
                if subjectEnd == own.lowerBound, ownIndex > 0 {
                    partyStart = clauses[max(0, ownIndex - 2)].lowerBound
                    if ownIndex >= 2, AttributionPhrase.heads(of: Array(words[clauses[ownIndex - 2]])).isEmpty {
                        partyStart = clauses[ownIndex - 1].lowerBound
                    } else if ownIndex >= 2, Self.relativePronouns.contains(lower[clauses[ownIndex - 1].lowerBound]) {
                        // "Northern Container Services, which runs the terminal, said": the
                        // relative clause is the report's description of the speaker, not
                        // what the speaker said.
                        relative = clauses[ownIndex - 1]
                    }
                }
                guard subjectEnd > partyStart else { continue }
                if let relative {
                    let party = Array(words[partyStart..<relative.lowerBound])
                    let heads = AttributionPhrase.heads(of: party)
                    guard !heads.isEmpty, !heads.contains("report") else { continue }
                    attribution = AttributionPhrase(
                        phrase: phrase(partyStart, relative.lowerBound - 1) + " " + words[index].text, heads: heads,
                        speaker: Self.name(in: party))
                    let spoken = words.indices.filter {
                        !relative.contains($0) && !(partyStart..<relative.lowerBound).contains($0)
                    }
                    scope = Profile(words: spoken.map { words[$0] })
                    break
                }
                let party = Array(words[partyStart..<subjectEnd])
                let heads = AttributionPhrase.heads(of: party)
                guard !heads.isEmpty, !heads.contains("report") else { continue }
                attribution = AttributionPhrase(
                    phrase: phrase(partyStart, index), heads: heads, speaker: Self.name(in: party))
                // A leading attribution does not cover a closing participle clause.
                if own == clauses.first,
                    let comment = clauses.dropFirst().first(where: { words[$0.lowerBound].lower.hasSuffix("ing") })
                {
                    scope = Profile(words: words[..<comment.lowerBound])
                }
                break
            }
        }
        return (
            SourceSentence(
                text: String(characters: characters[range]), profile: profile, hedges: carried,
                attribution: attribution,
                attributionScope: scope),
            coversEarlier
        )
    }
}
