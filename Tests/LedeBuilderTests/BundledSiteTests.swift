import Foundation
import LedeBuilder
import LedeCore
import Testing

/// The bundled explainer (the repository itself) builds cleanly and its HTML keeps the
/// explainer standards: resolvable citations, cited events and claims, defined and used terms.
@Suite struct BundledSiteTests {
    static let basePath = "/explainers/iran-deportations/"

    /// Builds the bundled site into a temporary folder and runs `body` on the output.
    static func withBuiltSite(_ body: (BuildSummary, URL, [String: String]) throws -> Void) async throws {
        try await withTemporaryFolder { folder in
            let output = folder.appendingPathComponent("Output")
            let summary = try await build(Fixtures.packageRoot, into: output)
            let pages = try files(in: output).filter { $0.key.hasSuffix(".html") }
                .mapValues { String(decoding: $0, as: UTF8.self) }
            try body(summary, output, pages)
        }
    }

    @Test func buildsWithoutWarnings() async throws {
        try await Self.withBuiltSite { summary, _, pages in
            #expect(summary.diagnostics.filter { $0.severity != .note } == [])
            #expect(summary.diagnostics.allSatisfy { $0.message.contains("timeline.json") })
            #expect(pages.count > 5)
        }
    }

    @Test func everyCitationResolves() async throws {
        try await Self.withBuiltSite { _, output, pages in
            var count = 0
            for (path, html) in pages {
                let hrefs = HTMLScan.links(withClass: "cite", in: html)
                count += hrefs.count
                #expect(
                    unresolvedFragments(hrefs, from: path, basePath: Self.basePath, output: output) == [], "\(path)")
            }
            #expect(count > 50)
        }
    }

    @Test func everyEventAndClaimCites() async throws {
        try await Self.withBuiltSite { _, _, pages in
            let events = HTMLScan.captures(#"(<li class="event[\s\S]*?</li>)"#, in: pages["timeline/index.html"] ?? "")
            #expect(events.count == 12)
            for event in events {
                #expect(HTMLScan.count(#"class="cite""#, in: event) >= 1, "\(event.prefix(80))")
            }
            let home = pages["index.html"] ?? ""
            for section in ["known", "unknown"] {
                let list =
                    HTMLScan.captures(#"<section class="\#(section)"[\s\S]*?<ul>([\s\S]*?)</ul>"#, in: home).first ?? ""
                let items = HTMLScan.captures(#"(<li id="[^"]+">[\s\S]*?</li>)"#, in: list)
                #expect(items.count >= 5, "\(section)")
                for item in items {
                    #expect(HTMLScan.count(#"class="cite""#, in: item) >= 1, "\(item.prefix(80))")
                }
            }
        }
    }

    @Test func everyTermIsDefinedOnceAndAlmostEveryOneIsUsed() async throws {
        try await Self.withBuiltSite { _, _, pages in
            let glossary = pages["glossary/index.html"] ?? ""
            let terms = HTMLScan.captures(#"<dfn id="dfn-([^"]+)">"#, in: glossary)
            #expect(terms.count == 12)
            #expect(Set(terms).count == terms.count)
            let linked = Set(
                pages.filter { $0.key != "glossary/index.html" }.values
                    .flatMap { HTMLScan.links(withClass: "term", in: $0) })
            let unused = terms.filter { !linked.contains(Self.basePath + "glossary/#\($0)") }
            // These two are defined as background and linked only from other glossary entries:
            // no page of the bundled explainer uses them.
            #expect(unused == ["non-refoulement", "refugee"], "terms linked from no page")
        }
    }

    @Test func everyPageHasOneHeadingOfLevelOne() async throws {
        try await Self.withBuiltSite { _, _, pages in
            for (path, html) in pages {
                #expect(HTMLScan.count("<h1", in: html) == 1, "\(path)")
            }
        }
    }
}
