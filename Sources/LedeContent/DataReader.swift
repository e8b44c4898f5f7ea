import Foundation
public import LedeCore
import Yams

/// Reads YAML into ``DataNode`` trees, turning libyaml's errors into compiler-style
/// diagnostics at the right line and column of the containing file.
public enum DataReader {
    /// Parses one YAML document.
    /// - Parameters:
    ///   - yaml: The text.
    ///   - location: Where the text starts in its file (front matter starts on line 2).
    /// - Returns: The document's root; a null scalar for an empty document.
    /// - Throws: ``DiagnosticError`` with the problem's `path:line:col`.
    public static func parse(_ yaml: String, at location: SourceLocation) throws -> DataNode {
        if let node = parseSimple(yaml, at: location) { return node }
        return try parseWithYams(yaml, at: location)
    }

    /// Parses one YAML document with libyaml, for anything ``parseSimple(_:at:)`` declines.
    static func parseWithYams(_ yaml: String, at location: SourceLocation) throws -> DataNode {
        let node: Node?
        do {
            node = try Yams.compose(yaml: yaml)
        } catch let error as YamlError {
            throw DiagnosticError(diagnostic(for: error, in: yaml, at: location))
        }
        guard let node else { return DataNode(.scalar("", quoted: false), at: location) }
        return try convert(node, base: location)
    }

    private static func place(_ mark: Mark?, base: SourceLocation) -> SourceLocation {
        guard let mark else { return base }
        return place(line: mark.line, column: mark.column, base: base)
    }

    /// Where a line and column of the text (from 1) are in its file.
    static func place(line: Int, column: Int, base: SourceLocation) -> SourceLocation {
        let column = line == 1 ? base.column - 1 + column : column
        return SourceLocation(path: base.path, line: base.line - 1 + line, column: max(column, 1))
    }

    private static func convert(_ node: Node, base: SourceLocation) throws -> DataNode {
        let location = place(node.mark, base: base)
        switch node {
        case .scalar(let scalar):
            return DataNode(.scalar(scalar.string, quoted: scalar.style != .plain), at: location)
        case .sequence(let sequence):
            return DataNode(.list(try sequence.map { try convert($0, base: base) }), at: location)
        case .mapping(let mapping):
            var pairs: [(key: String, value: DataNode)] = []
            var seen: Set<String> = []
            for (key, value) in mapping {
                let keyLocation = place(key.mark, base: base)
                guard case .scalar(let scalar) = key else {
                    throw DiagnosticError(Diagnostic(at: keyLocation, "mapping keys must be text"))
                }
                guard seen.insert(scalar.string).inserted else {
                    throw DiagnosticError(Diagnostic(at: keyLocation, "duplicate key '\(scalar.string)'"))
                }
                pairs.append((scalar.string, try convert(value, base: base)))
            }
            return DataNode(.map(pairs), at: location)
        case .alias:
            throw DiagnosticError(Diagnostic(at: location, "YAML aliases are not supported"))
        }
    }

    /// Where a key is written a second time, found by reading the lines (libyaml reports the
    /// mapping's start).
    private static func secondOccurrence(of key: String, in yaml: String, base: SourceLocation) -> SourceLocation? {
        var seen = 0
        for (index, line) in yaml.split(separator: "\n", omittingEmptySubsequences: false).enumerated() {
            let indent = line.prefix { $0 == " " || $0 == "-" }.count
            let rest = line.dropFirst(indent)
            guard rest.hasPrefix(key + ":") || rest.hasPrefix("\"\(key)\":") || rest.hasPrefix("'\(key)':") else {
                continue
            }
            seen += 1
            if seen == 2 { return SourceLocation(path: base.path, line: base.line + index, column: indent + 1) }
        }
        return nil
    }

    private static func diagnostic(for error: YamlError, in yaml: String, at base: SourceLocation) -> Diagnostic {
        switch error {
        case let .scanner(context, problem, mark, _), let .parser(context, problem, mark, _),
            let .composer(context, problem, mark, _):
            var message = "invalid YAML: \(problem)"
            if let context { message += " (\(context.text))" }
            return Diagnostic(at: place(mark, base: base), message)
        case let .duplicatedKeysInMapping(duplicates, context):
            let location = duplicates.first.flatMap { secondOccurrence(of: $0, in: yaml, base: base) }
            return Diagnostic(
                at: location ?? place(context.mark, base: base),
                "duplicate key '\(duplicates.joined(separator: "', '"))'"
            )
        default:
            return Diagnostic(at: base, "invalid YAML: \(error)")
        }
    }
}
