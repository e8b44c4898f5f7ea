import Foundation
import LedeContent

/// Dates as readers and machines see them.
enum DateText {
    private static let months = [
        "January", "February", "March", "April", "May", "June", "July", "August", "September", "October", "November",
        "December",
    ]

    /// "29 November 2026, 09:00 UTC" (or without the time for a bare date).
    static func display(_ written: WrittenDate) -> String {
        var calendar = Calendar(identifier: .gregorian)
        calendar.timeZone = TimeZone(identifier: "UTC")!
        let parts = calendar.dateComponents([.year, .month, .day, .hour, .minute], from: written.date)
        let day = "\(parts.day!) \(months[parts.month! - 1]) \(parts.year!)"
        guard written.text.count > 10 else { return day }
        return day + String(format: ", %02d:%02d UTC", parts.hour!, parts.minute!)
    }

    /// The `datetime` attribute and structured-data value: the date as written when bare,
    /// else RFC 3339 in UTC.
    static func machine(_ written: WrittenDate) -> String {
        written.text.count == 10 ? written.text : DateParser.rfc3339(written.date)
    }
}
