import LedeCore

/// Checks the site's `language` against the syntax of BCP 47 (RFC 5646) language tags:
/// `en`, `en-GB`, `fa`, `zh-Hant-TW`, `es-419`, `sr-Latn-RS`, `x-private`.
///
/// The language subtag must be two or three letters (four- to eight-letter language subtags
/// are reserved and none is registered); the script, region, variants, extensions and private
/// use that may follow are checked for their shape, not looked up in the registry.
enum LanguageTag {
    /// What is wrong with a tag, in words that finish "language …", or `nil` when it is well-formed.
    static func problem(in tag: String) -> String? {
        let example = "a BCP 47 tag such as en, en-GB or zh-Hant-TW"
        if tag.isEmpty { return "is empty: write \(example)" }
        if let bad = tag.unicodeScalars.first(where: { !isAlphanumeric($0) && $0 != "-" }) {
            let joined = String(tag.map { $0 == " " || $0 == "_" ? "-" : $0 })
            if bad == " " || bad == "_", isWellFormed(joined) {
                let what = bad == " " ? "spaces" : "'_'"
                return "'\(tag)' is not a BCP 47 tag: join its parts with '-', not \(what) (\(joined))"
            }
            let shown = bad.properties.generalCategory == .control ? Diagnostic.codePoint(bad) : "\(bad)"
            return "'\(tag)' is not a BCP 47 tag: it holds '\(shown)'; write \(example)"
        }
        guard isWellFormed(tag) else { return "'\(tag)' is not \(example)" }
        return nil
    }

    static func isWellFormed(_ tag: String) -> Bool {
        let parts = tag.split(separator: "-", omittingEmptySubsequences: false).map { Array($0.unicodeScalars) }
        guard parts.allSatisfy({ !$0.isEmpty && $0.count <= 8 && $0.allSatisfy(isAlphanumeric) }) else { return false }
        var index = 0
        func next(_ matches: ([Unicode.Scalar]) -> Bool) -> Bool {
            guard index < parts.count, matches(parts[index]) else { return false }
            index += 1
            return true
        }
        if parts[0] == ["x"] || parts[0] == ["X"] { return isPrivateUse(parts[1...]) }
        guard next({ (2...3).contains($0.count) && $0.allSatisfy(isLetter) }) else { return false }
        for _ in 0..<3 where next({ $0.count == 3 && $0.allSatisfy(isLetter) }) {}  // extended language
        _ = next { $0.count == 4 && $0.allSatisfy(isLetter) }  // script
        _ = next { ($0.count == 2 && $0.allSatisfy(isLetter)) || ($0.count == 3 && $0.allSatisfy(isDigit)) }
        while next({ ($0.count >= 5) || ($0.count == 4 && isDigit($0[0])) }) {}  // variants
        while index < parts.count, parts[index].count == 1, parts[index] != ["x"], parts[index] != ["X"] {
            index += 1  // an extension: a singleton, then one or more subtags of 2 to 8
            guard next({ $0.count >= 2 }) else { return false }
            while next({ $0.count >= 2 }) {}
        }
        if index < parts.count, parts[index] == ["x"] || parts[index] == ["X"] {
            return isPrivateUse(parts[(index + 1)...])
        }
        return index == parts.count
    }

    private static func isPrivateUse(_ parts: ArraySlice<[Unicode.Scalar]>) -> Bool {
        !parts.isEmpty
    }

    private static func isLetter(_ scalar: Unicode.Scalar) -> Bool {
        ("a"..."z").contains(scalar) || ("A"..."Z").contains(scalar)
    }

    private static func isDigit(_ scalar: Unicode.Scalar) -> Bool { ("0"..."9").contains(scalar) }

    private static func isAlphanumeric(_ scalar: Unicode.Scalar) -> Bool { isLetter(scalar) || isDigit(scalar) }
}
