import Foundation
import LedeContent
import LedeCore

/// The updates page: the author's updates and corrections, and each revision of a source
/// document, newest first.
extension ContextMaker {
    func updatesContext(_ group: RenderedGroup) -> ContextValue {
        let strings = explainer.strings
        var dated: [(date: Date, entry: ContextValue)] = explainer.updates.map { update in
            let type = update.frontMatter["type"]?.text ?? "update"
            let entry: ContextValue = [
                "id": .string(update.id), "title": .string(update.title), "date": dateContext(update.date),
                "type": .string(type), "type_label": .string(strings[type == "correction" ? .correction : .update]),
                "is_correction": .bool(type == "correction"), "is_revision": false,
                "html": .string(group.html("update.\(update.id)")), "revision": .null,
            ]
            return (update.date?.date ?? .distantPast, entry)
        }
        for revision in RevisionEntry.entries(of: explainer, backlinks: backlinks) {
            let pages: [ContextValue] = revision.pages.map {
                ["label": .string($0.label), "url": .string(explainer.href($0.url))]
            }
            let entry: ContextValue = [
                "id": .string(revision.anchor), "title": .string(revision.title(strings)),
                "date": dateContext(revision.date), "type": "revision",
                "type_label": .string(strings[.sourceRevision]), "is_correction": false, "is_revision": true,
                "html": "",
                "revision": [
                    "note": .optional(revision.note), "counts": .string(revision.counts(strings)),
                    "pages": .list(pages), "has_pages": .bool(!pages.isEmpty),
                    "url": .string(explainer.href(revision.url)),
                ],
            ]
            dated.append((revision.date?.date ?? .distantPast, entry))
        }
        // Newest first; on the same instant, the author's entries before the revisions.
        let entries = dated.enumerated().sorted { ($0.element.date, $1.offset) > ($1.element.date, $0.offset) }
            .map(\.element.entry)
        return [
            "entries": .list(entries),
            "feed_url": .string(
                explainer.href((explainer.site.pages(ofKind: .updates).first?.url ?? "/updates/") + "atom.xml")),
        ]
    }
}
