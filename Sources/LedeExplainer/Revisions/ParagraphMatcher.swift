import LedeContent

/// What became of a paragraph of an earlier revision in a later one.
enum ParagraphFate: Sendable, Hashable {
    /// The same text, now at this number (the same number, or a new one when it moved).
    case kept(Int)
    /// One paragraph with most of the same words in order: reworded, now at this number.
    case reworded(Int)
    /// Its words are in this longer paragraph, together with another paragraph of the earlier
    /// revision: two paragraphs merged.
    case merged(Int)
    /// Its words are spread over these consecutive paragraphs, each made of its words.
    case split([Int])
    /// No paragraph of the later revision has its text.
    case removed
}

/// Matches the paragraphs of an earlier revision with those of a later one, by their words.
///
/// Exact texts match first, wherever they moved. The others are compared by their longest
/// common run of words in order (ignoring case and punctuation), among the later paragraphs
/// that are not an earlier paragraph kept as it was:
///
/// - split: two or more consecutive later paragraphs, each at least 80% made of the earlier
///   paragraph's words, that together hold at least 80% of them;
/// - merged: a later paragraph that holds at least 80% of the earlier paragraph's words and
///   also 80% of another earlier paragraph's;
/// - reworded: the later paragraph sharing the most words, when the shared words are at
///   least 60% of the two paragraphs' words (Dice's coefficient);
/// - removed: otherwise.
struct ParagraphMatcher: Sendable {
    /// The smallest share of a paragraph's words, in order, that makes it part of another.
    static let containment = 0.8
    /// The smallest Dice coefficient between an earlier and a later text to call it reworded.
    static let rewording = 0.6

    let old: [SourceDocument.Paragraph]
    let new: [SourceDocument.Paragraph]
    private let oldKeys: [[String]]
    private let newKeys: [[String]]
    /// Later paragraph numbers by fingerprint.
    private let newByFingerprint: [String: [Int]]
    /// Later paragraphs whose text is not an earlier paragraph's: the only candidates of a
    /// fuzzy match.
    private let changedNew: Set<Int>

    init(old: [SourceDocument.Paragraph], new: [SourceDocument.Paragraph]) {
        self.old = old
        self.new = new
        oldKeys = old.map { WordDiff.keys(of: $0.text) }
        newKeys = new.map { WordDiff.keys(of: $0.text) }
        var byFingerprint: [String: [Int]] = [:]
        for paragraph in new { byFingerprint[paragraph.fingerprint, default: []].append(paragraph.number) }
        newByFingerprint = byFingerprint
        let oldFingerprints = Set(old.map(\.fingerprint))
        changedNew = Set(new.filter { !oldFingerprints.contains($0.fingerprint) }.map(\.number))
    }

    /// What became of the earlier paragraph numbered `number`.
    func fate(of number: Int) -> ParagraphFate {
        guard old.indices.contains(number - 1) else { return .removed }
        let paragraph = old[number - 1]
        if let places = newByFingerprint[paragraph.fingerprint] {
            // The nearest copy, for a text that appears twice.
            return .kept(places.min { abs($0 - number) < abs($1 - number) } ?? places[0])
        }
        let keys = oldKeys[number - 1]
        guard !keys.isEmpty else { return .removed }
        var shared: [Int: Int] = [:]
        for candidate in changedNew.sorted() {
            shared[candidate] = WordDiff.commonLength(keys, newKeys[candidate - 1])
        }
        func share(of candidate: Int) -> Double {
            let length = newKeys[candidate - 1].count
            return length == 0 ? 0 : Double(shared[candidate] ?? 0) / Double(length)
        }
        if let split = split(keys, shared: share) { return .split(split) }
        for candidate in changedNew.sorted()
        where Double(shared[candidate] ?? 0) >= Self.containment * Double(keys.count) {
            // Another earlier paragraph whose text is gone as such (a kept one is not merged).
            let others = old.indices.filter {
                $0 != number - 1 && !oldKeys[$0].isEmpty && newByFingerprint[old[$0].fingerprint] == nil
            }
            let holdsAnother = others.contains { index in
                Double(WordDiff.commonLength(oldKeys[index], newKeys[candidate - 1]))
                    >= Self.containment * Double(oldKeys[index].count)
            }
            if holdsAnother { return .merged(candidate) }
        }
        var best: (number: Int, score: Double)?
        for candidate in changedNew.sorted() {
            let score =
                2 * Double(shared[candidate] ?? 0) / Double(keys.count + newKeys[candidate - 1].count)
            if score >= Self.rewording, score > best?.score ?? 0 { best = (candidate, score) }
        }
        if let best { return .reworded(best.number) }
        return .removed
    }

    /// Consecutive later paragraphs, each mostly made of the earlier text's words, that
    /// together hold most of them.
    private func split(_ keys: [String], shared share: (Int) -> Double) -> [Int]? {
        var runs: [[Int]] = []
        for candidate in changedNew.sorted() where share(candidate) >= Self.containment {
            if let last = runs.last?.last, last == candidate - 1 {
                runs[runs.count - 1].append(candidate)
            } else {
                runs.append([candidate])
            }
        }
        for run in runs where run.count >= 2 {
            let joined = run.flatMap { newKeys[$0 - 1] }
            if Double(WordDiff.commonLength(keys, joined)) >= Self.containment * Double(keys.count) {
                return run
            }
        }
        return nil
    }
}
