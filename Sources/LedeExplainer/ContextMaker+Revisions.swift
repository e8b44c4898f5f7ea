import LedeContent
import LedeCore

/// The revisions page of a source document: one section per version, newest first, each
/// paragraph with a word-level diff against the version before.
extension ContextMaker {
    func revisionsContext(_ document: SourceDocument, history: SourceHistory) -> ContextValue {
        let strings = explainer.strings
        func display(_ revision: SourceRevision) -> String {
            revision.writtenDate.map { DateText.display($0, strings: strings) } ?? revision.id
        }
        let versions: [ContextValue] = history.revisions.indices.reversed().map { index in
            let revision = history.revisions[index]
            let change = index > 0 ? history.changes[index - 1] : nil
            return [
                "anchor": .string(SourceHistory.revisionAnchor(revision.id)),
                "heading": .string(strings.format(.revisionHeading, ["date": display(revision)])),
                "date": dateContext(revision.writtenDate),
                "is_current": .bool(index == history.revisions.count - 1), "is_first": .bool(index == 0),
                "note": .optional(revision.note?.text),
                "compared": .optional(change.map { strings.format(.revisionCompared, ["date": display($0.old)]) }),
                "counts": .optional(change.map { RevisionEntry.counts($0.totals, strings) }),
                "paragraphs": .list(change.map { paragraphs(of: $0) } ?? firstParagraphs(revision)),
            ]
        }
        return [
            "name": .string(document.name), "title": .string(document.title), "path": .string(document.path),
            "source_url": .string(explainer.href(document.url)), "versions": .list(versions),
        ]
    }

    /// The earliest version's paragraphs, as they were.
    private func firstParagraphs(_ revision: SourceRevision) -> [ContextValue] {
        revision.paragraphs.map { paragraph in
            var item = markContext(nil, number: paragraph.number)
            item["anchor"] = .string(SourceHistory.revisionAnchor(revision.id, paragraph: paragraph.number))
            item["number"] = .string("\(paragraph.number)")
            item["html"] = .string(paragraph.text.htmlEscaped)
            return .object(item)
        }
    }

    /// A later version's paragraphs, each with its diff against the paragraphs it comes
    /// from, and the earlier paragraphs removed, each where it stood.
    private func paragraphs(of change: RevisionChanges) -> [ContextValue] {
        let strings = explainer.strings
        let deleted = strings[.diffDeleted]
        let inserted = strings[.diffInserted]
        let old = change.old.paragraphs
        let new = change.new.paragraphs
        var html = new.map { $0.text.htmlEscaped }
        var position = 0
        while position < new.count {
            switch change.statuses[position] {
            case .reworded(let from):
                html[position] = WordDiff(from: old[from - 1].text, to: new[position].text)
                    .html(deleted: deleted, inserted: inserted)
            case .merged(let from):
                let text = from.map { old[$0 - 1].text }.joined(separator: " ")
                html[position] = WordDiff(from: text, to: new[position].text).html(deleted: deleted, inserted: inserted)
            case .split(let from):
                // The parts of a split paragraph, compared together with the paragraph they were.
                var end = position
                while end + 1 < new.count, change.statuses[end + 1] == .split(from: from) { end += 1 }
                let parts = Array(new[position...end])
                let diff = WordDiff(from: old[from - 1].text, to: parts.map(\.text).joined(separator: " "))
                for (offset, part) in diff.parts(wordCounts: parts.map { WordDiff.words(of: $0.text).count })
                    .enumerated()
                {
                    html[position + offset] = part.html(deleted: deleted, inserted: inserted)
                }
                position = end
            case .unchanged, .added: break
            }
            position += 1
        }
        // Each removed paragraph goes before the first later paragraph that comes from a
        // paragraph after it.
        var removed = change.removed[...]
        var items: [ContextValue] = []
        func removedItem(_ paragraph: SourceDocument.Paragraph) -> ContextValue {
            [
                "has_mark": true, "mark": "removed", "mark_label": .string(strings[.paragraphRemoved]),
                "detail": .string(strings.format(.paragraphWas, ["paragraphs": "¶\(paragraph.number)"])),
                "has_diff": false, "anchor": .null, "number": .null, "html": .string(paragraph.text.htmlEscaped),
            ]
        }
        for (index, paragraph) in new.enumerated() {
            let status = change.statuses[index]
            if let origin = status.origins.min() {
                while let first = removed.first, first.number < origin {
                    items.append(removedItem(first))
                    removed = removed.dropFirst()
                }
            }
            var item = markContext(status, number: paragraph.number)
            item["anchor"] = .string(SourceHistory.revisionAnchor(change.new.id, paragraph: paragraph.number))
            item["number"] = .string("\(paragraph.number)")
            item["html"] = .string(html[index])
            items.append(.object(item))
        }
        items += removed.map(removedItem)
        return items
    }
}
