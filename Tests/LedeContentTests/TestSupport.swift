import Foundation
import LedeCore

@testable import LedeContent

/// The first line of the front matter of a test file.
let frontMatterStart = LedeCore.SourceLocation(path: "Content/a.md", line: 2, column: 1)

/// The message of a thrown ``DiagnosticError``, or `nil` when `body` does not throw one.
func diagnostics(_ body: () throws -> Void) -> String? {
    do {
        try body()
        return nil
    } catch let error as DiagnosticError {
        return error.description
    } catch {
        return "unexpected error: \(error)"
    }
}

/// Parses a YAML site config.
func config(_ yaml: String) throws -> SiteConfig {
    try SiteConfig(from: DataReader.parse(yaml, at: LedeCore.SourceLocation(path: SiteConfig.path, line: 1, column: 1)))
}

/// A valid site config with one line replaced or left out.
func configText(replacing key: String, with line: String?) -> String {
    let lines = [
        "title: \"T\"", "base_url: \"https://example.org/\"", "description: \"D\"", "author: { name: \"A\" }",
        "publisher: { name: \"P\", url: \"https://example.org/\" }", "report_error_url: \"mailto:e@example.org\"",
    ]
    return lines.compactMap { $0.hasPrefix(key + ":") ? line : $0 }.joined(separator: "\n")
}

/// Runs `body` with a site folder holding the given files (path → bytes), removed afterwards.
func withSite<T>(_ files: [String: Data], _ body: (URL) throws -> T) throws -> T {
    let root = FileManager.default.temporaryDirectory.appendingPathComponent("lede-content-\(UUID().uuidString)")
    defer { try? FileManager.default.removeItem(at: root) }
    for (path, data) in files {
        let url = root.appendingPathComponent(path)
        try FileManager.default.createDirectory(at: url.deletingLastPathComponent(), withIntermediateDirectories: true)
        try data.write(to: url)
    }
    return try body(root)
}
