import Foundation
import LedeContent
import LedeCore

/// One revision of a source document as the updates page and the Atom feed show it: when, what
/// changed in the source, which pages of the explainer cite the changed paragraphs, and the
/// author's note.
struct RevisionEntry: Sendable {
    /// The document revised.
    var document: SourceDocument
    /// The revision.
    var revision: SourceRevision
    /// Its date, if it has one.
    var date: WrittenDate?
    /// New paragraphs, changed ones (reworded, merged or part of a split) and removed ones.
    var added: Int
    var changed: Int
    var removed: Int
    /// The pages citing a paragraph this revision changed, added or removed, in site order.
    var pages: [Place]

    /// The anchor of the entry on the updates page (`revision-library-2026-11-30`).
    var anchor: String { "revision-\(document.name)-\(revision.id)" }
    /// The revision's section of the revisions page.
    var url: String { document.revisionsURL + "#" + SourceHistory.revisionAnchor(revision.id) }
    /// The author's note on the revision, if any.
    var note: String? { revision.note?.text }

    /// Every revision after the first of every document, newest first.
    static func entries(of explainer: Explainer, backlinks: Backlinks) -> [RevisionEntry] {
        var entries: [RevisionEntry] = []
        for document in explainer.site.documents where !document.earlier.isEmpty {
            let history = SourceHistory(document)
            for (offset, change) in history.changes.enumerated() {
                let index = offset + 1
                let revision = history.revisions[index]
                var citers: [Backlinks.Citer] = []
                let cited = backlinks.citedBy[document.name] ?? [:]
                let pinned = backlinks.pinnedBy[document.name] ?? [:]
                // Citations of a changed paragraph: of its current number, of its number in
                // this version, and of the earlier paragraphs it comes from (pinned by `--fix`).
                for (position, status) in change.statuses.enumerated() where status.isChange {
                    for number in history.currentNumbers(ofParagraph: position + 1, inRevision: index) {
                        citers += cited[number] ?? []
                    }
                    citers += pinned[revision.id]?[position + 1] ?? []
                    for number in status.origins { citers += pinned[change.old.id]?[number] ?? [] }
                }
                for paragraph in change.removed {
                    citers += pinned[change.old.id]?[paragraph.number] ?? []
                }
                var pages: [Place] = []
                for citer in citers where !pages.contains(citer.page) { pages.append(citer.page) }
                // By URL, the same order on every build.
                pages.sort { $0.url < $1.url }
                let totals = change.totals
                entries.append(
                    RevisionEntry(
                        document: document, revision: revision, date: revision.writtenDate,
                        added: totals.added, changed: totals.changed, removed: totals.removed, pages: pages))
            }
        }
        return entries.sorted {
            ($0.date?.date ?? .distantPast, $0.document.name) > ($1.date?.date ?? .distantPast, $1.document.name)
        }
    }

    /// "The source report revised on 30 November 2026".
    func title(_ strings: UIStrings) -> String {
        let date = date.map { DateText.display($0, strings: strings) } ?? revision.id
        return strings.format(.revisionEntryTitle, ["title": document.title, "date": date])
    }

    /// "New paragraphs: 1. Changed: 2. Removed: 1."
    func counts(_ strings: UIStrings) -> String {
        Self.counts((added, changed, removed), strings)
    }

    /// "New paragraphs: 1. Changed: 2. Removed: 1.", for a revision's ``RevisionChanges/totals``.
    static func counts(_ totals: (added: Int, changed: Int, removed: Int), _ strings: UIStrings) -> String {
        strings.format(
            .revisionCounts,
            ["added": "\(totals.added)", "changed": "\(totals.changed)", "removed": "\(totals.removed)"])
    }

    /// The entry as HTML, for the feed: the note, the counts, the pages, a link to the diff.
    /// - Parameter link: The URL of a site path.
    func html(_ strings: UIStrings, link: (String) -> String) -> String {
        var html = ""
        if let note {
            html += "<p><strong>\(strings[.revisionNote].htmlEscaped)</strong> \(note.htmlEscaped)</p>\n"
        }
        html += "<p>\(counts(strings).htmlEscaped)</p>\n"
        if pages.isEmpty {
            html += "<p>\(strings[.revisionAffectsNone].htmlEscaped)</p>\n"
        } else {
            let links = pages.map { "<a href=\"\(link($0.url).htmlEscaped)\">\($0.label.htmlEscaped)</a>" }
            html += "<p>\(strings[.revisionAffects].htmlEscaped) \(links.joined(separator: ", "))</p>\n"
        }
        html += "<p><a href=\"\(link(url).htmlEscaped)\">\(strings[.whatChanged].htmlEscaped)</a></p>"
        return html
    }
}
