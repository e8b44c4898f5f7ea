/// A value handed to templates: what page contexts are made of.
///
/// It lives in LedeCore so that the module that builds page contexts (LedeExplainer) and
/// the module that renders templates (LedeTemplates) share it without importing each other.
/// It is a plain value tree, so templates look keys up without reflection.
public indirect enum ContextValue: Sendable, Hashable, ExpressibleByStringLiteral, ExpressibleByBooleanLiteral,
    ExpressibleByIntegerLiteral, ExpressibleByArrayLiteral, ExpressibleByDictionaryLiteral
{
    /// Text; `{{x}}` escapes it, `{{{x}}}` inserts it as HTML.
    case string(String)
    /// A flag; false hides a section.
    case bool(Bool)
    /// A number.
    case int(Int)
    /// A list; a section repeats for each element.
    case list([ContextValue])
    /// Named values.
    case object([String: ContextValue])
    /// An explicitly absent optional: false in sections, empty when printed, never a
    /// missing-key error.
    case null

    /// Text from a literal.
    public init(stringLiteral value: String) { self = .string(value) }
    /// A flag from a literal.
    public init(booleanLiteral value: Bool) { self = .bool(value) }
    /// A number from a literal.
    public init(integerLiteral value: Int) { self = .int(value) }
    /// A list from a literal.
    public init(arrayLiteral elements: ContextValue...) { self = .list(elements) }
    /// An object from a literal; a repeated key keeps its last value.
    public init(dictionaryLiteral elements: (String, ContextValue)...) {
        self = .object(Dictionary(elements, uniquingKeysWith: { _, last in last }))
    }

    /// `.string(value)`, or `.null` when `value` is nil.
    public static func optional(_ value: String?) -> ContextValue {
        value.map(ContextValue.string) ?? .null
    }

    /// The value under `key` when this is an object.
    public subscript(key: String) -> ContextValue? {
        if case .object(let members) = self { return members[key] }
        return nil
    }
}
