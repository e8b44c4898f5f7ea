import LedeContent
import LedeCore

/// The source-text pages (`/sources/NAME/`) and the revisions pages (`/sources/NAME/revisions/`).
extension ContextMaker {
    /// Every document's source-text page, and the revisions page of each document that has
    /// earlier versions.
    /// - Parameter carried: Whether the pages are carried over (see ``OwnPages``): their jobs
    ///   then have no context.
    func sourceJobs(carried: Bool = false) -> [RenderJob] {
        let strings = explainer.strings
        var jobs: [RenderJob] = []
        for document in explainer.site.documents {
            let history = document.earlier.isEmpty ? nil : SourceHistory(document)
            let page = syntheticPage(
                title: document.title, url: document.url,
                description: document.description ?? strings[.sourceDescription], path: document.path)
            let words = document.paragraphs.reduce(0) { $0 + $1.text.split(separator: " ").count }
            jobs.append(
                job(
                    for: page, output: "sources/\(document.name)/index.html", template: "source", html: "",
                    headings: [], words: words,
                    extra: ["source": carried ? .null : sourceContext(document, history: history)],
                    graph: []))
            guard let history else { continue }
            let revisionsPage = syntheticPage(
                title: strings.format(.revisionsTitle, ["title": document.title]), url: document.revisionsURL,
                description: strings[.revisionsDescription], path: document.path)
            jobs.append(
                job(
                    for: revisionsPage, output: "sources/\(document.name)/revisions/index.html",
                    template: "revisions", html: "", headings: [], words: words,
                    extra: ["source": carried ? .null : revisionsContext(document, history: history)], graph: []))
        }
        return jobs
    }

    /// The source-text page: each paragraph with its stable anchor, its mark against the
    /// previous version, and the places citing it, grouped by page.
    func sourceContext(_ document: SourceDocument, history: SourceHistory?) -> ContextValue {
        let strings = explainer.strings
        let cited = backlinks.citedBy[document.name] ?? [:]
        let change = history?.changes.last
        let currentID = history?.revisions.last?.id ?? ""
        let paragraphs: [ContextValue] = document.paragraphs.enumerated().map { index, paragraph in
            var item: [String: ContextValue] = [
                "anchor": .string(paragraph.anchor), "number": .int(paragraph.number),
                "stable_anchor": .string(history?.anchors.last?[index] ?? SourceHistory.anchor(of: paragraph)),
                "text": .string(paragraph.text),
            ]
            item.merge(citedByContext(cited[paragraph.number] ?? [], number: paragraph.number)) { _, new in new }
            item.merge(markContext(change?.statuses[index], number: paragraph.number)) { _, new in new }
            item["diff_url"] = .string(
                explainer.href(
                    document.revisionsURL + "#"
                        + SourceHistory.revisionAnchor(currentID, paragraph: paragraph.number)))
            return .object(item)
        }
        let previous = change?.old.writtenDate.map { DateText.display($0, strings: strings) }
        return [
            "name": .string(document.name), "title": .string(document.title), "path": .string(document.path),
            "description": .optional(document.description), "paragraphs": .list(paragraphs),
            "has_history": .bool(history != nil),
            "marks_note": .optional(previous.map { strings.format(.sourceMarks, ["date": $0]) }),
            "revisions_url": .string(explainer.href(document.revisionsURL)),
        ]
    }

    /// "Cited by Overview ×5 · Sourcing notes ×4": one link per page, to its first citing
    /// place, with the count when it cites more than once; and every place, for the list
    /// that opens under it.
    private func citedByContext(_ citers: [Backlinks.Citer], number: Int) -> [String: ContextValue] {
        let strings = explainer.strings
        let groups = Backlinks.byPage(citers)
        let many = citers.count > groups.count
        return [
            "cited_by": .list(
                groups.map { group in
                    [
                        "label": .string(group.page.label), "url": .string(explainer.href(group.places[0].url)),
                        "count": group.places.count > 1
                            ? .string(strings.format(.citedCount, ["count": "\(group.places.count)"])) : .null,
                    ]
                }),
            "has_cited_by": .bool(!citers.isEmpty), "has_many": .bool(many),
            "cited_all": .string(strings.format(.citedAll, ["number": "\(number)"])),
            "cited_places": .list(
                many
                    ? citers.map { ["label": .string($0.place.label), "url": .string(explainer.href($0.place.url))] }
                    : []),
        ]
    }

    /// A paragraph's mark against the previous version: `new`, `changed` or `unchanged`, its
    /// label, and where its text was ("was ¶3", "part of ¶4").
    func markContext(_ status: RevisionChanges.Status?, number: Int) -> [String: ContextValue] {
        let strings = explainer.strings
        guard let status else {
            return ["has_mark": false, "mark": .null, "mark_label": .null, "detail": .null, "has_diff": false]
        }
        func numbers(_ list: [Int]) -> String { list.map { "¶\($0)" }.joined(separator: ", ") }
        let mark: String
        let label: UIStrings.Key
        var detail: String?
        switch status {
        case .unchanged(let from):
            (mark, label) = ("unchanged", .paragraphUnchanged)
            if from != number { detail = strings.format(.paragraphWas, ["paragraphs": numbers([from])]) }
        case .reworded(let from):
            (mark, label) = ("changed", .paragraphChanged)
            if from != number { detail = strings.format(.paragraphWas, ["paragraphs": numbers([from])]) }
        case .merged(let from):
            (mark, label) = ("changed", .paragraphChanged)
            detail = strings.format(.paragraphWas, ["paragraphs": numbers(from)])
        case .split(let from):
            (mark, label) = ("changed", .paragraphChanged)
            detail = strings.format(.paragraphPartOf, ["paragraphs": numbers([from])])
        case .added: (mark, label) = ("new", .paragraphNew)
        }
        return [
            "has_mark": true, "mark": .string(mark), "mark_label": .string(strings[label]),
            "detail": .optional(detail), "has_diff": .bool(status.isChange),
        ]
    }
}
