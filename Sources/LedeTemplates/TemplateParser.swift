internal import LedeCore

/// Turns a template that swift-mustache has parsed without error into ``TemplateNode``s.
///
/// swift-mustache keeps its parsed tokens internal, so this parser follows its parser
/// (`Template+Parser.swift` and `Parser.swift` in 2.1.1) step by step: the same standalone
/// line rules, the same white space kept before tags and inside layout blocks, the same
/// set-delimiter scoping, down to its quirks (trailing white space at the very end of a
/// template is dropped; after a section, whether a new line has started follows its
/// opening tag, not its closing one).
/// Only the output differs: nodes over ``TemplateName``s, whose components carry the
/// ``TagReference`` of their tag, instead of names looked up by string.
///
/// It runs only on text swift-mustache accepted, and templates with functions or dynamic
/// partials are refused before it; anything it cannot read throws ``Failure``, which the
/// library reports as an internal error rather than guessing.
struct TemplateParser {
    /// Text the parser could not read, which swift-mustache accepted: never expected.
    struct Failure: Error {
        /// The character index where reading stopped.
        var index: Int
    }

    /// swift-mustache's `ParserState`: one per section being read.
    private struct State {
        var sectionName: String?
        var newLine = true
        var isPartialDefinition = false
        var isPartialDefinitionTopLevel = false
        var startDelimiter: [Character] = ["{", "{"]
        var endDelimiter: [Character] = ["}", "}"]
        /// The white space of a layout block's first line, in characters.
        var partialDefinitionIndent: Int?

        func withSectionName(_ name: String, newLine: Bool) -> State {
            var state = self
            state.sectionName = name
            state.isPartialDefinitionTopLevel = false
            if !newLine { state.newLine = false }
            return state
        }

        func withInheritancePartial(_ name: String) -> State {
            var state = self
            state.sectionName = name
            state.newLine = true
            state.isPartialDefinition = true
            state.isPartialDefinitionTopLevel = true
            return state
        }
    }

    /// What a section-level parse returns: the nodes, and the blocks a layout tag's content
    /// defines (only read inside `{{<x}}…{{/x}}`).
    private struct Parsed {
        var nodes: [TemplateNode] = []
        var definitions: [(name: String, body: [TemplateNode])] = []
        /// Whether anything other than text and block definitions was read.
        var hasOtherNodes = false
    }

    private let scanner: TemplateScanner
    private let path: String
    private var characters: [Character] { scanner.characters }
    private var position = 0
    /// The references of every looked-up name, appended to as names are read.
    private(set) var references: [TagReference]

    private static let sectionNameCharacters = Set<Character>(
        "0123456789abcdefghijklmnopqrstuvwxyzABCDEFGHIJKLMNOPQRSTUVWXYZ.-_?()*")
    private static let partialNameCharacters = sectionNameCharacters.union(["/"])
    private static let lineWhiteSpace = Set<Character>(" \t")

    /// Parses the text `scanner` scanned.
    /// - Parameters:
    ///   - scanner: The template's scan, for its characters and line positions.
    ///   - path: The template's path, for the locations of its references.
    ///   - references: The library's references so far; the template's are appended.
    /// - Returns: The template's nodes and every reference, the new ones appended.
    /// - Throws: ``Failure`` where the text cannot be read (swift-mustache would have refused it).
    static func parse(
        _ scanner: TemplateScanner, path: String, references: [TagReference]
    ) throws -> (nodes: [TemplateNode], references: [TagReference]) {
        var parser = TemplateParser(scanner: scanner, path: path, references: references)
        let parsed = try parser.parse(state: State())
        return (parsed.nodes, parser.references)
    }

    private init(scanner: TemplateScanner, path: String, references: [TagReference]) {
        self.scanner = scanner
        self.path = path
        self.references = references
    }

    // MARK: Reading characters (swift-mustache's `Parser`)

    private var reachedEnd: Bool { position == characters.count }

    /// The current character, or NUL at the end, as swift-mustache's `current()`.
    private var current: Character { reachedEnd ? "\0" : characters[position] }

    private func failure() -> Failure { Failure(index: position) }

    @discardableResult
    private mutating func read(while set: Set<Character>) -> ArraySlice<Character> {
        let start = position
        while !reachedEnd, set.contains(characters[position]) { position += 1 }
        return characters[start..<position]
    }

    private mutating func skipWhitespace() {
        while !reachedEnd, characters[position].isWhitespace { position += 1 }
    }

    /// swift-mustache's `read(string:)`: consumes `string` if it comes next; throws when fewer
    /// characters than it remain.
    private mutating func read(_ string: [Character]) throws -> Bool {
        guard !string.isEmpty else { return true }
        guard characters.count - position >= string.count else { throw failure() }
        guard characters[position..<position + string.count].elementsEqual(string) else { return false }
        position += string.count
        return true
    }

    /// swift-mustache's `read(_ char:)`: throws at the end.
    private mutating func read(_ character: Character) throws -> Bool {
        guard !reachedEnd else { throw failure() }
        guard characters[position] == character else { return false }
        position += 1
        return true
    }

    // MARK: Parsing (swift-mustache's `MustacheTemplate.parse`)

    private mutating func parse(state initial: State) throws -> Parsed {
        var parsed = Parsed()
        var state = initial
        var whiteSpaceBefore: ArraySlice<Character> = []
        func append(text: some Sequence<Character>) {
            parsed.nodes.append(.text(String(text)))
        }
        func appendPendingWhiteSpace() {
            if !whiteSpaceBefore.isEmpty { append(text: whiteSpaceBefore) }
        }
        func append(_ node: TemplateNode) {
            parsed.nodes.append(node)
            parsed.hasOtherNodes = true
        }
        while !reachedEnd {
            if state.newLine {
                let whiteSpace = read(while: Self.lineWhiteSpace)
                if state.isPartialDefinition, !state.isPartialDefinitionTopLevel {
                    if let indent = state.partialDefinitionIndent {
                        whiteSpaceBefore = whiteSpace.dropFirst(indent)
                    } else {
                        state.partialDefinitionIndent = whiteSpace.count
                    }
                } else {
                    whiteSpaceBefore = whiteSpace
                }
            }
            let (text, tagStart) = try readUntilDelimiterOrNewline(state: state)
            if current.isNewline {
                append(text: whiteSpaceBefore + text + [current])
                state.newLine = true
                position += 1
                continue
            }
            if !text.isEmpty {
                append(text: whiteSpaceBefore + text)
                whiteSpaceBefore = []
                state.newLine = false
            }
            if reachedEnd { break }
            var setNewLine = false
            switch current {
            case "#", "^":
                let inverted = current == "^"
                position += 1
                let name = try parseName(state: state)
                if isStandalone(state: state) {
                    setNewLine = true
                } else {
                    appendPendingWhiteSpace()
                    whiteSpaceBefore = []
                }
                let body = try parse(state: state.withSectionName(name, newLine: setNewLine))
                let compiled = compile(name, at: tagStart, isSection: true)
                append(.section(compiled, body: body.nodes, inverted: inverted))

            case "/":
                position += 1
                let name = try parseName(state: state)
                guard name == state.sectionName else { throw failure() }
                if !isStandalone(state: state) {
                    appendPendingWhiteSpace()
                }
                return parsed

            case "!":
                position += 1
                try skipComment(state: state)
                setNewLine = isStandalone(state: state)

            case "{", "&":
                let isTriple = current == "{"
                appendPendingWhiteSpace()
                whiteSpaceBefore = []
                position += 1
                let name = try parseName(state: state)
                if isTriple, !(try read("}")) { throw failure() }
                append(.variable(compile(name, at: tagStart, isSection: false), escaped: false))

            case ">":
                position += 1
                skipWhitespace()
                guard current != "*" else { throw failure() }
                let name = try parseName(state: state, characters: Self.partialNameCharacters)
                appendPendingWhiteSpace()
                if isStandalone(state: state) {
                    setNewLine = true
                    append(.partial(name, indentation: String(whiteSpaceBefore), overrides: nil))
                } else {
                    append(.partial(name, indentation: nil, overrides: nil))
                }
                whiteSpaceBefore = []

            case "<":
                position += 1
                skipWhitespace()
                let name = try parseName(state: state, characters: Self.partialNameCharacters)
                guard name.first != "*" else { throw failure() }
                appendPendingWhiteSpace()
                if isStandalone(state: state) {
                    setNewLine = true
                }
                let content = try parse(state: state.withInheritancePartial(name))
                guard !content.hasOtherNodes else { throw failure() }
                var overrides: [String: [TemplateNode]] = [:]
                for definition in content.definitions { overrides[definition.name] = definition.body }
                append(
                    .partial(name, indentation: String(whiteSpaceBefore), overrides: overrides))
                whiteSpaceBefore = []

            case "$":
                position += 1
                let name = try parseName(state: state)
                if state.isPartialDefinitionTopLevel {
                    setNewLine = isStandalone(state: state)
                    let body = try parse(state: state.withSectionName(name, newLine: setNewLine))
                    parsed.definitions.append((name, body.nodes))
                } else {
                    appendPendingWhiteSpace()
                    if isStandalone(state: state) {
                        setNewLine = true
                    }
                    let body = try parse(state: state.withSectionName(name, newLine: setNewLine))
                    append(.block(name, body: body.nodes, indentation: String(whiteSpaceBefore)))
                    whiteSpaceBefore = []
                }

            case "=":
                position += 1
                try setDelimiters(state: &state)
                setNewLine = isStandalone(state: state)

            case "%":
                position += 1
                append(.contentType(escapes: try readContentType(state: state)))
                setNewLine = isStandalone(state: state)

            default:
                appendPendingWhiteSpace()
                whiteSpaceBefore = []
                let name = try parseName(state: state)
                append(.variable(compile(name, at: tagStart, isSection: false), escaped: true))
            }
            state.newLine = setNewLine
        }
        guard state.sectionName == nil else { throw failure() }
        return parsed
    }

    /// Text up to a line end or the start delimiter, which is consumed; also the index where
    /// that delimiter starts (the tag's location).
    private mutating func readUntilDelimiterOrNewline(state: State) throws -> ([Character], Int) {
        guard let first = state.startDelimiter.first else { return ([], position) }
        var text: [Character] = []
        while !reachedEnd {
            let character = characters[position]
            if character == "\n" || character == "\r\n" { break }
            if character == first {
                let start = position
                if try read(state.startDelimiter) { return (text, start) }
                position += 1
            } else {
                position += 1
            }
            text.append(character)
        }
        return (text, position)
    }

    /// A tag's name up to the end delimiter, white space around it skipped.
    private mutating func parseName(
        state: State, characters allowed: Set<Character> = sectionNameCharacters
    ) throws -> String {
        skipWhitespace()
        let name = String(read(while: allowed))
        skipWhitespace()
        guard try read(state.endDelimiter) else { throw failure() }
        // Functions (`{{f(x)}}`) are refused before parsing.
        guard allowed == Self.partialNameCharacters || !name.contains("(") else { throw failure() }
        return name
    }

    /// swift-mustache's `read(untilString:skipToEnd:)` for the end delimiter, with its naive
    /// matching (a partial match is not re-tried at the character that broke it).
    private mutating func skipComment(state: State) throws {
        let delimiter = state.endDelimiter
        guard !delimiter.isEmpty else { return }
        var matched = 0
        while !reachedEnd {
            if characters[position] == delimiter[matched] {
                matched += 1
                if matched == delimiter.count {
                    position += 1
                    return
                }
            } else {
                matched = 0
            }
            position += 1
        }
        throw failure()
    }

    private mutating func setDelimiters(state: inout State) throws {
        skipWhitespace()
        let start = position
        while !reachedEnd, !characters[position].isWhitespace { position += 1 }
        guard !reachedEnd else { throw failure() }
        let newStart = Array(characters[start..<position])
        skipWhitespace()
        let end = position
        while !reachedEnd, !characters[position].isWhitespace, characters[position] != "=" { position += 1 }
        guard !reachedEnd else { throw failure() }
        let newEnd = Array(characters[end..<position])
        skipWhitespace()
        guard try read("="), try read(state.endDelimiter), !newStart.isEmpty, !newEnd.isEmpty else {
            throw failure()
        }
        state.startDelimiter = newStart
        state.endDelimiter = newEnd
        state.isPartialDefinitionTopLevel = false
    }

    /// `{{% CONTENT_TYPE: HTML }}` or `TEXT`: whether variables are escaped from here on.
    private mutating func readContentType(state: State) throws -> Bool {
        let nameCharacters = Self.sectionNameCharacters.subtracting(["(", ")"])
        skipWhitespace()
        let variable = String(read(while: nameCharacters))
        skipWhitespace()
        guard try read(":") else { throw failure() }
        skipWhitespace()
        let value = String(read(while: nameCharacters))
        skipWhitespace()
        guard try read(state.endDelimiter), variable == "CONTENT_TYPE" else { throw failure() }
        switch value {
        case "HTML": return true
        case "TEXT": return false
        default: throw failure()
        }
    }

    /// swift-mustache's `hasLineFinished`, asked only at the start of a line: the tag is alone
    /// on its line, whose end is then consumed.
    private mutating func isStandalone(state: State) -> Bool {
        guard state.newLine else { return false }
        if reachedEnd { return true }
        var cursor = position
        while cursor < characters.count, Self.lineWhiteSpace.contains(characters[cursor]) { cursor += 1 }
        guard cursor < characters.count, characters[cursor].isNewline else { return false }
        position = cursor + 1
        return true
    }

    /// A looked-up name with a reference for each of its components.
    ///
    /// swift-mustache splits names at dots, dropping empty parts: `.`, `..` and the empty name
    /// are the current value; a leading dot looks in the current value only. The first part of
    /// a name without a leading dot is looked up through the context stack, so a miss in one
    /// frame is final only in the root; every other part is looked up in one value. The last
    /// part of a section's name tests presence, unless the name ends in a dot.
    private mutating func compile(_ name: String, at index: Int, isSection: Bool) -> TemplateName {
        let (line, column) = scanner.position(of: index)
        let location = SourceLocation(path: path, line: line, column: column)
        let parts = name.split(separator: ".", omittingEmptySubsequences: false)
        let isAnchored = name.hasPrefix(".")
        var components: [TemplateName.Component] = []
        for (offset, part) in parts.enumerated() where !part.isEmpty {
            let reference = TagReference(
                name: name, location: location, isDefinitive: isAnchored || !components.isEmpty,
                testsPresence: isSection && offset == parts.count - 1)
            components.append(
                TemplateName.Component(
                    key: String(part), reference: references.count, isDefinitive: reference.isDefinitive,
                    testsPresence: reference.testsPresence))
            references.append(reference)
        }
        return TemplateName(components: components, isAnchored: isAnchored)
    }
}
