/// A heading of a rendered document, for a table of contents.
public struct Heading: Sendable, Hashable {
    /// The level, 1 for `#` to 6 for `######`.
    public var level: Int
    /// The heading's plain text, without markup.
    public var text: String
    /// The `id` attribute of the rendered heading, unique within the document.
    public var id: String

    /// Creates a heading.
    /// - Parameters:
    ///   - level: The level, 1 to 6.
    ///   - text: The plain text.
    ///   - id: The anchor id.
    public init(level: Int, text: String, id: String) {
        self.level = level
        self.text = text
        self.id = id
    }
}
