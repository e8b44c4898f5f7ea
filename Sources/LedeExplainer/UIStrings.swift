public import LedeContent
public import LedeCore

/// The words of the theme (labels such as "Timeline", "What the report says", certainty
/// names and their definitions, month names) in the site's language.
///
/// Each language Lede knows has a built-in table: English (``english(_:)``) and Persian
/// (`fa`). The table is chosen by the primary subtag of the site's `language` (`fa-IR` → `fa`).
/// A site overrides any label in `Content/_strings.yaml`, a mapping of keys to text in the
/// site's language:
///
/// ```yaml
/// nav_sourcing: "How we know"
/// known: "What we know"
/// ```
///
/// A key that is not a label is an error at its line (typo protection). For a language without
/// a built-in table the labels are English unless the file translates them, and the build
/// warns once, listing the labels still in English. Keys with `{placeholders}` (`{term}`,
/// `{number}`, `{page}`, `{item}`, `{day}`, `{month}`, `{year}`, `{date}`, `{time}`) must keep
/// exactly the placeholders of the English text.
///
/// Templates read every label as `{{strings.<key>}}`; Swift code reads them with the
/// subscript.
public struct UIStrings: Sendable, Hashable {
    /// Where a site overrides the labels.
    public static let path = "Content/_strings.yaml"

    /// A label of the theme; its raw value is the key in `Content/_strings.yaml` and templates.
    public enum Key: String, CaseIterable, Sendable {
        case skipLink = "skip_link"
        case navLabel = "nav_label"
        case navOverview = "nav_overview"
        case navTimeline = "nav_timeline"
        case navGlossary = "nav_glossary"
        case navSourcing = "nav_sourcing"
        case navSourceText = "nav_source_text"
        case navUpdates = "nav_updates"
        case moreHeading = "more_heading"
        case kickerExplainer = "kicker_explainer"
        case feedTitle = "feed_title"
        case reportError = "report_error"
        case correctionsNote = "corrections_note"
        case publishedBy = "published_by"
        case writtenBy = "written_by"
        case updatesFeed = "updates_feed"
        case glossaryEntryFor = "glossary_entry_for"
        case close = "close"
        case definitionOf = "definition_of"
        case by = "by"
        case published = "published"
        case updated = "updated"
        case minRead = "min_read"
        case accordingTo = "according_to"
        case developingTitle = "developing_title"
        case developingText = "developing_text"
        case developingLink = "developing_link"
        case keyPoints = "key_points"
        case known = "known"
        case unknown = "unknown"
        case toc = "toc"
        case timelineExport = "timeline_export"
        case certaintyHeading = "certainty_heading"
        case certaintyStated = "certainty_stated"
        case certaintyStatedMeans = "certainty_stated_means"
        case certaintyReported = "certainty_reported"
        case certaintyReportedMeans = "certainty_reported_means"
        case certaintyExpected = "certainty_expected"
        case certaintyExpectedMeans = "certainty_expected_means"
        case certaintyDisputed = "certainty_disputed"
        case certaintyDisputedMeans = "certainty_disputed_means"
        case precisionYear = "precision_year"
        case precisionMonth = "precision_month"
        case precisionDay = "precision_day"
        case precisionRelative = "precision_relative"
        case precisionUnknown = "precision_unknown"
        case backgroundNote = "background_note"
        case alsoWrittenAs = "also_written_as"
        case related = "related"
        case usedIn = "used_in"
        case references = "references"
        case sourcesHeading = "sources_heading"
        case sourceKind = "source_kind"
        case sourceRole = "source_role"
        case sourceAttribution = "source_attribution"
        case sourceCount = "source_count"
        case sourceVantage = "source_vantage"
        case sourceWhyAnonymous = "source_why_anonymous"
        case inTheReport = "in_the_report"
        case claimsOnSource = "claims_on_source"
        case eventsOnSource = "events_on_source"
        case unconfirmedHeading = "unconfirmed_heading"
        case attributionNamed = "attribution_named"
        case attributionOnRecordUnnamed = "attribution_on_record_unnamed"
        case attributionAnonymous = "attribution_anonymous"
        case notStated = "not_stated"
        case placeKeyPoint = "place_key_point"
        case placeKnown = "place_known"
        case placeUnknown = "place_unknown"
        case placeUnconfirmed = "place_unconfirmed"
        case placeLabel = "place_label"
        case itemKeyPoint = "item_key_point"
        case itemKnown = "item_known"
        case itemUnknown = "item_unknown"
        case itemUnconfirmed = "item_unconfirmed"
        case sourceFile = "source_file"
        case sourceNote = "source_note"
        case paragraph = "paragraph"
        case citedBy = "cited_by"
        case sourceDescription = "source_description"
        case sourceParagraph = "source_paragraph"
        case paragraphNew = "paragraph_new"
        case paragraphChanged = "paragraph_changed"
        case paragraphUnchanged = "paragraph_unchanged"
        case paragraphRemoved = "paragraph_removed"
        case paragraphWas = "paragraph_was"
        case paragraphPartOf = "paragraph_part_of"
        case whatChanged = "what_changed"
        case sourceMarks = "source_marks"
        case sourceRevisionsLink = "source_revisions_link"
        case citedCount = "cited_count"
        case citedAll = "cited_all"
        case diffDeleted = "diff_deleted"
        case diffInserted = "diff_inserted"
        case revisionsTitle = "revisions_title"
        case revisionsDescription = "revisions_description"
        case revisionsNote = "revisions_note"
        case revisionHeading = "revision_heading"
        case revisionCurrent = "revision_current"
        case revisionFirst = "revision_first"
        case revisionCompared = "revision_compared"
        case revisionCounts = "revision_counts"
        case revisionNote = "revision_note"
        case revisionEntryTitle = "revision_entry_title"
        case revisionAffects = "revision_affects"
        case revisionAffectsNone = "revision_affects_none"
        case sourceRevision = "source_revision"
        case sourceParagraphAsOf = "source_paragraph_as_of"
        case update = "update"
        case correction = "correction"
        case followUpdates = "follow_updates"
        case notFoundTitle = "not_found_title"
        case notFoundDescription = "not_found_description"
        case notFoundDek = "not_found_dek"
        case goToOverview = "go_to_overview"
        case month1 = "month_1"
        case month2 = "month_2"
        case month3 = "month_3"
        case month4 = "month_4"
        case month5 = "month_5"
        case month6 = "month_6"
        case month7 = "month_7"
        case month8 = "month_8"
        case month9 = "month_9"
        case month10 = "month_10"
        case month11 = "month_11"
        case month12 = "month_12"
        case dateFormat = "date_format"
        case dateTimeFormat = "date_time_format"
    }

    private var texts: [Key: String]

    /// The English labels, without overrides.
    public static let english = UIStrings(
        texts: Dictionary(uniqueKeysWithValues: Key.allCases.map { ($0, english($0)) }))

    /// The built-in tables other than English, by primary language subtag.
    static let builtIn: [String: [Key: String]] = ["fa": persian]

    private init(texts: [Key: String]) {
        self.texts = texts
    }

    /// The labels for a site: the built-in table of its language, with its overrides.
    /// - Parameters:
    ///   - language: The site's BCP 47 language tag.
    ///   - overrides: `Content/_strings.yaml`, if the site has one.
    ///   - bag: Receives an error for every unknown key, value that is not text, and changed
    ///     placeholder, and a warning when labels are shown in English on a site in another
    ///     language.
    public init(language: String, overrides: DataNode?, bag: inout DiagnosticBag) {
        let primary = language.split(separator: "-").first.map { $0.lowercased() } ?? ""
        var texts = primary == "en" ? Self.english.texts : Self.builtIn[primary] ?? [:]
        let hasTable = primary == "en" || Self.builtIn[primary] != nil
        if let overrides {
            if case .map = overrides.value {
                for (key, node) in overrides.members {
                    guard let known = Key(rawValue: key) else {
                        bag.add(Diagnostic(at: node.location, Self.unknownKeyMessage(key)))
                        continue
                    }
                    guard let text = node.text else {
                        bag.add(Diagnostic(at: node.location, "label '\(key)' must be text, not \(node.kindName)"))
                        continue
                    }
                    let expected = Self.placeholders(in: Self.english(known))
                    guard Self.placeholders(in: text) == expected else {
                        bag.add(
                            Diagnostic(
                                at: node.location,
                                "label '\(key)' must have the placeholders "
                                    + expected.sorted().map { "{\($0)}" }.joined(separator: " ")
                                    + " (it is filled in as: \(Self.english(known)))"))
                        continue
                    }
                    texts[known] = text
                }
            } else if !overrides.isNull {
                bag.add(
                    Diagnostic(
                        at: overrides.location,
                        "\(Self.path) must be a mapping of labels to text (such as known: \"What we know\"), not \(overrides.kindName)"
                    ))
            }
        }
        let missing = Key.allCases.filter { texts[$0] == nil }
        if !hasTable, !missing.isEmpty {
            let listed = missing.prefix(5).map(\.rawValue).joined(separator: ", ") + (missing.count > 5 ? ", …" : "")
            let message =
                overrides == nil
                ? "Lede has no built-in labels in '\(language)': \(missing.count) labels are shown in English "
                    + "(\(listed)); translate them in \(Self.path)"
                : "\(missing.count) labels have no '\(language)' text in \(Self.path) and are shown in English: \(listed)"
            bag.add(
                Diagnostic(.warning, at: overrides?.location ?? SourceLocation(path: SiteConfig.path), message))
        }
        self.texts = texts
    }

    /// The label the navigation gives a page of this kind (`Overview`, `Timeline`, …), or
    /// `nil` for a kind the navigation does not list: "cited by" groups and places name
    /// explainer pages the same way.
    public func navigationLabel(of kind: PageKind) -> String? {
        switch kind {
        case .overview: self[.navOverview]
        case .timeline: self[.navTimeline]
        case .glossary: self[.navGlossary]
        case .sourcing: self[.navSourcing]
        case .updates: self[.navUpdates]
        default: nil
        }
    }

    /// The text of a label.
    public subscript(key: Key) -> String {
        texts[key] ?? Self.english(key)
    }

    /// A label with its placeholders filled in: `format(.sourceParagraph, ["number": "3"])`.
    /// - Parameters:
    ///   - key: The label.
    ///   - values: The text of each placeholder, by name without braces.
    /// - Returns: The label's text with every `{name}` of `values` replaced.
    public func format(_ key: Key, _ values: [String: String]) -> String {
        // One pass over the label, so that a value holding braces ("{item}" in a title) is
        // never filled in itself.
        let label = self[key]
        var text = ""
        var rest = label[...]
        while let open = rest.firstIndex(of: "{") {
            text += rest[..<open]
            let after = rest[rest.index(after: open)...]
            if let close = after.firstIndex(of: "}"), let value = values[String(after[..<close])] {
                text += value
                rest = after[after.index(after: close)...]
            } else {
                text += "{"
                rest = after
            }
        }
        return text + rest
    }

    /// Every label by key, for templates: `{{strings.key_points}}`.
    public var context: ContextValue {
        .object(Dictionary(uniqueKeysWithValues: Key.allCases.map { ($0.rawValue, .string(self[$0])) }))
    }

    /// The names of the `{placeholders}` in a text.
    static func placeholders(in text: String) -> Set<String> {
        var names: Set<String> = []
        var rest = text[...]
        while let open = rest.firstIndex(of: "{") {
            let after = rest[rest.index(after: open)...]
            guard let close = after.firstIndex(of: "}") else { break }
            let name = after[..<close]
            if !name.isEmpty, name.allSatisfy({ $0.isLetter || $0 == "_" }) { names.insert(String(name)) }
            rest = after[after.index(after: close)...]
        }
        return names
    }

    /// "unknown label 'x'", with the nearest key when one is close (a typo).
    private static func unknownKeyMessage(_ key: String) -> String {
        if let nearest = NearMiss.suggestion(for: key, among: Key.allCases.map(\.rawValue)) {
            return "unknown label '\(key)' (did you mean '\(nearest)'?)"
        }
        return "unknown label '\(key)': the labels are listed in the README, \"Labels and languages\""
    }
}
