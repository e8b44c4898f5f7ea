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

    @Test func daysTheCalendarDoesNotHave() {
        #expect(DateParser.impossibility(of: "2026-02-30") == "2026-02-30 is not a date: February 2026 has 28 days")
        #expect(
            DateParser.impossibility(of: "2026-02-29T09:00:00Z")
                == "2026-02-29 is not a date: February 2026 has 28 days")
        #expect(DateParser.impossibility(of: "2026-04-31 09:00") == "2026-04-31 is not a date: April 2026 has 30 days")
        #expect(DateParser.impossibility(of: "2100-02-29") == "2100-02-29 is not a date: February 2100 has 28 days")
        #expect(DateParser.impossibility(of: "2026-13-01") == "2026-13-01 is not a date: a year has 12 months")
        #expect(DateParser.impossibility(of: "2025-00") == "2025-00 is not a date: a year has 12 months")
        #expect(DateParser.impossibility(of: "2026-11-00") == "2026-11-00 is not a date: November 2026 has 30 days")
        for text in ["2024-02-29", "2000-02-29", "2026-01-31", "2026-11-29T09:00:00Z", "2025-09", "2024", "29/02/2026"]
        {
            #expect(DateParser.impossibility(of: text) == nil, "\(text)")
        }
        #expect(DateParser.parse("2024-02-29") == date(2024, 2, 29))
        for text in [
            "2026-02-30", "2026-02-30T09:00:00Z", "2026-02-30T09:00:00+01:00", "2026-02-30 09:00", "2026-04-31",
        ] {
            #expect(DateParser.parse(text) == nil, "\(text)")
        }
    }

    @Test func theCommonFormsAgreeWithTheFormatStyle() {
        var texts = [
            "2026-02-29", "2024-02-29", "2100-02-29", "2000-02-29", "2026-13-01", "2026-00-10", "2026-11-31",
            "2026-11-00", "1899-12-31", "1900-01-01", "9999-12-31", "2026-11-29T23:59:59Z", "2026-11-29T24:00:00Z",
            "2026-11-29T09:60:00Z", "2026-11-29T09:00:60Z", "2026-11-29t09:00:00Z", "2026-11-29T09:00:00z",
            "2026-11-29 09:00:00Z", "2026-11-29T09:00:00+00", "+026-11-29", "2026-1a-29", "２０２６-11-29",
        ]
        var date = date(1900, 1, 1)!
        while date < self.date(2200, 1, 1)! {
            let parts = Self.utc.dateComponents([.year, .month, .day], from: date)
            let day = String(format: "%04d-%02d-%02d", parts.year!, parts.month!, parts.day!)
            texts += [
                day, day + "T00:00:00Z",
                day + String(format: "T%02d:%02d:%02dZ", parts.day! % 24, parts.month! * 4, parts.day! * 2),
            ]
            date += 86400 * 13
        }
        var fast = 0
        for text in texts {
            guard let common = DateParser.parseCommonForm(text) else { continue }
            fast += 1
            #expect(common == DateParser.parseWithFormatStyle(text), "\(text)")
        }
        #expect(fast > 10000)
    }

    @Test func rfc3339() throws {
        #expect(DateParser.rfc3339(try #require(date(2026, 11, 29, 9))) == "2026-11-29T09:00:00Z")
    }

    /// The sitemap's and the feed's dates are written as Foundation's ISO 8601 style writes
    /// them, for any instant: before 1970, with fractions of a second, in years of other widths.
    @Test func rfc3339IsFoundationsISO8601() {
        var generator = SystemRandomNumberGenerator()
        var instants: [Double] = [0, -0.5, -1, 86_399.999, -62_135_596_800, -62_135_596_801, 253_402_300_800]
        for _ in 0..<2_000 { instants.append(Double.random(in: -70_000_000_000...260_000_000_000, using: &generator)) }
        for seconds in instants {
            let date = Date(timeIntervalSince1970: seconds)
            #expect(DateParser.rfc3339(date) == date.formatted(Date.ISO8601FormatStyle()), "\(seconds)")
        }
    }
}
