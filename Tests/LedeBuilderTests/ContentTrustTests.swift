import Foundation
import LedeCore
import Testing

@testable import LedeBuilder

/// Mistakes a newcomer made on their own explainer that `lede check` let through: each is
/// made on a copy of the `other-explainer` fixture (whose build is clean), and the build must
/// say exactly what is wrong, where.
@Suite struct ContentTrustTests {
    /// One change to a file of the fixture: `old` (which must be there) becomes `new`.
    struct Edit {
        var path: String
        var old: String
        var new: String
    }

    /// The warnings and errors of a build of the fixture with `edits` made, one per line.
    static func problems(after edits: [Edit]) async throws -> [String] {
        try await withTemporaryFolder { folder in
            let site = folder.appendingPathComponent("site")
            try FileManager.default.copyItem(at: Fixtures.site("other-explainer"), to: site)
            for edit in edits {
                let url = site.appendingPathComponent(edit.path)
                let text = try String(contentsOf: url, encoding: .utf8)
                #expect(text.contains(edit.old), "\(edit.path) has no \(edit.old.debugDescription)")
                try text.replacingOccurrences(of: edit.old, with: edit.new).write(
                    to: url, atomically: true, encoding: .utf8)
            }
            do {
                let summary = try await build(site, into: folder.appendingPathComponent("Output"))
                return summary.diagnostics.filter { $0.severity != .note }.map(\.description)
            } catch let error as DiagnosticError {
                return error.description.split(separator: "\n").map(String.init)
            }
        }
    }

    @Test func theFixtureIsClean() async throws {
        #expect(try await Self.problems(after: []) == [])
    }

    @Test func misspeltKeysAreWarnedAboutAtTheKey() async throws {
        let problems = try await Self.problems(after: [
            Edit(path: "Content/index.md", old: "\nkey_points:", new: "\nkey_point:"),
            Edit(path: "Content/index.md", old: "\ndeveloping: false", new: "\ndevelopping: false"),
            Edit(path: "Content/index.md", old: "\ndescription:", new: "\ndescripton:"),
            Edit(path: "Content/index.md", old: "  - text: \"A single", new: "  - txt: \"A single"),
            Edit(path: "Content/timeline/built.md", old: "\nsources:", new: "\nsource:"),
        ])
        #expect(
            problems == [
                // The event's attribution is no longer read: its body loses it.
                #"Content/timeline/built.md:11:1: warning: the sentence drops "the council's engineer, Dana Whitlock, told" that ¶2 carries"#,
                "Content/index.md:3:1: warning: unknown key 'descripton' (did you mean 'description'?): it is kept as page.extra.descripton and not checked",
                "Content/index.md:6:1: warning: unknown key 'developping' (did you mean 'developing'?): it is kept as page.extra.developping and not checked",
                "Content/index.md:7:1: warning: unknown key 'key_point' (did you mean 'key_points'?): it is kept as page.extra.key_point and not checked",
                "Content/index.md:15:5: warning: unknown key 'txt' (did you mean 'text'?): Lede does not read it in 'known'",
                "Content/timeline/built.md:9:1: warning: unknown key 'source' (did you mean 'sources'?): Lede does not read it",
            ])
    }

    @Test func aMisspeltValueIsNamedInTheError() async throws {
        let problems = try await Self.problems(after: [
            Edit(path: "Content/timeline/closure.md", old: "  value:", new: "  vaule:")
        ])
        #expect(
            problems == [
                "Content/timeline/closure.md:7:3: error: a month date needs 'value' (like 2025-09) (found 'vaule': did you mean 'value'?)"
            ])
    }

    /// An event's `sources:` keeps the attribution of its title, as it does of its body.
    @Test func anEventTitleKeepsTheAttributionOfItsSources() async throws {
        let title = Edit(
            path: "Content/timeline/closure.md", old: "title: \"Council engineer: the bridge was closed to trucks\"",
            new: "title: \"The bridge is closed to trucks\"")
        #expect(try await Self.problems(after: [title]) == [])
        let unsourced = Edit(path: "Content/timeline/closure.md", old: "sources: [engineer]\n", new: "")
        #expect(
            try await Self.problems(after: [title, unsourced]) == [
                #"Content/timeline/closure.md:2:8: warning: the title drops "the council's engineer, Dana Whitlock, told" that ¶2 carries"#,
                #"Content/timeline/closure.md:10:1: warning: the sentence drops "the council's engineer, Dana Whitlock, told" that ¶2 carries"#,
            ])
    }

    /// The README's form of a silence inside a front-matter item: single quotes outside,
    /// because the comment holds double quotes.
    @Test func aSilenceInsideASingleQuotedItem() async throws {
        let claim = "The replacement would cost 18 million, an aide said [¶3](seed:p3)."
        let edit = Edit(
            path: "Content/index.md",
            old: #"  - "The replacement would cost about 18 million, an aide said [¶3](seed:p3).""#,
            new: "  - '\(claim)")
        #expect(
            try await Self.problems(after: [Edit(path: edit.path, old: edit.old, new: edit.new + "'")]) == [
                #"Content/index.md:9:5: warning: the item drops "about" that ¶3 carries"#
            ])
        let silence = #" <!-- lede: allow drops "about": the item attributes the figure to the aide -->'"#
        #expect(try await Self.problems(after: [Edit(path: edit.path, old: edit.old, new: edit.new + silence)]) == [])
    }

    @Test func freeKeysStayFree() async throws {
        let problems = try await Self.problems(after: [
            Edit(
                path: "Content/index.md", old: "\nkey_points:",
                new: "\nsubtitle: \"A bridge\"\nkicker: Local\nkey_points:")
        ])
        #expect(problems == [])
    }
}
