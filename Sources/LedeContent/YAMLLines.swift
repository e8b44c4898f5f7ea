/// A YAML text cut into lines the way libyaml counts them, for finding what an author got
/// wrong once libyaml has refused a document.
///
/// Lines end at every YAML line break (`\n`, `\r\n`, `\r`, U+0085, U+2028, U+2029) and columns
/// count Unicode scalars, as libyaml's marks do; both are 1-based.
struct YAMLLines {
    /// Each line's Unicode scalars, line breaks left out.
    let lines: [[Unicode.Scalar]]

    init(_ text: String) {
        var lines: [[Unicode.Scalar]] = [[]]
        var afterCarriageReturn = false
        for scalar in text.unicodeScalars {
            defer { afterCarriageReturn = scalar == "\r" }
            switch scalar {
            case "\n" where afterCarriageReturn: continue
            case "\n", "\r", "\u{85}", "\u{2028}", "\u{2029}": lines.append([])
            default: lines[lines.count - 1].append(scalar)
            }
        }
        self.lines = lines
    }

    /// The scalar at a 1-based line and column, or `nil` past the end of the line or text.
    func scalar(line: Int, column: Int) -> Unicode.Scalar? {
        guard line >= 1, line <= lines.count, column >= 1, column <= lines[line - 1].count else { return nil }
        return lines[line - 1][column - 1]
    }

    /// The 1-based line and column of the scalar at `offset` Characters into `text`, or `nil`.
    static func position(ofCharacter offset: Int, in text: String) -> (line: Int, column: Int)? {
        guard offset >= 0, let index = text.index(text.startIndex, offsetBy: offset, limitedBy: text.endIndex) else {
            return nil
        }
        let lines = YAMLLines(String(text[..<index]))
        return (lines.lines.count, (lines.lines.last?.count ?? 0) + 1)
    }

    // MARK: - Reading one line

    /// The number of leading spaces of a line.
    static func indent(of line: [Unicode.Scalar]) -> Int {
        line.prefix { $0 == " " }.count
    }

    /// Whether a line holds nothing but spaces, tabs or a comment.
    static func isBlank(_ line: [Unicode.Scalar]) -> Bool {
        guard let first = line.firstIndex(where: { $0 != " " && $0 != "\t" }) else { return true }
        return line[first] == "#"
    }

    /// What a line holds, read the way a mapping or list line is written: where its mapping
    /// `:` is, which quote or bracket it leaves open, and where its comment starts.
    struct Shape {
        /// The 0-based index of the first `:` followed by a space or the end of the line,
        /// outside quotes and brackets.
        var colon: Int?
        /// The 0-based index of a quote that opens a value and is not closed on the line.
        var openQuote: Int?
        /// The 0-based indexes of the `[` and `{` left open at the end of the line.
        var openBrackets: [Int] = []
        /// Whether the line is a list item (`- …`).
        var isItem = false
        /// The 0-based index of a quote that closes a quoted value with more text after it
        /// on the line (`"drops "nearly": …"`): a quote inside the value that ended it early.
        var earlyClose: Int?
    }

    /// Reads a line, assuming it does not start inside a quote or a flow collection.
    static func shape(of line: [Unicode.Scalar]) -> Shape {
        var shape = Shape()
        var index = indent(of: line)
        // Where a value may start: after the indentation, `- `, `: `, `[`, `{` or `,`.
        var atValueStart = true
        if index < line.count, line[index] == "-", index + 1 == line.count || line[index + 1] == " " {
            shape.isItem = true
        }
        while index < line.count {
            let scalar = line[index]
            let next: Unicode.Scalar = index + 1 < line.count ? line[index + 1] : " "
            switch scalar {
            case "\"" where atValueStart, "'" where atValueStart:
                guard let close = closingQuote(of: line, at: index) else {
                    shape.openQuote = index
                    return shape
                }
                // After a quoted value come only a `:` (it was a key), a comment, or in a flow
                // collection a `,` or its end.
                let after = line[(close + 1)...].first { $0 != " " && $0 != "\t" }
                let allowed: String = shape.openBrackets.isEmpty ? ":#" : ":#,]}"
                if let after, !allowed.unicodeScalars.contains(after), shape.earlyClose == nil {
                    shape.earlyClose = close
                }
                index = close + 1
                atValueStart = false
                continue
            case "#" where index == 0 || line[index - 1] == " " || line[index - 1] == "\t":
                return shape
            case "[" where atValueStart || !shape.openBrackets.isEmpty,
                "{" where atValueStart || !shape.openBrackets.isEmpty:
                shape.openBrackets.append(index)
                atValueStart = true
            case "]" where !shape.openBrackets.isEmpty, "}" where !shape.openBrackets.isEmpty:
                shape.openBrackets.removeLast()
                atValueStart = false
            case "," where !shape.openBrackets.isEmpty:
                atValueStart = true
            case ":" where next == " " || next == "\t" || index + 1 == line.count:
                if shape.colon == nil && shape.openBrackets.isEmpty { shape.colon = index }
                atValueStart = true
            case "-" where atValueStart && (next == " " || index + 1 == line.count):
                atValueStart = true
            case " ", "\t":
                break
            default:
                atValueStart = false
            }
            index += 1
        }
        return shape
    }

    /// The index of the quote that closes the one at `start` on the same line, or `nil`.
    static func closingQuote(of line: [Unicode.Scalar], at start: Int) -> Int? {
        closing(line[start], in: line, from: start + 1)
    }

    /// The first unescaped `quote` in `line` from index `from`: `\` escapes in double quotes,
    /// `''` stands for a quote in single quotes.
    static func closing(_ quote: Unicode.Scalar, in line: [Unicode.Scalar], from: Int) -> Int? {
        var index = from
        while index < line.count {
            if quote == "\"" && line[index] == "\\" {
                index += 2
                continue
            }
            if line[index] == quote {
                if quote == "'", index + 1 < line.count, line[index + 1] == "'" {
                    index += 2
                    continue
                }
                return index
            }
            index += 1
        }
        return nil
    }

    /// The 0-based line and index of the quote that closes the one at `line`, `index`, which
    /// may be on a later line (quoted values can go on over several lines).
    func closingQuote(line: Int, index: Int) -> (line: Int, index: Int)? {
        let quote = lines[line][index]
        var from = index + 1
        for row in line..<lines.count {
            if let close = Self.closing(quote, in: lines[row], from: from) { return (row, close) }
            from = 0
        }
        return nil
    }
}
