import Foundation

/// What the claim checks read from the whole document a cited paragraph belongs to, once per
/// document: the names it uses and the roles it gives them, so that a claim may call a speaker
/// by a role the report gives that speaker anywhere ("Martin Hale, chief executive of the
/// health authority" in ¶2 lets "the chief executive said" stand for Hale's words in ¶5).
///
/// Immutable and shared by every paragraph of the document; equal when the texts are.
final class CitedDocument: Sendable, Hashable {
    /// The paragraphs' texts, in order.
    let texts: [String]
    /// How findings name each paragraph ("¶5", "report ¶5").
    let labels: [String]
    /// The paragraphs other than `cited` that hold all of `numbers` and `dates` (keys, as
    /// ``NumberWords`` gives them) and `names`: read only for a claim with several findings.
    func paragraphs(
        holding numbers: [String], dates: [String], names: [[Word]], besides cited: [SourceParagraph]
    ) -> [SourceParagraph] {
        zip(labels, texts).compactMap { label, text in
            guard !cited.contains(where: { $0.label == label }) else { return nil }
            let paragraph = SourceParagraph(label: label, text: text, document: self)
            let holds =
                numbers.allSatisfy(paragraph.numbers.contains) && dates.allSatisfy(paragraph.dates.contains)
                && names.allSatisfy { NameCheck.paragraph(paragraph, holds: $0) }
            return holds ? paragraph : nil
        }
    }

    /// The stemmed words the document describes a name with, by the name's last word
    /// (`hale` → chief, executive, health, authority): an apposition after it ("Martin Hale,
    /// chief executive of the health authority"), the words before it ("union president Grace
    /// Okafor") or an apposition before it ("the authority's chief executive, Martin Hale,").
    /// Only descriptions holding a speaking noun count.
    let roles: [String: Set<String>]
    /// Every word of every name the document uses, as ``NameCheck/form(_:)`` gives it.
    let nameWords: Set<String>
    private let digest: Int

    /// Reads a document's paragraphs; `labels` default to "¶1", "¶2", ….
    init(texts: [String], labels: [String]? = nil) {
        self.texts = texts
        self.labels = labels ?? texts.indices.map { "¶\($0 + 1)" }
        digest = texts.hashValue ^ self.labels.hashValue
        var roles: [String: Set<String>] = [:]
        var nameWords: Set<String> = []
        for text in texts {
            let characters = Array(text)
            let words = Words.words(in: characters)
            let sentences = Words.sentences(in: characters)
            for range in sentences {
                let sentence = words.filter { range.contains($0.range.lowerBound) }
                let clauses = SourceParagraph.clauses(sentence, characters: characters)
                for name in NameCheck.names(in: sentence, characters: characters, sentences: sentences) {
                    guard let first = name.first, let last = name.last else { continue }
                    nameWords.formUnion(name.map { NameCheck.form($0.text) })
                    let start = sentence.firstIndex { $0.range.contains(first.range.lowerBound) }
                    let end = sentence.firstIndex { $0.range.contains(last.range.lowerBound) }
                    guard let start, let end, let own = clauses.firstIndex(where: { $0.contains(start) }) else {
                        continue
                    }
                    let description = Self.description(
                        of: start...end, clauses: clauses, own: own, words: sentence, characters: characters)
                    roles[NameCheck.form(last.text), default: []].formUnion(description)
                }
            }
        }
        self.roles = roles
        self.nameWords = nameWords
    }

    /// The stemmed words describing the name at `name` in its sentence.
    private static func description(
        of name: ClosedRange<Int>, clauses: [Range<Int>], own: Int, words: [Word], characters: [Character]
    ) -> Set<String> {
        func describes(_ range: Range<Int>) -> Bool {
            words[range].contains { AttributionPhrase.partyNouns.contains(Words.stem($0.text)) }
        }
        func stems(_ range: Range<Int>) -> Set<String> {
            Set(
                words[range].filter {
                    AttributionPhrase.partyNouns.contains(Words.stem($0.text)) || !Words.stopWords.contains($0.lower)
                }.map { Words.stem($0.text) })
        }
        func comma(before index: Int) -> Bool {
            index > 0 && characters[words[index - 1].range.upperBound..<words[index].range.lowerBound].contains(",")
        }
        var found: Set<String> = []
        // "Martin Hale, chief executive of the health authority, said": not a relative clause.
        if name.upperBound + 1 == clauses[own].upperBound, own + 1 < clauses.count, comma(before: name.upperBound + 1),
            !SourceParagraph.relativePronouns.contains(words[name.upperBound + 1].lower), describes(clauses[own + 1])
        {
            found.formUnion(stems(clauses[own + 1]))
        }
        // "union president Grace Okafor": the words before it in its clause, back to a function word.
        var before = name.lowerBound
        while before > clauses[own].lowerBound, !Words.stopWords.contains(words[before - 1].lower),
            !QuoteSpeaker.verbs.contains(words[before - 1].lower)
        {
            before -= 1
        }
        if before < name.lowerBound, describes(before..<name.lowerBound) {
            found.formUnion(stems(before..<name.lowerBound))
        }
        // "the authority's chief executive, Martin Hale, said": the name stands alone in its clause.
        if clauses[own] == name.lowerBound..<(name.upperBound + 1), own > 0, comma(before: name.lowerBound),
            clauses[own - 1].count <= 6, describes(clauses[own - 1])
        {
            found.formUnion(stems(clauses[own - 1]))
        }
        return found
    }

    static func == (left: CitedDocument, right: CitedDocument) -> Bool {
        left === right || (left.digest == right.digest && left.texts == right.texts && left.labels == right.labels)
    }

    func hash(into hasher: inout Hasher) {
        hasher.combine(digest)
    }
}
