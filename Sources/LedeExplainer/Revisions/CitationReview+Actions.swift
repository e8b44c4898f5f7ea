public import LedeContent
public import LedeCore

extension CitationReview {
    /// What `lede check --fix` does: the citations it renumbers, file by file, the lock of each
    /// document after it, and the citations it leaves as they are, with why.
    public struct FixPlan: Sendable {
        /// The edits of each file, by its path relative to the site root.
        public var edits: [String: [CitationFixer.Edit]] = [:]
        /// The new text of each document's lock file, by the lock's path.
        public var locks: [String: String] = [:]
        /// Citations not renumbered though their paragraph moved.
        public var skipped: [Diagnostic] = []
        /// How many citations are renumbered.
        public var count: Int { edits.values.reduce(0) { $0 + $1.count } }
    }

    /// The renumbering of every citation whose paragraph is now at one other number.
    ///
    /// A citation is left as it is when its new number is still cited for another text that is
    /// not moving away (a removed or split paragraph's citations, say): after the fix, the two
    /// would read the same. Fix those by hand, then run the fix again.
    public func fixPlan(documents: [SourceDocument]) -> FixPlan {
        var plan = FixPlan()
        for document in documents {
            guard let baseline = baselines[document.name] else { continue }
            let cited = citations.filter { $0.document == document.name }
            let findings = self.findings.filter { $0.citation.document == document.name }
            var targets: [Int: Int] = [:]
            for finding in findings {
                if let to = finding.renumbering { targets[finding.citation.number] = to }
            }
            // A number keeps citations that do not move: nothing may be renumbered onto it, and
            // a citation that cannot move keeps its number in turn.
            var staying = Set(cited.map(\.number).filter { targets[$0] == nil })
            var blocked: Set<Int> = []
            while true {
                let more = targets.filter { from, to in staying.contains(to) && !blocked.contains(from) }.map(\.key)
                if more.isEmpty { break }
                blocked.formUnion(more)
                staying.formUnion(more)
            }
            var moved = 0
            for finding in findings {
                guard let to = finding.renumbering else { continue }
                let citation = finding.citation
                if blocked.contains(citation.number) {
                    plan.skipped.append(
                        Diagnostic(
                            .warning, at: citation.location,
                            "¶\(citation.number) is now ¶\(to), but not renumbered yet: ¶\(to) is still cited for the text it had when checked (removed, split or not renumbered either); deal with those citations first, then run `lede check --fix` again"
                        ))
                    continue
                }
                plan.edits[citation.location.path, default: []].append(
                    CitationFixer.Edit(
                        line: citation.location.line, column: citation.location.column, from: citation.number, to: to))
                moved += 1
            }
            guard moved > 0 else { continue }
            var entries: [Int: Baseline] = [:]
            for citation in cited {
                let number = targets[citation.number].flatMap { blocked.contains(citation.number) ? nil : $0 }
                if let number, let locked = baseline[citation.number] {
                    entries[number] = locked
                } else if entries[citation.number] == nil, let locked = baseline[citation.number] {
                    entries[citation.number] = locked
                }
            }
            plan.locks[document.lockPath] = CitationLock.text(
                for: document, entries: entries.mapValues { ($0.fingerprint, $0.text ?? "") })
        }
        return plan
    }

    /// The lock of `document` that `lede accept` writes: every cited paragraph with its
    /// current text; or, when some citation does not point at the paragraph its claim was
    /// written against (moved, split, removed), the reports that say so, and no lock.
    public func accepted(_ document: SourceDocument) -> Result<(text: String, changed: [Int]), DiagnosticError> {
        let findings = self.findings.filter { $0.citation.document == document.name }
        let refused = findings.filter { !$0.isAcceptable }
        guard refused.isEmpty else {
            return .failure(
                DiagnosticError(
                    refused.map { finding in
                        var diagnostic = finding.diagnostic
                        diagnostic.severity = .error
                        return diagnostic
                    }))
        }
        let numbers = Set(citations.filter { $0.document == document.name }.map(\.number))
        var entries: [Int: (String, String)] = [:]
        for paragraph in document.paragraphs where numbers.contains(paragraph.number) {
            entries[paragraph.number] = (paragraph.fingerprint, paragraph.text)
        }
        let changed = Set(findings.map(\.citation.number)).sorted()
        return .success((CitationLock.text(for: document, entries: entries), changed))
    }
}
