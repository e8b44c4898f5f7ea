import LedeCore
import Testing

@testable import LedeMarkdown

@Suite struct ParallelRenderingTests {
    /// Varied documents that exercise the extensions whose parsing depends on cmark's
    /// process-global special-character table (strikethrough, autolinks, tables).
    static let documents: [String] = (0..<200).map { index in
        """
        # Part \(index)

        Some ~~struck \(index)~~ text with www.example\(index).org and https://e.com/\(index) and *emphasis*.
        "Quoted" -- text... with a [link](https://l.com/\(index)) and `code \(index)`.

        | a | b \(index) |
        |---|---|
        | ~~x~~ | www.t\(index).net |

        - [x] task \(index)
        - [ ] ~one~ more[^n]

        [^n]: Footnote \(index % 7).
        """
    }

    @Test func parallelOutputEqualsSequentialOutput() async throws {
        let renderer = MarkdownRenderer()
        let sequential = try Self.documents.map { try renderer.render($0, file: testFile).html }
        let parallel = try await withThrowingTaskGroup(of: (Int, String).self) { group in
            for (index, document) in Self.documents.enumerated() {
                group.addTask { (index, try renderer.render(document, file: testFile).html) }
            }
            var results = [String](repeating: "", count: Self.documents.count)
            for try await (index, html) in group { results[index] = html }
            return results
        }
        #expect(sequential.allSatisfy { $0.contains("<del>") && $0.contains("<table>") && $0.contains("www.") })
        for index in sequential.indices {
            #expect(parallel[index] == sequential[index], "document \(index)")
        }
    }
}
