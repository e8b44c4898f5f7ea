import ArgumentParser
import Foundation
import LedeCore

/// How `lede check` prints what it found.
enum CheckFormat: String, CaseIterable, ExpressibleByArgument {
    /// Compiler-style lines on standard error, a summary on standard output.
    case text
    /// One JSON document on standard output (``CheckReport/json()``).
    case json
    /// One SARIF 2.1.0 log on standard output, for code scanning (``CheckReport/sarif()``).
    case sarif
}

/// What `lede check` found, as JSON or SARIF for tools.
///
/// Each diagnostic's rule is its ``DiagnosticRule`` id (`citation`, `link`, `claim`, …), or
/// `build` when it has none.
struct CheckReport {
    /// Every diagnostic of the check, notes included.
    var diagnostics: [Diagnostic]
    /// Pages built; `nil` when the build stopped on errors, before the pages were written
    /// (written as `"pages": null` in JSON).
    var pages: Int?
    /// What to put before a diagnostic's path (relative to the site root) to make the SARIF
    /// artifact's URI: the site folder relative to the working folder (`sites/iran/`, or empty),
    /// so that GitHub finds the file from the repository root; or the folder's `file://` URL
    /// when it is not below the working folder.
    var uriPrefix = ""

    /// The problems: errors and warnings (notes are information, not findings).
    var problems: [Diagnostic] { diagnostics.filter { $0.severity != .note } }

    /// The ``uriPrefix`` for a site folder seen from a working folder.
    static func uriPrefix(site: URL, workingFolder: URL) -> String {
        let root = site.standardizedFileURL.path
        let current = workingFolder.standardizedFileURL.path
        if root == current { return "" }
        let base = current.hasSuffix("/") ? current : current + "/"
        if root.hasPrefix(base) { return uriEncoded(String(root.dropFirst(base.count))) + "/" }
        return "file://" + uriEncoded(root) + "/"
    }

    /// A path written as a URI reference: every character a URI path cannot hold is escaped.
    static func uriEncoded(_ path: String) -> String {
        var allowed = CharacterSet.urlPathAllowed
        allowed.remove(charactersIn: ";:")
        return path.addingPercentEncoding(withAllowedCharacters: allowed) ?? path
    }

    // MARK: JSON

    /// `{"tool": "lede", "version": …, "pages": 8, "problems": 1, "diagnostics": [{"rule":
    /// "citation", "severity": "error", "message": …, "file": "Content/x.md", "line": 4,
    /// "column": 7, "causes": []}]}`; `file`, `line` and `column` are left out when unknown;
    /// `pages` is always there, `null` when the build stopped before writing pages.
    func json() -> String {
        struct Document: Encodable {
            var tool = "lede"
            var version = LedeVersion.current
            var pages: Int?
            var problems: Int
            var diagnostics: [Entry]

            enum CodingKeys: String, CodingKey {
                case tool, version, pages, problems, diagnostics
            }

            // Written by hand: the synthesized encoder leaves out a nil `pages`.
            func encode(to encoder: any Encoder) throws {
                var container = encoder.container(keyedBy: CodingKeys.self)
                try container.encode(tool, forKey: .tool)
                try container.encode(version, forKey: .version)
                try container.encode(pages, forKey: .pages)
                try container.encode(problems, forKey: .problems)
                try container.encode(diagnostics, forKey: .diagnostics)
            }
        }
        struct Entry: Encodable {
            var rule: String
            var severity: String
            var message: String
            var file: String?
            var line: Int?
            var column: Int?
            var causes: [String]
        }
        let entries = diagnostics.map { diagnostic in
            let location = diagnostic.location
            return Entry(
                rule: (diagnostic.rule ?? .build).id, severity: diagnostic.severity.rawValue,
                message: diagnostic.message, file: location?.path,
                line: location.flatMap { $0.line > 0 ? $0.line : nil },
                column: location.flatMap { $0.line > 0 && $0.column > 0 ? $0.column : nil }, causes: diagnostic.causes)
        }
        return Self.encode(Document(pages: pages, problems: problems.count, diagnostics: entries))
    }

    // MARK: SARIF

    /// The SARIF schema this log follows.
    static let sarifSchema = "https://json.schemastore.org/sarif-2.1.0.json"

    /// A SARIF 2.1.0 log with one run: the tool with every rule of ``DiagnosticRule/all``, and
    /// one result per error and warning, located in its file when it has one.
    func sarif() -> String {
        struct Log: Encodable {
            var schema = CheckReport.sarifSchema
            var version = "2.1.0"
            var runs: [Run]
            enum CodingKeys: String, CodingKey {
                case schema = "$schema"
                case version, runs
            }
        }
        struct Run: Encodable {
            var tool: Tool
            var results: [Result]
        }
        struct Tool: Encodable { var driver: Driver }
        struct Driver: Encodable {
            var name = "lede"
            var version = LedeVersion.current
            var rules: [Rule]
        }
        struct Rule: Encodable {
            var id: String
            var shortDescription: Text
        }
        struct Text: Encodable { var text: String }
        struct Result: Encodable {
            var ruleId: String
            var ruleIndex: Int
            var level: String
            var message: Text
            var locations: [Location]?
        }
        struct Location: Encodable { var physicalLocation: PhysicalLocation }
        struct PhysicalLocation: Encodable {
            var artifactLocation: ArtifactLocation
            var region: Region?
        }
        struct ArtifactLocation: Encodable { var uri: String }
        struct Region: Encodable {
            var startLine: Int
            var startColumn: Int?
        }

        let rules = DiagnosticRule.all
        let results = problems.map { diagnostic in
            let rule = diagnostic.rule ?? .build
            var text = diagnostic.message
            for cause in diagnostic.causes { text += "\ncaused by: \(cause)" }
            let location = diagnostic.location.map { location in
                Location(
                    physicalLocation: PhysicalLocation(
                        artifactLocation: ArtifactLocation(uri: uriPrefix + Self.uriEncoded(location.path)),
                        region: location.line > 0
                            ? Region(startLine: location.line, startColumn: location.column > 0 ? location.column : nil)
                            : nil))
            }
            return Result(
                ruleId: rule.id, ruleIndex: rules.firstIndex(of: rule) ?? 0,
                level: diagnostic.severity == .error ? "error" : "warning", message: Text(text: text),
                locations: location.map { [$0] })
        }
        let driver = Driver(rules: rules.map { Rule(id: $0.id, shortDescription: Text(text: $0.summary)) })
        return Self.encode(Log(runs: [Run(tool: Tool(driver: driver), results: results)]))
    }

    private static func encode(_ value: some Encodable) -> String {
        let encoder = JSONEncoder()
        encoder.outputFormatting = [.prettyPrinted, .sortedKeys, .withoutEscapingSlashes]
        // Encoding plain strings and numbers cannot fail.
        let data = (try? encoder.encode(value)) ?? Data("{}".utf8)
        return String(decoding: data, as: UTF8.self) + "\n"
    }
}
