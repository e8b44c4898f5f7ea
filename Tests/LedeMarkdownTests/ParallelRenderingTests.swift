import Foundation
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

    /// Eight threads, more than the cores and than the task pool's width, render at once,
    /// each starting at a different document: every output equals the sequential one. With
    /// the parse lock removed, this lost strikethrough and autolinks in several outputs a run.
    @Test func eightThreadsMatchSequentialOutput() throws {
        let renderer = MarkdownRenderer()
        let sequential = try Self.documents.map { try renderer.render($0, file: testFile).html }
        let threads = 8
        let rounds = 5
        let outputs = Locked([[String]](repeating: [], count: threads))
        let done = DispatchSemaphore(value: 0)
        for thread in 0..<threads {
            Thread {
                var results: [String] = []
                for round in 0..<rounds {
                    // Each thread starts at a different document, so that different documents
                    // are parsed at the same moment.
                    for offset in Self.documents.indices {
                        let index = (offset + thread * 25 + round * 7) % Self.documents.count
                        results.append((try? renderer.render(Self.documents[index], file: testFile).html) ?? "")
                    }
                }
                outputs.withLock { $0[thread] = results }
                done.signal()
            }.start()
        }
        for _ in 0..<threads { done.wait() }
        var mismatches = 0
        outputs.withLock { outputs in
            for thread in 0..<threads {
                for (position, html) in outputs[thread].enumerated() {
                    let offset = position % Self.documents.count
                    let round = position / Self.documents.count
                    let index = (offset + thread * 25 + round * 7) % Self.documents.count
                    if html != sequential[index] { mismatches += 1 }
                }
            }
        }
        #expect(mismatches == 0, "\(mismatches) of \(threads * rounds * Self.documents.count) outputs differ")
    }
}
