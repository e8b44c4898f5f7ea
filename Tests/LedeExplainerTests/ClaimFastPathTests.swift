import Foundation
import LedeCore
import Testing

@testable import LedeExplainer

/// The claim checks read every word of every claim and cited paragraph, so their hot helpers
/// have fast paths (ASCII bytes, no Foundation bridging, an index of a claim's characters).
/// Each must give what the plain reading gives, written out here as it was.
@Suite struct ClaimFastPathTests {
    /// Words with every rule of the stem: possessives, plurals, `-ies`, `-ing`, `-ed`, short
    /// words the rules leave alone, capitals, dots, digits, curly apostrophes and other scripts.
    static let words = [
        "Officials", "official", "Iran's", "Iran’s", "officials'", "officials’", "studies", "ties", "class", "bus",
        "gas", "flying", "sing", "reported", "red", "need", "deportees", "U.S.", "U.S.-chartered", "1,200", "2.5",
        "Déportés", "naïve", "İstanbul", "Straße", "ÉTATS", "'s", "'", "s", "", "ABC'S", "Qatari", "negotiating",
        "It’s", "don't", "x-ray", "e-mails",
    ]

    @Test func theStemOfAnASCIIWordIsTheStemOfItsCharacters() {
        for word in Self.words {
            #expect(Words.stem(word) == Words.unicodeStem(word), "\(word)")
            if let ascii = Words.asciiStem(word) { #expect(ascii == Words.unicodeStem(word), "\(word)") }
        }
        #expect(Words.asciiStem("Déportés") == nil)
        #expect(
            ["Officials", "Iran's", "studies", "flying", "reported", "class", "red", "ABC'S"].map(Words.stem)
                == ["official", "iran", "study", "fly", "report", "class", "red", "abc"])
    }

    @Test func lowerCaseStraightensCurlyApostrophesOnly() {
        for word in Self.words + ["“Quoted”", "‘single’", "O’Brien’s", "\u{2019}\u{301}x"] {
            let foundation = word.lowercased().replacingOccurrences(of: "’", with: "'")
            #expect(Words.lowerStraight(word) == foundation, "\(word)")
            #expect(Word(text: word, range: 0..<0).lower == foundation, "\(word)")
        }
    }

    @Test func aNameWordsFormDropsItsDotsAndPossessive() {
        let words = ["U.S.", "Iran’s", "Hale's", "St.Louis", "N.A.T.O.’s", "É.U.", "U.\u{301}S."]
        for word in words {
            let foundation = Words.withoutPossessive(word).lowercased().replacingOccurrences(of: ".", with: "")
            #expect(NameCheck.form(word) == foundation, "\(word)")
        }
        #expect(words.prefix(6).map(NameCheck.form) == ["us", "iran", "hale", "stlouis", "nato", "éu"])
    }

    @Test func aWordCharacterIsALetterOrADigit() {
        let characters: [Character] = [
            "a", "Z", "0", "9", " ", "\t", "\r\n", "\n", "-", "'", "’", ".", ",", "é", "e\u{301}", "٣", "Ⅻ", "ß", "中",
            "😀", "_", "¶",
        ]
        for character in characters + ["É", "é", "Σ", "σ", "ǅ", "A\u{301}", "\r", "\u{7F}"] {
            #expect(character.isWordCharacter == (character.isLetter || character.isNumber), "\(character)")
            #expect(character.isCapital == character.isUppercase, "\(character)")
            let text = String(character)
            for word in [text, text + "bc", text + "\u{301}x", text + "’s", text + "\n"] {
                #expect(Words.startsWithCapital(word) == (word.first?.isUppercase ?? false), "\(word.debugDescription)")
            }
        }
        #expect(!Words.startsWithCapital(""))
        #expect(Word(text: "Iran’s", range: 0..<6).isCapitalised && !Word(text: "iran", range: 0..<4).isCapitalised)
    }

    @Test func dottedAbbreviationsAreLettersEachWithADot() {
        let cases: [(String, Bool)] = [
            ("U.S.", true), ("L.G.B.T.Q.", true), ("U.S", false), ("US", false), ("U.", false), ("1.2.", false),
            ("É.U.", true), ("U..S", false), ("", false), ("Mr.", false),
        ]
        for (text, expected) in cases { #expect(Words.isDottedAbbreviation(text) == expected, "\(text)") }
    }

    @Test func aQuestionEndsWithAQuestionMarkBeforeSpacesAndTabs() {
        let texts = [
            "Did it land?", "Did it land? ", "Did it land?\t", "Did it land?\u{00A0}", "Did it land?\u{3000}",
            "Did it land?\n", "Did it land?\u{200B}", "Did it land?\u{180E}", "Did it land?\u{2028}",
            "Did it land?\u{0B}", "Did it land?\u{1F}", "It landed.", "It landed ", "?", " ", "",
        ]
        for text in texts {
            let foundation = text.trimmingCharacters(in: .whitespaces).hasSuffix("?")
            #expect(ClaimChecker.restatesNothingAsQuestion(["it"], text: text) == foundation, "\(text)")
        }
    }

    /// Where the phrases occur, as the checker found them before it indexed the claim's
    /// characters: every phrase at every position.
    static func plainRanges(of phrases: [String], in characters: [Character]) -> Set<Range<Int>> {
        let lowered = characters.map { character -> Character in
            switch character {
            case "’", "‘": "'"
            case "“", "”": "\""
            default: character.lowercased().first ?? character
            }
        }
        func isWord(_ character: Character) -> Bool { character.isLetter || character.isNumber }
        var ranges: Set<Range<Int>> = []
        for needle in ClaimChecker.needles(phrases) {
            for start in lowered.indices where start + needle.count <= lowered.count {
                let end = start + needle.count
                if lowered[start..<end].elementsEqual(needle), start == 0 || !isWord(lowered[start - 1]),
                    end == lowered.count || !isWord(lowered[end])
                {
                    ranges.insert(start..<end)
                }
            }
        }
        return ranges
    }

    @Test func knownPhrasesAreFoundWhereTheyWereFoundBefore() {
        let phrases = [
            "Iran Deportations Desk", "deportation", "asylum seeker", "U.S.", "Iran’s", "“safe third country”", "a",
            "İstanbul", "", "   ",
        ]
        let claims = [
            "The Iran Deportations Desk said deportations began; a deportation flight left.",
            "An asylum seeker, two asylum seekers and an ASYLUM SEEKER.",
            "The U.S. and the U.S.-chartered jet; US and U.S",
            "Iran's officials and Iran’s ministry called it a “safe third country”.",
            "A a a. İstanbul and i̇stanbul.", "", "deportation",
        ]
        for claim in claims {
            let characters = Array(claim)
            let found = ClaimChecker.ranges(of: phrases, in: characters)
            #expect(Set(found) == Self.plainRanges(of: phrases, in: characters), "\(claim)")
            #expect(found.count == Set(found).count, "\(claim)")
        }
        let characters = Array(claims[1])
        #expect(
            ClaimChecker.ranges(of: ["asylum seeker"], in: characters).map { String(characters[$0]) } == [
                "asylum seeker", "ASYLUM SEEKER",
            ])
    }

    @Test func aSourceParagraphIsEqualByItsLabelTextAndDocument() {
        let document = CitedDocument(texts: ["One said so.", "Two said so."])
        let first = SourceParagraph(label: "¶1", text: "One said so.", document: document)
        let again = SourceParagraph(label: "¶1", text: "One said so.", document: document)
        #expect(first == again)
        #expect(first.hashValue == again.hashValue)
        #expect(first != SourceParagraph(label: "¶2", text: "One said so.", document: document))
        #expect(first != SourceParagraph(label: "¶1", text: "One said so."))
        #expect(first != SourceParagraph(label: "¶1", text: "Two said so.", document: document))
    }

    @Test func numbersAreReadWithTheirCommasAndHyphens() {
        let characters = Array("Twenty-five of 1,200 people, one hundred and a dozen, x-ray 2.5 and forty-two-ish")
        let mentions = NumberWords.numbers(in: Words.words(in: characters), characters: characters)
        #expect(mentions.map(\.key) == ["25", "1200", "100", "12", "2.5"])
    }

    /// A number joined to what it counts is that number ("a 36-inch main" gives 36, as "36
    /// inches" does); a hyphenated date, a name with a number and a hedged number are not.
    @Test func aNumberJoinedToItsUnitIsThatNumber() {
        let characters = Array(
            "A 36-inch main, a three-year term, a twenty-five-year lease, 1,200-strong, on 2026-11-29, COVID-19, thirty-ish"
        )
        let mentions = NumberWords.numbers(in: Words.words(in: characters), characters: characters)
        #expect(mentions.map(\.key) == ["36", "3", "25", "1200"])
    }

    @Test func normalizedTextIsWhatItWasWhenBuiltCharacterByCharacter() {
        func plain(_ text: String) -> String {
            var result = ""
            var lastWasSpace = false
            for character in text.lowercased() {
                let mapped: Character
                switch character {
                case "’", "‘": mapped = "'"
                case "“", "”": mapped = "\""
                case "–", "—": mapped = "-"
                default: mapped = character.isWhitespace ? " " : character
                }
                if mapped == " " {
                    if lastWasSpace { continue }
                    lastWasSpace = true
                } else {
                    lastWasSpace = false
                }
                result.append(mapped)
            }
            return result
        }
        let texts = [
            "  The “Desk” said:\tIt’s ‘fine’ — or is it?\r\n\nNext  line\u{00A0}\u{2003}end ",
            "ÉTATS-UNIS – İstanbul\u{2028}e\u{301} ’\u{301}", "", " ", "\r\n", "A\u{0085}B",
        ]
        for text in texts { #expect(SourceParagraph.normalize(text) == plain(text), "\(text)") }
        #expect(SourceParagraph.normalize("  The “Desk”  said — it’s\tfine ") == " the \"desk\" said - it's fine ")
    }

    @Test func textOfCharactersIsTheirString() {
        let characters = Array("e\u{301} “Desk” \r\n 中文 😀👍🏽 ok")
        for range in [0..<characters.count, 0..<0, 2..<8, 9..<12, 12..<characters.count] {
            #expect(String(characters: characters[range]) == String(characters[range]))
            #expect(Array(String(characters: characters[range]).utf8) == Array(String(characters[range]).utf8))
        }
    }

    @Test func profilesShareWhatTheySharedBeforeTheirStemsWereIndexed() {
        func plainShared(_ one: Profile, _ other: Profile) -> Set<String> {
            var shared: Set<String> = []
            for stem in one.stems where other.stems.contains(where: { Words.sameStem(stem, $0) }) {
                shared.insert(stem)
            }
            for letters in one.abbreviations
            where other.abbreviations.contains(letters) || other.initials.contains(letters) {
                shared.insert(letters)
            }
            for letters in one.initials where other.abbreviations.contains(letters) { shared.insert(letters) }
            return shared
        }
        let sentences = [
            "The U.S. deported roughly 100 Iranians on a chartered flight.",
            "The United States deportation of Iranian nationals, negotiated for months.",
            "Deportees and deportations: the negotiation went on; Iran's officials said so.",
            "A bus, a gas tax, an ox and the ties of Qatar and Qatari envoys.", "", "Iran",
        ]
        let profiles = sentences.map { Profile(words: Words.words(in: Array($0))) }
        for one in profiles {
            for other in profiles {
                #expect(one.shared(with: other) == plainShared(one, other))
                #expect(one.stemSet == Set(one.stems))
            }
        }
        #expect(profiles[0].shared(with: profiles[1]).isSuperset(of: ["deport", "us"]))
    }
}
