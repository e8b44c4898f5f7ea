internal import LedeCore

/// One render of a template: the context stack, the output bytes, and what went wrong.
///
/// It renders ``TemplateNode``s the way swift-mustache renders its tokens (sections, partial
/// indentation, layout blocks), over ``TemplateValue``s directly: a name component is one
/// dictionary lookup, and text is appended to one byte buffer. One renderer serves one call
/// to ``TemplateLibrary/render(_:context:)`` on one thread.
///
/// How values behave follows what Lede's swift-mustache adapter did, which these rules
/// reproduce:
/// - the root context is a frame whatever its case (`{{#.}}` on a root list renders once);
///   a miss there is an error for any name;
/// - a value found by name, or a list element, acts by its case: a flag decides, a list
///   repeats, `null` and the empty string are false, anything else is pushed on the stack;
/// - an inverted section over an empty list pushes the list (a frame without keys).
struct TemplateRenderer {
    /// A value on the context stack.
    struct Frame {
        var value: TemplateValue
        /// The reference through which the value was found, for messages; -1 for the root.
        var reference: Int
        /// Whether this is the render's context, where a miss is final.
        var isRoot: Bool
    }

    /// What is inherited from the template or section being rendered.
    struct Scope {
        /// Added after every line end inside a standalone partial or block.
        var indentation = ""
        /// The blocks layout tags fill, outermost first to win.
        var overrides: [String: [TemplateNode]]?
        /// Whether `{{x}}` escapes HTML (a `TEXT` content type turns it off).
        var escapes = true
    }

    private let templates: [String: [TemplateNode]]
    private let references: [TagReference]
    private var stack: [Frame]
    /// The rendered text.
    private(set) var output = ""
    /// References that resolved to nothing, each once, in the order they were met, with the
    /// key of the same value a typo probably meant (`title` for `titel`).
    private var missing: [(reference: Int, meant: (key: String, suggestion: String)?)] = []
    /// Values that cannot be rendered as text, by reference, each once.
    private var unprintable: [(reference: Int, kind: String)] = []

    init(templates: [String: [TemplateNode]], references: [TagReference], context: TemplateValue) {
        self.templates = templates
        self.references = references
        self.stack = [Frame(value: context, reference: -1, isRoot: true)]
        output.reserveCapacity(32 * 1024)
    }

    /// Every problem met, as diagnostics: missing keys, then values that cannot be text.
    var diagnostics: [Diagnostic] {
        var diagnostics = missing.map { index, meant in
            let reference = references[index]
            var message = "missing key '\(reference.name)' in context"
            if let meant {
                // The whole name, with the part that was not found replaced.
                var parts = reference.name.split(separator: ".", omittingEmptySubsequences: false).map(String.init)
                if let index = parts.firstIndex(of: meant.key) { parts[index] = meant.suggestion }
                message += " (did you mean '\(parts.joined(separator: "."))'?)"
            }
            return Diagnostic(at: reference.location, message)
        }
        for (index, kind) in unprintable {
            let reference = references[index]
            diagnostics.append(
                Diagnostic(
                    at: reference.location,
                    "'\(reference.name)' is \(kind) and cannot be rendered as text; use a section "
                        + "{{#\(reference.name)}}…{{/\(reference.name)}}"))
        }
        return diagnostics
    }

    /// Renders `nodes` as swift-mustache renders one template or section body: inside an
    /// indented partial or block, the indentation goes before every node that renders
    /// something after a line end of this body's own output.
    mutating func render(_ nodes: [TemplateNode], scope: Scope) {
        var scope = scope
        guard !scope.indentation.isEmpty else {
            for node in nodes { render(node, scope: &scope) }
            return
        }
        let start = output.utf8.count
        for node in nodes {
            guard endsWithLineFeed(from: start) else {
                render(node, scope: &scope)
                continue
            }
            let before = output.endIndex
            output += scope.indentation
            let afterIndentation = output.utf8.count
            render(node, scope: &scope)
            if output.utf8.count == afterIndentation { output.removeSubrange(before...) }
        }
    }

    /// Whether the output since `start` ends with a line feed that is a character of its own
    /// (swift-mustache compares the last `Character`, and `\r\n` is one).
    private func endsWithLineFeed(from start: Int) -> Bool {
        let bytes = output.utf8
        let count = bytes.count
        guard count > start, bytes[bytes.index(before: bytes.endIndex)] == UInt8(ascii: "\n") else { return false }
        return count - 2 < start || bytes[bytes.index(bytes.endIndex, offsetBy: -2)] != UInt8(ascii: "\r")
    }

    private mutating func render(_ node: TemplateNode, scope: inout Scope) {
        switch node {
        case .text(let text):
            output += text
        case .variable(let name, let escaped):
            guard let frame = resolve(name) else { return }
            append(frame, escaped: escaped && scope.escapes)
        case .section(let name, let body, let inverted):
            renderSection(name, body: body, inverted: inverted, scope: scope)
        case .partial(let name, let indentation, let overrides):
            guard let nodes = templates[name] else { return }
            var inner = Scope(indentation: scope.indentation, overrides: scope.overrides, escapes: true)
            if let indentation { inner.indentation += indentation }
            if let overrides {
                inner.overrides = scope.overrides?.merging(overrides) { outer, _ in outer } ?? overrides
            }
            render(nodes, scope: inner)
        case .block(let name, let body, let indentation):
            var inner = scope
            inner.indentation += indentation
            render(scope.overrides?[name] ?? body, scope: inner)
        case .contentType(let escapes):
            scope.escapes = escapes
        }
    }

    private mutating func renderSection(_ name: TemplateName, body: [TemplateNode], inverted: Bool, scope: Scope) {
        guard let frame = resolve(name) else {
            if inverted { render(body, scope: scope) }
            return
        }
        let value = frame.isRoot ? .object([:]) : frame.value
        switch value {
        case .bool(let flag):
            if flag != inverted { render(body, scope: scope) }
        case .list(let elements):
            if inverted {
                if elements.isEmpty { renderPushing(frame, body, scope: scope) }
            } else {
                for element in elements {
                    renderPushing(Frame(value: element, reference: frame.reference, isRoot: false), body, scope: scope)
                }
            }
        default:
            let isFalse: Bool
            switch frame.value {
            case .null: isFalse = true
            case .string(let text): isFalse = text.isEmpty
            default: isFalse = false
            }
            if isFalse {
                if inverted { render(body, scope: scope) }
            } else if !inverted {
                renderPushing(frame, body, scope: scope)
            }
        }
    }

    private mutating func renderPushing(_ frame: Frame, _ body: [TemplateNode], scope: Scope) {
        stack.append(frame)
        render(body, scope: scope)
        stack.removeLast()
    }

    // MARK: Looking names up

    /// The value a name resolves to, or `nil`; records a miss that is an error.
    ///
    /// Frames are read in place by index, not copied: this is the hot path of a render.
    private mutating func resolve(_ name: TemplateName) -> Frame? {
        let count = name.components.count
        guard count > 0 else { return stack.last }
        var found: Frame
        var index = stack.count - 1
        if name.isAnchored {
            guard let child = child(of: stack[index], name.components[0]) else { return nil }
            found = child
        } else {
            while true {
                if let child = child(of: stack[index], name.components[0]) {
                    found = child
                    break
                }
                guard index > 0 else { return nil }
                index -= 1
            }
        }
        var component = 1
        while component < count {
            guard let child = child(of: found, name.components[component]) else { return nil }
            found = child
            component += 1
        }
        return found
    }

    /// The value of `component` in one frame. A miss is recorded where it is final: in the
    /// root, or for a component looked up in one value only; never inside `null`.
    private mutating func child(of frame: Frame, _ component: TemplateName.Component) -> Frame? {
        var keys: Dictionary<String, TemplateValue>.Keys?
        switch frame.value {
        case .object(let fields):
            if let value = fields[component.key] {
                return Frame(value: value, reference: component.reference, isRoot: false)
            }
            keys = fields.keys
        case .null:
            return nil
        default:
            break
        }
        if frame.isRoot || component.isDefinitive, !component.testsPresence,
            !missing.contains(where: { $0.reference == component.reference })
        {
            // A name of one to three letters is one edit from too many others to suggest one.
            let suggestion =
                component.key.count < 4 ? nil : keys.flatMap { NearMiss.suggestion(for: component.key, among: $0) }
            missing.append((component.reference, suggestion.map { (component.key, $0) }))
        }
        return nil
    }

    // MARK: Writing values

    private mutating func append(_ frame: Frame, escaped: Bool) {
        switch frame.value {
        case .string(let text):
            append(text, escaped: escaped)
        case .int(let number):
            append(String(number), escaped: false)
        case .bool(let flag):
            append(flag ? "true" : "false", escaped: false)
        case .null:
            break
        case .object:
            recordUnprintable(frame.reference, kind: "an object")
        case .list:
            recordUnprintable(frame.reference, kind: "a list")
        }
    }

    private mutating func recordUnprintable(_ reference: Int, kind: String) {
        guard reference >= 0, !unprintable.contains(where: { $0.reference == reference }) else { return }
        unprintable.append((reference, kind))
    }

    /// Appends `text`, HTML-escaping `& < > " '` when `escaped`, byte by byte.
    private mutating func append(_ text: String, escaped: Bool) {
        if escaped {
            HTMLEscaper.append(text, to: &output)
        } else {
            output += text
        }
    }
}

/// HTML escaping over UTF-8 bytes, as swift-mustache's `htmlEscape` with one difference:
/// it escapes every `& < > " '`, where swift-mustache, comparing `Character`s, leaves one
/// that a combining mark follows (`"` + U+0301 is one character, not `"`).
enum HTMLEscaper {
    /// Appends `text` to `output`, escaped.
    static func append(_ text: String, to output: inout String) {
        let bytes = text.utf8
        var copied = bytes.startIndex
        var index = copied
        while index != bytes.endIndex {
            let replacement: String
            switch bytes[index] {
            case UInt8(ascii: "&"): replacement = "&amp;"
            case UInt8(ascii: "<"): replacement = "&lt;"
            case UInt8(ascii: ">"): replacement = "&gt;"
            case UInt8(ascii: "\""): replacement = "&quot;"
            case UInt8(ascii: "'"): replacement = "&#39;"
            default:
                bytes.formIndex(after: &index)
                continue
            }
            if copied != index { output += text[copied..<index] }
            output += replacement
            bytes.formIndex(after: &index)
            copied = index
        }
        if copied == bytes.startIndex {
            output += text
        } else if copied != bytes.endIndex {
            output += text[copied...]
        }
    }
}
