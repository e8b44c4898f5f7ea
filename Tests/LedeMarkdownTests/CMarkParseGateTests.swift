import LedeCore
import Testing

@testable import LedeMarkdown

@Suite struct CMarkParseGateTests {
    /// A table whose pin succeeds or not, and a library that calls our definition `calls`
    /// times per parse (the parse bumps the count, as cmark_parser_finish does).
    final class FakeLibrary: Sendable {
        let pinSucceeds: Bool
        let callsPerParse: UInt
        let calls = Locked<UInt>(0)

        init(pinSucceeds: Bool, callsPerParse: UInt) {
            self.pinSucceeds = pinSucceeds
            self.callsPerParse = callsPerParse
        }

        var gate: CMarkParseGate {
            CMarkParseGate(
                specialCharacters: CMarkParseGate.SpecialCharacters(
                    pin: { [pinSucceeds] in pinSucceeds }, libraryCalls: { self.calls.withLock { $0 } }))
        }

        func parse() -> String {
            calls.withLock { $0 += callsPerParse }
            return "parsed"
        }
    }

    /// On this machine Debian's libcmark-gfm calls our definition: after a parse the lock is
    /// lifted. A change that silently keeps every parse locked fails here.
    @Test func theLockIsLiftedAfterAParse() throws {
        let html = try MarkdownRenderer().render("a ~~b~~ www.example.org\n", file: testFile).html
        #expect(html.contains("<del>b</del>") && html.contains("href=\"http://www.example.org\""))
        #expect(CMarkParseGate.shared.parsesRunInParallel)
    }

    /// The library calls our definition twice per parse and the table is pinned: only the
    /// first parse runs under the lock.
    @Test func provenGateLiftsTheLock() throws {
        let library = FakeLibrary(pinSucceeds: true, callsPerParse: 2)
        let gate = library.gate
        #expect(!gate.parsesRunInParallel)
        for _ in 0..<3 { #expect(try gate.run(library.parse) == "parsed") }
        #expect(gate.parsesRunInParallel)
        #expect(gate.lockedParseCount == 1)
    }

    /// A library that binds its own definition (zero calls to ours), or calls it in a way we
    /// do not know, keeps every parse under the lock.
    @Test(arguments: [0, 1, 4] as [UInt]) func failedProofKeepsTheLock(callsPerParse: UInt) throws {
        let library = FakeLibrary(pinSucceeds: true, callsPerParse: callsPerParse)
        let gate = library.gate
        for _ in 0..<3 { #expect(try gate.run(library.parse) == "parsed") }
        #expect(!gate.parsesRunInParallel)
        #expect(gate.lockedParseCount == 3)
    }

    /// Without the library's own definition to pin with, a library that does not call ours
    /// manages the table itself: parses stay locked and right.
    @Test func unpinnedTableKeepsTheLock() throws {
        let library = FakeLibrary(pinSucceeds: false, callsPerParse: 0)
        let gate = library.gate
        for _ in 0..<2 { #expect(try gate.run(library.parse) == "parsed") }
        #expect(!gate.parsesRunInParallel)
        #expect(gate.lockedParseCount == 2)
    }

    /// A library that calls our definition when the table could not be pinned loses the
    /// extensions' characters: every parse is refused rather than rendered wrong.
    @Test func unpinnedTableCalledByTheLibraryIsRefused() {
        let library = FakeLibrary(pinSucceeds: false, callsPerParse: 2)
        let gate = library.gate
        #expect(throws: CMarkParseGate.Unusable.self) { try gate.run(library.parse) }
        #expect(throws: CMarkParseGate.Unusable.self) { try gate.run(library.parse) }
        #expect(!gate.parsesRunInParallel)
    }
}
