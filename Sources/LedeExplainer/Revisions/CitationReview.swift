public import LedeContent
public import LedeCore

/// One citation of a paragraph, where it is written.
public struct CitedParagraph: Sendable, Hashable {
    /// The document's name.
    public var document: String
    /// The paragraph number as written.
    public var number: Int
    /// The earlier version the number belongs to (`seed:p5@2026-11-28`), or `nil` for the
    /// current text.
    public var revision: String?
    /// Where the link starts (its `[`).
    public var location: SourceLocation
}

/// What a citation's paragraph became since the citation was checked, when it changed.
public struct CitationFinding: Sendable, Hashable {
    /// What happened to the paragraph.
    public enum Change: Sendable, Hashable {
        /// Same text, another number.
        case moved(to: Int)
        /// Words changed; now at this number (perhaps the same).
        case reworded(now: Int, diff: String)
        /// Merged with another paragraph into this one.
        case merged(into: Int, diff: String)
        /// Split into these paragraphs.
        case split(into: [Int])
        /// Removed from the seed.
        case removed(firstWords: String)
        /// The text it was checked against is in no version of the seed kept in `seeds/`.
        case unknownText
    }

    /// The citation.
    public var citation: CitedParagraph
    /// What happened.
    public var change: Change
    /// The version of the seed holding the text the citation was checked against.
    public var checkedIn: String?

    /// The number `lede check --fix` writes instead, when the paragraph is at one other place.
    /// A citation of an earlier version (`seed:p5@2026-11-28`) is renumbered into the current
    /// text even when the number stays the same.
    public var renumbering: Int? {
        switch change {
        case .moved(let to), .reworded(let to, _), .merged(let to, _):
            to != citation.number || citation.revision != nil ? to : nil
        case .split, .removed, .unknownText: nil
        }
    }

    /// Whether `lede accept` may take the paragraph's current text for this citation: the
    /// citation already points at the paragraph its claim was written against.
    public var isAcceptable: Bool {
        switch change {
        case .reworded, .merged: renumbering == nil
        case .moved, .split, .removed, .unknownText: false
        }
    }

    /// The report printed at the citation.
    public var diagnostic: Diagnostic {
        let cited = "¶\(citation.number)" + (citation.revision.map { " of the version of \($0)" } ?? "")
        let accept = "re-read the claim, then run `lede accept`"
        let fix = "`lede check --fix` renumbers the citation"
        let message: String
        var severity = Diagnostic.Severity.warning
        switch change {
        case .moved(let to):
            message =
                "\(cited) is now ¶\(to): the seed was revised and the paragraph this citation was checked against moved (\(fix))"
        case .reworded(let now, let diff) where now == citation.number:
            message = "\(cited) changed since this citation was checked: \(diff) (\(accept))"
        case .reworded(let now, let diff):
            message =
                "\(cited) is now ¶\(now) and its text changed since this citation was checked: \(diff) (\(fix); \(accept))"
        case .merged(let into, let diff) where into == citation.number:
            message = "\(cited) was merged with another paragraph since this citation was checked: \(diff) (\(accept))"
        case .merged(let into, let diff):
            message = "\(cited) was merged into ¶\(into) since this citation was checked: \(diff) (\(fix); \(accept))"
        case .split(let parts):
            let list = Self.list(parts.map { "¶\($0)" })
            message =
                "\(cited) was split into \(list) since this citation was checked: cite the part the claim rests on, then run `lede accept`"
        case .removed(let words):
            severity = .error
            message =
                "\(cited) was removed from the seed since this citation was checked (\"\(words)\"): cite the paragraph that now supports the claim, or remove the claim"
        case .unknownText:
            // Changed or removed, Lede cannot tell: a warning, so that a seed edited in place
            // still previews; `lede check` fails on it.
            message =
                "\(cited) changed since this citation was checked, and the text it was checked against is in no version of the seed: put the earlier version in \(SourceDocument.revisionsFolder(of: citation.document))/, or re-read the claim and run `lede accept`"
        }
        return Diagnostic(severity, at: citation.location, message)
    }

    /// `a`, `a and b`, `a, b and c`.
    static func list(_ items: [String]) -> String {
        guard items.count > 1, let last = items.last else { return items.first ?? "" }
        return items.dropLast().joined(separator: ", ") + " and " + last
    }
}

/// Every citation compared with the lock of its document: what moved, changed or went away
/// since the citations were checked, and which cited paragraphs the lock does not hold yet.
public struct CitationReview: Sendable {
    /// The citations whose paragraph changed, in file order.
    public var findings: [CitationFinding] = []
    /// Every citation, in file order.
    public var citations: [CitedParagraph] = []
    /// Reports about a document as a whole (cited paragraphs not in the lock, no lock yet).
    public var documentDiagnostics: [Diagnostic] = []
    /// The lock each document is checked against, by name: its file, or for a document without
    /// one that has earlier versions, the paragraphs of the newest earlier version.
    public var baselines: [String: [Int: Baseline]] = [:]

    /// The text a cited paragraph number was checked against.
    public struct Baseline: Sendable, Hashable {
        /// Its fingerprint.
        public var fingerprint: String
        /// The text, when some version of the seed has it.
        public var text: String?
    }

    /// The citations whose number no longer names the text their claim was written against:
    /// their claims are not checked until the citation is dealt with.
    public var unsettled: Set<SourceLocation> {
        Set(findings.filter { !$0.isAcceptable }.map(\.citation.location))
    }

    /// Every report: the findings at their citations, then the documents' own.
    public var diagnostics: [Diagnostic] { findings.map(\.diagnostic) + documentDiagnostics }

    /// Compares `citations` with the lock of each document in `documents`.
    public init(citations: [CitedParagraph], documents: [SourceDocument]) {
        self.citations = citations.sorted { $0.location < $1.location }
        let byDocument = Dictionary(grouping: self.citations, by: \.document)
        for document in documents {
            guard let cited = byDocument[document.name] else { continue }
            review(document, cited: cited)
        }
    }

    private mutating func review(_ document: SourceDocument, cited: [CitedParagraph]) {
        var texts: [String: (revision: Int, number: Int, text: String)] = [:]
        let revisions = document.revisions
        // Each paragraph's fingerprint, made once: every citation compares with the current ones.
        let fingerprints = revisions.map { $0.paragraphs.map(\.fingerprint) }
        for (index, revision) in revisions.enumerated() {
            for (paragraph, fingerprint) in zip(revision.paragraphs, fingerprints[index]) {
                texts[fingerprint] = (index, paragraph.number, paragraph.text)
            }
        }
        var baseline: [Int: Baseline] = [:]
        if let lock = document.lock {
            for entry in lock.entries.values {
                baseline[entry.number] = Baseline(fingerprint: entry.fingerprint, text: texts[entry.fingerprint]?.text)
            }
        } else if let previous = document.earlier.last {
            for paragraph in previous.paragraphs {
                baseline[paragraph.number] = Baseline(fingerprint: paragraph.fingerprint, text: paragraph.text)
            }
            documentDiagnostics.append(
                Diagnostic(
                    .note, at: SourceLocation(path: document.path),
                    "there is no \(document.lockPath) yet: the citations of \(document.name) are taken to have been checked against its version of \(previous.id); `lede accept` records them"
                ))
        } else {
            return
        }
        // Fingerprints are looked up newest first, so a text found in several versions is
        // compared from the most recent one.
        var matchers: [Int: ParagraphMatcher] = [:]
        let current = revisions.count - 1
        var unlocked: Set<Int> = []
        let paragraphs = document.paragraphs
        for citation in cited {
            let found: (revision: Int, number: Int, text: String)
            if let id = citation.revision, let index = revisions.firstIndex(where: { $0.id == id }),
                revisions[index].paragraphs.indices.contains(citation.number - 1)
            {
                // A citation of an earlier version names its text itself.
                found = (index, citation.number, revisions[index].paragraphs[citation.number - 1].text)
            } else {
                guard let locked = baseline[citation.number] else {
                    unlocked.insert(citation.number)
                    continue
                }
                if let current = fingerprints.last, current.indices.contains(citation.number - 1),
                    current[citation.number - 1] == locked.fingerprint
                {
                    continue
                }
                guard let known = texts[locked.fingerprint] else {
                    findings.append(CitationFinding(citation: citation, change: .unknownText))
                    continue
                }
                found = known
            }
            let change: CitationFinding.Change
            if found.revision == current {
                change = .moved(to: found.number)
            } else {
                let matcher =
                    matchers[found.revision]
                    ?? ParagraphMatcher(old: revisions[found.revision].paragraphs, new: paragraphs)
                matchers[found.revision] = matcher
                switch matcher.fate(of: found.number) {
                case .kept(let number): change = .moved(to: number)
                case .reworded(let number):
                    change = .reworded(
                        now: number, diff: WordDiff(from: found.text, to: paragraphs[number - 1].text).summary())
                case .merged(let number):
                    change = .merged(
                        into: number, diff: WordDiff(from: found.text, to: paragraphs[number - 1].text).summary())
                case .split(let numbers): change = .split(into: numbers)
                case .removed:
                    let words = WordDiff.words(of: found.text)
                    change = .removed(
                        firstWords: words.prefix(8).joined(separator: " ") + (words.count > 8 ? " …" : ""))
                }
            }
            findings.append(
                CitationFinding(citation: citation, change: change, checkedIn: revisions[found.revision].id))
        }
        baselines[document.name] = baseline
        if !unlocked.isEmpty, document.lock != nil {
            let numbers = unlocked.sorted().map { "¶\($0)" }
            documentDiagnostics.append(
                Diagnostic(
                    .warning, at: SourceLocation(path: document.lockPath),
                    "\(CitationFinding.list(numbers)) \(numbers.count == 1 ? "is" : "are") cited but not in the lock: run `lede accept` once \(numbers.count == 1 ? "its claims are" : "their claims are") checked"
                ))
        }
    }
}
