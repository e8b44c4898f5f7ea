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
    /// A citation whose paragraph was removed or split keeps its number, pinned to the version
    /// it was checked against (`[¶5](seed:p5@2026-11-28)`), so that the numbers of the current
    /// text can move over it and the editor still sees which text its claim was written
    /// against. A citation is not renumbered onto a number still cited for another text (a
    /// citation of a paragraph whose text Lede cannot find): after the fix the two would read
    /// the same.
    public func fixPlan(documents: [SourceDocument]) -> FixPlan {
        var plan = FixPlan()
        for document in documents {
            guard let baseline = baselines[document.name] else { continue }
            let cited = citations.filter { $0.document == document.name }
            var findings: [SourceLocation: CitationFinding] = [:]
            for finding in self.findings where finding.citation.document == document.name {
                findings[finding.citation.location] = finding
            }
            func isPinned(_ finding: CitationFinding?) -> Bool {
                guard let finding, finding.citation.revision == nil, finding.checkedIn != nil else { return false }
                switch finding.change {
                case .split, .removed: return true
                default: return false
                }
            }
            // Current numbers keeping citations that do not move: nothing may be renumbered
            // onto them, and a citation that cannot move keeps its number in turn.
            var staying = Set(
                cited.filter {
                    $0.revision == nil && findings[$0.location]?.renumbering == nil && !isPinned(findings[$0.location])
                }
                .map(\.number))
            var blocked: Set<SourceLocation> = []
            while true {
                let more = cited.filter { citation in
                    guard !blocked.contains(citation.location), let to = findings[citation.location]?.renumbering else {
                        return false
                    }
                    return staying.contains(to)
                }
                if more.isEmpty { break }
                for citation in more {
                    blocked.insert(citation.location)
                    if citation.revision == nil { staying.insert(citation.number) }
                }
            }
            var entries: [Int: (fingerprint: String, text: String)] = [:]
            var edited = 0
            for citation in cited {
                let finding = findings[citation.location]
                var edit = CitationFixer.Edit(
                    line: citation.location.line, column: citation.location.column, from: citation.number,
                    to: citation.number, fromRevision: citation.revision, toRevision: citation.revision)
                if let to = finding?.renumbering {
                    if blocked.contains(citation.location) {
                        plan.skipped.append(
                            Diagnostic(
                                .warning, at: citation.location,
                                "¶\(citation.number) is now ¶\(to), but not renumbered: ¶\(to) is still cited for a text Lede cannot find in any version of the seed; deal with those citations first, then run `lede check --fix` again"
                            ))
                    } else {
                        edit.to = to
                        edit.toRevision = nil
                        let pinned = document.earlier.first { $0.id == citation.revision }?.paragraphs
                        if let pinned, pinned.indices.contains(citation.number - 1) {
                            let text = pinned[citation.number - 1].text
                            entries[to] = (SourceDocument.fingerprint(of: text), text)
                        } else if let locked = baseline[citation.number] {
                            entries[to] = (locked.fingerprint, locked.text ?? "")
                        }
                    }
                } else if isPinned(finding), let revision = finding?.checkedIn {
                    edit.toRevision = revision
                } else if citation.revision == nil, entries[citation.number] == nil,
                    let locked = baseline[citation.number]
                {
                    entries[citation.number] = (locked.fingerprint, locked.text ?? "")
                }
                if edit.newAnchor != edit.oldAnchor {
                    plan.edits[citation.location.path, default: []].append(edit)
                    edited += 1
                }
            }
            guard edited > 0 else { continue }
            plan.locks[document.lockPath] = CitationLock.text(for: document, entries: entries)
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
