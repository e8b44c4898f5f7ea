import Foundation
import LedeCore
import Testing

@testable import LedeContent

@Suite struct UTF8Tests {
    @Test func positionOfTheFirstInvalidByte() {
        let result = UTF8Check.firstInvalidByte(in: Data([0x61, 0x0A, 0x62, 0x63, 0xFF, 0x64]))
        #expect(result.line == 2 && result.column == 3 && result.byte == 0xFF)
    }

    @Test func columnsCountCharactersNotBytes() {
        let result = UTF8Check.firstInvalidByte(in: Data("é€".utf8) + Data([0xE9, 0x20]))
        #expect(result.line == 1 && result.column == 3 && result.byte == 0xE9)
    }

    @Test func truncatedAndOverlongSequences() {
        let truncated = UTF8Check.firstInvalidByte(in: Data([0x41, 0xE2, 0x82]))
        #expect(truncated.column == 2 && truncated.byte == 0xE2)
        let overlong = UTF8Check.firstInvalidByte(in: Data([0xC0, 0xAF]))
        #expect(overlong.column == 1 && overlong.byte == 0xC0)
        let surrogate = UTF8Check.firstInvalidByte(in: Data([0x0A, 0xED, 0xA0, 0x80]))
        #expect(surrogate.line == 2 && surrogate.column == 1 && surrogate.byte == 0xED)
    }

    @Test func loaderReportsThePosition() throws {
        let message = try withSite(["Content/a.md": Data("---\ntitle: A\n---\nCaf".utf8) + Data([0xE9, 0x0A])]) {
            root in
            diagnostics { _ = try ContentLoader(root: root).readText("Content/a.md") }
        }
        #expect(message == "Content/a.md:4:4: error: file is not valid UTF-8 (byte 0xE9)")
    }
}
