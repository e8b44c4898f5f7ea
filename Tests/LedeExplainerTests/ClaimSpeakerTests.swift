import Foundation
import LedeCore
import Testing

@testable import LedeExplainer

/// The paragraphs of one document with the given texts, "¶1" onwards.
func paragraphs(of texts: [String]) -> [SourceParagraph] {
    let document = CitedDocument(texts: texts)
    return texts.enumerated().map { SourceParagraph(label: "¶\($0.offset + 1)", text: $0.element, document: document) }
}

/// Quotations a claim gives to someone other than the speaker its paragraph names: a newcomer's
/// report on a nurses' strike, where speakers are named once in full and then by surname.
@Suite struct ClaimSpeakerTests {
    /// The report: Hale is named in full with his role in ¶2, Okafor in ¶1.
    static let report: [SourceParagraph] = {
        let texts = [
            "Nurses at three hospitals walked out on Monday, said Grace Okafor, president of the nurses' union.",
            "Martin Hale, chief executive of the health authority, said the offer would stand.",
            "Okafor told reporters: \"Our members are exhausted.\"",
            "The union's members voted on Tuesday.",
            "The authority raised its offer on Wednesday. \"This offer is fair and it is affordable,\" Hale said.",
        ]
        return paragraphs(of: texts)
    }()

    static func cite(_ number: Int) -> [SourceParagraph] { [report[number - 1]] }

    @Test func aSurnameNextToTheQuoteNamesItsSpeaker() {
        let quote = "\"This offer is fair and it is affordable,\""
        let claims = [
            "\(quote) the union president said.": "the union president",
            "\(quote) said the union president.": "the union president",
            "The union president said: \(quote.replacingOccurrences(of: ",\"", with: ".\""))": "The union president",
            "\(quote) the spokesperson said.": "the spokesperson",
            "“This offer is fair,” the union said.": "the union",
            "\(quote) the union president told reporters.": "the union president",
        ]
        for (claim, said) in claims {
            #expect(
                findings(claim, citing: [], paragraphs: Self.cite(5)) == [
                    "the sentence attributes the quote to \"\(said)\"; ¶5 attributes it to Hale"
                ], "\(claim)")
        }
    }

    @Test func aSurnameBeforeTheQuoteWithAnotherVerb() {
        #expect(
            findings("\"Our members are exhausted,\" the chief executive said.", citing: [], paragraphs: Self.cite(3))
                == [#"the sentence attributes the quote to "the chief executive"; ¶3 attributes it to Okafor"#])
    }

    @Test func aRoleTheReportGivesTheSpeakerElsewhere() {
        let quote = "\"This offer is fair and it is affordable,\""
        for speaker in [
            "the chief executive said", "said the health authority's chief executive", "Hale said", "he said",
            "Hale told reporters", "the authority's chief executive told reporters",
        ] {
            #expect(findings("\(quote) \(speaker).", citing: [], paragraphs: Self.cite(5)) == [], "\(speaker)")
        }
        for speaker in ["the president of the nurses' union said", "Okafor said", "the union president said"] {
            #expect(
                findings("\"Our members are exhausted,\" \(speaker).", citing: [], paragraphs: Self.cite(3)) == [],
                "\(speaker)")
        }
        // "Martin Hale" is a name ¶5 does not give: the name check's finding, not this one's.
        #expect(
            findings("\"This offer is fair,\" Martin Hale said.", citing: [], paragraphs: Self.cite(5)) == [
                #"the sentence names "Martin Hale", which is not in ¶5"#
            ])
    }

    @Test func aCapitalisedWordStartingASentenceIsNotASpeakerUnlessTheReportNamesIt() {
        let officials = [SourceParagraph(label: "¶2", text: "Protesters told reporters: \"We will return.\"")]
        #expect(findings("\"We will return,\" the union said.", citing: [], paragraphs: officials) == [])
        let named = [SourceParagraph(label: "¶2", text: "\"We will return,\" according to Okafor.")]
        #expect(
            findings("\"We will return,\" the union said.", citing: [], paragraphs: named) == [
                #"the sentence attributes the quote to "the union"; ¶2 attributes it to Okafor"#
            ])
    }

    @Test func aQuotationOfTwoSentencesHasItsSpeakerAfterTheSecond() {
        let paragraph = [
            SourceParagraph(label: "¶4", text: "\"The offer is fair. It is affordable,\" Hale wrote to staff.")
        ]
        #expect(
            findings("\"The offer is fair,\" the union said.", citing: [], paragraphs: paragraph) == [
                #"the sentence attributes the quote to "the union"; ¶4 attributes it to Hale"#
            ])
    }
}

/// A claim whose numbers, names and dates are all in the paragraph next to the one it cites.
@Suite struct ClaimCitationSlipTests {
    static let report: [SourceParagraph] = {
        let texts = [
            "The council voted 5 to 2 on Monday to close the library.",
            "The library will close in 2025, said Ada Reyes, who proposed the motion.",
            "Reyes said 40 staff would move to other branches.",
            "Ada Reyes first raised the closure in 2023.",
        ]
        return paragraphs(of: texts)
    }()

    @Test func severalFindingsAllInOneOtherParagraphAskWhetherTheCitationSlipped() {
        #expect(
            findings(
                "The library will close in 2025, Ada Reyes said.", citing: [],
                paragraphs: [Self.report[0]]) == [
                    #"the sentence gives the date "2025", which is not in ¶1 (all of these are in ¶2: is the citation off by one?)"#,
                    #"the sentence names "Ada Reyes", which is not in ¶1"#,
                ])
    }

    @Test func noHintWithOneFindingOrNoParagraphHoldingThemAll() {
        #expect(
            findings("Ada Reyes proposed the motion.", citing: [], paragraphs: [Self.report[0]]) == [
                #"the sentence names "Ada Reyes", which is not in ¶1"#
            ])
        // 40 is in ¶3, 2023 in ¶4: no one paragraph holds both.
        #expect(
            findings(
                "Ada Reyes said 40 staff would move, as she had said in 2023.", citing: [], paragraphs: [Self.report[0]]
            )
                == [
                    #"the sentence gives the number "40", which is not in ¶1"#,
                    #"the sentence gives the date "2023", which is not in ¶1"#,
                    #"the sentence names "Ada Reyes", which is not in ¶1"#,
                ])
        // "Ada Reyes" and 2023 are both in ¶4 and nowhere else together.
        #expect(
            findings("Ada Reyes raised the closure in 2023.", citing: [], paragraphs: [Self.report[0]]) == [
                #"the sentence gives the date "2023", which is not in ¶1 (all of these are in ¶4: is the citation off by one?)"#,
                #"the sentence names "Ada Reyes", which is not in ¶1"#,
            ])
    }
}
