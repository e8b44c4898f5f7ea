import Foundation
import LedeContent

/// Dates as readers and machines see them.
enum DateText {
    private static let months: [UIStrings.Key] = [
        .month1, .month2, .month3, .month4, .month5, .month6, .month7, .month8, .month9, .month10, .month11, .month12,
    ]

    /// "29 November 2026, 09:00 UTC" (or without the time for a bare date), in the words and
    /// order of the site's labels (`date_format`, `date_time_format`, `month_1`…).
    static func display(_ written: WrittenDate, strings: UIStrings) -> String {
        var calendar = Calendar(identifier: .gregorian)
        calendar.timeZone = TimeZone(identifier: "UTC")!
        let parts = calendar.dateComponents([.year, .month, .day, .hour, .minute], from: written.date)
        let day = strings.format(
            .dateFormat,
            ["day": "\(parts.day!)", "month": strings[months[parts.month! - 1]], "year": "\(parts.year!)"])
        guard written.text.count > 10 else { return day }
        return strings.format(
            .dateTimeFormat, ["date": day, "time": String(format: "%02d:%02d", parts.hour!, parts.minute!)])
    }

    /// The `datetime` attribute and structured-data value: the date as written when bare,
    /// else RFC 3339 in UTC.
    static func machine(_ written: WrittenDate) -> String {
        written.text.count == 10 ? written.text : DateParser.rfc3339(written.date)
    }
}
