import Foundation
import LedeCore
import Testing

@testable import LedeBuilder

/// The fixture folders, found from this file's place in the package.
enum Fixtures {
    /// `Tests/Fixtures`.
    static let root = URL(fileURLWithPath: #filePath)
        .deletingLastPathComponent().deletingLastPathComponent()
        .appendingPathComponent("Fixtures")
    /// The package root: the bundled site.
    static let packageRoot = root.deletingLastPathComponent().deletingLastPathComponent()

    /// A valid site under `Tests/Fixtures/Sites/`. A fixture without `Templates/` uses the
    /// repository's default theme: it is assembled once per test run in a temporary folder,
    /// so the theme is not copied into the fixtures.
    static func site(_ name: String) -> URL {
        let fixture = root.appendingPathComponent("Sites/\(name)")
        guard !FileManager.default.fileExists(atPath: fixture.appendingPathComponent("Templates").path) else {
            return fixture
        }
        return themedSites[name] ?? fixture
    }

    /// Fixtures that use the default theme, assembled with it.
    private static let themedSites: [String: URL] = {
        let manager = FileManager.default
        let names = (try? manager.contentsOfDirectory(atPath: root.appendingPathComponent("Sites").path)) ?? []
        let base = manager.temporaryDirectory.appendingPathComponent("lede-themed-fixtures-\(UUID().uuidString)")
        var sites: [String: URL] = [:]
        for name in names {
            let fixture = root.appendingPathComponent("Sites/\(name)")
            guard !manager.fileExists(atPath: fixture.appendingPathComponent("Templates").path) else { continue }
            let site = base.appendingPathComponent(name)
            do {
                try manager.createDirectory(at: site, withIntermediateDirectories: true)
                for item in try manager.contentsOfDirectory(atPath: fixture.path) {
                    try manager.copyItem(
                        at: fixture.appendingPathComponent(item), to: site.appendingPathComponent(item))
                }
                for folder in ["Templates", "Public"] {
                    try manager.copyItem(
                        at: packageRoot.appendingPathComponent(folder), to: site.appendingPathComponent(folder))
                }
                sites[name] = site
            } catch {
                Issue.record("cannot assemble the fixture \(name): \(error)")
            }
        }
        return sites
    }()
    /// A site with one mistake under `Tests/Fixtures/InvalidSites/`.
    static func invalidSite(_ name: String) -> URL { root.appendingPathComponent("InvalidSites/\(name)") }
    /// The committed output of a fixture site under `Tests/Fixtures/Snapshots/`.
    static func snapshot(_ name: String) -> URL { root.appendingPathComponent("Snapshots/\(name)") }
}

/// Runs `body` with a new empty folder that is removed afterwards.
func withTemporaryFolder<T>(_ body: (URL) async throws -> T) async throws -> T {
    let folder = FileManager.default.temporaryDirectory
        .appendingPathComponent("lede-tests-\(UUID().uuidString)")
    try FileManager.default.createDirectory(at: folder, withIntermediateDirectories: true)
    defer { try? FileManager.default.removeItem(at: folder) }
    return try await body(folder)
}

/// Builds a site into `output`.
@discardableResult
func build(_ site: URL, into output: URL, drafts: Bool = false, baseURL: String? = nil) async throws -> BuildSummary {
    let options = BuildOptions(siteRoot: site, output: output, baseURL: baseURL, includeDrafts: drafts)
    return try await SiteBuilder(options: options).build()
}

/// Builds a site into a temporary folder and returns every output file's text by path.
func builtTexts(_ site: URL, drafts: Bool = false) async throws -> [String: String] {
    try await withTemporaryFolder { folder in
        let output = folder.appendingPathComponent("Output")
        try await build(site, into: output, drafts: drafts)
        return try files(in: output).mapValues { String(decoding: $0, as: UTF8.self) }
    }
}

/// Every file below a folder (hidden ones included, except Lede's output mark), by path
/// relative to it.
func files(in folder: URL) throws -> [String: Data] {
    let base = folder.standardizedFileURL.path + "/"
    var result: [String: Data] = [:]
    guard let enumerator = FileManager.default.enumerator(at: folder, includingPropertiesForKeys: [.isRegularFileKey])
    else { return result }
    for case let url as URL in enumerator {
        guard try url.resourceValues(forKeys: [.isRegularFileKey]).isRegularFile == true else { continue }
        let path = String(url.standardizedFileURL.path.dropFirst(base.count))
        guard path != OutputMark.fileName else { continue }
        result[path] = try Data(contentsOf: url)
    }
    return result
}

/// The text of an output file, or "" when it is missing (the caller's #expect then fails).
func text(_ path: String, in folder: URL) -> String {
    (try? String(contentsOf: folder.appendingPathComponent(path), encoding: .utf8)) ?? ""
}

/// Compares every file of a built site with its committed snapshot; with
/// `RECORD_SNAPSHOTS=1`, rewrites the snapshot instead.
func expectMatchesSnapshot(
    _ output: URL, name: String, sourceLocation: Testing.SourceLocation = #_sourceLocation
) throws {
    let snapshot = Fixtures.snapshot(name)
    let built = try files(in: output)
    if ProcessInfo.processInfo.environment["RECORD_SNAPSHOTS"] == "1" {
        try? FileManager.default.removeItem(at: snapshot)
        for (path, data) in built {
            let target = snapshot.appendingPathComponent(path)
            try FileManager.default.createDirectory(
                at: target.deletingLastPathComponent(), withIntermediateDirectories: true)
            try data.write(to: target)
        }
        return
    }
    let expected = try files(in: snapshot)
    #expect(
        built.keys.sorted() == expected.keys.sorted(), "output files differ from Snapshots/\(name)",
        sourceLocation: sourceLocation)
    for (path, data) in built.sorted(by: { $0.key < $1.key }) {
        guard let old = expected[path], old != data else { continue }
        let new = String(decoding: data, as: UTF8.self).split(separator: "\n", omittingEmptySubsequences: false)
        let was = String(decoding: old, as: UTF8.self).split(separator: "\n", omittingEmptySubsequences: false)
        let line =
            zip(new, was).enumerated().first { $0.element.0 != $0.element.1 }?.offset ?? min(new.count, was.count)
        Issue.record(
            """
            \(path) differs from Snapshots/\(name)/\(path) at line \(line + 1) \
            (RECORD_SNAPSHOTS=1 swift test rewrites snapshots)
            built:    \(line < new.count ? String(new[line]) : "<end of file>")
            snapshot: \(line < was.count ? String(was[line]) : "<end of file>")
            """, sourceLocation: sourceLocation)
    }
}

/// Builds an invalid fixture into an output folder of an earlier build (marked as Lede's,
/// holding a marker file), expects the build to fail, and checks that the output folder was
/// left byte for byte as it was.
/// - Returns: The full error text.
func expectBuildFailure(
    _ name: String, sourceLocation: Testing.SourceLocation = #_sourceLocation
) async throws -> String {
    try await withTemporaryFolder { folder in
        let output = folder.appendingPathComponent("Output")
        try FileManager.default.createDirectory(at: output, withIntermediateDirectories: true)
        let marker = Data("previous build\n".utf8)
        try marker.write(to: output.appendingPathComponent("index.html"))
        try OutputMark.write(["index.html"], in: output.path)
        let before = try files(in: output)
        var message = ""
        do {
            try await build(Fixtures.invalidSite(name), into: output)
            Issue.record("the build of \(name) succeeded", sourceLocation: sourceLocation)
        } catch let error as DiagnosticError {
            message = error.description
        }
        #expect(try files(in: output) == before, sourceLocation: sourceLocation)
        #expect(before["index.html"] == marker, sourceLocation: sourceLocation)
        let left = try FileManager.default.contentsOfDirectory(atPath: folder.path)
        #expect(left == ["Output"], "the build left files beside Output/", sourceLocation: sourceLocation)
        return message
    }
}

/// Small HTML readers for checks on built pages.
enum HTMLScan {
    /// Every match of a regular expression's first capture group.
    static func captures(_ pattern: String, in html: String) -> [String] {
        guard let regex = try? NSRegularExpression(pattern: pattern) else {
            Issue.record("bad pattern \(pattern)")
            return []
        }
        let range = NSRange(html.startIndex..., in: html)
        return regex.matches(in: html, range: range).compactMap { match in
            Range(match.range(at: 1), in: html).map { String(html[$0]) }
        }
    }

    /// The `id` attributes of a page.
    static func ids(in html: String) -> Set<String> { Set(captures(#"\sid="([^"]+)""#, in: html)) }

    /// The `href` of every `<a>` with the given class.
    static func links(withClass className: String, in html: String) -> [String] {
        captures(#"(<a\s[^>]*class="\#(className)"[^>]*>)"#, in: html).compactMap {
            captures(#"href="([^"]*)""#, in: $0).first
        }
    }

    /// How many times a text occurs.
    static func count(_ needle: String, in html: String) -> Int {
        html.components(separatedBy: needle).count - 1
    }

    /// The JSON-LD `@type`s of the page's graph.
    static func jsonLDTypes(in html: String) throws -> [String] {
        guard let json = captures(#"<script type="application/ld\+json">(.*?)</script>"#, in: html).first,
            let object = try JSONSerialization.jsonObject(with: Data(json.utf8)) as? [String: Any],
            let graph = object["@graph"] as? [[String: Any]]
        else { return [] }
        return graph.compactMap { $0["@type"] as? String }
    }
}

/// Checks that every `href` (below `basePath`) with a fragment points at an existing `id` of
/// the target page in `output`.
/// - Returns: The links that do not resolve.
func unresolvedFragments(_ hrefs: [String], from page: String, basePath: String, output: URL) -> [String] {
    hrefs.filter { href in
        let parts = href.split(separator: "#", maxSplits: 1).map(String.init)
        guard parts.count == 2 else { return true }
        var file = page
        if !parts[0].isEmpty {
            guard parts[0].hasPrefix(basePath) else { return true }
            let path = String(parts[0].dropFirst(basePath.count))
            file = path.isEmpty || path.hasSuffix("/") ? path + "index.html" : path
        }
        return !HTMLScan.ids(in: text(file, in: output)).contains(parts[1])
    }
}
