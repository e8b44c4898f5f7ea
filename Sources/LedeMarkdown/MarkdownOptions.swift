/// How Markdown is parsed and rendered.
///
/// The defaults suit untrusted author text: smart punctuation on, raw HTML dropped, footnotes on.
public struct MarkdownOptions: Sendable, Hashable {
    /// Turns straight quotes into curly ones, `--` into an en dash, `---` into an em dash and
    /// `...` into an ellipsis.
    public var smartPunctuation: Bool = true
    /// Renders raw HTML and dangerous URLs as written.
    ///
    /// > Warning: Off by default. When off, raw HTML is replaced with
    /// > `<!-- raw HTML omitted -->` and `javascript:`, `vbscript:`, `file:` and non-image
    /// > `data:` destinations are rendered empty.
    public var unsafeHTML: Bool = false
    /// Parses `[^note]` references and `[^note]: …` definitions into a footnotes section.
    public var footnotes: Bool = true

    /// Creates options.
    /// - Parameters:
    ///   - smartPunctuation: Curly quotes, dashes and ellipses; on by default.
    ///   - unsafeHTML: Let raw HTML and dangerous URLs through; off by default.
    ///   - footnotes: Parse footnotes; on by default.
    public init(smartPunctuation: Bool = true, unsafeHTML: Bool = false, footnotes: Bool = true) {
        self.smartPunctuation = smartPunctuation
        self.unsafeHTML = unsafeHTML
        self.footnotes = footnotes
    }
}
