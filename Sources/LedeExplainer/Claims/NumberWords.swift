import Foundation

/// A number, date or name met in a text, as written and as compared.
struct Mention: Sendable, Hashable {
    /// As written ("two dozen", "1,200", "September 14").
    var text: String
    /// What is compared: the value ("24", "1200"), or lower-case words.
    var key: String
    /// Where it is, in characters.
    var range: Range<Int>
}

/// Numbers and calendar dates in English text: digits ("1,200", "2.5"), number words ("two
/// dozen", "a hundred", "twenty-five"), years (1000 to 2999) and month names with their day.
enum NumberWords {
    static let units: [String: Double] = [
        "zero": 0, "two": 2, "three": 3, "four": 4, "five": 5, "six": 6, "seven": 7, "eight": 8, "nine": 9, "ten": 10,
        "eleven": 11, "twelve": 12, "thirteen": 13, "fourteen": 14, "fifteen": 15, "sixteen": 16, "seventeen": 17,
        "eighteen": 18, "nineteen": 19, "twenty": 20, "thirty": 30, "forty": 40, "fifty": 50, "sixty": 60,
        "seventy": 70, "eighty": 80, "ninety": 90,
    ]
    static let multipliers: [String: Double] = [
        "dozen": 12, "hundred": 100, "thousand": 1000, "million": 1_000_000, "billion": 1_000_000_000,
    ]
    /// Plural multipliers say "many", not a number: they are compared as words.
    static let vague: Set<String> = ["dozens", "hundreds", "thousands", "millions", "billions"]
    static let months = [
        "january", "february", "march", "april", "may", "june", "july", "august", "september", "october",
        "november", "december",
    ]
    static let monthAbbreviations = [
        "jan": "january", "feb": "february", "mar": "march", "apr": "april", "jun": "june", "jul": "july",
        "aug": "august", "sep": "september", "sept": "september", "oct": "october", "nov": "november",
        "dec": "december",
    ]

    /// The value of a word alone: digits, a unit word, a hyphenated compound ("twenty-five").
    /// "one" and "a" count only before a multiplier ("one hundred", "a dozen"): alone, "one"
    /// is the article's number ("one official" restates "an official") and is not checked.
    private static func value(of word: String, beforeMultiplier: Bool) -> Double? {
        if word.first?.isNumber ?? false {
            // "36-inch": the digits before a hyphen and letters.
            let digits = word.prefix { $0 != "-" }
            let rest = word.dropFirst(digits.count)
            guard digits.allSatisfy({ $0.isNumber || $0 == "," || $0 == "." }),
                rest.isEmpty
                    || (rest.count > 1 && rest.dropFirst().allSatisfy { $0.isLetter || $0 == "-" })
                        && rest.dropFirst() != "ish"
            else { return nil }
            return Double(Words.replacing(",", with: nil, in: String(digits)))
        }
        if let unit = units[word] { return unit }
        if beforeMultiplier, word == "one" || word == "a" || word == "an" { return 1 }
        // A compound has a hyphen: most words have none, and need not be split.
        guard word.utf8.contains(UInt8(ascii: "-")) else { return nil }
        let parts = word.split(separator: "-").map(String.init)
        func tensAndUnit(_ tens: String, _ unit: String) -> Double? {
            guard let tens = units[tens], tens >= 20, let unit = units[unit], unit < 10 else { return nil }
            return tens + unit
        }
        if parts.count == 2, let value = tensAndUnit(parts[0], parts[1]) { return value }
        // A number joined to what it counts ("a 36-inch main", "a three-year term",
        // "a twenty-five-year lease") is that number: "36 inches" restates it.
        // "forty-two-ish" is not one.
        guard parts.last != "ish" else { return nil }
        if parts.count == 3, parts[2].allSatisfy(\.isLetter), let value = tensAndUnit(parts[0], parts[1]) {
            return value
        }
        guard parts.count >= 2, parts.dropFirst().allSatisfy({ $0.allSatisfy(\.isLetter) }) else { return nil }
        return units[parts[0]]
    }

    private static func key(_ value: Double) -> String {
        value == value.rounded() && abs(value) < 1e15 ? String(Int(value)) : String(value)
    }

    /// Whether a word is a year (four digits, 1000 to 2999).
    static func isYear(_ word: String) -> Bool {
        word.count == 4 && word.allSatisfy(\.isNumber) && (word.hasPrefix("1") || word.hasPrefix("2"))
    }

    /// The numbers of a text, years left out (they are dates), and numbers after `¶` (they
    /// are paragraph references).
    static func numbers(in words: [Word], characters: [Character]) -> [Mention] {
        var mentions: [Mention] = []
        var index = 0
        while index < words.count {
            let word = words[index]
            let lower = word.lower
            if vague.contains(lower) {
                mentions.append(Mention(text: word.text, key: lower, range: word.range))
                index += 1
                continue
            }
            let before = word.range.lowerBound > 0 ? characters[word.range.lowerBound - 1] : " "
            let hasMultiplier = index + 1 < words.count && multipliers[words[index + 1].lower] != nil
            guard before != "¶", !isYear(lower), var total = value(of: lower, beforeMultiplier: hasMultiplier) else {
                index += 1
                continue
            }
            var end = index
            while end + 1 < words.count, let multiplier = multipliers[words[end + 1].lower] {
                total *= multiplier
                end += 1
            }
            let range = word.range.lowerBound..<words[end].range.upperBound
            mentions.append(Mention(text: String(characters: characters[range]), key: key(total), range: range))
            index = end + 1
        }
        return mentions
    }

    /// The calendar dates of a text: years, and month names with the day when one is given
    /// ("September 14", "14 September"). Weekdays are not calendar dates.
    static func dates(in words: [Word], characters: [Character]) -> [Mention] {
        var mentions: [Mention] = []
        for (index, word) in words.enumerated() {
            let lower = word.lower
            if isYear(lower) {
                mentions.append(Mention(text: word.text, key: lower, range: word.range))
                continue
            }
            if lower.count == 10, lower.split(separator: "-").map(\.count) == [4, 2, 2] {
                mentions.append(Mention(text: word.text, key: lower, range: word.range))
                continue
            }
            guard word.isCapitalised, let month = months.contains(lower) ? lower : monthAbbreviations[lower] else {
                continue
            }
            func day(_ at: Int) -> Word? {
                guard words.indices.contains(at), let number = Int(words[at].text), (1...31).contains(number) else {
                    return nil
                }
                return words[at]
            }
            if let after = day(index + 1) {
                let range = word.range.lowerBound..<after.range.upperBound
                mentions.append(
                    Mention(text: String(characters: characters[range]), key: "\(month) \(after.text)", range: range))
            } else if let previous = day(index - 1) {
                let range = previous.range.lowerBound..<word.range.upperBound
                mentions.append(
                    Mention(text: String(characters: characters[range]), key: "\(month) \(previous.text)", range: range)
                )
            } else {
                mentions.append(Mention(text: word.text, key: month, range: word.range))
            }
        }
        return mentions
    }
}
