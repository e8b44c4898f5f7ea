public import LedeCore

/// A value handed to templates: LedeCore's ``ContextValue``, shared with the module that
/// builds page contexts so neither imports the other.
///
/// No reflection: rendering looks keys up in `object` dictionaries directly, so a
/// context costs one dictionary lookup per name component, never a `Mirror`.
///
/// How each case behaves in a template:
///
/// | Case | `{{x}}` / `{{{x}}}` | `{{#x}}…{{/x}}` | `{{^x}}…{{/x}}` |
/// | --- | --- | --- | --- |
/// | `string` | the text, HTML-escaped / raw | once, with the string as `{{.}}`; skipped when empty | only when empty |
/// | `bool` | `true` / `false` | once when true | once when false |
/// | `int` | the number | once, with the number as `{{.}}` | never |
/// | `list` | an error | once per element | only when empty |
/// | `object` | an error | once, with its keys in scope | never |
/// | `null` | nothing | never | once |
/// | *(missing key)* | an error | never | once |
///
/// A missing key is tested by a section only when it is the last part of the name
/// (``TemplateLibrary``, "Sections test presence").
///
/// > Warning: `null` is an explicitly absent optional: falsy, rendered as nothing, and not a
/// > missing-key error. Looking a key up *inside* `null` (`{{page.dek.text}}` with
/// > `dek: .null`) also renders nothing, the way optional chaining would.
public typealias TemplateValue = ContextValue

extension ContextValue {
    /// Wraps an optional string: `null` when absent, so a template can test it with a
    /// section without it being a missing key.
    /// - Parameter string: The string, or `nil`.
    public init(_ string: String?) {
        self = string.map(ContextValue.string) ?? .null
    }
}
