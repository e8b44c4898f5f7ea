/// Finds the tags of one template with their line and column, which swift-mustache's parsed
/// tokens do not keep.
///
/// It follows swift-mustache's grammar (`Template+Parser.swift` in 2.1.1): delimiters, set
/// delimiter tags `{{=<% %>=}}`, comments, pragmas, triple mustaches, and the same name
/// characters, and set delimiters last until the end of the section they are set in, as in
/// swift-mustache. It runs before swift-mustache parses, to refuse templates nested deeper
/// than ``maximumDepth`` (swift-mustache's parser recurses once per level), and otherwise only
/// on text swift-mustache has parsed or is about to report, so it may be lenient: a tag it
/// cannot read is skipped.
struct TemplateScanner {
    /// The deepest nesting of sections, blocks and layout tags a template may have; also the
    /// deepest a render may go through partials and layouts (see ``TemplateGraph``).
    static let maximumDepth = 100

    /// A tag whose name matters after parsing.
    struct Tag {
        /// What the tag does.
        enum Kind {
            /// `{{x}}`, `{{{x}}}` or `{{&x}}`.
            case variable
            /// `{{#x}}` or `{{^x}}`.
            case section
            /// `{{/x}}`; `opener` is the index of the tag it closes.
            case close(opener: Int?)
            /// `{{$x}}`: a block of a layout; its name is not looked up in the context.
            case block
            /// `{{>x}}`.
            case partial
            /// `{{<x}}`: a parent layout.
            case parent

            /// What an author calls it, for messages.
            var word: String {
                switch self {
                case .variable: "variable"
                case .section: "section"
                case .close: "closing tag"
                case .block: "block"
                case .partial: "partial"
                case .parent: "layout"
                }
            }
        }

        /// What the tag does.
        var kind: Kind
        /// The name as written, without surrounding whitespace.
        var name: String
        /// Where the name is in the scanned characters.
        var nameRange: Range<Int>
        /// The 1-based line of the tag's opening delimiter.
        var line: Int
        /// The 1-based column of the tag's opening delimiter.
        var column: Int
        /// The index of the innermost section, block or layout tag around this one; for a
        /// closing tag, the one around its opener.
        var parent: Int?
        /// How many sections, blocks and layout tags are open here, this one included when it
        /// opens one; for a closing tag, the depth of its opener.
        var depth: Int

        /// Whether the tag opens a section, a block or a layout tag, which a closing tag ends.
        var opensSection: Bool {
            switch kind {
            case .section, .block, .parent: true
            case .variable, .close, .partial: false
            }
        }
    }

    /// A problem found while scanning, with its 1-based line and column.
    struct Problem {
        /// What is wrong.
        var message: String
        /// The 1-based line.
        var line: Int
        /// The 1-based column.
        var column: Int
    }

    /// The template text.
    let characters: [Character]
    /// The tags found, in the order of the text.
    private(set) var tags: [Tag] = []
    /// Unclosed or mismatched sections, dynamic partials and functions, or else nesting deeper
    /// than ``maximumDepth``, which stops the scan (the tags are then incomplete).
    private(set) var problems: [Problem] = []
    /// Whether the scan stopped at a tag nested deeper than ``maximumDepth``.
    private(set) var isTooDeep = false

    private var startDelimiter: [Character] = ["{", "{"]
    private var endDelimiter: [Character] = ["}", "}"]
    private let lineStarts: [Int]

    private static let nameCharacters = Set<Character>(
        "0123456789abcdefghijklmnopqrstuvwxyzABCDEFGHIJKLMNOPQRSTUVWXYZ.-_?()*")
    private static let partialNameCharacters = nameCharacters.union(["/"])

    /// Scans `text` at once.
    init(_ text: String) {
        characters = Array(text)
        var starts = [0]
        for (index, character) in characters.enumerated() where character.isNewline {
            starts.append(index + 1)
        }
        lineStarts = starts
        scan()
    }

    /// The 1-based line and column of the character at `index`.
    func position(of index: Int) -> (line: Int, column: Int) {
        var low = 0
        var high = lineStarts.count - 1
        while low < high {
            let middle = (low + high + 1) / 2
            if lineStarts[middle] <= index { low = middle } else { high = middle - 1 }
        }
        return (low + 1, index - lineStarts[low] + 1)
    }

    private func matches(_ delimiter: [Character], at index: Int) -> Bool {
        guard index + delimiter.count <= characters.count else { return false }
        return characters[index..<index + delimiter.count].elementsEqual(delimiter)
    }

    private func find(_ delimiter: [Character], from index: Int) -> Int? {
        var index = index
        while index + delimiter.count <= characters.count {
            if matches(delimiter, at: index) { return index }
            index += 1
        }
        return nil
    }

    private func skipWhitespace(from index: Int) -> Int {
        var index = index
        while index < characters.count, characters[index].isWhitespace { index += 1 }
        return index
    }

    private mutating func problem(_ message: String, at index: Int) {
        let (line, column) = position(of: index)
        problems.append(Problem(message: message, line: line, column: column))
    }

    private mutating func scan() {
        // The open sections, each with the delimiters in force where it opened: a set
        // delimiter tag inside a section lasts until the section closes.
        var openSections: [(tag: Int, start: [Character], end: [Character])] = []
        var index = 0
        while let open = find(startDelimiter, from: index) {
            var cursor = open + startDelimiter.count
            guard cursor < characters.count else { break }
            let sigil = characters[cursor]
            switch sigil {
            case "!", "%":
                index = (find(endDelimiter, from: cursor + 1) ?? characters.count) + endDelimiter.count
                continue
            case "=":
                index = setDelimiters(from: cursor + 1) ?? cursor + 1
                continue
            case "{", "&", "#", "^", "/", "$", ">", "<":
                cursor += 1
            default:
                break
            }
            let isPartial = sigil == ">" || sigil == "<"
            let allowed = isPartial ? Self.partialNameCharacters : Self.nameCharacters
            let nameStart = skipWhitespace(from: cursor)
            var nameEnd = nameStart
            while nameEnd < characters.count, allowed.contains(characters[nameEnd]) { nameEnd += 1 }
            let afterName = skipWhitespace(from: nameEnd)
            guard matches(endDelimiter, at: afterName) else {
                index = cursor
                continue
            }
            index = afterName + endDelimiter.count
            if sigil == "{", index < characters.count, characters[index] == "}" { index += 1 }

            let name = String(characters[nameStart..<nameEnd])
            let (line, column) = position(of: open)
            let kind: Tag.Kind
            switch sigil {
            case "#", "^": kind = .section
            case "$": kind = .block
            case ">": kind = .partial
            case "<": kind = .parent
            case "/": kind = .close(opener: openSections.last?.tag)
            default: kind = .variable
            }
            if isPartial, name.hasPrefix("*") {
                problem("dynamic partials are not supported ('\(sigil)\(name)')", at: open)
            } else if !isPartial, name.contains("(") {
                problem("template functions are not supported ('\(name)')", at: open)
            }
            var tag = Tag(
                kind: kind, name: name, nameRange: nameStart..<nameEnd, line: line, column: column,
                parent: openSections.last?.tag, depth: openSections.count)
            switch kind {
            case .section, .block, .parent:
                tag.depth += 1
                guard tag.depth <= Self.maximumDepth else {
                    // One error for the whole pile, not one per level nor an unclosed section each.
                    problems = [
                        Problem(
                            message:
                                "\(kind.word) '\(name)' is nested \(tag.depth) levels deep (the limit is \(Self.maximumDepth))",
                            line: line, column: column)
                    ]
                    isTooDeep = true
                    return
                }
                openSections.append((tags.count, startDelimiter, endDelimiter))
            case .close(let opener?):
                let closed = openSections.removeLast()
                (startDelimiter, endDelimiter) = (closed.start, closed.end)
                tag.parent = openSections.last?.tag
                tag.depth = tags[opener].depth
                if tags[opener].name != name {
                    let openTag = tags[opener]
                    problem(
                        "'\(name)' closes section '\(openTag.name)' opened at \(openTag.line):\(openTag.column)",
                        at: open)
                }
            case .close(nil):
                problem("'\(name)' closes a section that was never opened", at: open)
            case .variable, .partial:
                break
            }
            tags.append(tag)
        }
        for opener in openSections {
            let tag = tags[opener.tag]
            let (line, column) = (tag.line, tag.column)
            problems.append(Problem(message: "unclosed section '\(tag.name)'", line: line, column: column))
        }
    }

    /// Reads ` <% %> =}}` after `{{=` the way swift-mustache does: a start delimiter up to
    /// white space, an end delimiter up to white space or `=`, then `=` and the current end
    /// delimiter. Returns the index after the tag, or `nil` when malformed.
    private mutating func setDelimiters(from index: Int) -> Int? {
        var cursor = skipWhitespace(from: index)
        let start = cursor
        while cursor < characters.count, !characters[cursor].isWhitespace { cursor += 1 }
        let newStart = Array(characters[start..<cursor])
        cursor = skipWhitespace(from: cursor)
        let end = cursor
        while cursor < characters.count, !characters[cursor].isWhitespace, characters[cursor] != "=" { cursor += 1 }
        let newEnd = Array(characters[end..<cursor])
        cursor = skipWhitespace(from: cursor)
        guard !newStart.isEmpty, !newEnd.isEmpty, cursor < characters.count, characters[cursor] == "=",
            matches(endDelimiter, at: cursor + 1)
        else { return nil }
        let after = cursor + 1 + endDelimiter.count
        startDelimiter = newStart
        endDelimiter = newEnd
        return after
    }
}
