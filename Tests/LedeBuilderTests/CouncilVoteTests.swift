import Foundation
import LedeBuilder
import LedeCore
import Testing

/// The `council-vote` fixture: an invented report with every kind of attribution (named
/// council members, an unnamed spokesperson on the record, a published document, an anonymous
/// official). Every word shown of a source is the author's: no article or plural is added.
@Suite struct CouncilVoteTests {
    static func built() async throws -> [String: String] {
        try await builtTexts(Fixtures.site("council-vote"))
    }

    /// Each source card's heading and its facts, as `term: value` pairs in order.
    static func cards(in html: String) -> [[String]] {
        HTMLScan.captures(#"(<section class="source-card"[\s\S]*?</dl>)"#, in: html).map { card in
            HTMLScan.captures(#"<h3 [^>]*>([^<]*)</h3>"#, in: card)
                + HTMLScan.captures(#"<div>(<dt>[^<]*</dt><dd>[^<]*</dd>)</div>"#, in: card).map {
                    $0.replacingOccurrences(of: "</dt><dd>", with: ": ").replacingOccurrences(of: "<dt>", with: "")
                        .replacingOccurrences(of: "</dd>", with: "")
                }
        }
    }

    @Test func sourceCardsShowTheAuthorsWordsAndEachAttribution() async throws {
        let sourcing = try await Self.built()["sourcing-notes/index.html"] ?? ""
        #expect(
            Self.cards(in: sourcing) == [
                ["Council member Ada Reyes", "Kind: person", "Role: council member", "Attribution: Named"],
                ["Tom Okafor, council member", "Kind: person", "Role: council member", "Attribution: Named"],
                [
                    "A county health department spokesperson", "Kind: official",
                    "Role: spokesperson for the county health department", "Attribution: Not named, on the record",
                    "How many: 1", "How they know: speaking for the department, in a statement",
                ],
                ["The meeting minutes", "Kind: document", "Attribution: Named"],
                [
                    "An official at Clearwell Utilities", "Kind: official", "Attribution: Anonymous", "How many: 1",
                    "How they know: works at Clearwell Utilities, the company that runs the plant",
                    "Why anonymous: not authorized to speak about the contract",
                ],
            ])
        #expect(!sourcing.contains("Named: Yes"))
    }

    @Test func attributionsUseTheShortForms() async throws {
        let output = try await Self.built()
        let linkLabels = #"<a class="source-link" href="[^"]*">([^<]*)</a>"#
        #expect(
            HTMLScan.captures(linkLabels, in: output["index.html"] ?? "") == [
                "the meeting minutes", "Ada Reyes", "Tom Okafor", "a county health department spokesperson",
                "an official at Clearwell Utilities", "the meeting minutes",
            ])
        #expect(
            HTMLScan.captures(linkLabels, in: output["timeline/index.html"] ?? "") == [
                "the meeting minutes", "Ada Reyes", "Tom Okafor", "the meeting minutes",
            ])
        #expect(
            HTMLScan.captures(linkLabels, in: output["sourcing-notes/index.html"] ?? "") == [
                "an official at Clearwell Utilities"
            ])
    }

    /// Every item that lists a source in its `sources:` appears on that source's card, with
    /// where it is: key points, what the report says and does not say, unconfirmed items.
    @Test func sourceCardsListEveryItemResting() async throws {
        let sourcing = try await Self.built()["sourcing-notes/index.html"] ?? ""
        let places = HTMLScan.captures(#"(<ul class="claims">[\s\S]*?</ul>)"#, in: sourcing).joined()
        #expect(
            HTMLScan.captures(
                #"<a href="([^"]*)">(?:Key point|What the report (?:says|does not say)|Unconfirmed)</a>"#, in: places
            )
            .contains("/explainers/water/sourcing-notes/#unconfirmed-1"))
        #expect(places.contains(#"<a href="/explainers/water/#unknown-1">What the report does not say</a>"#))
        #expect(places.contains(#"<a href="/explainers/water/#known-1">What the report says</a>"#))
    }

    @Test func buildsWithoutWarnings() async throws {
        try await withTemporaryFolder { folder in
            let summary = try await build(Fixtures.site("council-vote"), into: folder.appendingPathComponent("Output"))
            #expect(
                summary.diagnostics.map(\.description) == [
                    "lede: note: 2 of 2 timeline events have no known year and are left out of timeline.json (TimelineJS needs a year)"
                ])
        }
    }
}
