import Foundation
import LedeBuilder
import LedeCore
import Testing

/// Targeted checks on the `other-explainer` fixture: an invented story built with the bundled
/// theme, so nothing here depends on the bundled explainer's content.
@Suite struct OtherExplainerTests {
    static let basePath = "/explainers/bridge/"

    static func built() async throws -> [String: String] {
        try await builtTexts(Fixtures.site("other-explainer"))
    }

    /// The `<li class="event …">` elements of the timeline, each up to its closing `</li>`.
    static func events(in html: String) -> [String] {
        HTMLScan.captures(#"(<li class="event[\s\S]*?</li>)"#, in: html)
    }

    @Test func timelineIsAnOrderedListInExplicitOrder() async throws {
        let html = try await Self.built()["timeline/index.html"] ?? ""
        #expect(HTMLScan.count(#"<ol class="timeline">"#, in: html) == 1)
        let ids = HTMLScan.captures(#"<li class="event [^"]*" id="([^"]+)""#, in: html)
        #expect(ids == ["built", "closure", "consultation", "vote"])
    }

    @Test func machineDatesOnlyWhereTheReportGivesThem() async throws {
        let events = Self.events(in: try await Self.built()["timeline/index.html"] ?? "")
        #expect(events.count == 4)
        let datetimes = events.map { HTMLScan.captures(#"<time datetime="([^"]+)""#, in: $0) }
        #expect(datetimes == [["1931"], ["2023-03"], ["2024-09-14"], []])
        #expect(events.last?.contains(#"<p class="event-date"><span>Tuesday night</span></p>"#) == true)
        #expect(events.last?.contains(#"<p class="date-note">the report gives no calendar date</p>"#) == true)
    }

    @Test func timelineJSONHasTheEventsWithAYear() async throws {
        let text = try await Self.built()["timeline.json"] ?? ""
        let json = try #require(try JSONSerialization.jsonObject(with: Data(text.utf8)) as? [String: Any])
        let title = try #require(json["title"] as? [String: Any])
        #expect((title["text"] as? [String: String])?["headline"] == "Timeline")
        let events = try #require(json["events"] as? [[String: Any]])
        #expect(events.compactMap { $0["unique_id"] as? String } == ["built", "closure", "consultation"])
        let dates = events.compactMap { $0["start_date"] as? [String: Any] }
        #expect(dates.map { $0["year"] as? Int } == [1931, 2023, 2024])
        #expect(dates.map { $0["month"] as? Int } == [nil, 3, 9])
        #expect(dates.map { $0["day"] as? Int } == [nil, nil, 14])
        #expect(dates.map { $0["display_date"] as? String } == ["1931", "March 2023", "14 September 2024"])
        #expect(
            events.map { $0["group"] as? String } == [
                "Stated by the report", "Stated by the report", "Stated by the report",
            ])
        let texts = events.compactMap { $0["text"] as? [String: String] }
        #expect(
            texts.map { $0["headline"] } == [
                "The Old Mill Bridge is built", "Council engineer: the bridge was closed to trucks",
                "Public consultation",
            ])
        #expect(texts.allSatisfy { $0["text"]?.contains(#"class="cite""#) == true })
    }

    @Test func timelineNoteForEventsWithoutAYear() async throws {
        try await withTemporaryFolder { folder in
            let summary = try await build(
                Fixtures.site("other-explainer"), into: folder.appendingPathComponent("Output"))
            #expect(
                summary.diagnostics.map(\.description) == [
                    "lede: note: 1 of 4 timeline events have no known year and are left out of timeline.json (TimelineJS needs a year)"
                ])
        }
    }

    @Test func glossaryDefinesEachTermOnceAndSaysWhereItIsUsed() async throws {
        let html = try await Self.built()["glossary/index.html"] ?? ""
        for id in ["corrosion", "girder", "municipal-bond"] {
            #expect(HTMLScan.count(#"<dfn id="dfn-\#(id)">"#, in: html) == 1, "\(id)")
            #expect(HTMLScan.count(#"<div class="entry" id="\#(id)">"#, in: html) == 1, "\(id)")
        }
        #expect(HTMLScan.count("<dfn", in: html) == 3)
        let usedIn = HTMLScan.captures(#"<span class="meta-label">Used in</span> (.*?)</p>"#, in: html)
        let home =
            #"<span class="item"><a href="/explainers/bridge/">Eastmoor votes to replace the Old Mill Bridge</a></span>"#
        let timeline = #"<span class="item"><a href="/explainers/bridge/timeline/">Timeline</a></span>"#
        #expect(
            usedIn == [
                #"<span class="list">"# + home + timeline + "</span>",
                #"<span class="list">"# + home + "</span>",
                #"<span class="list">"# + home + "</span>",
            ])
        #expect(
            html.contains(
                ##"<span class="meta-label">Related</span> <span class="list"><span class="item"><a href="#girder">Girder</a></span></span></p>"##
            ))
        #expect(html.contains(#"<span class="item alias">steel girders</span>"#))
    }

    @Test func termsAreLinkedAtTheirFirstUseOnAPage() async throws {
        let html = try await Self.built()["index.html"] ?? ""
        #expect(
            HTMLScan.links(withClass: "term", in: html) == [
                "/explainers/bridge/glossary/#corrosion", "/explainers/bridge/glossary/#municipal-bond",
                "/explainers/bridge/glossary/#girder",
            ])
    }

    @Test func sourcePageHasParagraphAnchorsAndCitedByLinks() async throws {
        let html = try await Self.built()["sources/bridge-vote/index.html"] ?? ""
        let anchors = HTMLScan.captures(#"<li id="(p\d+)">"#, in: html)
        #expect(anchors == ["p1", "p2", "p3", "p4", "p5", "p6"])
        let citedBy = HTMLScan.captures(#"<span class="meta-label">Cited by</span> (.*?)</p>"#, in: html)
        #expect(citedBy.count == 6)
        // Grouped by page, with a count, not a link per place repeating the page's title.
        #expect(
            citedBy.last
                == #"<span class="list"><span class="item"><a href="/explainers/bridge/#known-3">Overview</a> <span class="count">×2</span></span><span class="item"><a href="/explainers/bridge/timeline/#consultation">Timeline</a></span></span>"#
        )
        // Every place is listed under it, in a disclosure that works without JavaScript.
        let places = HTMLScan.captures(#"<details><summary>([\s\S]*?)</ul>\n</details>"#, in: html)
        #expect(
            places.last
                == #"Every place citing ¶6</summary>\#n<ul><li><a href="/explainers/bridge/#known-3">Eastmoor votes to replace the Old Mill Bridge: “what the report says” item</a></li><li><a href="/explainers/bridge/">Eastmoor votes to replace the Old Mill Bridge</a></li><li><a href="/explainers/bridge/timeline/#consultation">Timeline: Public consultation</a></li>"#
        )
    }

    @Test func everyCitationPointsAtAnExistingParagraph() async throws {
        try await withTemporaryFolder { folder in
            let output = folder.appendingPathComponent("Output")
            try await build(Fixtures.site("other-explainer"), into: output)
            var count = 0
            for (path, data) in try files(in: output) where path.hasSuffix(".html") {
                let hrefs = HTMLScan.links(withClass: "cite", in: String(decoding: data, as: UTF8.self))
                count += hrefs.count
                #expect(
                    unresolvedFragments(hrefs, from: path, basePath: Self.basePath, output: output) == [], "\(path)")
            }
            #expect(count > 20)
        }
    }

    @Test func structuredDataTypes() async throws {
        let output = try await Self.built()
        for (path, html) in output where path.hasSuffix(".html") && path != "404.html" {
            #expect(try HTMLScan.jsonLDTypes(in: html).first == "BackgroundNewsArticle", "\(path)")
        }
        // The 404 page is not an article: no structured data, no canonical URL, not indexed.
        let notFound = output["404.html"] ?? ""
        #expect(try HTMLScan.jsonLDTypes(in: notFound).isEmpty)
        #expect(!notFound.contains("rel=\"canonical\""))
        #expect(notFound.contains("<meta name=\"robots\" content=\"noindex\">"))
        #expect(
            try HTMLScan.jsonLDTypes(in: output["glossary/index.html"] ?? "") == [
                "BackgroundNewsArticle", "DefinedTermSet",
            ])
        #expect(
            try HTMLScan.jsonLDTypes(in: output["timeline/index.html"] ?? "") == ["BackgroundNewsArticle", "ItemList"])
        let timeline = output["timeline/index.html"] ?? ""
        #expect(timeline.contains(#""itemListOrder":"https://schema.org/ItemListOrderAscending""#))
        #expect(timeline.contains(#""startDate":"2023-03""#))
    }

    @Test func sourcesAndUpdates() async throws {
        let output = try await Self.built()
        let sourcing = output["sourcing-notes/index.html"] ?? ""
        #expect(
            HTMLScan.captures(#"<h3 id="source-[a-z-]+-heading">([^<]*)</h3>"#, in: sourcing) == [
                "Dana Whitlock, the council&#39;s engineer", "A council aide familiar with the budget talks",
            ])
        #expect(sourcing.contains("<div><dt>Why anonymous</dt><dd>Not stated by the report</dd></div>"))
        let updates = output["updates/index.html"] ?? ""
        let order = HTMLScan.captures(#"id="(2025-10-0\d-[a-z-]+)""#, in: updates)
        #expect(order == ["2025-10-03-vote-count", "2025-10-02-first"])
        #expect(updates.contains("Correction"))
        let feed = output["updates/atom.xml"] ?? ""
        #expect(HTMLScan.count("<entry>", in: feed) == 2)
    }
}
