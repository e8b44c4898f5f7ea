import LedeCore
import Yams

/// Turns libyaml's refusals into the mistake an author made, in plain words, at the line
/// and column where they made it.
///
/// libyaml reports where it gave up, in its own words: an unclosed quote at the end of the
/// text, a missing `:` on the next line, a tab as "a character that cannot start any token".
/// These functions read the text up to that point for the usual mistakes (a tab, a quote or
/// bracket left open, a line without `:`, a second `: ` in a value, a line indented too far)
/// and fall back to libyaml's message when none fits. libyaml's message is always kept as
/// the `caused by:` line, so a wrong guess is never the only thing an author sees.
extension DataReader {
    static func diagnostic(for error: YamlError, in yaml: String, at base: SourceLocation) -> Diagnostic {
        let text = YAMLLines(yaml)
        switch error {
        case let .scanner(context, problem, mark, _), let .parser(context, problem, mark, _),
            let .composer(context, problem, mark, _):
            var cause = "libyaml: \(problem)"
            if let context { cause += " (\(context.text))" }
            cause += " at \(place(line: mark.line, column: mark.column, base: base).lineAndColumn)"
            if let (line, column, message) = mistake(in: text, before: mark, context: context?.mark) {
                return Diagnostic(at: place(line: line, column: column, base: base), message, causes: [cause])
            }
            return Diagnostic(
                at: place(line: mark.line, column: mark.column, base: base), "this is not valid YAML", causes: [cause])
        case let .duplicatedKeysInMapping(duplicates, context):
            let key = duplicates.first ?? ""
            let first = place(line: context.mark.line, column: context.mark.column, base: base)
            guard let (line, column) = secondOccurrence(of: key, in: text, after: context.mark) else {
                return Diagnostic(at: first, "duplicate key '\(key)' in this mapping")
            }
            return duplicateKey(key, at: place(line: line, column: column, base: base), first: first)
        case let .reader(problem, offset, value, _):
            let position = offset.flatMap { YAMLLines.position(ofCharacter: $0, in: yaml) }
            let location = position.map { place(line: $0.line, column: $0.column, base: base) } ?? base
            let character = Unicode.Scalar(UInt32(clamping: max(0, value))).map(Diagnostic.codePoint) ?? "\(value)"
            return Diagnostic(
                at: location, "the character \(character) is not allowed in YAML: remove it",
                causes: ["libyaml: \(problem)"])
        default:
            return Diagnostic(at: base, "this is not valid YAML", causes: ["Yams: \(error)"])
        }
    }

    /// The diagnostic for a key written twice in one mapping, naming where it was first set.
    static func duplicateKey(_ key: String, at location: SourceLocation, first: SourceLocation) -> Diagnostic {
        Diagnostic(at: location, "duplicate key '\(key)': it is already set at \(first)")
    }

    /// The first usual mistake at or before libyaml's mark, as a 1-based line, column and message.
    private static func mistake(in text: YAMLLines, before mark: Mark, context: Mark?) -> (Int, Int, String)? {
        // A tab where libyaml stopped is the mistake, whatever else is on the line.
        if text.scalar(line: mark.line, column: mark.column) == "\t" {
            return (mark.line, mark.column, tabMessage)
        }
        let lastLine = min(mark.line, text.lines.count)
        let isErrorLine = { (number: Int) in number == mark.line || number == context?.line }
        var keyColumn: Int?  // the column of the innermost key or list item, from 0
        var previousHasValue = false
        var lineIndex = 0
        while lineIndex < lastLine {
            let line = text.lines[lineIndex]
            let number = lineIndex + 1
            lineIndex += 1
            if YAMLLines.isBlank(line) { continue }
            if let tab = line.prefix(while: { $0 == " " || $0 == "\t" }).firstIndex(of: "\t") {
                return (number, tab + 1, tabMessage)
            }
            let indent = YAMLLines.indent(of: line)
            let shape = YAMLLines.shape(of: line)
            if let close = shape.earlyClose, isErrorLine(number) {
                return (number, close + 1, earlyCloseMessage(line[close]))
            }
            if let quote = shape.openQuote {
                // A quoted value may go on over several lines, when it closes before the mark.
                guard let close = text.closingQuote(line: number - 1, index: quote)?.line, close + 1 < mark.line else {
                    return (number, quote + 1, "unclosed quote: this \(line[quote]) is not closed on its line")
                }
                lineIndex = close + 1
            } else if let bracket = shape.openBrackets.first {
                guard let close = closingBracket(in: text, line: number - 1, index: bracket), close + 1 < mark.line
                else {
                    let what =
                        line[bracket] == "["
                        ? "'[': this list has no closing ']'" : "'{': this mapping has no closing '}'"
                    return (number, bracket + 1, "unclosed \(what)")
                }
                lineIndex = close + 1
            } else if let colon = shape.colon {
                let valueStart = line[(colon + 1)...].firstIndex { $0 != " " && $0 != "\t" }
                let keyStart = shape.isItem ? indent + 2 : indent
                if colon == keyStart, isErrorLine(number) {
                    return (number, colon + 1, "missing key before ':'")
                }
                if let valueStart, YAMLLines.shape(of: Array(line[valueStart...])).colon != nil, isErrorLine(number) {
                    return (number, valueStart + 1, "this value holds ': ': put the value in quotes")
                }
                if let keyColumn, previousHasValue, keyStart > keyColumn, !shape.isItem, isErrorLine(number) {
                    return (
                        number, indent + 1,
                        "this key is indented under a key that already has a value: line it up with the keys above"
                    )
                }
                keyColumn = keyStart
                let blockScalar = valueStart.map { line[$0] == "|" || line[$0] == ">" } ?? false
                previousHasValue = valueStart != nil && !blockScalar
                // A block scalar's lines are text, whatever they hold.
                while blockScalar, lineIndex < text.lines.count,
                    YAMLLines.isBlank(text.lines[lineIndex]) || YAMLLines.indent(of: text.lines[lineIndex]) > keyStart
                {
                    lineIndex += 1
                }
                continue
            } else if shape.isItem {
                keyColumn = indent
            } else if let keyColumn, indent > keyColumn {
                continue  // the rest of a value, indented under its key
            } else if !"?[{\"'|>&*!%-".unicodeScalars.contains(line[indent]) {
                let words = String(String.UnicodeScalarView(line[indent...]))
                return (number, indent + 1, "missing ':' after '\(words)': write 'key: value'")
            }
            if shape.colon != nil { keyColumn = indent }
            previousHasValue = true
        }
        return nil
    }

    /// What to do about a quote inside a quoted value that ended it.
    private static func earlyCloseMessage(_ quote: Unicode.Scalar) -> String {
        quote == "\""
            ? #"this " ends the value early: an unescaped " inside a double-quoted value ends it; put the value in single quotes instead, or write each " inside it as \""#
            : #"this ' ends the value early: an unescaped ' inside a single-quoted value ends it; write each ' inside it as '', or put the value in double quotes instead"#
    }

    private static let tabMessage = "tab character: YAML indents with spaces only; replace the tab with spaces"

    /// The 0-based line of the bracket that closes the one at `line`, `index`, or `nil`.
    private static func closingBracket(in text: YAMLLines, line: Int, index: Int) -> Int? {
        var depth = 0
        var (row, column) = (line, index)
        while row < text.lines.count {
            let scalars = text.lines[row]
            guard column < scalars.count else {
                (row, column) = (row + 1, 0)
                continue
            }
            switch scalars[column] {
            case "[", "{": depth += 1
            case "]", "}":
                depth -= 1
                if depth == 0 { return row }
            case "\"", "'":
                // A quote opens a value only where a value starts: `it's` is text.
                let before = scalars[..<column].last { $0 != " " }
                guard before == nil || "[{,:".unicodeScalars.contains(before ?? " ") else { break }
                guard let end = text.closingQuote(line: row, index: column) else { return nil }
                (row, column) = (end.line, end.index + 1)
                continue
            case "#" where column == 0 || scalars[column - 1] == " ":
                (row, column) = (row + 1, 0)
                continue
            default: break
            }
            column += 1
        }
        return nil
    }

    /// Where a key is written a second time: the next line after the first that starts with
    /// it at the same column (libyaml points at the first).
    private static func secondOccurrence(of key: String, in text: YAMLLines, after first: Mark) -> (Int, Int)? {
        let column = first.column - 1
        let forms = [key + ":", "\"\(key)\":", "'\(key)':"].map { Array($0.unicodeScalars) }
        var row = first.line
        while row < text.lines.count {
            let line = text.lines[row]
            row += 1
            if YAMLLines.isBlank(line) { continue }
            let indent = YAMLLines.indent(of: line)
            if indent < column { return nil }
            guard indent == column else { continue }
            let rest = Array(line[indent...])
            if forms.contains(where: { rest.starts(with: $0) }) { return (row, column + 1) }
        }
        return nil
    }
}

extension SourceLocation {
    /// `line:col`, for a position inside a message about the same file.
    var lineAndColumn: String { "\(line):\(column)" }
}
