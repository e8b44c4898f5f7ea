/// A document split into tokens that hold byte ranges only, as ``HTMLScanner/scan(_:)`` makes
/// it: the publish step reads names and values straight from the bytes, and makes strings only
/// for the few attributes it needs. ``HTMLScanner/tokens(_:)`` is the same split with strings.
struct HTMLScan: Sendable {
    /// The elements the scanner and the publish step tell apart; everything else is `other`.
    enum Tag: Sendable, Hashable {
        case a, area, base, h1, img, script, style, textarea, title, other

        /// The lower-case name of an element whose content is not markup.
        var rawTextName: StaticString? {
            switch self {
            case .script: "script"
            case .style: "style"
            case .textarea: "textarea"
            case .title: "title"
            default: nil
            }
        }
    }

    /// One attribute of a start tag.
    struct Attribute: Sendable {
        /// The name as written.
        var nameRange: Range<Int>
        /// The raw value (between the quotes); `nil` for a bare attribute.
        var valueRange: Range<Int>?
    }

    /// A piece of the document.
    struct Token: Sendable {
        var kind: HTMLToken.Kind
        /// The bytes of the whole token.
        var range: Range<Int>
        /// The tag name as written (the enclosing element's for raw text); empty for text,
        /// comments and declarations.
        var nameRange: Range<Int> = 0..<0
        /// The element the name is, lower-cased.
        var tag: Tag = .other
        /// The token's attributes, as indices into ``HTMLScan/attributes``.
        var attributes: Range<Int> = 0..<0
    }

    var tokens: [Token] = []
    /// The attributes of every start tag, in order.
    var attributes: [Attribute] = []

    mutating func append(_ kind: HTMLToken.Kind, _ range: Range<Int>, name: Range<Int> = 0..<0, tag: Tag = .other) {
        tokens.append(Token(kind: kind, range: range, nameRange: name, tag: tag))
    }
}
