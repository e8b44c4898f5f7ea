import Foundation
import LedeCore
import Testing

@testable import LedeTemplates

@Suite struct RenderFrameTests {
    @Test func indexOfARewrittenComponent() {
        #expect(TagReference.index(in: "title?12") == 12)
        #expect(TagReference.index(in: "a?7?0") == 0)
        #expect(TagReference.index(in: "title") == nil)
        #expect(TagReference.index(in: "title?") == nil)
    }

    @Test func digitsWrittenInATemplateNeverOverflow() {
        #expect(TagReference.index(in: "x?" + String(repeating: "9", count: 40)) == nil)
        #expect(TagReference.index(in: "x?999999999999999999") == 999_999_999_999_999_999)
    }

    @Test func indexPastTheReferencesIsNotOurs() {
        let state = RenderState(references: [
            TagReference(key: "a", name: "a", location: SourceLocation(path: "t"), isDefinitive: false)
        ])
        #expect(state.reference(in: "a?0") == 0)
        #expect(state.reference(in: "a?1") == nil)
        let frame = RenderFrame(value: ["a?5": "x"], state: state, reference: -1, isRoot: true)
        // Not one of ours: looked up as written, without trapping.
        #expect(frame.child(named: "a?5") != nil)
    }

    @Test func theDeepestRenderAllowedFitsInASmallStack() throws {
        // 100 levels, every one a section over a list, through a partial; rendered on a
        // thread with 2 MiB of stack, a quarter of what Linux gives a thread (about 7 KiB a
        // level in a debug build).
        let templates = try library([
            "t.mustache": String(repeating: "{{#s}}", count: 60) + "{{> p}}" + String(repeating: "{{/s}}", count: 60),
            "p.mustache": String(repeating: "{{#s}}", count: 39) + "{{n}}" + String(repeating: "{{/s}}", count: 39),
        ])
        var context: TemplateValue = ["n": 1]
        for _ in 0..<100 { context = ["s": [context], "n": 1] }
        let result = Locked<String?>(nil)
        let done = DispatchSemaphore(value: 0)
        let thread = Thread { [context] in
            result.withLock { $0 = try? templates.render("t", context: context) }
            done.signal()
        }
        thread.stackSize = 2 * 1024 * 1024
        thread.start()
        done.wait()
        #expect(result.withLock { $0 } == "1")
    }
}
