import Foundation

/// Checks a claim against the text of the paragraphs it cites: its numbers, calendar dates,
/// names and quotations must be there, and it must keep the hedges and attribution of the
/// source sentences it restates.
struct ClaimChecker: Sendable {
    /// Phrases whose capitals are not names to check: the site's title, glossary terms.
    var knownPhrases: [String] = [] {
        didSet { knownNeedles = PhraseIndex(Self.needles(knownPhrases)) }
    }
    /// `knownPhrases` as ``ranges(of:in:)`` compares them, made once: every claim is checked
    /// against all of them.
    private var knownNeedles = PhraseIndex([])

    /// Creates a checker.
    init(knownPhrases: [String] = []) {
        self.knownPhrases = knownPhrases
        knownNeedles = PhraseIndex(Self.needles(knownPhrases))
    }

    /// Every finding of a claim, in the order of the checks.
    func findings(for claim: Claim) -> [ClaimFinding] {
        let characters = Array(claim.text)
        let words = Words.words(in: characters)
        let sentences = Words.sentences(in: characters)
        let quotes = Self.quotations(in: characters)
        let outside = words.filter { word in !quotes.contains { $0.overlaps(word.range) } }
        let subject = "the \(claim.kind.rawValue)"
        let labels = claim.cited.map(\.label).joined(separator: " or ")
        var findings: [ClaimFinding] = []
        func add(_ check: String, _ words: String, _ message: String) {
            let finding = ClaimFinding(check: check, subject: words, message: message)
            if !findings.contains(where: { $0.selector == finding.selector }) { findings.append(finding) }
        }
        for range in quotes {
            let quote = String(characters: characters[range]).trimmingPunctuation
            let parts = quote.split(separator: "…").flatMap { $0.components(separatedBy: "...") }
                .flatMap { $0.components(separatedBy: "[…]") }.map { String($0).trimmingPunctuation }
                .filter { !$0.isEmpty }
            let found = parts.allSatisfy { part in claim.cited.contains { $0.contains(quoted: part) } }
            if !quote.isEmpty, !found {
                add("quote", quote, "\(subject) quotes \"\(quote)\", which is not word for word in \(labels)")
            }
            if found, let party = QuoteSpeaker.speaker(of: range, in: characters, words: words, sentences: sentences),
                let (paragraph, speaker) = QuoteSpeaker.disagreement(quote: quote, party: party, cited: claim.cited)
            {
                let said = String(
                    characters: characters[party[0].range.lowerBound..<(party.last ?? party[0]).range.upperBound])
                add(
                    "speaker", said,
                    "\(subject) attributes the quote to \"\(said)\"; \(paragraph.label) attributes it to \(speaker)")
            }
        }
        let numbers = NumberWords.numbers(in: outside, characters: characters)
        for number in numbers
        where !claim.cited.contains(where: { $0.numbers.contains(number.key) }) {
            add("number", number.text, "\(subject) gives the number \"\(number.text)\", which is not in \(labels)")
        }
        let dates = NumberWords.dates(in: outside, characters: characters)
        for date in dates where !claim.cited.contains(where: { $0.dates.contains(date.key) }) {
            add("date", date.text, "\(subject) gives the date \"\(date.text)\", which is not in \(labels)")
        }
        let known = Self.ranges(of: knownNeedles, in: characters)
        let nameWords = outside.filter { word in
            !known.contains { $0.overlaps(word.range) } && !dates.contains { $0.range.overlaps(word.range) }
        }
        let names = NameCheck.names(in: nameWords, characters: characters, sentences: sentences)
        for name in names where !claim.cited.contains(where: { NameCheck.paragraph($0, holds: name) }) {
            let text = name.map(\.text).joined(separator: " ")
            add("name", text, "\(subject) names \"\(text)\", which is not in \(labels)")
        }
        // Several of them missing, and all of them in one other paragraph: a slipped citation.
        let missing = findings.indices.filter { ["number", "date", "name"].contains(findings[$0].check) }
        if missing.count >= 2, let first = missing.first {
            var documents: [CitedDocument] = []
            for paragraph in claim.cited where !documents.contains(paragraph.document) {
                documents.append(paragraph.document)
            }
            let holding = documents.flatMap {
                $0.paragraphs(
                    holding: numbers.map(\.key), dates: dates.map(\.key), names: names, besides: claim.cited)
            }
            if holding.count == 1, let paragraph = holding.first {
                findings[first].message += " (all of these are in \(paragraph.label): is the citation off by one?)"
            }
        }
        // Without quotations the words outside them are all the words: their numbers are known.
        let given = quotes.isEmpty ? Set((numbers + dates).map(\.key)) : nil
        for (hedge, paragraph) in droppedHedges(
            claim, characters: characters, words: words, outside: outside, sentences: sentences, given: given)
        {
            add("drops", hedge, "\(subject) drops \"\(hedge)\" that \(paragraph.label) carries")
        }
        return findings
    }

    /// The hedges and attributions of the source sentences the claim restates that it does
    /// not keep, each with its paragraph.
    private func droppedHedges(
        _ claim: Claim, characters: [Character], words: [Word], outside: [Word], sentences: [Range<Int>],
        given: Set<String>?
    ) -> [(String, SourceParagraph)] {
        let lower = words.map(\.lower)
        let givenNumbers =
            given
            ?? Set(
                (NumberWords.numbers(in: words, characters: characters)
                    + NumberWords.dates(in: words, characters: characters)).map(\.key))
        var dropped: [(String, SourceParagraph)] = []
        for range in claim.kind == .title ? [0..<characters.count] : sentences {
            let sentenceWords = outside.filter { range.contains($0.range.lowerBound) }
            guard !Self.restatesNothing(sentenceWords, text: String(characters: characters[range])) else { continue }
            let profile = Profile(words: sentenceWords)
            let stems = profile.stemSet
            var candidates: [(SourceParagraph, SourceSentence, Set<String>)] = []
            for paragraph in claim.cited {
                for sentence in paragraph.sentences {
                    let shared = profile.shared(with: sentence.profile)
                    if shared.count >= 2 { candidates.append((paragraph, sentence, shared)) }
                }
            }
            // The sentence it restates most, and any other nearly as much.
            let best = candidates.map(\.2.count).max() ?? 0
            let aligned = candidates.filter {
                $0.2.count == best || ($0.2.count >= 3 && Double($0.2.count) >= Double(best) * 0.75)
            }
            for (paragraph, sentence, shared) in aligned {
                for carried in sentence.hedges where !stems.isDisjoint(with: carried.scope.stems) {
                    if let number = carried.number, !givenNumbers.contains(number) { continue }
                    if carried.hedge.isKept(in: lower) { continue }
                    if carried.hedge.kind == .doubt && claim.certaintySaysDoubt { continue }
                    dropped.append((carried.phrase, paragraph))
                }
                if let attribution = sentence.attribution {
                    let covered = profile.shared(with: sentence.attributionScope)
                    // It bears on the claim when the claim restates mostly what it covers.
                    let bears = !covered.isEmpty && covered.count * 2 >= shared.count
                    if bears && !claim.certaintySaysDoubt && !keeps(attribution, claim: claim, words: words) {
                        dropped.append((attribution.phrase, paragraph))
                    }
                }
            }
        }
        var seen: Set<String> = []
        return dropped.filter { seen.insert($0.0.lowercased()).inserted }
    }

    /// Whether the claim, the sentences beside it or the sources named beside it say who
    /// says it.
    func keeps(_ attribution: AttributionPhrase, claim: Claim, words: [Word]) -> Bool {
        func names(_ words: [Word]) -> Bool {
            words.contains { attribution.heads.contains(Words.stem($0.text)) }
        }
        func marks(_ words: [Word]) -> Bool {
            words.contains { AttributionPhrase.claimMarkers.contains($0.lower) }
        }
        if marks(words) && names(words) { return true }
        if let colon = claim.text.firstIndex(of: ":") {
            let head = Words.words(in: Array(claim.text[..<colon]))
            if names(head) { return true }
        }
        if marks(words), words.contains(where: { AttributionPhrase.pronouns.contains($0.lower) }),
            let before = claim.before, names(Words.words(in: Array(before)))
        {
            return true
        }
        if let after = claim.after {
            let next = Words.words(in: Array(after))
            if let first = next.first, ["this", "that", "these", "all"].contains(first.lower),
                marks(next) || after.contains(" from "), names(next)
            {
                return true
            }
        }
        return claim.attributedTo.contains { names(Words.words(in: Array($0))) }
    }

    /// Whether a sentence of a claim restates no source sentence: a question ("Whether the
    /// flight reached Iran.") or a statement of what the report leaves out ("The report does
    /// not say …", "The report says only …"). Its numbers, names and quotations are still
    /// checked.
    static func restatesNothing(_ words: [Word], text: String) -> Bool {
        let lower = words.map(\.lower)
        guard let first = lower.first else { return true }
        if restatesNothingAsQuestion(lower, text: text) { return true }
        let body: ArraySlice<String>
        if lower.starts(with: ["the", "report"]) {
            body = lower.dropFirst(2)
        } else if first == "it" {
            body = lower.dropFirst()
        } else {
            return false
        }
        return reportGaps.contains { body.starts(with: $0) }
    }

    /// How a sentence opening "The report" or "It" says what the report leaves out.
    private static let reportGaps: [[String]] = [
        ["does", "not"], ["doesn't"], ["did", "not"], ["gives", "no"], ["names", "no"], ["has", "no"],
        ["carries", "no"], ["offers", "no"], ["makes", "no"], ["never"], ["says", "only"], ["only", "says"],
        ["says", "nothing"], ["gives", "only"], ["is", "silent"],
    ]

    /// Whether a sentence is a question, direct or indirect ("Whether the flight reached Iran.").
    static func restatesNothingAsQuestion(_ lower: [String], text: String) -> Bool {
        guard let first = lower.first else { return true }
        // `trimmingCharacters(in: .whitespaces)`, without bridging the text to an `NSString`.
        var scalars = Substring(text).unicodeScalars
        while let last = scalars.last,
            last.isASCII ? last == " " || last == "\t" : CharacterSet.whitespaces.contains(last)
        {
            scalars.removeLast()
        }
        if Substring(scalars).hasSuffix("?") { return true }
        return questionWords.contains(first)
    }

    /// Words that open a question, direct or indirect.
    private static let questionWords: Set<String> = ["whether", "who", "what", "which", "how", "when", "where", "why"]

    /// The insides of the quotations of a text: between “ and ”, or between straight quotes.
    static func quotations(in characters: [Character]) -> [Range<Int>] {
        var ranges: [Range<Int>] = []
        var index = 0
        while index < characters.count {
            let closing: Character?
            // Most characters are ASCII other than a quote: told apart from their byte.
            if let byte = characters[index].singleASCIIByte {
                closing = byte == UInt8(ascii: "\"") ? "\"" : nil
            } else {
                closing = characters[index] == "“" ? "”" : nil
            }
            if let closing, let end = characters[(index + 1)...].firstIndex(of: closing) {
                ranges.append((index + 1)..<end)
                index = end + 1
            } else {
                index += 1
            }
        }
        return ranges
    }

    /// Where the phrases occur in a text, whole words, case aside, in the order of the text.
    static func ranges(of phrases: [String], in characters: [Character]) -> [Range<Int>] {
        ranges(of: PhraseIndex(needles(phrases)), in: characters)
    }

    /// Phrases as ``ranges(of:in:)`` compares them: normalized, empty ones left out.
    static func needles(_ phrases: [String]) -> [[Character]] {
        phrases.map(SourceParagraph.normalize).filter { !$0.isEmpty }.map(Array.init)
    }

    /// ``ranges(of:in:)`` with phrases already made ``needles(_:)`` and indexed.
    static func ranges(of index: PhraseIndex, in characters: [Character]) -> [Range<Int>] {
        guard !index.isEmpty else { return [] }
        let lowered = characters.map(lowered)
        var ranges: [Range<Int>] = []
        // A phrase starts a word: most characters are inside one and need no look-up.
        for start in lowered.indices where start == 0 || !lowered[start - 1].isWordCharacter {
            for candidate in index.needles(startingWith: lowered[start]) {
                let needle = index.needles[candidate]
                let end = start + needle.count
                if end <= lowered.count, lowered[start..<end].elementsEqual(needle),
                    end == lowered.count || !lowered[end].isWordCharacter
                {
                    ranges.append(start..<end)
                }
            }
        }
        return ranges
    }

    /// A character as ``SourceParagraph/normalize(_:)`` compares it, but for dashes and spaces:
    /// lower case, straight quotes and apostrophes.
    static func lowered(_ character: Character) -> Character {
        // ASCII without building a String.
        if let byte = character.singleASCIIByte {
            return (0x41...0x5A).contains(byte) ? Character(Unicode.Scalar(byte + 0x20)) : character
        }
        switch character {
        case "’", "‘": return "'"
        case "“", "”": return "\""
        default: return character.lowercased().first ?? character
        }
    }
}

extension SourceParagraph {
    /// Whether a quoted passage is in the paragraph word for word (case, quote marks and
    /// spacing aside), as whole words.
    func contains(quoted passage: String) -> Bool {
        let needle = Self.normalize(passage)
        guard !needle.isEmpty else { return true }
        var searchRange = normalized.startIndex..<normalized.endIndex
        while let found = normalized.range(of: needle, range: searchRange) {
            let before =
                found.lowerBound == normalized.startIndex ? " " : normalized[normalized.index(before: found.lowerBound)]
            let after = found.upperBound == normalized.endIndex ? " " : normalized[found.upperBound]
            if !(before.isLetter || before.isNumber) && !(after.isLetter || after.isNumber) { return true }
            searchRange = normalized.index(after: found.lowerBound)..<normalized.endIndex
        }
        return false
    }
}

extension String {
    /// Without the spaces and punctuation at either end (`, fear.` → `fear`).
    var trimmingPunctuation: String {
        let edges: Set<Character> = [" ", ".", ",", ";", ":", "!", "?", "\n", "\t"]
        var characters = Substring(self)
        while let first = characters.first, edges.contains(first) { characters = characters.dropFirst() }
        while let last = characters.last, edges.contains(last) { characters = characters.dropLast() }
        return String(characters)
    }
}

/// Phrases by their first character, so that a text is read once for all of them: most
/// characters of a claim start no known phrase.
struct PhraseIndex: Sendable {
    /// The phrases, as ``ClaimChecker/needles(_:)`` makes them.
    let needles: [[Character]]
    /// The needles starting with each ASCII character, by its value.
    private var ascii: [[Int]] = Array(repeating: [], count: 128)
    /// The needles starting with any other character.
    private var others: [Character: [Int]] = [:]

    /// Indexes `needles`; empty ones are never found.
    init(_ needles: [[Character]]) {
        self.needles = needles
        for (index, needle) in needles.enumerated() {
            guard let first = needle.first else { continue }
            if let byte = first.singleASCIIByte {
                ascii[Int(byte)].append(index)
            } else {
                others[first, default: []].append(index)
            }
        }
    }

    /// Whether there is no needle at all.
    var isEmpty: Bool { needles.isEmpty }

    /// The needles that start with `character`.
    func needles(startingWith character: Character) -> [Int] {
        if let byte = character.singleASCIIByte { return ascii[Int(byte)] }
        return others[character] ?? []
    }
}
