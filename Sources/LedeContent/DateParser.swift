public import Foundation

/// Parses the ISO 8601 dates authors write in front matter.
public enum DateParser {
    /// `2026-11-29`, `2026-11-29T09:00:00Z`, `2026-11-29T09:00:00+01:00`, `2026-11-29 09:00`.
    /// - Returns: The instant (a bare date is midnight UTC), or `nil` when the text is not such a date.
    public static func parse(_ text: String) -> Date? {
        let trimmed = text.trimmingCharacters(in: .whitespaces).replacingOccurrences(of: " ", with: "T")
        guard fieldsAreInRange(trimmed) else { return nil }
        if let date = try? Date.ISO8601FormatStyle().parse(trimmed) { return date }
        if let date = try? Date.ISO8601FormatStyle(includingFractionalSeconds: true).parse(trimmed) { return date }
        if trimmed.count == 10, let date = try? Date.ISO8601FormatStyle().year().month().day().parse(trimmed) {
            return date
        }
        if trimmed.count == 16 { return parse(trimmed + ":00Z") }
        return nil
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
        date.formatted(Date.ISO8601FormatStyle())
    }
}
