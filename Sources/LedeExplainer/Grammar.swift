/// The little English the checks and labels need.
enum Grammar {
    /// Whether a noun phrase is plural, judged by its head noun: the last word before a
    /// post-modifier ("official familiar with the plans" → "official").
    /// - Returns: `nil` when the phrase is empty.
    static func isPlural(nounPhrase: String) -> Bool? {
        let modifiers: Set<String> = [
            "of", "from", "with", "in", "involved", "familiar", "who", "that", "at", "on", "for", "close", "briefed",
            "speaking",
        ]
        var words: [String] = []
        for word in nounPhrase.lowercased().split(separator: " ") {
            let clean = word.filter { $0.isLetter || $0 == "-" || $0 == "." }
            if modifiers.contains(clean), !words.isEmpty { break }
            if !clean.isEmpty { words.append(clean) }
        }
        guard let head = words.last else { return nil }
        let irregularPlurals: Set<String> = ["people", "men", "women", "children", "police", "staff"]
        if irregularPlurals.contains(head) { return true }
        let singularEndings = ["ss", "us", "is", "news"]
        if singularEndings.contains(where: head.hasSuffix) { return false }
        return head.hasSuffix("s")
    }

    /// "a" or "an" for a phrase (by its first letter; "U.S." takes "a").
    static func article(for phrase: String) -> String {
        guard let first = phrase.lowercased().first else { return "a" }
        if phrase.hasPrefix("U.") || phrase.hasPrefix("un") && phrase.hasPrefix("uni") { return "a" }
        return "aeio".contains(first) ? "an" : "a"
    }

    /// "two", "three", … up to twelve; digits beyond.
    static func numberWord(_ number: Int) -> String {
        let words = [
            "zero", "one", "two", "three", "four", "five", "six", "seven", "eight", "nine", "ten", "eleven", "twelve",
        ]
        return words.indices.contains(number) ? words[number] : String(number)
    }
}
