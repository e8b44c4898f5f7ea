/// A phrase-to-term matcher for glossary first-use links.
///
/// Matching is case-insensitive and on word boundaries. Each phrase also matches its simple
/// plurals (`+s`, `+es`, `y` → `ies`); other inflections are listed by the caller as phrases.
/// Where several phrases match at one position, the longest wins.
public struct TermMatcher: Sendable {
    /// One spelling that links to a term.
    struct Variant: Sendable {
        /// The term's id.
        var id: String
        /// The spelling, one lower-cased `Character` per element.
        var characters: [String]
    }

    /// A match of a term in a text.
    struct Match: Equatable {
        /// The term's id.
        var id: String
        /// The matched characters, as offsets into the text's `Character`s.
        var range: Range<Int>
    }

    /// Variants by their first lower-cased character, longest first.
    private let variantsByFirstCharacter: [String: [Variant]]

    /// Creates a matcher.
    /// - Parameter terms: Each term's id and the phrases that name it (title, aliases).
    public init(terms: [(id: String, phrases: [String])]) {
        var byFirst: [String: [Variant]] = [:]
        for term in terms {
            var seen: Set<[String]> = []
            for phrase in term.phrases {
                for spelling in Self.spellings(of: phrase) {
                    let characters = spelling.map { $0.lowercased() }
                    guard let first = characters.first, seen.insert(characters).inserted else { continue }
                    byFirst[first, default: []].append(Variant(id: term.id, characters: characters))
                }
            }
        }
        // A stable sort keeps the caller's order between equally long phrases.
        variantsByFirstCharacter = byFirst.mapValues { variants in
            variants.enumerated()
                .sorted { ($1.element.characters.count, $0.offset) < ($0.element.characters.count, $1.offset) }
                .map(\.element)
        }
    }

    /// The phrase and its simple plurals.
    private static func spellings(of phrase: String) -> [String] {
        let trimmed = phrase.trimmed()
        guard !trimmed.isEmpty else { return [] }
        var result = [trimmed, trimmed + "s", trimmed + "es"]
        if trimmed.last == "y" || trimmed.last == "Y" {
            result.append(trimmed.dropLast() + "ies")
        }
        return result
    }

    /// Finds the first match in `text` of a term that `isWanted` accepts.
    /// - Parameters:
    ///   - text: The text, as lower-cased characters (`text.map { $0.lowercased() }`).
    ///   - start: The offset to start searching at.
    ///   - isWanted: Whether a term may still be linked.
    /// - Returns: The earliest match, the longest at that position; `nil` when none.
    func firstMatch(in text: [String], from start: Int, where isWanted: (String) -> Bool) -> Match? {
        var position = start
        while position < text.count {
            if position == 0 || !Self.isWordCharacter(text[position - 1]),
                let candidates = variantsByFirstCharacter[text[position]]
            {
                for variant in candidates where isWanted(variant.id) {
                    let end = position + variant.characters.count
                    guard end <= text.count, end == text.count || !Self.isWordCharacter(text[end]),
                        text[position..<end].elementsEqual(variant.characters)
                    else { continue }
                    return Match(id: variant.id, range: position..<end)
                }
            }
            position += 1
        }
        return nil
    }

    /// Whether a character continues a word (so a phrase cannot start or end next to it).
    private static func isWordCharacter(_ character: String) -> Bool {
        character.first.map { $0.isLetter || $0.isNumber } ?? false
    }
}
