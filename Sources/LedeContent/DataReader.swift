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
        try refuseAliases(in: yaml, at: location)
        let node: Node?
        do {
            node = try Yams.compose(yaml: yaml)
        } catch let error as YamlError {
            throw DiagnosticError(diagnostic(for: error, in: yaml, at: location))
        }
        guard let node else { return DataNode(.scalar("", quoted: false), at: location) }
        let lines = yaml.split(separator: "\n", omittingEmptySubsequences: false)
        return try convert(node, base: location, lines: lines)
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

    private static func convert(_ node: Node, base: SourceLocation, lines: [Substring]) throws -> DataNode {
        let location = place(node.mark, base: base)
        switch node {
        case .scalar(let scalar):
            var converted = DataNode(.scalar(scalar.string, quoted: scalar.style != .plain), at: location)
            if scalar.style == .folded || scalar.style == .literal, let mark = node.mark {
                converted.block = blockText(after: mark.line, in: lines, base: base)
            }
            return converted
        case .sequence(let sequence):
            return DataNode(.list(try sequence.map { try convert($0, base: base, lines: lines) }), at: location)
        case .mapping(let mapping):
            var pairs: [(key: String, value: DataNode)] = []
            var seen: [String: SourceLocation] = [:]
            var keyLocations: [SourceLocation] = []
            for (key, value) in mapping {
                let keyLocation = place(key.mark, base: base)
                guard case .scalar(let scalar) = key else {
                    throw DiagnosticError(Diagnostic(at: keyLocation, "mapping keys must be text"))
                }
                if let first = seen[scalar.string] {
                    throw DiagnosticError(duplicateKey(scalar.string, at: keyLocation, first: first))
                }
                seen[scalar.string] = keyLocation
                keyLocations.append(keyLocation)
                pairs.append((scalar.string, try convert(value, base: base, lines: lines)))
            }
            var converted = DataNode(.map(pairs), at: location)
            converted.keyLocations = keyLocations
            return converted
        case .alias:
            throw DiagnosticError(Diagnostic(at: location, aliasMessage))
        }
    }

    /// The lines of a block scalar (`>` or `|`) whose indicator is on `line`, dedented, with
    /// their line breaks, and where its first line starts: text that Markdown reads as the
    /// scalar's value, and whose every line keeps its place in the file.
    private static func blockText(after line: Int, in lines: [Substring], base: SourceLocation) -> DataNode.Block? {
        var index = line  // The line after the indicator, from 0.
        while index < lines.count, lines[index].allSatisfy({ $0 == " " }) { index += 1 }
        guard index < lines.count else { return nil }
        let indent = lines[index].prefix { $0 == " " }.count
        guard indent > 0 else { return nil }
        let first = index
        var taken: [Substring] = []
        while index < lines.count {
            let text = lines[index]
            let blank = text.allSatisfy { $0 == " " }
            guard blank || text.prefix(indent).allSatisfy({ $0 == " " }) && text.count > indent else { break }
            taken.append(blank ? "" : text.dropFirst(indent))
            index += 1
        }
        while taken.last?.isEmpty == true { taken.removeLast() }
        return DataNode.Block(
            text: taken.joined(separator: "\n"), location: place(line: first + 1, column: indent + 1, base: base))
    }

    private static let aliasMessage = "YAML aliases (*name) are not supported: write the value out in full"

    /// Refuses a document that uses an alias, before libyaml composes it.
    ///
    /// An alias repeats the node its anchor names, so nine aliases of nine aliases make a
    /// document of a few hundred bytes stand for hundreds of millions of nodes ("billion
    /// laughs"); Yams shares them while composing but hashes keys made of them, and reading
    /// them into ``DataNode``s would copy every one. Which `*` starts an alias only libyaml
    /// knows (a `*` in a quoted, plain or block scalar or a comment is text), so libyaml is
    /// asked: every `*` is replaced by `@`, which is text wherever `*` is and, unlike `*`,
    /// cannot start a token. The copy has no alias and composes in linear time; if libyaml
    /// stops at one of the replaced characters, that `*` started an alias in the original.
    /// Documents without `*` (nearly all) are not read twice.
    /// - Throws: ``DiagnosticError`` at the alias, or at the first syntax error before it.
    static func refuseAliases(in yaml: String, at base: SourceLocation) throws {
        guard yaml.utf8.contains(0x2A) else { return }
        let masked = String(decoding: yaml.utf8.map { $0 == 0x2A ? 0x40 : $0 }, as: UTF8.self)
        do {
            _ = try Yams.compose(yaml: masked)
        } catch let error as YamlError {
            if case let .scanner(_, _, mark, _) = error,
                YAMLLines(yaml).scalar(line: mark.line, column: mark.column) == "*"
            {
                throw DiagnosticError(
                    Diagnostic(at: place(line: mark.line, column: mark.column, base: base), aliasMessage))
            }
            throw DiagnosticError(diagnostic(for: error, in: yaml, at: base))
        }
    }
}
