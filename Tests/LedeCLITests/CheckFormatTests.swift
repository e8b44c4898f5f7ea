import Foundation
import LedeCore
import Testing

@testable import LedeCLI

/// `lede check --format json|sarif`, run through the real binary on a copy of the bundled site
/// with one known finding.
@Suite(.serialized) struct CheckFormatTests {
    /// A copy of the bundled site whose about page ends with a link to a page that does not exist,
    /// at line 24, column 5, where the link starts (the bundled about page has 22 lines).
    func withBrokenLink<T>(_ body: (URL) throws -> T) throws -> T {
        try withSiteCopy { site in
            let about = site.appendingPathComponent("Content/about.md")
            let text = try String(contentsOf: about, encoding: .utf8)
            try #require(text.split(separator: "\n", omittingEmptySubsequences: false).count == 23)
            try Data((text + "\nSee [the map](/no-such-page/).\n").utf8).write(to: about)
            return try body(site)
        }
    }

    static let brokenLinkMessage =
        "broken link '/explainers/iran-deportations/no-such-page/' in about/index.html"

    func parse(_ text: String) throws -> [String: Any] {
        let value = try JSONSerialization.jsonObject(with: Data(text.utf8))
        return try #require(value as? [String: Any])
    }

    @Test func sarifHasEveryPropertySARIF210RequiresAndLocatesTheFinding() throws {
        try withBrokenLink { site in
            // Run from the folder above the site: the URI is relative to where lede ran.
            let named = try runLede(
                ["check", site.lastPathComponent, "--format", "sarif"], in: site.deletingLastPathComponent())
            #expect(named.status == 1)
            #expect(named.stderr == "")
            let log = try parse(named.stdout)
            #expect(SARIFShape.violations(in: log) == [])

            let run = try #require((log["runs"] as? [[String: Any]])?.first)
            let results = try #require(run["results"] as? [[String: Any]])
            #expect(results.count == 1)
            let finding = try #require(results.first)
            #expect(finding["ruleId"] as? String == "link")
            #expect(finding["level"] as? String == "error")
            #expect((finding["message"] as? [String: Any])?["text"] as? String == Self.brokenLinkMessage)
            let physical = try #require(
                ((finding["locations"] as? [[String: Any]])?.first)?["physicalLocation"] as? [String: Any])
            #expect(
                (physical["artifactLocation"] as? [String: Any])?["uri"] as? String
                    == "\(site.lastPathComponent)/Content/about.md")
            let region = try #require(physical["region"] as? [String: Any])
            #expect(region["startLine"] as? Int == 24)
            #expect(region["startColumn"] as? Int == 5)
            let driver = try #require((run["tool"] as? [String: Any])?["driver"] as? [String: Any])
            #expect(driver["name"] as? String == "lede")
            #expect(driver["version"] as? String == LedeVersion.current)
            let ruleIDs = (driver["rules"] as? [[String: Any]] ?? []).compactMap { $0["id"] as? String }
            #expect(ruleIDs == ["citation", "uncited", "glossary-link", "page-link", "link", "page", "claim", "build"])
            #expect(ruleIDs[finding["ruleIndex"] as? Int ?? -1] == "link")

            // From inside the site, the URI is the site-relative path.
            let inside = try runLede(["check", "--format", "sarif"], in: site)
            let insideRun = try #require((try parse(inside.stdout)["runs"] as? [[String: Any]])?.first)
            let uri =
                ((((insideRun["results"] as? [[String: Any]])?.first?["locations"] as? [[String: Any]])?.first?[
                    "physicalLocation"] as? [String: Any])?["artifactLocation"] as? [String: Any])?["uri"] as? String
            #expect(uri == "Content/about.md")
        }
    }

    @Test func jsonListsEachDiagnosticWithItsRuleAndPlace() throws {
        try withBrokenLink { site in
            let result = try runLede(["check", "--format", "json"], in: site)
            #expect(result.status == 1)
            #expect(result.stderr == "")
            let document = try parse(result.stdout)
            #expect(document["tool"] as? String == "lede")
            #expect(document["version"] as? String == LedeVersion.current)
            #expect(document["problems"] as? Int == 1)
            #expect(document["pages"] is NSNull, "the build stopped on errors: pages is there, null")
            let diagnostics = try #require(document["diagnostics"] as? [[String: Any]])
            let errors = diagnostics.filter { $0["severity"] as? String == "error" }
            #expect(errors.count == 1)
            let error = try #require(errors.first)
            #expect(error["rule"] as? String == "link")
            #expect(error["message"] as? String == Self.brokenLinkMessage)
            #expect(error["file"] as? String == "Content/about.md")
            #expect(error["line"] as? Int == 24)
            #expect(error["column"] as? Int == 5)
            #expect((error["causes"] as? [Any])?.isEmpty == true)
            // Notes are listed, as notes, and are not problems.
            #expect(diagnostics.filter { $0["severity"] as? String == "note" }.count == diagnostics.count - 1)
        }
    }

    /// A copy of the bundled site whose build stops on an error (an unknown template) after a
    /// warning was found (a seed description without its text).
    func withWarningAndError<T>(_ body: (URL) throws -> T) throws -> T {
        try withSiteCopy { site in
            try Data("title: Stray\n".utf8).write(to: site.appendingPathComponent("seeds/stray.yaml"))
            let about = site.appendingPathComponent("Content/about.md")
            let text = try String(contentsOf: about, encoding: .utf8)
            try Data(("---\ntemplate: nope\n" + text.dropFirst("---\n".count)).utf8).write(to: about)
            return try body(site)
        }
    }

    static let unknownTemplate =
        "unknown template 'nope' (templates: 404, base, glossary, overview, page, partials/byline, partials/more, "
        + "partials/sources, revisions, source, sourcing, timeline, updates)"
    static let straySeed =
        "no seeds/stray.txt beside this file: it describes no source document and is ignored (add the text or delete the file)"

    /// Check is strict: the warnings a failed build found so far are errors too, and counted, in
    /// every format (once they were printed as warnings and left out of the count).
    @Test func warningsOfAFailedBuildAreCountedAsErrors() throws {
        try withWarningAndError { site in
            let text = try runLede(["check"], in: site)
            #expect(text.status == 1)
            #expect(text.stdout == "")
            let lines = text.stderr.split(separator: "\n").filter { !$0.hasPrefix("lede: note: ") }
            #expect(
                lines == [
                    "Content/about.md:2:11: error: \(Self.unknownTemplate)",
                    "seeds/stray.yaml: error: \(Self.straySeed)",
                    "lede: found 2 problems",
                ])

            let json = try parse(try runLede(["check", "--format", "json"], in: site).stdout)
            #expect(json["problems"] as? Int == 2)
            let entries = try #require(json["diagnostics"] as? [[String: Any]]).filter {
                $0["severity"] as? String != "note"
            }
            #expect(
                entries.map { "\($0["severity"] ?? "-") \($0["rule"] ?? "-") \($0["file"] ?? "-")" } == [
                    "error build Content/about.md", "error build seeds/stray.yaml",
                ])

            let sarif = try runLede(["check", "--format", "sarif"], in: site)
            #expect(sarif.status == 1)
            let run = try #require((try parse(sarif.stdout)["runs"] as? [[String: Any]])?.first)
            let results = try #require(run["results"] as? [[String: Any]])
            #expect(results.map { $0["level"] as? String } == ["error", "error"])
        }
    }

    /// `pages` is always in the JSON document: `null` when the build stopped on errors.
    @Test func jsonAlwaysHasPages() throws {
        try withWarningAndError { site in
            let result = try runLede(["check", "--format", "json"], in: site)
            #expect(result.stderr == "")
            #expect(result.stdout.contains("\n  \"pages\" : null,\n"))
            #expect(try parse(result.stdout).keys.sorted() == ["diagnostics", "pages", "problems", "tool", "version"])
        }
    }

    @Test func citationGlossaryAndPageLinkErrorsHaveTheirRules() throws {
        try withSiteCopy { site in
            let about = site.appendingPathComponent("Content/about.md")
            let text = try String(contentsOf: about, encoding: .utf8)
            let added = "\nA claim [¶99](seed:p99).\n\nA [term](term:nope).\n\nA [page](nowhere.md).\n"
            try Data((text + added).utf8).write(to: about)
            let result = try runLede(["check", "--format", "json"], in: site)
            #expect(result.status == 1)
            let document = try parse(result.stdout)
            let diagnostics = try #require(document["diagnostics"] as? [[String: Any]])
            let rules = diagnostics.map { "\($0["rule"] ?? "-") \($0["file"] ?? "-"):\($0["line"] ?? "-")" }
            #expect(
                rules == [
                    "citation Content/about.md:24", "glossary-link Content/about.md:26",
                    "page-link Content/about.md:28",
                ])
        }
    }

    @Test func aCleanSiteIsAnEmptyListOfResults() throws {
        try withSiteCopy { site in
            let result = try runLede(["check", "--format", "sarif"], in: site)
            #expect(result.status == 0, "\(result.stdout)")
            let log = try parse(result.stdout)
            #expect(SARIFShape.violations(in: log) == [])
            let run = try #require((log["runs"] as? [[String: Any]])?.first)
            #expect((run["results"] as? [Any])?.isEmpty == true)
            let json = try parse(try runLede(["check", "--format", "json"], in: site).stdout)
            #expect(json["problems"] as? Int == 0)
            #expect(json["pages"] as? Int == 8)
        }
    }

    /// The shape check finds what is missing: it would not let a broken log through.
    @Test func theShapeCheckFindsMissingAndMistypedProperties() {
        let broken: [String: Any] = [
            "version": "2.0.0",
            "runs": [
                [
                    "tool": ["driver": ["rules": [["name": "x"]]]],
                    "results": [
                        [
                            "ruleId": 3, "level": "fatal",
                            "locations": [
                                ["physicalLocation": ["artifactLocation": ["uri": 1], "region": ["startLine": 0]]]
                            ],
                        ]
                    ],
                ]
            ],
        ]
        #expect(
            SARIFShape.violations(in: broken) == [
                "$schema: missing or not a string",
                "version: not 2.1.0",
                "runs[0].tool.driver.name: missing or not a string",
                "runs[0].tool.driver.rules[0].id: missing or not a string",
                "runs[0].results[0].message.text: missing or not a string",
                "runs[0].results[0].ruleId: not a string",
                "runs[0].results[0].level: not one of none, note, warning, error",
                "runs[0].results[0].locations[0].physicalLocation.artifactLocation.uri: missing or not a string",
                "runs[0].results[0].locations[0].physicalLocation.region.startLine: not an integer of at least 1",
            ])
    }
}

/// The properties and types the SARIF 2.1.0 schema requires of what Lede writes (and those the
/// task names: `$schema`, `rules`), checked on a parsed log. `informationUri` is optional, and
/// Lede has no public home page to give.
enum SARIFShape {
    static func violations(in log: [String: Any]) -> [String] {
        var found: [String] = []
        func string(_ object: [String: Any]?, _ key: String, _ path: String) {
            if !(object?[key] is String) { found.append("\(path)\(key): missing or not a string") }
        }
        func position(_ object: [String: Any], _ key: String, _ path: String, required: Bool) {
            guard let value = object[key] else {
                if required { found.append("\(path)\(key): not an integer of at least 1") }
                return
            }
            if !((value as? Int).map { $0 >= 1 } ?? false) {
                found.append("\(path)\(key): not an integer of at least 1")
            }
        }
        string(log, "$schema", "")
        if log["version"] as? String != "2.1.0" { found.append("version: not 2.1.0") }
        guard let runs = log["runs"] as? [[String: Any]] else { return found + ["runs: missing or not an array"] }
        for (r, run) in runs.enumerated() {
            let at = "runs[\(r)]."
            let driver = (run["tool"] as? [String: Any])?["driver"] as? [String: Any]
            string(driver, "name", at + "tool.driver.")
            guard let rules = driver?["rules"] as? [[String: Any]] else {
                found.append(at + "tool.driver.rules: missing or not an array")
                continue
            }
            for (index, rule) in rules.enumerated() { string(rule, "id", at + "tool.driver.rules[\(index)].") }
            guard let results = run["results"] as? [[String: Any]] else {
                found.append(at + "results: missing or not an array")
                continue
            }
            for (index, result) in results.enumerated() {
                let here = at + "results[\(index)]."
                string(result["message"] as? [String: Any], "text", here + "message.")
                if let ruleID = result["ruleId"], !(ruleID is String) { found.append(here + "ruleId: not a string") }
                if let level = result["level"], !["none", "note", "warning", "error"].contains(level as? String ?? "") {
                    found.append(here + "level: not one of none, note, warning, error")
                }
                for (l, location) in (result["locations"] as? [[String: Any]] ?? []).enumerated() {
                    let there = here + "locations[\(l)].physicalLocation."
                    guard let physical = location["physicalLocation"] as? [String: Any] else {
                        found.append(there.dropLast() + ": missing or not an object")
                        continue
                    }
                    string(physical["artifactLocation"] as? [String: Any], "uri", there + "artifactLocation.")
                    if let region = physical["region"] as? [String: Any] {
                        position(region, "startLine", there + "region.", required: true)
                        position(region, "startColumn", there + "region.", required: false)
                    }
                }
            }
        }
        return found
    }
}
