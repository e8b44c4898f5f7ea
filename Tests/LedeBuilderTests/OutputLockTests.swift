import Foundation
import LedeCore
import Testing

@testable import LedeBuilder

/// Two builds of one output run one after the other, across builders and processes: each
/// output is then a whole site (new-user trial: two `lede build`s at once left pages of both).
@Suite struct OutputLockTests {
    typealias Workspace = IncrementalBuildTests.Workspace

    @Test func aSecondLockWaitsForTheFirst() async throws {
        let workspace = try Workspace()
        let output = workspace.root.appendingPathComponent("Output")
        var first: OutputLock? = try OutputLock(beside: output) { Issue.record("the first lock waited") }
        _ = first
        let waited = Locked(false)
        let second = Task.detached {
            _ = try OutputLock(beside: output) { waited.withLock { $0 = true } }
            return waited.withLock { $0 }
        }
        // The second lock reports that it waits before it blocks; it is not taken meanwhile.
        while !waited.withLock({ $0 }) { try await Task.sleep(for: .milliseconds(5)) }
        first = nil
        #expect(try await second.value)
        // No file is made for the lock.
        #expect(try FileManager.default.contentsOfDirectory(atPath: workspace.root.path).sorted() == ["site"])
    }

    /// Two builders of one site with different templates, at once: the output is all of one
    /// build or all of the other, never pages of both.
    @Test func twoBuildsAtOnceLeaveAWholeSite() async throws {
        let workspace = try Workspace()
        try RandomEditTests.addArticles(workspace)
        let output = workspace.root.appendingPathComponent("Output")
        let options = BuildOptions(siteRoot: workspace.site, output: output)
        _ = try await SiteBuilder(options: options).build()
        for round in 0..<3 {
            try workspace.replace(
                "Templates/base.mustache", "<html", with: "<html data-round=\"\(round)a\"")
            let first = Task { try await SiteBuilder(options: options).build() }
            try workspace.replace(
                "Templates/base.mustache", "data-round=\"\(round)a\"", with: "data-round=\"\(round)b\"")
            let second = Task { try await SiteBuilder(options: options).build() }
            _ = try await (first.value, second.value)
            var marks: Set<String> = []
            for (path, data) in try IncrementalBuildTests.tree(output) where path.hasSuffix(".html") {
                let text = String(decoding: data, as: UTF8.self)
                let mark = text.range(of: #"data-round="[0-9ab]+""#, options: .regularExpression).map {
                    String(text[$0])
                }
                marks.insert(mark ?? "none")
            }
            #expect(marks.count == 1, "round \(round): pages of several builds: \(marks.sorted())")
            try workspace.replace("Templates/base.mustache", " data-round=\"\(round)b\"", with: "")
        }
    }
}
