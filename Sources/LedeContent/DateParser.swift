public import Foundation
import LedeCore

#if canImport(Glibc)
    import Glibc
#endif

/// Parses the ISO 8601 dates authors write in front matter.
public enum DateParser {
    /// `2026-11-29`, `2026-11-29T09:00:00Z`, `2026-11-29T09:00:00+01:00`, `2026-11-29 09:00`.
    /// - Returns: The instant (a bare date is midnight UTC), or `nil` when the text is not such a date.
    public static func parse(_ text: String) -> Date? {
        if let date = parseCommonForm(text) { return date }
        return parseWithFormatStyle(text)
    }

    /// Reads the date a front-matter or metadata value gives.
    /// - Parameters:
    ///   - node: The value.
    ///   - key: Its key, for messages.
    /// - Throws: ``DiagnosticError`` at the value when it is not text, not a date in an ISO
    ///   8601 form, or a day the calendar does not have.
    static func writtenDate(_ node: DataNode, key: String) throws -> WrittenDate {
        let text = try node.requireText("'\(key)'")
        if let impossibility = impossibility(of: text) {
            throw DiagnosticError(Diagnostic(at: node.location, impossibility))
        }
        guard let date = parse(text) else {
            throw DiagnosticError(
                Diagnostic(
                    at: node.location,
                    "'\(key)' must be an ISO 8601 date (2026-11-29) or date-time (2026-11-29T09:00:00Z), found '\(text)'"
                ))
        }
        return WrittenDate(text: text, date: date, location: node.location)
    }

    /// Why a date written as `year-month-day` (or `year-month`), alone or at the start of a
    /// date-time, is no day of the calendar: `2026-02-30 is not a date: February 2026 has 28
    /// days`. A format style would read it as another day (2 March), and the page would show
    /// that day.
    /// - Returns: The reason, or `nil` when the text does not start with such a date or its
    ///   month and day exist.
    public static func impossibility(of text: String) -> String? {
        let trimmed = text.trimmingCharacters(in: .whitespaces)
        let fields = trimmed.prefix { $0 != "T" && $0 != " " && $0 != "t" }.split(
            separator: "-", omittingEmptySubsequences: false)
        guard (2...3).contains(fields.count), fields[0].count == 4, fields.dropFirst().allSatisfy({ $0.count == 2 }),
            fields.allSatisfy({ $0.utf8.allSatisfy { (0x30...0x39).contains($0) } }),
            let year = Int(fields[0]), let month = Int(fields[1])
        else { return nil }
        let written = fields.joined(separator: "-")
        guard (1...12).contains(month) else { return "\(written) is not a date: a year has 12 months" }
        guard fields.count == 3, let day = Int(fields[2]) else { return nil }
        let days = daysIn(month: month, year: year)
        guard (1...days).contains(day) else {
            return "\(written) is not a date: \(monthNames[month - 1]) \(fields[0]) has \(days) days"
        }
        return nil
    }

    /// The months' English names, for messages.
    private static let monthNames = [
        "January", "February", "March", "April", "May", "June", "July", "August", "September", "October",
        "November", "December",
    ]

    static func parseWithFormatStyle(_ text: String) -> Date? {
        let trimmed = text.trimmingCharacters(in: .whitespaces).replacingOccurrences(of: " ", with: "T")
        guard fieldsAreInRange(trimmed), impossibility(of: trimmed) == nil else { return nil }
        if let date = try? Date.ISO8601FormatStyle().parse(trimmed) { return date }
        if let date = try? Date.ISO8601FormatStyle(includingFractionalSeconds: true).parse(trimmed) { return date }
        if trimmed.count == 10, let date = try? Date.ISO8601FormatStyle().year().month().day().parse(trimmed) {
            return date
        }
        if trimmed.count == 16 { return parse(trimmed + ":00Z") }
        return nil
    }

    /// `2026-11-29T09:00:00Z` and `2026-11-29`, the forms nearly every page uses, computed
    /// directly (a format style costs tens of microseconds a date); `nil` for anything else,
    /// including years before 1900 (the Julian calendar is a format style's business).
    static func parseCommonForm(_ text: String) -> Date? {
        var text = text
        return text.withUTF8 { bytes -> Date? in
            guard bytes.count == 10 || bytes.count == 20 else { return nil }
            func number(_ from: Int, _ count: Int) -> Int? {
                var value = 0
                for byte in bytes[from..<(from + count)] {
                    guard (0x30...0x39).contains(byte) else { return nil }
                    value = value * 10 + Int(byte - 0x30)
                }
                return value
            }
            guard bytes[4] == 0x2D, bytes[7] == 0x2D, let year = number(0, 4), let month = number(5, 2),
                let day = number(8, 2), (1900...9999).contains(year), (1...12).contains(month),
                (1...daysIn(month: month, year: year)).contains(day)
            else { return nil }
            var seconds = 0
            if bytes.count == 20 {
                guard bytes[10] == 0x54, bytes[13] == 0x3A, bytes[16] == 0x3A, bytes[19] == 0x5A,
                    let hour = number(11, 2), let minute = number(14, 2), let second = number(17, 2),
                    hour < 24, minute < 60, second < 60
                else { return nil }
                seconds = hour * 3600 + minute * 60 + second
            }
            return Date(
                timeIntervalSince1970: Double(daysSince1970(year: year, month: month, day: day) * 86400 + seconds))
        }
    }

    private static func daysIn(month: Int, year: Int) -> Int {
        switch month {
        case 2: year % 4 == 0 && (year % 100 != 0 || year % 400 == 0) ? 29 : 28
        case 4, 6, 9, 11: 30
        default: 31
        }
    }

    /// Days from 1970-01-01 in the Gregorian calendar (Howard Hinnant's `days_from_civil`).
    private static func daysSince1970(year: Int, month: Int, day: Int) -> Int {
        let shiftedYear = month <= 2 ? year - 1 : year
        let era = shiftedYear / 400
        let yearOfEra = shiftedYear - era * 400
        let dayOfYear = (153 * (month > 2 ? month - 3 : month + 9) + 2) / 5 + day - 1
        let dayOfEra = yearOfEra * 365 + yearOfEra / 4 - yearOfEra / 100 + dayOfYear
        return era * 146097 + dayOfEra - 719468
    }

    /// Whether the month, day, hour, minute and second written are in range (the parser would
    /// otherwise roll `25:00` over into the next day).
    private static func fieldsAreInRange(_ text: String) -> Bool {
        let digits = text.split(whereSeparator: { !$0.isNumber }).map { Int($0) ?? -1 }
        let limits = [9999, 12, 31, 23, 59, 60]
        for (value, limit) in zip(digits, limits) where value > limit || value < 0 { return false }
        if digits.count > 2, digits[1] < 1 || digits[2] < 1 { return false }
        return true
    }

    /// The RFC 3339 form used in feeds, sitemaps and structured data.
    public static func rfc3339(_ date: Date) -> String {
        // Whole seconds in UTC, as `ISO8601FormatStyle` writes them, without its cost (a
        // sitemap writes one per page). Years before the Gregorian calendar (which it writes
        // in the Julian) or of other than four digits are left to it.
        var seconds = time_t(date.timeIntervalSince1970.rounded(.down))
        var parts = tm()
        guard gmtime_r(&seconds, &parts) != nil, (1600...9999).contains(Int(parts.tm_year) + 1900) else {
            return date.formatted(Date.ISO8601FormatStyle())
        }
        func two(_ value: Int32) -> String { value < 10 ? "0\(value)" : "\(value)" }
        return "\(parts.tm_year + 1900)-\(two(parts.tm_mon + 1))-\(two(parts.tm_mday))T"
            + "\(two(parts.tm_hour)):\(two(parts.tm_min)):\(two(parts.tm_sec))Z"
    }
}
