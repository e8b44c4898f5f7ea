import Foundation

/// What a stretch of text is about, for aligning a claim with the source sentence it
/// restates: its content words (stemmed), its dotted abbreviations and the initials of its
/// runs of capitalised words, so that "U.S." meets "United States".
struct Profile: Sendable, Hashable {
    private(set) var stems: [String] = []
    var abbreviations: Set<String> = []
    var initials: Set<String> = []
    /// `stems` as ``shared(with:)`` looks them up in the other profile.
    private var index = StemIndex([])

    /// The stems of a profile, for ``Words/sameStem(_:_:)`` against many others: a set for
    /// equal stems, and the stems long enough to extend or be extended by another word.
    private struct StemIndex: Sendable, Hashable {
        var all: Set<String>
        var long: [String]

        init(_ stems: [String]) {
            all = Set(stems)
            // Two different stems are the same word only when both have four letters or more.
            long = stems.filter { $0.utf8.count >= 4 }
        }

        func contains(sameStemAs stem: String) -> Bool {
            if all.contains(stem) { return true }
            guard stem.utf8.count >= 4 else { return false }
            return long.contains { Words.sameStem(stem, $0) }
        }
    }

    init(words: some Collection<Word>) {
        var run: [Word] = []
        var names: [String] = []
        func closeRun() {
            if run.count >= 2 {
                // A word of a name is not the common word ("United Nations" is not "nation").
                for word in run { names.append(Words.stem(word.text)) }
                for start in run.indices {
                    for end in (start + 1)..<run.count {
                        initials.insert(String(run[start...end].compactMap { $0.text.first }).lowercased())
                    }
                }
            }
            run = []
        }
        for word in words {
            // Most words have no hyphen: they are their one part.
            let whole = !word.text.utf8.contains(UInt8(ascii: "-")) && !word.text.isEmpty
            let parts = whole ? [word.text] : word.text.split(separator: "-").map(String.init)
            for part in parts {
                // The word's own lower case straightens apostrophes too: no stop word, number
                // word or dotted abbreviation has one, so it compares the same.
                let lower = whole ? word.lower : part.lowercased()
                if Words.isDottedAbbreviation(part) {
                    abbreviations.insert(Words.replacing(".", with: nil, in: lower))
                    closeRun()
                    continue
                }
                let isStopWord = Words.stopWords.contains(lower)
                if Words.startsWithCapital(part), !isStopWord || lower == "states" {
                    run.append(whole ? word : Word(text: part, range: word.range))
                } else {
                    closeRun()
                }
                let stem = Words.stem(part)
                if stem.count >= 2, !isStopWord, !Words.stopWords.contains(stem),
                    !(part.first?.isNumber ?? false), NumberWords.units[lower] == nil
                {
                    stems.append(stem)
                }
            }
        }
        closeRun()
        stems = stems.map { names.contains($0) ? "^" + $0 : $0 }
        index = StemIndex(stems)
    }

    /// The stems, as a set.
    var stemSet: Set<String> { index.all }

    var isEmpty: Bool { stems.isEmpty && abbreviations.isEmpty }

    /// The words of this profile that `other` also holds.
    func shared(with other: Profile) -> Set<String> {
        var shared: Set<String> = []
        for stem in stems where other.index.contains(sameStemAs: stem) {
            shared.insert(stem)
        }
        for letters in abbreviations where other.abbreviations.contains(letters) || other.initials.contains(letters) {
            shared.insert(letters)
        }
        for letters in initials where other.abbreviations.contains(letters) {
            shared.insert(letters)
        }
        return shared
    }
}
