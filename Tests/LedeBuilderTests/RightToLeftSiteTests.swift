import Foundation
import LedeBuilder
import LedeCore
import Testing

/// The `rtl-persian` fixture: a small explainer in Persian, built with the bundled theme.
@Suite struct RightToLeftSiteTests {
    static func built() async throws -> [String: String] {
        try await builtTexts(Fixtures.site("rtl-persian"))
    }

    @Test func everyPageIsPersianAndRightToLeft() async throws {
        let pages = try await Self.built().filter { $0.key.hasSuffix(".html") }
        #expect(
            pages.keys.sorted() == [
                "404.html", "index.html", "sources/library-statement/index.html", "sourcing-notes/index.html",
                "timeline/index.html",
            ])
        for (path, html) in pages {
            #expect(html.contains(#"<html lang="fa" dir="rtl">"#), "\(path)")
        }
    }

    @Test func labelsAreTheBuiltInPersianOnes() async throws {
        let pages = try await Self.built()
        let home = pages["index.html"] ?? ""
        #expect(home.contains(#"<h2 id="key-points-heading">نکته‌های کلیدی</h2>"#))
        #expect(home.contains(##"<a class="skip-link" href="#main">رفتن به محتوا</a>"##))
        #expect(
            HTMLScan.captures(#"(<nav class="site-nav"[\s\S]*?</nav>)"#, in: home).first.map {
                HTMLScan.captures(#"<a href="[^"]*"(?: aria-current="page")?>([^<]+)</a>"#, in: $0)
            } == ["نمای کلی", "گاه‌شمار", "یادداشت‌های منابع", "متن منبع"])
        let timeline = pages["timeline/index.html"] ?? ""
        #expect(timeline.contains(#"<span class="tag tag-certainty">مورد انتظار</span>"#))
        #expect(timeline.contains(#"<time datetime="2025-09-23">اول مهر ۱۴۰۴</time>"#))
        #expect(
            home.contains(
                #"<span>انتشار <time datetime="2025-09-15T08:00:00Z">15 سپتامبر 2025، ساعت 08:00 به وقت UTC</time></span>"#
            ))
        let source = pages["sources/library-statement/index.html"] ?? ""
        #expect(source.contains(#"<span class="meta-label">ارجاع‌شده در</span>"#))
    }

    @Test func buildsWithOnlyTheTimelineNote() async throws {
        try await withTemporaryFolder { folder in
            let summary = try await build(Fixtures.site("rtl-persian"), into: folder.appendingPathComponent("Output"))
            #expect(
                summary.diagnostics.map(\.description) == [
                    "lede: note: 2 of 3 timeline events have no known year and are left out of timeline.json (TimelineJS needs a year)"
                ])
        }
    }

    @Test func theStylesheetHasNoLeftOrRight() throws {
        // Physical sides do not mirror under dir="rtl"; logical ones (inline-start/end) do.
        let css = try String(
            contentsOf: Fixtures.packageRoot.appendingPathComponent("Public/style.css"), encoding: .utf8)
        let physical = HTMLScan.captures(
            #"((?:margin|padding|border|inset)-(?:left|right)[\w-]*\s*:|(?<![\w-])(?:left|right)\s*:|(?:text-align|float|clear)\s*:\s*(?:left|right))"#,
            in: css)
        #expect(physical == [])
    }
}
