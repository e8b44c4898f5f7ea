import Foundation
import LedeCore
import Testing

@testable import LedeContent
@testable import LedeExplainer

/// The bundled report, paragraph by paragraph, as the claim checks read it.
enum BundledReport {
    static let paragraphs: [SourceParagraph] = {
        let file = URL(fileURLWithPath: #filePath).deletingLastPathComponent().deletingLastPathComponent()
            .deletingLastPathComponent().appendingPathComponent("seeds/000_98aef5d54b25b39a.txt")
        let text = (try? String(contentsOf: file, encoding: .utf8)) ?? ""
        let paragraphs = SourceDocument.paragraphs(of: text)
        let document = CitedDocument(texts: paragraphs.map(\.text))
        return paragraphs.map { SourceParagraph(label: "¶\($0.number)", text: $0.text, document: document) }
    }()

    static func cite(_ numbers: [Int]) -> [SourceParagraph] {
        numbers.compactMap { paragraphs.indices.contains($0 - 1) ? paragraphs[$0 - 1] : nil }
    }
}

/// The messages of a claim's findings.
func findings(
    _ text: String, _ kind: Claim.Kind = .sentence, citing numbers: [Int], paragraphs: [SourceParagraph]? = nil,
    attributedTo: [String] = [], certaintySaysDoubt: Bool = false, before: String? = nil, after: String? = nil,
    knownPhrases: [String] = []
) -> [String] {
    let claim = Claim(
        kind: kind, text: text, location: SourceLocation(path: "Content/x.md", line: 1, column: 1),
        cited: paragraphs ?? BundledReport.cite(numbers), before: before, after: after, attributedTo: attributedTo,
        certaintySaysDoubt: certaintySaysDoubt)
    return ClaimChecker(knownPhrases: knownPhrases).findings(for: claim).map(\.message)
}

@Suite struct ClaimCheckTests {
    @Test func theReportIsRead() {
        #expect(BundledReport.paragraphs.count == 11)
    }

    // MARK: Numbers

    @Test func numbersInTheParagraphPass() {
        #expect(
            findings("The administration deported roughly 100 Iranian migrants, officials said.", citing: [1]) == [])
        #expect(findings("The U.S. had deported just over two dozen Iranians in 2024.", citing: [6]) == [])
    }

    @Test func aNumberTheParagraphDoesNotGive() {
        #expect(
            findings("The administration deported roughly 120 Iranian migrants, officials said.", citing: [1]) == [
                "the sentence gives the number \"120\", which is not in ¶1"
            ])
        #expect(
            findings("The U.S. had deported just over three dozen Iranians in 2024.", citing: [6]) == [
                "the sentence gives the number \"three dozen\", which is not in ¶6"
            ])
        #expect(
            findings("All three spoke anonymously.", citing: [1]) == [
                "the sentence gives the number \"three\", which is not in ¶1"
            ])
    }

    /// "36 inches" restates "a 36-inch main" (new-user trial: it was a finding).
    @Test func aNumberJoinedToItsUnitInTheParagraph() {
        let main = [
            SourceParagraph(label: "¶1", text: "A 36-inch water main broke under Elm Street, a three-year-old pipe.")
        ]
        #expect(
            findings("The main that broke was 36 inches wide, city officials said.", citing: [], paragraphs: main) == []
        )
        #expect(findings("The pipe was three years old.", citing: [], paragraphs: main) == [])
        #expect(
            findings("The main was 38 inches wide.", citing: [], paragraphs: main) == [
                "the sentence gives the number \"38\", which is not in ¶1"
            ])
    }

    @Test func numbersWrittenInDigitsWordsAndScores() {
        let vote = [
            SourceParagraph(label: "¶1", text: "The council voted 5 to 2 to spend 1,200 dollars on two hundred trees.")
        ]
        #expect(findings("The vote was 5 to 2.", citing: [], paragraphs: vote) == [])
        #expect(findings("It spends 1,200 dollars on 200 trees.", citing: [], paragraphs: vote) == [])
        #expect(
            findings("The vote was 5 to 3, for 1,300 dollars.", citing: [], paragraphs: vote) == [
                "the sentence gives the number \"3\", which is not in ¶1",
                "the sentence gives the number \"1,300\", which is not in ¶1",
            ])
    }

    @Test func paragraphReferencesAndOneAreNotNumbers() {
        #expect(findings("One official said so, as ¶9 tells.", citing: [9]) == [])
    }

    // MARK: Quotations

    @Test func aQuotationFoundWordForWord() {
        #expect(findings("Some expressed “outright fear”.", citing: [9]) == [])
        #expect(findings("The report says \"some\" consented \"while others did not\".", citing: [7]) == [])
        #expect(findings("Only \"some … while others did not\", the report says.", citing: [7]) == [])
    }

    @Test func aQuotationWithAWordDropped() {
        #expect(
            findings("Many expressed “disappointment and, in some cases, fear”.", citing: [9]) == [
                "the sentence quotes \"disappointment and, in some cases, fear\", which is not word for word in ¶9"
            ])
    }

    @Test func aQuotationOfWordsTheReportDoesNotUse() {
        #expect(
            findings("The report calls this an \"asylum judge\" and a \"refugee court\".", citing: [7]) == [
                "the sentence quotes \"refugee court\", which is not word for word in ¶7"
            ])
    }

    // MARK: Dates

    @Test func aYearInTheParagraph() {
        #expect(findings("In 2024 the U.S. deported just over two dozen Iranians.", citing: [6]) == [])
    }

    @Test func aDateTheParagraphDoesNotGive() {
        #expect(
            findings("The flight left Louisiana on Monday evening, September 29, 2025.", citing: [2]).prefix(2) == [
                "the sentence gives the number \"29\", which is not in ¶2",
                "the sentence gives the date \"September 29\", which is not in ¶2",
            ])
        #expect(
            findings("Earlier in 2025, a group was deported to Costa Rica and Panama.", citing: [3]) == [
                "the sentence gives the date \"2025\", which is not in ¶3"
            ])
    }

    // MARK: Names

    @Test func namesInTheParagraph() {
        #expect(findings("A group was deported to Costa Rica and Panama.", citing: [3]) == [])
        #expect(findings("The sanctions of the U.N. Security Council took effect on Saturday.", citing: [10]) == [])
        #expect(
            findings(
                "It was cooperation between the United States and Iran, according to the Iranian officials.",
                citing: [8]) == [])
        #expect(findings("Many of the returning Iranians expressed disappointment.", citing: [9]) == [])
    }

    @Test func aNameTheParagraphDoesNotGive() {
        #expect(
            findings("A group was deported to Costa Rica and Mexico.", citing: [3]) == [
                "the sentence names \"Mexico\", which is not in ¶3"
            ])
        #expect(
            findings("Iranian sources said the flight left Louisiana for Tehran.", citing: [2]) == [
                "the sentence names \"Tehran\", which is not in ¶2"
            ])
    }

    @Test func termsAndTheSiteTitleAreNotNamesToCheck() {
        #expect(
            findings("A group was deported to Costa Rica, says the Iran Deportations Desk.", citing: [3]) == [
                "the sentence names \"Iran Deportations Desk\", which is not in ¶3"
            ])
        #expect(
            findings(
                "A group was deported to Costa Rica, says the Iran Deportations Desk.", citing: [3],
                knownPhrases: ["Iran Deportations Desk"]) == [])
    }

    // MARK: Hedges and attribution: the review's examples

    @Test func theTitleDropsSomeAndReportedly() {
        #expect(
            findings("Deportees held in detention for months", .title, citing: [7]) == [
                "the title drops \"some\" that ¶7 carries", "the title drops \"reportedly\" that ¶7 carries",
            ])
        #expect(findings("Some deportees reportedly held in detention for months", .title, citing: [7]) == [])
    }

    @Test func mostIsNotNearlyAll() {
        #expect(
            findings(
                "In most cases, asylum requests had been denied or not yet heard, the Iranian officials said.",
                citing: [7]) == ["the sentence drops \"nearly\" that ¶7 carries"])
        #expect(
            findings(
                "In almost all cases, asylum requests had been denied or not yet heard, the Iranian officials said.",
                citing: [7]) == [])
    }

    @Test func theReportSaysIsNotTheOfficialsSay() {
        #expect(
            findings("The report says the deportation followed several months of negotiations.", citing: [8]) == [
                "the sentence drops \"according to the Iranian officials\" that ¶8 carries"
            ])
        #expect(
            findings(
                "The deportation followed several months of negotiations, according to the Iranian officials.",
                citing: [8]) == [])
        #expect(
            findings("Iranian officials: the U.S. and Iran negotiated for several months", .title, citing: [8]) == [])
    }

    @Test func outrightDropped() {
        #expect(
            findings("Many of those returning expressed disappointment and, in some cases, fear.", citing: [9]) == [
                "the sentence drops \"outright\" that ¶9 carries"
            ])
        #expect(
            findings("Many of those returning expressed disappointment and, in some cases, outright fear.", citing: [9])
                == [])
    }

    @Test func aClaimOnlyCarriesTheHedgesOfTheSentenceItRestates() {
        // ¶7's "reportedly" belongs to its second sentence, not to the men and women.
        #expect(
            findings(
                "The Iranian officials said the deportees included men and women, among them several couples.",
                citing: [7])
                == [])
        #expect(
            findings(
                "The deportees included men and women, among them couples, the Iranian officials said.", citing: [7])
                == ["the sentence drops \"several\" that ¶7 carries"])
        // The report's own comment after a leading attribution ("…, marking …") is not the official's.
        #expect(
            findings("The report calls the flight a notable development in diplomatic relations.", citing: [2]) == [])
    }

    @Test func aHedgeOnANumberBindsOnlyAClaimThatGivesTheNumber() {
        #expect(
            findings(
                "The administration deported 100 Iranian migrants, two senior Iranian officials said.", citing: [1])
                == ["the sentence drops \"roughly\" that ¶1 carries"])
        #expect(findings("The 2024 deportations are the only event with a year the report states.", citing: [6]) == [])
    }

    @Test func attributionKeptBesideTheClaim() {
        let claim = "The deportation followed several months of negotiations."
        #expect(
            findings(claim, citing: [8]) == [
                "the sentence drops \"according to the Iranian officials\" that ¶8 carries"
            ])
        #expect(findings(claim, citing: [8], attributedTo: ["senior Iranian officials"]) == [])
        #expect(findings(claim, citing: [8], attributedTo: ["U.S. official"]) == [])
        #expect(
            findings(
                "They said it followed several months of negotiations.", citing: [8],
                before: "The Iranian officials spoke.")
                == [])
        #expect(
            findings(
                "The administration deported roughly 100 Iranian migrants to Iran.", citing: [1],
                after: "This comes from two senior Iranian officials.") == [])
        #expect(
            findings("The administration deported roughly 100 Iranian migrants to Iran.", citing: [1]) == [
                "the sentence drops \"This information comes from two senior Iranian officials\" that ¶1 carries"
            ])
    }

    @Test func anEventsCertaintySaysDoubtButNotQuantity() {
        let claim = "Deportees consented to leave after being held in detention centers for months."
        #expect(
            findings(claim, citing: [7], certaintySaysDoubt: true) == ["the sentence drops \"some\" that ¶7 carries"])
        #expect(
            findings(claim, citing: [7]) == [
                "the sentence drops \"some\" that ¶7 carries", "the sentence drops \"reportedly\" that ¶7 carries",
            ])
    }

    @Test func sentencesThatRestateNothing() {
        #expect(
            findings("The report does not say how many consented to leave after months in detention.", citing: [7])
                == [])
        #expect(findings("Whether the flight reached Iran via Qatar.", citing: [2]) == [])
    }

    // MARK: Statements that cite nothing

    @Test func statementsThatCiteNothing() {
        #expect(ClaimReader.statesSomething("The report does not say how many agreed to leave."))
        #expect(!ClaimReader.statesSomething("Changes to this explainer are logged on the updates page."))
        #expect(!ClaimReader.statesSomething("That ordering is our reading."))
        #expect(!ClaimReader.statesSomething("Whether the flight arrived."))
    }
}
