internal import LedeCore

/// One step of a compiled template, as swift-mustache's parser would make it (see
/// ``TemplateParser``), ready to render over ``TemplateValue``s without looking anything up
/// by text but context keys.
enum TemplateNode: Sendable {
    /// Text copied as is.
    case text(String)
    /// `{{x}}` (`escaped`, unless a `TEXT` content type is in force) or `{{{x}}}`/`{{&x}}`.
    case variable(TemplateName, escaped: Bool)
    /// `{{#x}}…{{/x}}`, or `{{^x}}…{{/x}}` when `inverted`.
    case section(TemplateName, body: [TemplateNode], inverted: Bool)
    /// `{{> x}}`, indented when standalone; or `{{< x}}…{{/x}}` with the blocks it fills.
    case partial(String, indentation: String?, overrides: [String: [TemplateNode]]?)
    /// `{{$x}}…{{/x}}` outside a layout tag: the outermost override of `x`, else the body.
    case block(String, body: [TemplateNode], indentation: String)
    /// `{{% CONTENT_TYPE: TEXT }}` (no escaping from here on in this template) or `HTML`.
    case contentType(escapes: Bool)
}

/// A looked-up name, split into its components.
struct TemplateName: Sendable {
    /// One component: the key, and its reference in the library's table.
    struct Component: Sendable {
        /// The key looked up.
        var key: String
        /// The index of its ``TagReference``.
        var reference: Int
        /// Its reference's ``TagReference/isDefinitive``, kept here for the hot path.
        var isDefinitive: Bool
        /// Its reference's ``TagReference/testsPresence``.
        var testsPresence: Bool
    }

    /// The non-empty components; none for `.`, which is the current value.
    var components: [Component]
    /// Whether the name starts with a dot: looked up in the current value only.
    var isAnchored: Bool
}

/// What one component of a name written in a template tag needs for error messages and the
/// strict rules.
struct TagReference: Sendable {
    /// The whole name as written, for messages (`page.dek`).
    var name: String
    /// Where the tag starts.
    var location: SourceLocation
    /// Whether a miss in any frame is final. `false` only for the first component of a
    /// name without a leading dot: it is looked up through every frame of the context
    /// stack, innermost first, and only a miss in the root frame means no frame has it.
    var isDefinitive: Bool
    /// Whether a miss is no error: the last component of a section's or inverted section's
    /// name, which tests presence (`{{#page.extra.subtitle}}` on a page without it is false).
    /// Earlier components must resolve, so a typo in the middle of a name is still caught.
    var testsPresence: Bool
}
