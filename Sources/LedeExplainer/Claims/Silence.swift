import Foundation
import LedeCore

/// An editor's decision that one finding of the claim before it is wrong, written right after
/// the claim as `<!-- lede: allow drops "nearly": the reason -->`.
struct Silence: Sendable, Hashable {
    /// The checks a silence may name.
    static let checks = ["drops", "number", "date", "name", "quote", "speaker", "uncited"]

    /// The check it silences.
    var check: String
    /// The words of the finding, for every check but `uncited`.
    var subject: String?
    /// Why the finding is wrong.
    var reason: String
    /// Where it is written.
    var location: SourceLocation

    /// How it names its finding: `drops "nearly"`.
    var selector: String { subject.map { "\(check) \"\($0)\"" } ?? check }

    /// Reads a piece of HTML: `nil` when it is not a `lede:` comment.
    /// - Throws: ``DiagnosticError`` at `location` for a `lede:` comment that cannot be read or
    ///   gives no reason.
    static func read(_ html: String, at location: SourceLocation) throws -> Silence? {
        let trimmed = html.trimmingCharacters(in: .whitespacesAndNewlines)
        guard trimmed.hasPrefix("<!--"), trimmed.hasSuffix("-->") else { return nil }
        let inside = trimmed.dropFirst(4).dropLast(3).trimmingCharacters(in: .whitespacesAndNewlines)
        guard inside.hasPrefix("lede:") else { return nil }
        let example = "<!-- lede: allow drops \"nearly\": why the finding is wrong -->"
        var rest = Substring(inside.dropFirst("lede:".count)).drop { $0.isWhitespace }
        guard rest.hasPrefix("allow ") else {
            throw DiagnosticError(
                Diagnostic(at: location, "cannot read this lede comment: a silence reads \(example)"))
        }
        rest = rest.dropFirst("allow ".count).drop { $0.isWhitespace }
        let check = String(rest.prefix { $0.isLetter })
        rest = rest.dropFirst(check.count).drop { $0.isWhitespace }
        guard checks.contains(check) else {
            throw DiagnosticError(
                Diagnostic(
                    at: location,
                    "cannot read this silence: '\(check)' is not a check (checks: \(checks.joined(separator: ", "))); a silence reads \(example)"
                ))
        }
        var subject: String?
        if check != "uncited" {
            let closing: [Character: Character] = ["\"": "\"", "“": "”"]
            guard let open = rest.first, let close = closing[open],
                let end = rest.dropFirst().firstIndex(of: close)
            else {
                throw DiagnosticError(
                    Diagnostic(
                        at: location,
                        "cannot read this silence: put the words of the finding in quotes after '\(check)', as in \(example)"
                    ))
            }
            subject = String(rest[rest.index(after: rest.startIndex)..<end])
            rest = rest[rest.index(after: end)...].drop { $0.isWhitespace }
        }
        let selector = subject.map { "\(check) \"\($0)\"" } ?? check
        let reason = rest.hasPrefix(":") ? rest.dropFirst().trimmingCharacters(in: .whitespacesAndNewlines) : ""
        guard !reason.isEmpty else {
            throw DiagnosticError(
                Diagnostic(
                    at: location,
                    "this silence gives no reason and is refused: write why the finding is wrong after a colon (<!-- lede: allow \(selector): the reason -->)"
                ))
        }
        return Silence(check: check, subject: subject, reason: reason, location: location)
    }
}
