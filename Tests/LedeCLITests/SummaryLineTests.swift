import Testing

@testable import LedeBuilder

/// The line a build ends with: a count of one is singular, every other count plural.
@Suite struct SummaryLineTests {
    static func line(pages: Int, files: Int, copied: Int, milliseconds: Int) -> String {
        BuildSummary(
            pagesWritten: pages, pagesRendered: pages, filesGenerated: files, filesCopied: copied, changedPaths: [],
            duration: .milliseconds(milliseconds), diagnostics: []
        ).line
    }

    @Test func oneIsSingularOtherCountsArePlural() {
        #expect(
            Self.line(pages: 1, files: 1, copied: 1, milliseconds: 12)
                == "Built 1 page and 1 file, copied 1 file in 12 ms")
        #expect(
            Self.line(pages: 24, files: 3, copied: 2, milliseconds: 41)
                == "Built 24 pages and 3 files, copied 2 files in 41 ms")
        #expect(
            Self.line(pages: 0, files: 0, copied: 0, milliseconds: 0)
                == "Built 0 pages and 0 files, copied 0 files in 0 ms")
    }

    @Test func pagesCarriedByTheBuildCacheAreCounted() {
        var summary = BuildSummary(
            pagesWritten: 10008, pagesRendered: 5, filesGenerated: 4, filesCopied: 1, changedPaths: [],
            duration: .milliseconds(640), diagnostics: [])
        summary.pagesCarried = 10003
        #expect(
            summary.line
                == "Built 10008 pages (10003 unchanged, from the build cache) and 4 files, copied 1 file in 640 ms")
    }
}
