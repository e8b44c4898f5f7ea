/// A place in a file of the site, printed the way compilers do (`path:line:col`).
///
/// `path` is relative to the site root (`Content/timeline/flight.md`) so editors and
/// terminals can jump to it. `line` and `column` are 1-based; `0` means "unknown" and is
/// left out when printed.
public struct SourceLocation: Sendable, Hashable, Comparable, CustomStringConvertible {
    /// The file, relative to the site root.
    public var path: String
    /// The 1-based line, or 0 when the problem concerns the whole file.
    public var line: Int
    /// The 1-based column, or 0 when unknown.
    public var column: Int

    /// Creates a location.
    /// - Parameters:
    ///   - path: The file, relative to the site root.
    ///   - line: The 1-based line; 0 for the whole file.
    ///   - column: The 1-based column; 0 when unknown.
    public init(path: String, line: Int = 0, column: Int = 0) {
        self.path = path
        self.line = line
        self.column = column
    }

    /// `path:line:col`, `path:line` or `path`, depending on what is known, on one line: a
    /// name holding a line break or another control character is written with escapes
    /// (``Diagnostic/oneLine(_:)``).
    public var description: String {
        let path = Diagnostic.oneLine(path)
        if line > 0 && column > 0 { return "\(path):\(line):\(column)" }
        if line > 0 { return "\(path):\(line)" }
        return path
    }

    /// The same file, `lines` further down: used to map a position in a Markdown body back
    /// to the file that holds it below its front matter.
    public func offset(byLines lines: Int) -> SourceLocation {
        SourceLocation(path: path, line: line + lines, column: column)
    }

    /// Orders by path, then line, then column: the order diagnostics are printed in.
    public static func < (lhs: SourceLocation, rhs: SourceLocation) -> Bool {
        (lhs.path, lhs.line, lhs.column) < (rhs.path, rhs.line, rhs.column)
    }
}
