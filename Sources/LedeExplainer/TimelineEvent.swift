public import LedeContent
import LedeCore

/// How precisely the source dates an event.
public enum DatePrecision: String, Sendable, Hashable, CaseIterable {
    /// A year (`2024`).
    case year
    /// A month (`2025-09`).
    case month
    /// A day (`2025-09-14`).
    case day
    /// Relative words only ("Monday evening", "earlier this year").
    case relative
    /// No date at all.
    case unknown

    /// The label shown to readers.
    public var label: UIStrings.Key {
        switch self {
        case .year: .precisionYear
        case .month: .precisionMonth
        case .day: .precisionDay
        case .relative: .precisionRelative
        case .unknown: .precisionUnknown
        }
    }
}

/// How sure the report is that an event happened as told.
public enum Certainty: String, Sendable, Hashable, CaseIterable {
    /// Stated by the report in its own voice, without a source (not checked independently:
    /// "confirmed" would say more than that, so the word is not used).
    case stated
    /// Reported, attributed to sources.
    case reported
    /// Expected or planned.
    case expected
    /// Disputed.
    case disputed

    /// The label shown to readers.
    public var label: UIStrings.Key {
        switch self {
        case .stated: .certaintyStated
        case .reported: .certaintyReported
        case .expected: .certaintyExpected
        case .disputed: .certaintyDisputed
        }
    }

    /// What the label means, in words for readers.
    public var meaning: UIStrings.Key {
        switch self {
        case .stated: .certaintyStatedMeans
        case .reported: .certaintyReportedMeans
        case .expected: .certaintyExpectedMeans
        case .disputed: .certaintyDisputedMeans
        }
    }
}

/// One event on the timeline, from `Content/timeline/<id>.md`.
public struct TimelineEvent: Sendable, Hashable {
    /// The event's page (its body is the event's text).
    public var page: Page
    /// Its explicit position.
    public var order: Int
    /// The date as the report words it.
    public var dateText: String
    /// How precise that is.
    public var precision: DatePrecision
    /// The machine-readable date at that precision (`2024`, `2025-09`, `2025-09-14`), if any.
    public var value: String?
    /// A note on the date ("the report gives no calendar date").
    public var dateNote: String?
    /// How sure the report is.
    public var certainty: Certainty
    /// Ids of the sources it rests on.
    public var sourceIDs: [String]

    /// Reads an event's front matter; its source ids are checked with the site's other uses.
    /// - Throws: ``DiagnosticError`` with every problem.
    init(page: Page) throws {
        self.page = page
        var bag = DiagnosticBag()
        let front = page.frontMatter
        order = page.order ?? 0
        if page.order == nil {
            bag.add(
                front.missingKey(
                    "order", "timeline event needs an explicit 'order' (a whole number)", known: Self.keys))
        }
        dateText = ""
        precision = .unknown
        certainty = .reported
        // Checked, with every other use of a source id, by `Explainer.checkSourceReferences`.
        sourceIDs = ((try? front["sources"]?.requireTextList("'sources'")) ?? []).map(\.text)
        if let date = front["date"], case .map = date.value {
            dateText =
                bag.collect(at: date.location) { try date["text"].map { try $0.requireText("'date.text'") } ?? "" }
                ?? ""
            if date["text"] == nil {
                bag.add(
                    date.missingKey(
                        "text", "'date' needs 'text': the date in the report's own words",
                        known: FrontMatterKeys.dateKeys))
            }
            var precisionRead = false
            if let node = date["precision"] {
                let raw = node.text ?? ""
                if let value = DatePrecision(rawValue: raw) {
                    precision = value
                    precisionRead = true
                } else {
                    bag.add(
                        Diagnostic(
                            at: node.location,
                            "unknown date precision '\(raw)' (precisions: \(DatePrecision.allCases.map(\.rawValue).joined(separator: ", ")))"
                        ))
                }
            } else {
                bag.add(
                    date.missingKey(
                        "precision", "'date' needs 'precision': year, month, day, relative or unknown",
                        known: FrontMatterKeys.dateKeys))
            }
            value = date["value"]?.text
            dateNote = date["note"]?.text
            // Without a precision, the value cannot be checked against it: one error is enough.
            if precisionRead { checkValue(in: date, bag: &bag) }
        } else {
            let message =
                "timeline event needs 'date' with 'text' and 'precision' (and 'value' for year, month or day)"
            bag.add(
                front["date"].map { Diagnostic(at: $0.location, message) }
                    ?? front.missingKey("date", message, known: Self.keys))
        }
        if let node = front["certainty"] {
            let raw = node.text ?? ""
            if let value = Certainty(rawValue: raw) {
                certainty = value
            } else if raw == "confirmed" {
                bag.add(
                    Diagnostic(
                        at: node.location,
                        "certainty 'confirmed' is now 'stated': it means the report states it in its own voice, "
                            + "not that anyone confirmed it"))
            } else {
                bag.add(
                    Diagnostic(
                        at: node.location,
                        "unknown certainty '\(raw)' (certainties: \(Certainty.allCases.map(\.rawValue).joined(separator: ", ")))"
                    ))
            }
        } else {
            bag.add(
                front.missingKey(
                    "certainty", "timeline event needs 'certainty': stated, reported, expected or disputed",
                    known: Self.keys))
        }
        try bag.throwIfErrors()
    }

    /// The keys an event's front matter may have.
    private static let keys = FrontMatterKeys.keys(of: .event)

    private func checkValue(in date: DataNode, bag: inout DiagnosticBag) {
        let location = date["value"]?.location ?? date.location
        let patterns: [DatePrecision: (digits: [Int], example: String)] = [
            .year: ([4], "2024"), .month: ([4, 2], "2025-09"), .day: ([4, 2, 2], "2025-09-14"),
        ]
        guard let pattern = patterns[precision] else {
            if let value {
                bag.add(
                    Diagnostic(
                        at: location,
                        "a \(precision.rawValue) date cannot have a value ('\(value)'): it would claim more precision than the source gives"
                    ))
            }
            return
        }
        guard let value else {
            bag.add(
                date.missingKey(
                    "value", "a \(precision.rawValue) date needs 'value' (like \(pattern.example))",
                    known: FrontMatterKeys.dateKeys))
            return
        }
        let parts = value.split(separator: "-", omittingEmptySubsequences: false)
        let valid =
            parts.map(\.count) == pattern.digits && parts.allSatisfy { $0.allSatisfy(\.isASCII) && Int($0) != nil }
        if !valid {
            bag.add(
                Diagnostic(
                    at: location,
                    "date value '\(value)' does not match precision \(precision.rawValue) (like \(pattern.example))"))
        } else if let impossibility = DateParser.impossibility(of: value) {
            bag.add(Diagnostic(at: location, impossibility))
        }
    }

    /// The year, month and day known, for exports.
    public var components: (year: Int, month: Int?, day: Int?)? {
        guard let value, [.year, .month, .day].contains(precision) else { return nil }
        let parts = value.split(separator: "-").compactMap { Int($0) }
        guard let year = parts.first else { return nil }
        return (year, parts.count > 1 ? parts[1] : nil, parts.count > 2 ? parts[2] : nil)
    }
}
