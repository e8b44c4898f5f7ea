import Foundation
public import LedeCore

/// A YAML value read from front matter or a data file, with the place it was written.
///
/// Every value keeps its ``SourceLocation`` so that a check anywhere later in the build can
/// point the author at the exact line and column.
public struct DataNode: Sendable, Hashable {
    /// The shape of a value.
    public enum Value: Sendable, Hashable {
        /// A scalar as written (YAML's plain, quoted or block scalars).
        case scalar(String, quoted: Bool)
        /// A sequence.
        case list([DataNode])
        /// A mapping, in the order written.
        case map([(key: String, value: DataNode)])

        /// Values are equal when they have the same shape, texts and quoting, in the same order.
        public static func == (lhs: Value, rhs: Value) -> Bool {
            switch (lhs, rhs) {
            case let (.scalar(l, lq), .scalar(r, rq)): l == r && lq == rq
            case let (.list(l), .list(r)): l == r
            case let (.map(l), .map(r)): l.map(\.key) == r.map(\.key) && l.map(\.value) == r.map(\.value)
            default: false
            }
        }

        /// Hashes what ``==(_:_:)`` compares.
        public func hash(into hasher: inout Hasher) {
            switch self {
            case let .scalar(text, quoted): hasher.combine(text); hasher.combine(quoted)
            case let .list(items): hasher.combine(items)
            case let .map(pairs): for pair in pairs { hasher.combine(pair.key); hasher.combine(pair.value) }
            }
        }
    }

    /// The value.
    public var value: Value
    /// Where it starts.
    public var location: SourceLocation
    /// For a block scalar (`notes: >-` and the lines below it), its lines as written, dedented,
    /// and where the first starts: Markdown rendered from this keeps every line's place in the
    /// file, where the folded value has lost them.
    public var block: Block?
    /// For a mapping, where each key is written, in the order of ``members``: a problem with a
    /// key itself (a misspelt one) points at the key, not at its value.
    public var keyLocations: [SourceLocation] = []

    /// The lines of a block scalar as written.
    public struct Block: Sendable, Hashable {
        /// The lines, without their indentation, joined by line breaks.
        public var text: String
        /// Where the first line's text starts; every line starts at this column.
        public var location: SourceLocation

        /// A block as written (the build cache reads them back).
        public init(text: String, location: SourceLocation) {
            self.text = text
            self.location = location
        }
    }

    /// Creates a node.
    public init(_ value: Value, at location: SourceLocation) {
        self.value = value
        self.location = location
    }

    /// The member `key` of a mapping.
    public subscript(key: String) -> DataNode? {
        guard case .map(let pairs) = value else { return nil }
        return pairs.first { $0.key == key }?.value
    }

    /// Where the mapping's key `key` is written; `nil` when there is no such key, or when the
    /// mapping was not read from a file.
    public func keyLocation(_ key: String) -> SourceLocation? {
        guard case .map(let pairs) = value, let index = pairs.firstIndex(where: { $0.key == key }),
            keyLocations.indices.contains(index)
        else { return nil }
        return keyLocations[index]
    }

    /// The mapping's keys in the order written; empty for other values.
    public var keys: [String] {
        guard case .map(let pairs) = value else { return [] }
        return pairs.map(\.key)
    }

    /// The mapping's members in the order written; empty for other values.
    public var members: [(key: String, value: DataNode)] {
        guard case .map(let pairs) = value else { return [] }
        return pairs
    }

    /// Whether this is YAML's null (`~`, `null` or nothing).
    public var isNull: Bool {
        if case .scalar(let text, false) = value { return ["", "~", "null", "Null", "NULL"].contains(text) }
        return false
    }

    /// The scalar's text, or `nil` for lists, mappings and null.
    public var text: String? {
        if case .scalar(let text, _) = value, !isNull { return text }
        return nil
    }

    /// The list's items; a single scalar counts as a one-item list.
    public var items: [DataNode]? {
        switch value {
        case .list(let items): items
        case .scalar: isNull ? [] : [self]
        case .map: nil
        }
    }

    /// A short name for the kind of value, for error messages.
    public var kindName: String {
        switch value {
        case .scalar: isNull ? "null" : "a scalar"
        case .list: "a list"
        case .map: "a mapping"
        }
    }
}

extension DataNode {
    /// The text of a required scalar.
    /// - Throws: ``DiagnosticError`` at this node when the value is not a non-empty scalar.
    public func requireText(_ what: String) throws -> String {
        // What `trimmingCharacters(in: .whitespaces).isEmpty` says, without the bridging.
        guard let text, text.unicodeScalars.contains(where: { !CharacterSet.whitespaces.contains($0) }) else {
            throw DiagnosticError(Diagnostic(at: location, "\(what) must be text, found \(kindName)"))
        }
        return text
    }

    /// The value as a boolean (`true`/`false`, YAML 1.2 core schema).
    /// - Throws: ``DiagnosticError`` when it is something else.
    public func requireBool(_ what: String) throws -> Bool {
        switch (value, text) {
        case (.scalar(_, false), "true"?), (.scalar(_, false), "True"?): return true
        case (.scalar(_, false), "false"?), (.scalar(_, false), "False"?): return false
        default: throw DiagnosticError(Diagnostic(at: location, "\(what) must be true or false"))
        }
    }

    /// The value as an integer in `range`.
    ///
    /// Only plain decimal digits with an optional sign count (`12`, `-3`); `1.5`, `0x10`,
    /// `"12"` and numbers too large for `Int` are errors, never traps.
    /// - Throws: ``DiagnosticError`` when it is something else or outside `range`.
    public func requireInt(_ what: String, in range: ClosedRange<Int> = Int.min...Int.max) throws -> Int {
        guard case .scalar(let text, false) = value, let digits = Self.decimalDigits(text) else {
            let found = self.text.map { "'\($0)'" } ?? kindName
            throw DiagnosticError(Diagnostic(at: location, "\(what) must be a whole number, found \(found)"))
        }
        guard let number = Int(digits), range.contains(number) else {
            throw DiagnosticError(
                Diagnostic(
                    at: location,
                    "\(what) must be a whole number from \(range.lowerBound) to \(range.upperBound), found \(text)"))
        }
        return number
    }

    /// The error for a required key this mapping lacks: at the key that looks like a
    /// misspelling of it, naming that key, when there is one (`shrt:` for `short`), else at
    /// the mapping.
    /// - Parameters:
    ///   - key: The required key.
    ///   - message: What is missing and why (`glossary term needs 'short': …`).
    ///   - known: The keys the mapping may have: none of them is taken for a misspelling.
    public func missingKey(_ key: String, _ message: String, known: Set<String>) -> Diagnostic {
        for (index, written) in keys.enumerated() where !known.contains(written) {
            guard NearMiss.suggestion(for: written, among: [key]) != nil else { continue }
            let at = keyLocations.indices.contains(index) ? keyLocations[index] : location
            return Diagnostic(at: at, "\(message) (found '\(written)': did you mean '\(key)'?)")
        }
        return Diagnostic(at: location, message)
    }

    /// The text without a leading `+` when it is an optional sign followed by ASCII digits.
    private static func decimalDigits(_ text: String) -> String? {
        var body = Substring(text)
        if body.first == "+" || body.first == "-" { body = body.dropFirst() }
        guard !body.isEmpty, body.utf8.allSatisfy({ (0x30...0x39).contains($0) }) else { return nil }
        return text.hasPrefix("+") ? String(text.dropFirst()) : text
    }

    /// The value as a list of texts (a single text counts as a one-item list).
    /// - Throws: ``DiagnosticError`` when an item is not text.
    public func requireTextList(_ what: String) throws -> [(text: String, location: SourceLocation)] {
        guard let items else {
            throw DiagnosticError(Diagnostic(at: location, "\(what) must be a list, found \(kindName)"))
        }
        return try items.map { (try $0.requireText("each item of \(what)"), $0.location) }
    }
}

extension DataNode: StableHashable {
    /// Feeds the value (its shape, texts and quoting, in order), the locations and the block.
    public func combine(into hasher: inout StableHasher) {
        switch value {
        case let .scalar(text, quoted):
            hasher.combine(1)
            hasher.combine(text)
            hasher.combine(quoted ? 1 : 0)
        case let .list(items):
            hasher.combine(2)
            hasher.combine(items.count)
            for item in items { item.combine(into: &hasher) }
        case let .map(pairs):
            hasher.combine(3)
            hasher.combine(pairs.count)
            for pair in pairs {
                hasher.combine(pair.key)
                pair.value.combine(into: &hasher)
            }
        }
        location.combine(into: &hasher)
        if let block {
            hasher.combine(1)
            hasher.combine(block.text)
            block.location.combine(into: &hasher)
        } else {
            hasher.combine(0)
        }
        hasher.combine(keyLocations.count)
        for location in keyLocations { location.combine(into: &hasher) }
    }
}
