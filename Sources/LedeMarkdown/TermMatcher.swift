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
        /// The matched bytes, as offsets into the text's UTF-8.
        var range: Range<Int>
    }

    /// The spellings as a trie over the UTF-8 bytes of their lower-cased scalars: node 0 is the
    /// root (never a child, so 0 also means "none"); the child of `node` by byte `b` is
    /// `children[node * classCount + byteClasses[b]]`, where class 0 holds every byte no
    /// spelling uses. Matching walks it once from each word start, so its cost is one pass
    /// over the text whatever the number of terms and aliases.
    private let children: [Int32]
    /// Each byte's column in `children`.
    private let byteClasses: [UInt8]
    /// The number of columns per node: the bytes spellings use, plus the class of the rest.
    private let classCount: Int
    /// The term linked by the spelling that ends at each node, or `nil`.
    private let terminals: [String?]
    /// For each ASCII byte, whether a spelling starts with it (in either case).
    private let startsSpelling: [Bool]

    /// Whether there is nothing to match (a site without a glossary).
    var isEmpty: Bool { terminals.count == 1 }

    /// Creates a matcher.
    /// - Parameter terms: Each term's id and the phrases that name it (title, aliases).
    public init(terms: [(id: String, phrases: [String])]) {
        var entries: [(id: String, bytes: [UInt8])] = []
        for term in terms {
            for phrase in term.phrases {
                for spelling in Self.spellings(of: phrase) {
                    var bytes: [UInt8] = []
                    for scalar in spelling.unicodeScalars { bytes.append(contentsOf: Self.lowercased(scalar).utf8) }
                    entries.append((term.id, bytes))
                }
            }
        }
        var classes = [UInt8](repeating: 0, count: 256)
        var classCount = 1
        for entry in entries {
            for byte in entry.bytes where classes[Int(byte)] == 0 {
                classes[Int(byte)] = UInt8(classCount)
                classCount += 1
            }
        }
        var children = [Int32](repeating: 0, count: classCount)
        var terminals: [String?] = [nil]
        for entry in entries {
            var node = 0
            for byte in entry.bytes {
                let slot = node * classCount + Int(classes[Int(byte)])
                if children[slot] != 0 {
                    node = Int(children[slot])
                    continue
                }
                let child = terminals.count
                terminals.append(nil)
                children.append(contentsOf: repeatElement(0, count: classCount))
                children[slot] = Int32(child)
                node = child
            }
            // The first term to claim a spelling keeps it (the glossary reports the clash).
            if node != 0, terminals[node] == nil { terminals[node] = entry.id }
        }
        self.children = children
        self.byteClasses = classes
        self.classCount = classCount
        self.terminals = terminals
        startsSpelling = (0..<128).map { (byte: UInt8) in
            let lower = byte &- 65 < 26 ? byte | 0x20 : byte
            return children[Int(classes[Int(lower)])] != 0
        }
    }

    /// Every spelling of `phrase` the matcher links, as it compares them (lower-cased): the
    /// glossary's check for a phrase claimed by two terms uses exactly this.
    public static func matchedSpellings(of phrase: String) -> [String] {
        spellings(of: phrase).map { spelling in
            var view = String.UnicodeScalarView()
            view.append(contentsOf: spelling.unicodeScalars.lazy.map(lowercased))
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

    /// A scalar as the matcher compares it: its lower-case form where that is one scalar.
    @inline(__always)
    static func lowercased(_ scalar: Unicode.Scalar) -> Unicode.Scalar {
        let value = scalar.value
        if value < 0x80 { return (65...90).contains(value) ? Unicode.Scalar(UInt8(value + 32)) : scalar }
        // A scalar that lower-cases to another changes when lower-cased; the check is a table
        // look-up, while the mapping builds a string (smart quotes and dashes are common).
        guard scalar.properties.changesWhenLowercased else { return scalar }
        let lower = scalar.properties.lowercaseMapping.unicodeScalars
        guard lower.count == 1, let first = lower.first else { return scalar }
        return first
    }

    /// The trie node reached from `node` by the lower-cased bytes of `scalar`, or 0.
    @inline(__always)
    private func child(of node: Int, _ scalar: Unicode.Scalar) -> Int {
        let lower = Self.lowercased(scalar)
        if lower.value < 0x80 { return Int(children[node &* classCount &+ Int(byteClasses[Int(lower.value)])]) }
        var node = node
        for byte in lower.utf8 {
            node = Int(children[node &* classCount &+ Int(byteClasses[Int(byte)])])
            if node == 0 { break }
        }
        return node
    }

    /// Finds the first match of a term in `text`.
    /// - Parameters:
    ///   - text: The text, as UTF-8.
    ///   - start: The byte offset to start searching at, which counts as the start of a word.
    /// - Returns: The earliest match, the longest at that position; `nil` when none.
    func firstMatch(in text: UnsafeBufferPointer<UInt8>, from start: Int) -> Match? {
        let count = text.count
        var position = start
        var atWordStart = true
        while position < count {
            let byte = text[position]
            if byte < 0x80 {
                // ASCII, nearly all text: inside a word, only its end matters; at a word start,
                // one table look-up tells whether a spelling starts here.
                if atWordStart {
                    if startsSpelling[Int(byte)], let match = longestMatch(in: text, at: position) { return match }
                }
                atWordStart = !UTF8Text.isLetterOrDigit(byte)
                position &+= 1
            } else {
                let (scalar, width) = UTF8Text.scalar(in: text, at: position)
                if atWordStart, let match = longestMatch(in: text, at: position) { return match }
                atWordStart = !Self.isWordCharacter(scalar)
                position &+= width
            }
        }
        return nil
    }

    /// The longest spelling that starts at `start` and ends on a word boundary.
    private func longestMatch(in text: UnsafeBufferPointer<UInt8>, at start: Int) -> Match? {
        let count = text.count
        let (first, width) = UTF8Text.scalar(in: text, at: start)
        var node = child(of: 0, first)
        var end = start + width
        var best: Match?
        while node != 0 {
            guard end < count else {
                if let id = terminals[node] { best = Match(id: id, range: start..<end) }
                break
            }
            let (next, nextWidth) = UTF8Text.scalar(in: text, at: end)
            if let id = terminals[node], !Self.isWordCharacter(next) { best = Match(id: id, range: start..<end) }
            node = child(of: node, next)
            end += nextWidth
        }
        return best
    }

    /// Whether a character continues a word (so a phrase cannot start or end next to it),
    /// judged on its lower-cased form as the trie compares it.
    @inline(__always)
    private static func isWordCharacter(_ scalar: Unicode.Scalar) -> Bool {
        if scalar.isASCII { return UTF8Text.isLetterOrDigit(UInt8(scalar.value)) }
        let lower = lowercased(scalar)
        return lower.properties.isAlphabetic || lower.properties.numericType != nil
    }
}

extension TermMatcher {
    /// Finds the first match in a string (for tests and callers without a C string).
    func firstMatch(in text: String, from start: Int) -> Match? {
        var text = text
        return text.withUTF8 { firstMatch(in: $0, from: start) }
    }
}
