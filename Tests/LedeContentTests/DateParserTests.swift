import Foundation
import Testing

@testable import LedeContent

@Suite struct DateParserTests {
    static let utc: Calendar = {
        var calendar = Calendar(identifier: .gregorian)
        calendar.timeZone = TimeZone(identifier: "UTC")!
        return calendar
    }()

    func date(_ year: Int, _ month: Int, _ day: Int, _ hour: Int = 0, _ minute: Int = 0) -> Date? {
        Self.utc.date(from: DateComponents(year: year, month: month, day: day, hour: hour, minute: minute))
    }

    @Test func bareDateIsMidnightUTC() {
        #expect(DateParser.parse("2026-11-29") == date(2026, 11, 29))
    }

    @Test func dateTimes() {
        #expect(DateParser.parse("2026-11-29T09:00:00Z") == date(2026, 11, 29, 9))
        #expect(DateParser.parse("2026-11-29T09:00:00+01:00") == date(2026, 11, 29, 8))
        #expect(DateParser.parse("2026-11-29 09:30") == date(2026, 11, 29, 9, 30))
        #expect(DateParser.parse("2026-11-29T09:30") == date(2026, 11, 29, 9, 30))
        #expect(DateParser.parse(" 2026-11-29T09:00:00Z ") == date(2026, 11, 29, 9))
        #expect(DateParser.parse("2026-11-29T09:00:00.500Z") == date(2026, 11, 29, 9).map { $0 + 0.5 })
    }

    @Test(arguments: ["", "29/11/2026", "November 29, 2026", "2026", "2026-11", "yesterday"])
    func rejectsOtherText(_ text: String) {
        #expect(DateParser.parse(text) == nil)
    }

    @Test func rfc3339() throws {
        #expect(DateParser.rfc3339(try #require(date(2026, 11, 29, 9))) == "2026-11-29T09:00:00Z")
    }
}
