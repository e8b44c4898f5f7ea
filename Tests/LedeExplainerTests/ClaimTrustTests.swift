import Foundation
import LedeCore
import Testing

@testable import LedeContent
@testable import LedeExplainer

/// False findings and a missed one that a newcomer met on their own explainer (a port strike),
/// each on the paragraph they cited.
@Suite struct ClaimTrustTests {
    static func paragraph(_ number: Int, _ text: String) -> [SourceParagraph] {
        [SourceParagraph(label: "¶\(number)", text: text)]
    }

    static let attacks = paragraph(
        4, "At least six attacks on two terminals were carried out by the group, officials said.")
    static let vessels = paragraph(
        3, "The first vessels were turned away at about 6 a.m., and by noon 40 vessels were waiting at anchor.")
    static let operatorSaid = paragraph(
        5,
        "Northern Container Services, which runs the terminal under a 25-year concession, said the cranes would restart on Friday."
    )
    static let chiefExecutive = paragraph(
        7,
        "\"Every hour the cranes stand still, the queue grows,\" said Tomasz Wierzbicki, the chief executive of the port authority."
    )

    @Test func aHedgeOnANumberIsAskedOnlyOfAClaimGivingThatNumber() {
        let p4 = Self.attacks
        #expect(
            findings("The group carried out six attacks on two terminals, officials said.", citing: [], paragraphs: p4)
                == [#"the sentence drops "at least" that ¶4 carries"#])
        #expect(
            findings(
                "The group reportedly carried out attacks on two terminals, officials said.", citing: [], paragraphs: p4
            )
                == [])
        #expect(findings("By noon 40 vessels were waiting at anchor.", citing: [], paragraphs: Self.vessels) == [])
        #expect(
            findings("The first vessels were turned away at 6 a.m.", citing: [], paragraphs: Self.vessels) == [
                #"the sentence drops "about" that ¶3 carries"#
            ])
    }

    @Test func boundsBeforeANumber() {
        let p6 = Self.paragraph(6, "No more than 12 cranes were working, the union said.")
        #expect(findings("At most 12 cranes were working, the union said.", citing: [], paragraphs: p6) == [])
        #expect(
            findings("12 cranes were working, the union said.", citing: [], paragraphs: p6) == [
                #"the sentence drops "no more than" that ¶6 carries"#
            ])
        let p8 = Self.paragraph(8, "Fewer than 300 containers were moved, the union said.")
        #expect(
            findings("Only 300 containers were moved, the union said.", citing: [], paragraphs: p8) == [
                #"the sentence drops "fewer than" that ¶8 carries"#
            ])
        // "up to" before no number is not a bound.
        let p9 = Self.paragraph(9, "It is up to the port authority to reopen the gates, the union said.")
        #expect(
            findings("The port authority decides when the gates reopen, the union said.", citing: [], paragraphs: p9)
                == [])
    }

    @Test func aRelativeClauseDescribesTheSpeaker() {
        let p5 = Self.operatorSaid
        #expect(
            findings(
                "Northern Container Services runs the terminal under a 25-year concession.", citing: [], paragraphs: p5)
                == [])
        #expect(
            findings(
                "The cranes would restart on Friday, Northern Container Services said.", citing: [], paragraphs: p5)
                == [])
        #expect(
            findings(
                "The cranes will restart on Friday.", citing: [], paragraphs: p5,
                attributedTo: ["Northern Container Services"])
                == [])
        #expect(
            findings("The cranes will restart on Friday.", citing: [], paragraphs: p5) == [
                #"the sentence drops "Northern Container Services said" that ¶5 carries"#
            ])
    }

    @Test func aSpeakerAfterTheVerb() {
        #expect(
            findings("The queue grows every hour the cranes stand still.", citing: [], paragraphs: Self.chiefExecutive)
                == [#"the sentence drops "said Tomasz Wierzbicki" that ¶7 carries"#])
    }

    @Test func aQuoteGivenToAnotherSpeaker() {
        let p7 = Self.chiefExecutive
        let quote = "\"Every hour the cranes stand still, the queue grows,\""
        #expect(
            findings("\(quote) the port official said.", citing: [], paragraphs: p7) == [
                #"the sentence attributes the quote to "the port official"; ¶7 attributes it to Tomasz Wierzbicki"#
            ])
        #expect(
            findings("\(quote) said the harbour master.", citing: [], paragraphs: p7) == [
                #"the sentence attributes the quote to "the harbour master"; ¶7 attributes it to Tomasz Wierzbicki"#
            ])
        #expect(
            findings(
                "A port official said: \"Every hour the cranes stand still, the queue grows.\"", citing: [],
                paragraphs: p7) == [
                    #"the sentence attributes the quote to "A port official"; ¶7 attributes it to Tomasz Wierzbicki"#
                ])
        for speaker in ["said the chief executive", "Wierzbicki said", "Tomasz Wierzbicki said", "he said"] {
            #expect(findings("\(quote) \(speaker).", citing: [], paragraphs: p7) == [], "\(speaker)")
        }
    }

    @Test func thanExpectedIsAComparisonNotAHedge() {
        let p12 = Self.paragraph(
            12, "Talks will resume on Thursday, a day earlier than expected, the mediation service said.")
        #expect(
            findings("Talks resume a day early, mediation service says", .title, citing: [], paragraphs: p12) == [])
        let p13 = Self.paragraph(13, "The vote went ahead as planned, the union said.")
        #expect(findings("The vote went ahead, the union said.", citing: [], paragraphs: p13) == [])
        // Without "than", "expected" still hedges.
        let p14 = Self.paragraph(14, "Talks are expected to resume on Thursday, the mediation service said.")
        #expect(
            findings("Talks resume on Thursday, mediation service says", .title, citing: [], paragraphs: p14) == [
                #"the title drops "expected" that ¶14 carries"#
            ])
    }
}
