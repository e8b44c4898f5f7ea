public import Foundation
import LedeContent
public import LedeCore
import LedeExplainer
import LedeMarkdown

/// The two commands that change a site's content after its seed was revised: renumbering the
/// citations whose paragraph moved (`lede check --fix`), and recording the text the citations
/// were checked against (`lede accept`).
public enum CitationMaintenance {
    /// What `lede check --fix` did.
    public struct FixReport: Sendable {
        /// Citations rewritten: renumbered, or pinned to an earlier version.
        public var renumbered = 0
        /// Of ``renumbered``, those pinned to the version they were checked against (their
        /// paragraph was removed or split), not given a new number.
        public var pinned = 0
        /// Files rewritten, relative to the site root, sorted.
        public var files: [String] = []
        /// Lock files written, sorted.
        public var locks: [String] = []
        /// The lock files among ``locks`` that did not exist before (a site without a lock).
        public var createdLocks: [String] = []
        /// Citations left as they are, with why.
        public var skipped: [Diagnostic] = []
    }

    /// What `lede accept` did for one document.
    public struct Acceptance: Sendable {
        /// The lock file written.
        public var lockPath: String
        /// The cited paragraphs whose changed text was accepted.
        public var changed: [Int]
        /// How many paragraphs the lock holds.
        public var locked: Int
    }

    /// Why `lede accept` refused: citations that no longer point at the paragraph their claim
    /// was written against (moved, split, removed), each at its place.
    public struct UnsettledCitations: Error, Sendable {
        /// The citations, as errors.
        public var error: DiagnosticError
    }

    /// Renumbers, in the Markdown and data files, every citation whose paragraph moved, and
    /// updates the locks to match. Every other byte of each file is kept.
    /// - Parameter root: The site folder.
    /// - Throws: ``DiagnosticError`` when the site cannot be read, or a file cannot be written.
    public static func fix(siteRoot root: URL) throws -> FixReport {
        let (site, review) = try load(root)
        let plan = review.fixPlan(documents: site.documents)
        var report = FixReport(skipped: plan.skipped)
        var bag = DiagnosticBag()
        for (path, edits) in plan.edits.sorted(by: { $0.key < $1.key }) {
            bag.collect(at: SourceLocation(path: path)) {
                let url = root.appendingPathComponent(path)
                let text = try String(contentsOf: url, encoding: .utf8)
                let (fixed, skipped) = CitationFixer.apply(edits, to: text)
                for edit in skipped {
                    report.skipped.append(
                        Diagnostic(
                            .warning, at: SourceLocation(path: path, line: edit.line, column: edit.column),
                            "¶\(edit.from) is now ¶\(edit.to), but this citation is not written as [¶\(edit.from)](seed:p\(edit.from)): renumber it by hand"
                        ))
                }
                guard fixed != text else { return }
                try Data(fixed.utf8).write(to: url, options: .atomic)
                report.renumbered += edits.count - skipped.count
                report.pinned += edits.filter { $0.toRevision != nil && !skipped.contains($0) }.count
                report.files.append(path)
            }
        }
        for (path, text) in plan.locks.sorted(by: { $0.key < $1.key }) {
            bag.collect(at: SourceLocation(path: path)) {
                let url = root.appendingPathComponent(path)
                let existed = FileManager.default.fileExists(atPath: url.path)
                try Data(text.utf8).write(to: url, options: .atomic)
                report.locks.append(path)
                if !existed { report.createdLocks.append(path) }
            }
        }
        try bag.throwIfErrors()
        return report
    }

    /// Records, for each document (or those named), the current text of every cited paragraph
    /// in its lock file. Refuses a document some of whose citations no longer point at the
    /// paragraph their claim was written against.
    /// - Parameters:
    ///   - root: The site folder.
    ///   - names: The documents to accept; all when empty.
    /// - Throws: ``UnsettledCitations`` with the citations to deal with first; ``DiagnosticError``
    ///   for an unknown name or a site that cannot be read.
    public static func accept(siteRoot root: URL, documents names: [String]) throws -> [Acceptance] {
        let (site, review) = try load(root)
        var bag = DiagnosticBag()
        let known = site.documents.map(\.name)
        for name in names where !known.contains(name) {
            bag.add(
                Diagnostic(
                    at: nil, "unknown seed '\(name)' (seeds: \(known.isEmpty ? "none" : known.joined(separator: ", ")))"
                ))
        }
        try bag.throwIfErrors()
        var accepted: [(SourceDocument, String, [Int])] = []
        for document in site.documents where names.isEmpty || names.contains(document.name) {
            switch review.accepted(document) {
            case .success(let (text, changed)): accepted.append((document, text, changed))
            case .failure(let error): for diagnostic in error.diagnostics { bag.add(diagnostic) }
            }
        }
        if bag.hasErrors { throw UnsettledCitations(error: DiagnosticError(bag.diagnostics)) }
        var result: [Acceptance] = []
        for (document, text, changed) in accepted {
            bag.collect(at: SourceLocation(path: document.lockPath)) {
                try Data(text.utf8).write(to: root.appendingPathComponent(document.lockPath), options: .atomic)
                let locked = text.split(separator: "\n").filter { $0.hasPrefix("p") }.count
                result.append(Acceptance(lockPath: document.lockPath, changed: changed, locked: locked))
            }
        }
        try bag.throwIfErrors()
        return result
    }

    private static func load(_ root: URL) throws -> (Site, CitationReview) {
        let site = try ContentLoader(root: root).load()
        let explainer = try Explainer(
            site: site, renderer: MarkdownRenderer(options: MarkdownOptions(unsafeHTML: site.config.unsafeHTML)))
        return (site, try explainer.reviewCitations())
    }
}
