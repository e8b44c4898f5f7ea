/// A phrase-to-term matcher for glossary first-use links.
///
/// Matching is case-insensitive and on word boundaries. Each phrase also matches its simple
/// plurals (`+s`, `+es`, `y` → `ies`); other inflections are listed by the caller as phrases.
/// Where several phrases match at one position, the longest wins.
public struct TermMatcher: Sendable {
    /// A match of a term in a text.
    struct Match: Equatable {
        /// The term's id.
        var id: String
        /// The matched characters, as offsets into the text's Unicode scalars.
        var range: Range<Int>
    }

    /// The spellings as a trie over lower-cased Unicode scalars: node 0 is the root; a node's
    /// children are found in `asciiChildren` (128 slots per node, 0 for none: the root is never
    /// a child) or, for other scalars, in `otherChildren`. Matching walks it once from each word
    /// start, so its cost is one pass over the text whatever the number of terms and aliases.
    private let asciiChildren: [Int32]
    private let otherChildren: [UInt64: Int32]
    /// The term linked by the spelling that ends at each node, or `nil`.
    private let terminals: [String?]

    /// Whether there is nothing to match (a site without a glossary).
    var isEmpty: Bool { terminals.count == 1 }

    /// Creates a matcher.
    /// - Parameter terms: Each term's id and the phrases that name it (title, aliases).
    public init(terms: [(id: String, phrases: [String])]) {
        var ascii = [Int32](repeating: 0, count: 128)
        var other: [UInt64: Int32] = [:]
        var terminals: [String?] = [nil]
        for term in terms {
            for phrase in term.phrases {
                for spelling in Self.spellings(of: phrase) {
                    var node = 0
                    for scalar in Self.lowercased(spelling) {
                        let existing =
                            scalar.value < 128
                            ? Int(ascii[node * 128 + Int(scalar.value)])
                            : Int(other[UInt64(node) << 32 | UInt64(scalar.value)] ?? 0)
                        if existing != 0 {
                            node = existing
                            continue
                        }
                        let child = terminals.count
                        terminals.append(nil)
                        ascii.append(contentsOf: repeatElement(0, count: 128))
                        if scalar.value < 128 {
                            ascii[node * 128 + Int(scalar.value)] = Int32(child)
                        } else {
                            other[UInt64(node) << 32 | UInt64(scalar.value)] = Int32(child)
                        }
                        node = child
                    }
                    // The first term to claim a spelling keeps it (the glossary reports the clash).
                    if node != 0, terminals[node] == nil { terminals[node] = term.id }
                }
            }
        }
        asciiChildren = ascii
        otherChildren = other
        self.terminals = terminals
    }

    /// The trie node reached from `node` by `scalar`, or 0.
    @inline(__always)
    private func child(of node: Int, _ scalar: Unicode.Scalar) -> Int {
        let value = scalar.value
        if value < 128 { return Int(asciiChildren[node &* 128 &+ Int(value)]) }
        return Int(otherChildren[UInt64(node) << 32 | UInt64(value)] ?? 0)
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

    /// Finds the first match of a term in `text`.
    /// - Parameters:
    ///   - text: The text, as ``lowercased(_:)`` gives it.
    ///   - start: The offset to start searching at, which counts as the start of a word.
    /// - Returns: The earliest match, the longest at that position; `nil` when none.
    func firstMatch(in text: [Unicode.Scalar], from start: Int) -> Match? {
        let count = text.count
        var position = start
        while position < count {
            if position == start || !Self.isWordCharacter(text[position - 1]) {
                var node = 0
                var end = position
                var best: Match?
                while end < count {
                    node = child(of: node, text[end])
                    if node == 0 { break }
                    end += 1
                    if let id = terminals[node], end == count || !Self.isWordCharacter(text[end]) {
                        best = Match(id: id, range: position..<end)
                    }
                }
                if let best { return best }
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
