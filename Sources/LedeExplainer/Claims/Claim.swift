import Foundation
import LedeCore

/// A statement of the explainer that cites source paragraphs: a sentence, a front-matter list
/// item or an event title, with what it cites and what stands beside it.
struct Claim: Sendable, Hashable {
    /// What the claim is; findings name it ("the title drops …").
    enum Kind: String, Sendable {
        case title, item, sentence
    }

    var kind: Kind
    /// The text, citations blanked out.
    var text: String
    /// Where it starts.
    var location: SourceLocation
    /// The paragraphs it cites, in order.
    var cited: [SourceParagraph]
    /// The sentences before and after it in its paragraph, which may name who says it
    /// ("… months. This comes from the officials.", "They said …").
    var before: String?
    var after: String?
    /// Descriptions of the sources named beside it (an event's or a "what we know" item's
    /// `sources:`, shown as "According to …" next to it).
    var attributedTo: [String] = []
    /// Whether it sits in the body of an event whose certainty is not "stated": the label
    /// ("Reported", "Expected") then says what "reportedly" or "expected" would.
    var certaintySaysDoubt = false
}

/// The findings of the claims of the last build of a builder (preview, `--watch`), by claim:
/// a claim whose text, citations (their paragraphs' text) and neighbours are unchanged has the
/// same findings as long as the checker's known phrases are unchanged, so a rebuild checks only
/// new and changed claims.
struct ClaimMemo: Sendable {
    var knownPhrases: [String] = []
    var findings: [Claim: [ClaimFinding]] = [:]
}

/// One thing a claim says that its paragraphs do not.
struct ClaimFinding: Sendable, Hashable {
    /// The check: `drops`, `number`, `date`, `name`, `quote`, `speaker` or `uncited`.
    var check: String
    /// The words at issue, as the selector of a silence quotes them; `nil` for `uncited`.
    var subject: String?
    /// The message, without location.
    var message: String

    /// How a silence names this finding: `drops "nearly"`, `uncited`.
    var selector: String {
        subject.map { "\(check) \"\($0)\"" } ?? check
    }

    /// Whether a silence's check and words name this finding (case and quotes aside).
    func isNamed(by silence: Silence) -> Bool {
        silence.check == check
            && SourceParagraph.normalize(silence.subject ?? "") == SourceParagraph.normalize(subject ?? "")
    }
}
