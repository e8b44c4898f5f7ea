/// One problem found in a site, printed compiler-style:
/// `Content/timeline/flight.md:4:7: error: unknown source 'p13' (seeds have p1…p11)`.
public struct Diagnostic: Sendable, Hashable, CustomStringConvertible {
    /// How bad the problem is.
    public enum Severity: String, Sendable, Hashable {
        /// The build fails.
        case error
        /// The build goes on; `--strict` turns warnings into errors.
        case warning
        /// Information attached to another diagnostic.
        case note
    }

    /// Where the problem is; `nil` for problems with no file (a folder that cannot be read).
    public var location: SourceLocation?
    /// How bad it is.
    public var severity: Severity
    /// What is wrong, in one line, lower case, no final full stop.
    public var message: String
    /// Underlying errors, printed as `caused by:` lines.
    public var causes: [String]
    /// The kind of problem, for machine-readable reports (`lede check --format sarif`);
    /// `nil` reads as ``DiagnosticRule/build``.
    public var rule: DiagnosticRule?

    /// Creates a diagnostic.
    /// - Parameters:
    ///   - severity: How bad it is; errors by default.
    ///   - location: Where the problem is.
    ///   - message: What is wrong.
    ///   - causes: Underlying errors, printed as `caused by:` lines.
    ///   - rule: The kind of problem; `nil` for ``DiagnosticRule/build``.
    public init(
        _ severity: Severity = .error,
        at location: SourceLocation?,
        _ message: String,
        causes: [String] = [],
        rule: DiagnosticRule? = nil
    ) {
        self.severity = severity
        self.location = location
        self.message = message
        self.causes = causes
        self.rule = rule
    }

    /// The same diagnostic with a warning made an error (`--strict`, `lede check`); errors and
    /// notes as they are.
    public var promotedToError: Diagnostic {
        var promoted = self
        if promoted.severity == .warning { promoted.severity = .error }
        return promoted
    }

    /// The compiler-style line, followed by any `caused by:` lines.
    ///
    /// Each stays on one line whatever names and texts it quotes: line breaks and other
    /// control characters are written as escapes (see ``oneLine(_:)``).
    public var description: String {
        var text = location.map { "\($0): " } ?? "lede: "
        text += "\(severity.rawValue): \(Self.oneLine(message))"
        for cause in causes { text += "\n  caused by: \(Self.oneLine(cause))" }
        return text
    }

    /// The text with every character that would break the line or hide what follows written
    /// as an escape: `\n`, `\r`, `\t`, and `\u{…}` for other control characters, line and
    /// paragraph separators and bidirectional controls. Other text is left as it is.
    public static func oneLine(_ text: String) -> String {
        guard text.unicodeScalars.contains(where: needsEscape) else { return text }
        var result = ""
        for scalar in text.unicodeScalars {
            switch scalar {
            case "\n": result += "\\n"
            case "\r": result += "\\r"
            case "\t": result += "\\t"
            case _ where needsEscape(scalar): result += "\\u{\(String(scalar.value, radix: 16, uppercase: true))}"
            default: result.unicodeScalars.append(scalar)
            }
        }
        return result
    }

    /// `U+0009`: how a message names a character that cannot be shown as it is.
    public static func codePoint(_ scalar: Unicode.Scalar) -> String {
        let hex = String(scalar.value, radix: 16, uppercase: true)
        return "U+" + String(repeating: "0", count: max(0, 4 - hex.count)) + hex
    }

    private static func needsEscape(_ scalar: Unicode.Scalar) -> Bool {
        switch scalar.value {
        case 0x00...0x1F, 0x7F...0x9F, 0x2028, 0x2029, 0x200E, 0x200F, 0x202A...0x202E, 0x2066...0x2069: true
        default: false
        }
    }
}

/// A set of problems that stopped a step of the build; every problem is kept, not only the
/// first, so an author fixes them all in one round.
public struct DiagnosticError: Error, Sendable, CustomStringConvertible {
    /// The problems, in the order of their locations.
    public var diagnostics: [Diagnostic]

    /// Creates an error from problems; they are sorted by location.
    public init(_ diagnostics: [Diagnostic]) {
        self.diagnostics = diagnostics.sorted { lhs, rhs in
            switch (lhs.location, rhs.location) {
            case let (l?, r?): l < r
            case (nil, _?): true
            default: false
            }
        }
    }

    /// Creates an error with a single problem.
    public init(_ diagnostic: Diagnostic) {
        self.init([diagnostic])
    }

    /// Every diagnostic, one per line.
    public var description: String {
        diagnostics.map(\.description).joined(separator: "\n")
    }
}

/// Collects diagnostics while a step runs over many files, so that all problems are
/// reported together.
public struct DiagnosticBag: Sendable {
    /// What was collected so far.
    public private(set) var diagnostics: [Diagnostic] = []

    /// Creates an empty bag.
    public init() {}

    /// Whether any collected diagnostic is an error.
    public var hasErrors: Bool { diagnostics.contains { $0.severity == .error } }

    /// Adds one diagnostic.
    public mutating func add(_ diagnostic: Diagnostic) { diagnostics.append(diagnostic) }

    /// Adds the diagnostics of an error, or wraps an unknown error at `location`.
    public mutating func add(_ error: any Error, at location: SourceLocation?) {
        if let error = error as? DiagnosticError {
            diagnostics.append(contentsOf: error.diagnostics)
        } else {
            diagnostics.append(Diagnostic(at: location, String(describing: error)))
        }
    }

    /// Runs `body`, keeping its error as diagnostics; returns `nil` when it threw.
    public mutating func collect<T>(at location: SourceLocation?, _ body: () throws -> T) -> T? {
        do { return try body() } catch {
            add(error, at: location)
            return nil
        }
    }

    /// Throws a ``DiagnosticError`` with every error and warning when an error was collected.
    public func throwIfErrors() throws {
        if hasErrors { throw DiagnosticError(diagnostics) }
    }
}
