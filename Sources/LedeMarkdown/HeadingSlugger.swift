/// Makes GitHub-style heading ids, unique within one document.
///
/// Like `github-slugger`: lower-cased, punctuation dropped except `-` and `_`, each space
/// becomes `-`, Unicode letters, marks and digits kept. A heading with nothing left is
/// `section`. A repeated id gets `-1`, `-2`, … appended.
struct HeadingSlugger {
    /// How many times each base id was handed out, minus one.
    private var occurrences: [String: Int] = [:]

    /// The id for a heading with plain text `text`.
    mutating func id(for text: String) -> String {
        let base = Self.slug(text)
        var candidate = base
        while occurrences[candidate] != nil {
            let next = occurrences[base, default: 0] + 1
            occurrences[base] = next
            candidate = "\(base)-\(next)"
        }
        occurrences[candidate] = 0
        return candidate
    }

    /// The id before de-duplication.
    static func slug(_ text: String) -> String {
        var slug = String.UnicodeScalarView()
        for scalar in text.trimmed().lowercased().unicodeScalars {
            if scalar == " " {
                slug.append("-")
            } else if scalar == "-" || scalar == "_" || isKept(scalar) {
                slug.append(scalar)
            }
        }
        return slug.isEmpty ? "section" : String(slug)
    }

    /// Letters, marks and numbers stay in an id; everything else is punctuation or symbols.
    private static func isKept(_ scalar: Unicode.Scalar) -> Bool {
        if scalar.isASCII { return UTF8Text.isLetterOrDigit(UInt8(scalar.value)) }
        return switch scalar.properties.generalCategory {
        case .uppercaseLetter, .lowercaseLetter, .titlecaseLetter, .modifierLetter, .otherLetter,
            .nonspacingMark, .spacingMark, .enclosingMark,
            .decimalNumber, .letterNumber, .otherNumber:
            true
        default:
            false
        }
    }
}
