/// A value handed to templates.
///
/// No reflection: rendering looks keys up in ``object(_:)`` dictionaries directly, so a
/// context costs one dictionary lookup per name component, never a `Mirror`.
///
/// How each case behaves in a template:
///
/// | Case | `{{x}}` / `{{{x}}}` | `{{#x}}…{{/x}}` | `{{^x}}…{{/x}}` |
/// | --- | --- | --- | --- |
/// | ``string(_:)`` | the text, HTML-escaped / raw | once, with the string as `{{.}}`; skipped when empty | only when empty |
/// | ``bool(_:)`` | `true` / `false` | once when true | once when false |
/// | ``int(_:)`` | the number | once, with the number as `{{.}}` | never |
/// | ``list(_:)`` | an error | once per element | only when empty |
/// | ``object(_:)`` | an error | once, with its keys in scope | never |
/// | ``null`` | nothing | never | once |
///
/// > Warning: ``null`` is an explicitly absent optional: falsy, rendered as nothing, and not a
/// > missing-key error. Looking a key up *inside* `null` (`{{page.dek.text}}` with
/// > `dek: .null`) also renders nothing, the way optional chaining would.
public indirect enum TemplateValue: Sendable, Hashable, ExpressibleByStringLiteral, ExpressibleByBooleanLiteral,
    ExpressibleByIntegerLiteral, ExpressibleByArrayLiteral, ExpressibleByDictionaryLiteral
{
    /// Text; `{{x}}` escapes it for HTML, `{{{x}}}` and `{{&x}}` insert it as-is.
    case string(String)
    /// A flag, for sections and inverted sections.
    case bool(Bool)
    /// A whole number, rendered in decimal.
    case int(Int)
    /// Elements a section repeats over.
    case list([TemplateValue])
    /// Named values; a section over an object brings its keys into scope.
    case object([String: TemplateValue])
    /// An explicitly absent optional: falsy in sections, renders as empty, and is *not* a
    /// missing-key error.
    case null

    /// Creates a ``string(_:)`` value from a literal.
    public init(stringLiteral value: String) {
        self = .string(value)
    }

    /// Creates a ``bool(_:)`` value from a literal.
    public init(booleanLiteral value: Bool) {
        self = .bool(value)
    }

    /// Creates an ``int(_:)`` value from a literal.
    public init(integerLiteral value: Int) {
        self = .int(value)
    }

    /// Creates a ``list(_:)`` value from a literal.
    public init(arrayLiteral elements: TemplateValue...) {
        self = .list(elements)
    }

    /// Creates an ``object(_:)`` value from a literal; a repeated key keeps its last value.
    public init(dictionaryLiteral elements: (String, TemplateValue)...) {
        self = .object(Dictionary(elements, uniquingKeysWith: { _, last in last }))
    }

    /// Wraps an optional string: ``null`` when absent, so a template can test it with a
    /// section without it being a missing key.
    /// - Parameter string: The string, or `nil`.
    public init(_ string: String?) {
        self = string.map(TemplateValue.string) ?? .null
    }
}
