/// The direction a language is written in, from its BCP 47 tag: `dir` on `<html>`.
public enum TextDirection: String, Sendable {
    /// Left to right.
    case ltr
    /// Right to left.
    case rtl

    /// Scripts written right to left (ISO 15924).
    private static let rightToLeftScripts: Set<String> = [
        "adlm", "arab", "aran", "hebr", "mand", "mend", "nkoo", "rohg", "samr", "syrc", "thaa", "yezi",
    ]
    /// Languages whose usual script is written right to left, when the tag names no script.
    private static let rightToLeftLanguages: Set<String> = [
        "ar", "arc", "ckb", "dv", "fa", "he", "iw", "ji", "ks", "pnb", "prs", "ps", "sd", "syr", "ug", "ur", "yi",
    ]

    /// The direction of a language tag: its script subtag decides when there is one
    /// (`az-Arab` is right to left, `ku-Latn` left to right), else its language subtag
    /// (`fa`, `ar-EG`, `he`).
    /// - Parameter language: A well-formed BCP 47 tag.
    public init(language: String) {
        let subtags = language.lowercased().split(separator: "-").map(String.init)
        guard let primary = subtags.first else {
            self = .ltr
            return
        }
        // The script is the first four-letter subtag before any region or variant; extended
        // language subtags (three letters) may come between.
        for subtag in subtags.dropFirst() {
            if subtag.count == 4, subtag.allSatisfy(\.isLetter) {
                self = Self.rightToLeftScripts.contains(subtag) ? .rtl : .ltr
                return
            }
            if subtag.count != 3 || !subtag.allSatisfy(\.isLetter) { break }
        }
        self = Self.rightToLeftLanguages.contains(primary) ? .rtl : .ltr
    }
}
