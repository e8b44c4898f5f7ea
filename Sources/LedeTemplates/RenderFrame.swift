internal import LedeCore
internal import Mustache

/// One component of a name written in a template tag, with where the tag is.
///
/// At load, ``TemplateLibrary`` rewrites every looked-up name so each component carries the
/// index of its reference: `{{page.dek}}` becomes `{{page?12.dek?13}}` (`?` and digits are
/// legal in swift-mustache names, and the digits after the last `?` are ours). swift-mustache
/// then hands that string to ``RenderFrame/child(named:)``, which learns both the real key and
/// the tag's `path:line:col`.
struct TagReference: Sendable {
    /// The key to look up: one component of the name.
    var key: String
    /// The whole name as written, for messages (`page.dek`).
    var name: String
    /// Where the tag starts.
    var location: SourceLocation
    /// Whether a miss in any frame is final. `false` only for the first component of a
    /// name without a leading dot: swift-mustache then tries every frame of the context
    /// stack, innermost first, and only a miss in the root frame means no frame has it.
    var isDefinitive: Bool
    /// Whether a miss is no error: the last component of a section's or inverted section's
    /// name, which tests presence (`{{#page.extra.subtitle}}` on a page without it is false).
    /// Earlier components must resolve, so a typo in the middle of a name is still caught.
    var testsPresence: Bool = false

    /// The index encoded at the end of a rewritten name component, or `nil` for a name the
    /// library did not rewrite.
    ///
    /// The digits come from template text when a name was not rewritten, so they may be
    /// many: past 18 digits the component is not one of ours, and nothing overflows.
    static func index(in component: String) -> Int? {
        var index = 0
        var multiplier = 1
        for byte in component.utf8.reversed() {
            if byte == UInt8(ascii: "?") { return multiplier > 1 ? index : nil }
            guard byte >= UInt8(ascii: "0"), byte <= UInt8(ascii: "9"), multiplier <= 100_000_000_000_000_000 else {
                return nil
            }
            index += Int(byte - UInt8(ascii: "0")) * multiplier
            multiplier *= 10
        }
        return nil
    }
}

/// What one call to ``TemplateLibrary/render(_:context:)`` found wrong.
///
/// swift-mustache renders synchronously on the calling thread, so one render owns its state
/// alone; it is never shared between renders or tasks.
final class RenderState {
    /// Every reference of the library, by index.
    let references: [TagReference]
    /// References that resolved to nothing, each once, in the order they were met.
    private(set) var missing: [Int] = []
    private var missingSet: Set<Int> = []
    /// Values that cannot be rendered as text (lists, objects), by reference.
    private(set) var unprintable: [Int: String] = [:]

    init(references: [TagReference]) {
        self.references = references
    }

    /// The reference a name component carries, if it is one of this library's.
    func reference(in component: String) -> Int? {
        TagReference.index(in: component).flatMap { references.indices.contains($0) ? $0 : nil }
    }

    /// Records a name that resolved to nothing, unless its tag only tests presence.
    func recordMissing(_ reference: Int) {
        guard !references[reference].testsPresence else { return }
        if missingSet.insert(reference).inserted { missing.append(reference) }
    }

    func recordUnprintable(_ reference: Int, kind: String) {
        if reference >= 0, unprintable[reference] == nil { unprintable[reference] = kind }
    }

    /// Wraps a found value the way swift-mustache's section rules expect: `Bool` for flags
    /// (sections test it), a sequence for lists, a frame for the rest.
    func wrap(_ value: TemplateValue, via reference: Int) -> Any {
        switch value {
        case .bool(let flag): flag
        case .list(let elements): RenderList(elements: elements, state: self, reference: reference)
        default: RenderFrame(value: value, state: self, reference: reference, isRoot: false)
        }
    }

    /// Every problem as diagnostics.
    var diagnostics: [Diagnostic] {
        var diagnostics = missing.map { index in
            let reference = references[index]
            return Diagnostic(at: reference.location, "missing key '\(reference.name)' in context")
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
}

/// A ``TemplateValue`` on swift-mustache's context stack.
///
/// The value is wrapped rather than made to conform itself because a lookup must report to
/// the render's ``RenderState``, and a plain value has no way to reach it.
struct RenderFrame: MustacheParent, MustacheCustomRenderable {
    let value: TemplateValue
    let state: RenderState
    /// The reference through which the value was found; -1 for the root context.
    let reference: Int
    /// Whether this is the bottom of the stack, consulted only when every inner frame missed.
    let isRoot: Bool

    func child(named component: String) -> Any? {
        guard let index = state.reference(in: component) else {
            guard case .object(let fields) = value, let found = fields[component] else { return nil }
            return state.wrap(found, via: -1)
        }
        let reference = state.references[index]
        switch value {
        case .null:
            return nil
        case .object(let fields):
            if let found = fields[reference.key] { return state.wrap(found, via: index) }
        default:
            break
        }
        if isRoot || reference.isDefinitive { state.recordMissing(index) }
        return nil
    }

    var renderText: String {
        switch value {
        case .string(let text): return text
        case .int(let number): return String(number)
        case .bool(let flag): return String(flag)
        case .null: return ""
        case .object:
            state.recordUnprintable(reference, kind: "an object")
            return ""
        case .list:
            state.recordUnprintable(reference, kind: "a list")
            return ""
        }
    }

    /// `null` and the empty string are falsy in sections.
    var isNull: Bool {
        switch value {
        case .null: true
        case .string(let text): text.isEmpty
        default: false
        }
    }
}

/// A ``TemplateValue/list(_:)`` as a swift-mustache sequence: sections repeat over it.
struct RenderList: MustacheSequence, MustacheParent, MustacheCustomRenderable {
    let elements: [TemplateValue]
    let state: RenderState
    let reference: Int

    struct Iterator: IteratorProtocol {
        var base: IndexingIterator<[TemplateValue]>
        let state: RenderState
        let reference: Int

        mutating func next() -> Any? {
            base.next().map { state.wrap($0, via: reference) }
        }
    }

    func makeIterator() -> Iterator {
        Iterator(base: elements.makeIterator(), state: state, reference: reference)
    }

    /// An empty list is pushed on the stack for its inverted section; it has no keys.
    func child(named component: String) -> Any? {
        if let index = state.reference(in: component), state.references[index].isDefinitive {
            state.recordMissing(index)
        }
        return nil
    }

    var renderText: String {
        state.recordUnprintable(reference, kind: "a list")
        return ""
    }

    var isNull: Bool { elements.isEmpty }
}
