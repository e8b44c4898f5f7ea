public import LedeCore

/// A link or image destination met while rendering, for link checking.
public struct RenderedLink: Sendable, Hashable {
    /// The destination as written in the Markdown (after cmark unescapes it).
    public var destination: String
    /// The destination after ``MarkdownHooks/resolveLink`` rewrote it.
    public var resolved: String
    /// Where the link starts in the file.
    public var location: SourceLocation

    /// Creates a link record.
    /// - Parameters:
    ///   - destination: The destination as written.
    ///   - resolved: The destination after rewriting.
    ///   - location: Where the link starts.
    public init(destination: String, resolved: String, location: SourceLocation) {
        self.destination = destination
        self.resolved = resolved
        self.location = location
    }
}
