import Foundation
import LedeContent
import LedeCore
import LedeMarkdown

extension GlossaryTerm {
    /// One phrase that links to a term, with where it is written.
    struct Phrase {
        /// `title`, `alias` or `abbreviation`.
        var kind: String
        /// As written.
        var text: String
        /// Where it is written.
        var location: SourceLocation
    }

    /// The term's title, aliases and abbreviation, with where each is written.
    var writtenPhrases: [Phrase] {
        let front = page.frontMatter
        var result = [Phrase(kind: "title", text: name, location: front["title"]?.location ?? page.fileLocation)]
        for (alias, location) in zip(aliases, aliasLocations) {
            result.append(Phrase(kind: "alias", text: alias, location: location))
        }
        if let abbreviation {
            result.append(
                Phrase(kind: "abbreviation", text: abbreviation, location: front["abbr"]?.location ?? page.fileLocation)
            )
        }
        return result
    }

    /// Reports every phrase that would link to two terms: a title, alias or abbreviation that
    /// another term also uses, compared the way the glossary matcher reads text (ignoring case,
    /// and with the plurals it links: `s`, `es`, `y` → `ies`).
    /// - Parameters:
    ///   - terms: Every term of the site.
    ///   - bag: Where each clash is reported, at the later phrase, naming the earlier one.
    static func checkPhrases(of terms: [GlossaryTerm], bag: inout DiagnosticBag) {
        var owners: [String: (term: GlossaryTerm, phrase: Phrase)] = [:]
        for term in terms.sorted(by: { $0.page.sourcePath < $1.page.sourcePath }) {
            var clashes: Set<String> = []
            for phrase in term.writtenPhrases {
                let spellings = TermMatcher.matchedSpellings(of: phrase.text)
                if let (other, earlier) = spellings.lazy.compactMap({ owners[$0] }).first(where: {
                    $0.term.id != term.id
                }),
                    clashes.insert(other.id + "\u{0}" + phrase.text).inserted
                {
                    bag.add(
                        Diagnostic(
                            at: phrase.location,
                            "\(phrase.kind) '\(phrase.text)' is also the \(earlier.kind) '\(earlier.text)' of the term '\(other.id)' at \(earlier.location): a phrase can link to only one term"
                        ))
                }
                for spelling in spellings where owners[spelling] == nil { owners[spelling] = (term, phrase) }
            }
        }
    }

}
