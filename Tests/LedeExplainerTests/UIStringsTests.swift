import Foundation
import LedeCore
import Testing

@testable import LedeContent
@testable import LedeExplainer

/// The labels for `language` with `yaml` as `Content/_strings.yaml`, and what loading them said.
private func strings(_ language: String, _ yaml: String? = nil) throws -> (UIStrings, [String]) {
    let node = try yaml.map {
        try DataReader.parse($0, at: SourceLocation(path: UIStrings.path, line: 1, column: 1))
    }
    var bag = DiagnosticBag()
    let strings = UIStrings(language: language, overrides: node, bag: &bag)
    return (strings, bag.diagnostics.map(\.description))
}

@Suite struct UIStringsTests {
    @Test func persianHasEveryLabelWithTheSamePlaceholders() {
        #expect(Set(UIStrings.persian.keys) == Set(UIStrings.Key.allCases))
        for key in UIStrings.Key.allCases {
            #expect(
                UIStrings.placeholders(in: UIStrings.persian[key] ?? "")
                    == UIStrings.placeholders(in: UIStrings.english(key)), "\(key)")
        }
    }

    @Test func tableIsChosenByThePrimaryLanguageSubtag() throws {
        let (british, britishProblems) = try strings("en-GB")
        #expect(british[.navTimeline] == "Timeline")
        #expect(britishProblems.isEmpty)
        let (persian, persianProblems) = try strings("fa-IR")
        #expect(persian[.navTimeline] == "گاه‌شمار")
        #expect(persianProblems.isEmpty)
    }

    @Test func aSiteOverridesLabels() throws {
        let (labels, problems) = try strings("en", "known: \"What we know\"\nnav_sourcing: How we know\n")
        #expect(problems.isEmpty)
        #expect(labels[.known] == "What we know")
        #expect(labels[.navSourcing] == "How we know")
        #expect(labels[.unknown] == "What the report does not say")
        #expect(labels.context["known"] == .string("What we know"))
    }

    @Test func unknownKeysAreLocatedErrors() throws {
        let (_, problems) = try strings("en", "known: \"What we know\"\nkey_pionts: Main points\nfoo: bar\n")
        #expect(
            problems == [
                "Content/_strings.yaml:2:13: error: unknown label 'key_pionts' (did you mean 'key_points'?)",
                "Content/_strings.yaml:3:6: error: unknown label 'foo': the labels are listed in the README, \"Labels and languages\"",
            ])
    }

    @Test func valuesMustBeTextWithTheSamePlaceholders() throws {
        let (labels, problems) = try strings("en", "close: [a, b]\nsource_paragraph: Paragraph {num}\n")
        #expect(
            problems == [
                "Content/_strings.yaml:1:8: error: label 'close' must be text, not a list",
                "Content/_strings.yaml:2:19: error: label 'source_paragraph' must have the placeholders {number} (it is filled in as: Source paragraph {number})",
            ])
        #expect(labels[.close] == "Close")
    }

    @Test func aLanguageWithoutATableIsEnglishWithOneWarning() throws {
        let (labels, problems) = try strings("de")
        #expect(labels[.navTimeline] == "Timeline")
        #expect(
            problems == [
                "Content/_site.yaml: warning: Lede has no built-in labels in 'de': \(UIStrings.Key.allCases.count) labels are shown in English (skip_link, nav_label, nav_overview, nav_timeline, nav_glossary, …); translate them in Content/_strings.yaml"
            ])
        let (translated, rest) = try strings("de", "nav_timeline: Zeitleiste\n")
        #expect(translated[.navTimeline] == "Zeitleiste")
        #expect(
            rest == [
                "Content/_strings.yaml:1:1: warning: \(UIStrings.Key.allCases.count - 1) labels have no 'de' text in Content/_strings.yaml and are shown in English: skip_link, nav_label, nav_overview, nav_glossary, nav_sourcing, …"
            ])
    }

    @Test func formatFillsPlaceholdersOnce() {
        #expect(
            UIStrings.english.format(.placeLabel, ["page": "Timeline", "item": "A {page} b"]) == "Timeline: A {page} b")
        #expect(UIStrings.english.format(.sourceParagraph, ["number": "3"]) == "Source paragraph 3")
        #expect(UIStrings.english.format(.dateFormat, [:]) == "{day} {month} {year}")
    }

    @Test func datesUseTheLabels() throws {
        let day = try #require(DateParser.parse("2026-11-29"))
        let time = try #require(DateParser.parse("2026-11-29T09:05:00Z"))
        let persian = try strings("fa").0
        let here = SourceLocation(path: "Content/index.md")
        let bare = WrittenDate(text: "2026-11-29", date: day, location: here)
        let timed = WrittenDate(text: "2026-11-29T09:05:00Z", date: time, location: here)
        #expect(DateText.display(bare, strings: .english) == "29 November 2026")
        #expect(DateText.display(timed, strings: .english) == "29 November 2026, 09:05 UTC")
        #expect(DateText.display(timed, strings: persian) == "29 نوامبر 2026، ساعت 09:05 به وقت UTC")
    }

    @Test(
        arguments: [
            ("en", TextDirection.ltr), ("en-GB", .ltr), ("fa", .rtl), ("fa-IR", .rtl), ("ar-EG", .rtl), ("he", .rtl),
            ("ur", .rtl), ("ckb", .rtl), ("az-Arab", .rtl), ("az", .ltr), ("ku-Latn-TR", .ltr), ("zh-Hant-TW", .ltr),
            ("sr-Cyrl", .ltr), ("zh-yue-HK", .ltr), ("pa-Arab-PK", .rtl),
        ] as [(String, TextDirection)])
    func direction(language: String, expected: TextDirection) {
        #expect(TextDirection(language: language) == expected)
    }
}
