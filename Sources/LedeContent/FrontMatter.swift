import Foundation
import LedeCore

/// Splits a content file into its YAML front matter and its Markdown body.
enum FrontMatter {
    /// - Returns: The front matter (a mapping), the body, and the body's first line number.
    /// - Throws: ``DiagnosticError`` when the front matter is missing, unterminated, malformed or not a mapping.
    static func split(_ text: String, path: String) throws -> (DataNode, String, Int) {
        let start = SourceLocation(path: path, line: 1, column: 1)
        var lines = text.split(separator: "\n", omittingEmptySubsequences: false)
        if let first = lines.first, first.hasPrefix("\u{FEFF}") { lines[0] = first.dropFirst() }
        guard let first = lines.first, first.trimmingCharacters(in: .whitespaces) == "---" else {
            throw DiagnosticError(
                Diagnostic(
                    at: start, "missing front matter: start the file with a '---' line, then 'title: …', then '---'"))
        }
        guard
            let end = lines.indices.dropFirst().first(where: {
                ["---", "..."].contains(lines[$0].trimmingCharacters(in: .whitespaces))
            })
        else {
            throw DiagnosticError(Diagnostic(at: start, "front matter is not closed: add a '---' line after it"))
        }
        let yaml = lines[1..<end].joined(separator: "\n")
        let node = try DataReader.parse(yaml, at: SourceLocation(path: path, line: 2, column: 1))
        guard case .map = node.value else {
            let location = node.isNull ? start : node.location
            throw DiagnosticError(
                Diagnostic(at: location, "front matter must be a mapping of keys to values, found \(node.kindName)"))
        }
        let body = lines[(end + 1)...].joined(separator: "\n")
        return (node, body, end + 2)
    }
}
