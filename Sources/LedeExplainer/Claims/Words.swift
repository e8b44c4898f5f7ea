import Foundation

/// A word of a text and where it is, for the claim checks.
struct Word: Sendable, Hashable {
    /// The word as written (`U.S.-chartered`, `1,200`, `Iran’s`).
    let text: String
    /// Where it is in the characters it was read from.
    let range: Range<Int>
    /// Lower case, with curly apostrophes made straight: made once, since every check compares it.
    let lower: String

    /// A word of `text` at `range`.
    init(text: String, range: Range<Int>) {
        self.text = text
        self.range = range
        lower = Words.lowerStraight(text)
    }

    /// Whether the word starts with a capital letter.
    var isCapitalised: Bool { Words.startsWithCapital(text) }

    /// Whether it is a dotted abbreviation (`U.S.`, `L.G.B.T.Q.`).
    var isAbbreviation: Bool { Words.isDottedAbbreviation(text) }

    /// The word without a possessive ending.
    var bare: String { Words.withoutPossessive(text) }
}

extension String {
    /// The text of a stretch of characters, written out from their UTF-8 bytes at once: many
    /// times faster than `String(_:)` on characters, which appends them one by one (claims and
    /// cited paragraphs are read as arrays of characters, and cut into words and sentences).
    init(characters: ArraySlice<Character>) {
        var count = 0
        for character in characters { count += character.utf8.count }
        self.init(unsafeUninitializedCapacity: count) { buffer in
            var index = 0
            for character in characters {
                for byte in character.utf8 {
                    buffer[index] = byte
                    index += 1
                }
            }
            return index
        }
    }
}

extension Character {
    /// Whether it is a letter or a digit (`isLetter || isNumber`), ASCII without looking up
    /// Unicode properties: every character of every claim and cited paragraph is asked.
    var isWordCharacter: Bool {
        if let byte = singleASCIIByte {
            return (0x30...0x39).contains(byte) || (0x41...0x5A).contains(byte) || (0x61...0x7A).contains(byte)
        }
        return isLetter || isNumber
    }

    /// Whether it is an upper-case letter (`isUppercase`), ASCII without Unicode look-ups
    /// (`isUppercase` makes an upper-case copy of a lower-case letter to compare).
    var isCapital: Bool {
        if let byte = singleASCIIByte { return (0x41...0x5A).contains(byte) }
        return isUppercase
    }

    /// Its byte when it is one ASCII scalar ("\r\n" is two), read from its UTF-8 without
    /// looking at its scalars.
    var singleASCIIByte: UInt8? {
        var bytes = utf8.makeIterator()
        guard let first = bytes.next(), first < 0x80, bytes.next() == nil else { return nil }
        return first
    }
}

/// Reading words and sentences, and comparing words, for the claim checks. English only, and
/// deliberately simple: every rule is one a reader can predict.
enum Words {
    /// The words of `characters` (letters and digits, with apostrophes, hyphens, dots and
    /// commas inside them: `Iran’s`, `U.S.-chartered`, `1,200`, `2.5`).
    static func words(in characters: [Character]) -> [Word] {
        var words: [Word] = []
        var index = 0
        while index < characters.count {
            guard characters[index].isWordCharacter else {
                index += 1
                continue
            }
            let start = index
            index += 1
            while index < characters.count {
                let character = characters[index]
                if character.isWordCharacter {
                    index += 1
                    continue
                }
                let next = index + 1 < characters.count ? characters[index + 1] : nil
                let joins: Bool
                switch character {
                case "'", "’", "-": joins = next?.isWordCharacter ?? false
                case ".":
                    joins =
                        next?.isWordCharacter ?? false
                        || isDottedAbbreviation(String(characters: characters[start..<index]) + ".")
                case ",": joins = characters[index - 1].isNumber && (next?.isNumber ?? false)
                default: joins = false
                }
                guard joins else { break }
                index += 1
            }
            // "U.S." ends with its dot; a sentence's full stop does not belong to the word.
            var end = index
            if end > start, characters[end - 1] == ".",
                !isDottedAbbreviation(String(characters: characters[start..<end]))
            {
                end -= 1
            }
            words.append(Word(text: String(characters: characters[start..<end]), range: start..<end))
        }
        return words
    }

    /// Whether the first character of `text` is an upper-case letter (`first?.isUppercase`),
    /// from its first bytes when it is ASCII.
    static func startsWithCapital(_ text: String) -> Bool {
        var bytes = text.utf8.makeIterator()
        guard let first = bytes.next() else { return false }
        // One ASCII byte is the whole first character unless a non-ASCII scalar (an accent)
        // or the "\n" of "\r\n" joins it.
        if first < 0x80, first != 0x0D, (bytes.next().map { $0 < 0x80 } ?? true) {
            return (0x41...0x5A).contains(first)
        }
        return text.first?.isUppercase ?? false
    }

    /// Whether `text` is single letters each followed by a dot, at least two (`U.S.`).
    static func isDottedAbbreviation(_ text: String) -> Bool {
        // Most words are refused by their first two bytes: two ASCII characters ("\r\n" is one),
        // the second not a dot.
        var bytes = text.utf8.makeIterator()
        if let first = bytes.next(), let second = bytes.next(), first < 0x80, first != 0x0D, second < 0x80,
            second != UInt8(ascii: ".")
        {
            return false
        }
        // Read in one pass, without an array.
        var count = 0
        for character in text {
            if count % 2 == 0 ? !character.isLetter : character != "." { return false }
            count += 1
        }
        return count >= 4 && count % 2 == 0
    }

    /// `Iran’s` → `Iran`.
    static func withoutPossessive(_ text: String) -> String {
        for ending in ["'s", "’s", "'", "’"] where text.hasSuffix(ending) {
            return String(text.dropLast(ending.count))
        }
        return text
    }

    /// Words that may start a sentence after an abbreviation ("… into the U.S. Prior to this").
    static let sentenceStarters: Set<String> = [
        "a", "after", "all", "an", "and", "as", "at", "before", "but", "by", "despite", "earlier", "for", "from", "he",
        "her", "his", "however", "if", "in", "it", "its", "many", "most", "no", "on", "one", "or", "our", "prior",
        "she", "some", "that", "the", "their", "there", "these", "they", "this", "those", "we", "when", "while",
        "according", "beyond", "historically", "later", "meanwhile", "officials",
    ]

    /// Abbreviations that end with a dot without ending a sentence.
    static let abbreviations: Set<String> = [
        "mr", "mrs", "ms", "dr", "st", "jr", "sr", "gen", "sen", "rep", "gov", "lt", "col", "capt", "prof", "inc",
        "ltd", "co", "corp", "vs", "etc", "e.g", "i.e", "no", "approx", "jan", "feb", "aug", "sept", "oct", "nov",
        "dec",
    ]

    /// The sentences of `characters`, as ranges: a sentence ends at `.`, `!` or `?` (and the
    /// quotes and brackets closing it) followed by space and a capital, digit, quote or
    /// bracket, or by the end. After an abbreviation (`U.S.`, `Mr.`) only a word that often
    /// starts a sentence ("The", "Prior") ends it.
    static func sentences(in characters: [Character]) -> [Range<Int>] {
        var ranges: [Range<Int>] = []
        var start = 0
        var index = 0
        let closers: Set<Character> = ["\"", "”", "’", "'", ")", "]"]
        while index < characters.count {
            let character = characters[index]
            guard character == "." || character == "!" || character == "?" else {
                index += 1
                continue
            }
            var end = index + 1
            while end < characters.count, closers.contains(characters[end]) { end += 1 }
            var next = end
            while next < characters.count, characters[next].isWhitespace { next += 1 }
            let atEnd = next == characters.count
            let followed =
                next > end && !atEnd
                && (characters[next].isCapital || characters[next].isNumber
                    || ["\"", "“", "(", "[", "‘", "¶", "*", "_"].contains(characters[next]))
            if atEnd || followed {
                if character != "." || atEnd || endsSentence(characters, dot: index, next: next) {
                    ranges.append(start..<end)
                    start = next
                }
            }
            index = end
        }
        if start < characters.count { ranges.append(start..<characters.count) }
        return ranges.filter { range in characters[range].contains(where: \.isWordCharacter) }
    }

    private static func endsSentence(_ characters: [Character], dot: Int, next: Int) -> Bool {
        var wordStart = dot
        while wordStart > 0, !characters[wordStart - 1].isWhitespace, characters[wordStart - 1] != "(" {
            wordStart -= 1
        }
        let before = String(characters: characters[wordStart..<dot]).lowercased()
        let isAbbreviation = abbreviations.contains(before) || isDottedAbbreviation(before + ".")
        guard isAbbreviation else { return true }
        var wordEnd = next
        while wordEnd < characters.count, characters[wordEnd].isLetter { wordEnd += 1 }
        return sentenceStarters.contains(String(characters: characters[next..<wordEnd]).lowercased())
    }

    /// Lower case, with curly apostrophes (’) made straight ('), without Foundation's bridging
    /// (this runs for every word of every claim and cited paragraph).
    static func lowerStraight(_ text: String) -> String {
        let lower = text.lowercased()
        // "’" is E2 80 99 in UTF-8: most words have no 0xE2 byte at all.
        guard lower.utf8.contains(0xE2) else { return lower }
        return replacing("’", with: "'", in: lower)
    }

    /// `text` with every `character` replaced by `replacement`, or removed when it is `nil`:
    /// what Foundation's `replacingOccurrences(of:with:)` gives, which matches whole
    /// characters too (an apostrophe with an accent on it is left as it is).
    static func replacing(_ character: Character, with replacement: Character?, in text: String) -> String {
        var result = ""
        result.reserveCapacity(text.utf8.count)
        for each in text {
            if each != character {
                result.append(each)
            } else if let replacement {
                result.append(replacement)
            }
        }
        return result
    }

    /// A crude stem: lower case, no possessive, no plural `s`, no `-ed` or `-ing`.
    static func stem(_ word: String) -> String {
        asciiStem(word) ?? unicodeStem(word)
    }

    /// ``stem(_:)`` for any text, on its characters.
    static func unicodeStem(_ word: String) -> String {
        var stem = withoutPossessive(lowerStraight(word))
        if stem.count > 4, stem.hasSuffix("ies") {
            stem = String(stem.dropLast(3)) + "y"
        } else if stem.count > 3, stem.hasSuffix("s"), !stem.hasSuffix("ss") {
            stem.removeLast()
        }
        if stem.count > 5, stem.hasSuffix("ing") {
            stem.removeLast(3)
        } else if stem.count > 4, stem.hasSuffix("ed") {
            stem.removeLast(2)
        }
        return stem
    }

    /// ``stem(_:)`` of a word of printable ASCII, on its bytes (the same rules: every word of
    /// every claim and cited paragraph is stemmed, most of them plain ASCII); `nil` for others.
    static func asciiStem(_ word: String) -> String? {
        var bytes: [UInt8] = []
        bytes.reserveCapacity(word.utf8.count)
        for byte in word.utf8 {
            guard (0x20...0x7E).contains(byte) else { return nil }
            bytes.append((0x41...0x5A).contains(byte) ? byte + 0x20 : byte)
        }
        func ends(_ suffix: StaticString) -> Bool {
            let count = suffix.utf8CodeUnitCount
            guard bytes.count >= count else { return false }
            return suffix.withUTF8Buffer { bytes.suffix(count).elementsEqual($0) }
        }
        if ends("'s") {
            bytes.removeLast(2)
        } else if ends("'") {
            bytes.removeLast()
        }
        if bytes.count > 4, ends("ies") {
            bytes.removeLast(3)
            bytes.append(UInt8(ascii: "y"))
        } else if bytes.count > 3, ends("s"), !ends("ss") {
            bytes.removeLast()
        }
        if bytes.count > 5, ends("ing") {
            bytes.removeLast(3)
        } else if bytes.count > 4, ends("ed") {
            bytes.removeLast(2)
        }
        return String(decoding: bytes, as: UTF8.self)
    }

    /// Whether two stems are the same word for aligning a claim with a sentence: equal, or
    /// one starts with the other and the shorter has four letters or more (`deport` and
    /// `deportee`, `negotiat` and `negotiation`, `iran` and `iranian`).
    static func sameStem(_ one: String, _ other: String) -> Bool {
        if one == other { return true }
        // The prefix first: counting characters walks the strings, and most pairs differ at once.
        guard one.hasPrefix(other) || other.hasPrefix(one) else { return false }
        return min(one.count, other.count) >= 4
    }

    /// Words that say nothing of what a sentence is about: function words, and the words of
    /// reporting itself ("the report says", "officials said").
    static let stopWords: Set<String> = [
        "a", "about", "above", "after", "again", "against", "all", "also", "am", "an", "and", "any", "are", "as", "at",
        "be", "been", "before", "being", "below", "between", "both", "but", "by", "can", "could", "did", "do", "does",
        "doing", "down", "during", "each", "either", "few", "for", "from", "further", "had", "has", "have", "having",
        "he", "her", "here", "hers", "him", "his", "how", "i", "if", "in", "into", "is", "it", "its", "itself", "just",
        "may", "me", "might", "more", "most", "much", "must", "my", "neither", "no", "nor", "not", "now", "of", "off",
        "on", "once", "one", "only", "or", "other", "others", "our", "ours", "out", "over", "own", "same", "she",
        "should", "so", "some", "such", "than", "that", "the", "their", "theirs", "them", "then", "there", "these",
        "they", "this", "those", "through", "to", "too", "under", "until", "up", "upon", "very", "via", "was", "we",
        "were", "what", "when", "where", "whether", "which", "while", "who", "whom", "whose", "why", "will", "with",
        "would", "yet", "you", "your", "two", "three", "many", "several", "nearly", "roughly", "almost", "reportedly",
        "expected", "according", "said", "say", "says", "saying", "stated", "states", "noted", "notes", "confirmed",
        "confirm", "confirms", "indicated", "told", "reported", "report", "reports", "added", "described",
        "describes", "calls", "called", "official", "officials", "source", "sources", "around", "because", "due",
        "even", "ever", "instead", "like", "per", "since", "though", "unless", "whatever", "within", "without",
        "already", "often", "typically", "outright", "potential", "all",
    ]
}
