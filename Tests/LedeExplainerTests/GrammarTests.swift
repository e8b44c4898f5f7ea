import LedeContent
import Testing

@testable import LedeExplainer

@Suite struct GrammarTests {
    @Test(arguments: [
        ("senior Iranian officials", true), ("a U.S. official familiar with the plans", false), ("people", true),
        ("press", false), ("Iranian sources", true), ("official", false), ("two officials involved in the talks", true),
        ("a spokesperson for the ministry", false), ("police", true), ("the news", false), ("council aide", false),
        ("staff", true), ("analysis", false), ("a lawyer close to the family", false),
    ])
    func pluralOfNounPhrases(_ phrase: String, _ plural: Bool) {
        #expect(Grammar.isPlural(nounPhrase: phrase) == plural)
    }

    @Test func emptyPhraseHasNoNumber() {
        #expect(Grammar.isPlural(nounPhrase: "") == nil)
        #expect(Grammar.isPlural(nounPhrase: "  ") == nil)
    }

    @Test func articles() {
        #expect(Grammar.article(for: "U.S. official") == "a")
        #expect(Grammar.article(for: "Iranian official") == "an")
        #expect(Grammar.article(for: "senior official") == "a")
        #expect(Grammar.article(for: "official") == "an")
    }

    @Test func numberWords() {
        #expect(Grammar.numberWord(2) == "two")
        #expect(Grammar.numberWord(12) == "twelve")
        #expect(Grammar.numberWord(13) == "13")
    }

    func entry(_ yaml: String) throws -> SourceEntry {
        try SourceEntry(id: "x", node: DataReader.parse(yaml, at: linkLocation))
    }

    @Test func countedDescriptions() throws {
        let two = try entry("kind: official\ncount: 2\ndescription: senior Iranian officials")
        #expect(two.countedDescription == "two senior Iranian officials")
        let one = try entry("kind: official\ncount: 1\ndescription: U.S. official familiar with the plans")
        #expect(one.countedDescription == "a U.S. official familiar with the plans")
        let unknown = try entry("kind: other\ndescription: Iranian sources")
        #expect(unknown.countedDescription == "Iranian sources")
    }
}
