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
        /// The spelling, lower-cased, one Unicode scalar per element.
        var characters: [Unicode.Scalar]
    }

    /// A match of a term in a text.
    struct Match: Equatable {
        /// The term's id.
        var id: String
        /// The matched characters, as offsets into the text's Unicode scalars.
        var range: Range<Int>
    }

    /// Variants by their first lower-cased character, longest first.
    private let variantsByFirstCharacter: [Unicode.Scalar: [Variant]]

    /// Whether there is nothing to match (a site without a glossary).
    var isEmpty: Bool { variantsByFirstCharacter.isEmpty }

    /// Creates a matcher.
    /// - Parameter terms: Each term's id and the phrases that name it (title, aliases).
    public init(terms: [(id: String, phrases: [String])]) {
        var byFirst: [Unicode.Scalar: [Variant]] = [:]
        for term in terms {
            var seen: Set<[Unicode.Scalar]> = []
            for phrase in term.phrases {
                for spelling in Self.spellings(of: phrase) {
                    let characters = Self.lowercased(spelling)
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

    /// Every spelling of `phrase` the matcher links, as it compares them (lower-cased): the
    /// glossary's check for a phrase claimed by two terms uses exactly this.
    public static func matchedSpellings(of phrase: String) -> [String] {
        spellings(of: phrase).map { spelling in
            var view = String.UnicodeScalarView()
            view.append(contentsOf: lowercased(spelling))
            return String(view)
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

    /// A text as the matcher reads it: lower-cased Unicode scalars, with an ASCII fast path
    /// (text is matched on every page of a site, so this must not allocate per character).
    static func lowercased(_ text: String) -> [Unicode.Scalar] {
        var result: [Unicode.Scalar] = []
        result.reserveCapacity(text.utf8.count)
        for scalar in text.unicodeScalars {
            if scalar.isASCII {
                let value = scalar.value
                result.append((65...90).contains(value) ? Unicode.Scalar(value + 32)! : scalar)
            } else {
                let lower = scalar.properties.lowercaseMapping.unicodeScalars
                result.append(lower.count == 1 ? lower.first! : scalar)
            }
        }
        return result
    }

    /// Finds the first match in `text` of a term that `isWanted` accepts.
    /// - Parameters:
    ///   - text: The text, as ``lowercased(_:)`` gives it.
    ///   - start: The offset to start searching at, which counts as the start of a word.
    ///   - isWanted: Whether a term may still be linked.
    /// - Returns: The earliest match, the longest at that position; `nil` when none.
    func firstMatch(in text: [Unicode.Scalar], from start: Int, where isWanted: (String) -> Bool) -> Match? {
        var position = start
        while position < text.count {
            if position == start || !Self.isWordCharacter(text[position - 1]),
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
    private static func isWordCharacter(_ scalar: Unicode.Scalar) -> Bool {
        if scalar.isASCII {
            let value = scalar.value
            return (48...57).contains(value) || (65...90).contains(value) || (97...122).contains(value)
        }
        return scalar.properties.isAlphabetic || scalar.properties.numericType != nil
    }
}
