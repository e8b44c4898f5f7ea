import Foundation

/// What a stretch of text is about, for aligning a claim with the source sentence it
/// restates: its content words (stemmed), its dotted abbreviations and the initials of its
/// runs of capitalised words, so that "U.S." meets "United States".
struct Profile: Sendable, Hashable {
    var stems: [String] = []
    var abbreviations: Set<String> = []
    var initials: Set<String> = []

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
            let parts =
                word.text.utf8.contains(UInt8(ascii: "-")) || word.text.isEmpty
                ? word.text.split(separator: "-").map(String.init) : [word.text]
            for part in parts {
                let lower = part.lowercased()
                if Words.isDottedAbbreviation(part) {
                    abbreviations.insert(Words.replacing(".", with: nil, in: lower))
                    closeRun()
                    continue
                }
                if Words.startsWithCapital(part), !Words.stopWords.contains(lower) || lower == "states" {
                    run.append(Word(text: part, range: word.range))
                } else {
                    closeRun()
                }
                let stem = Words.stem(part)
                if stem.count >= 2, !Words.stopWords.contains(lower), !Words.stopWords.contains(stem),
                    !(part.first?.isNumber ?? false), NumberWords.units[lower] == nil
                {
                    stems.append(stem)
                }
            }
        }
        closeRun()
        stems = stems.map { names.contains($0) ? "^" + $0 : $0 }
    }

    var isEmpty: Bool { stems.isEmpty && abbreviations.isEmpty }

    /// The words of this profile that `other` also holds.
    func shared(with other: Profile) -> Set<String> {
        var shared: Set<String> = []
        for stem in stems where other.stems.contains(where: { Words.sameStem(stem, $0) }) {
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
