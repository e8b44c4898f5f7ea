import LedeContent

/// The timeline in the formats others read: Knight Lab TimelineJS3 JSON and schema.org
/// `ItemList` of `Event`.
enum TimelineExport {
    /// `timeline.json`, and how many events were left out for want of a year.
    static func file(for explainer: Explainer, rendered: [String: RenderedGroup]) -> (GeneratedFile, Int) {
        let timelinePage = explainer.site.pages(ofKind: .timeline).first
        let group = timelinePage.flatMap { rendered[$0.sourcePath] }
        var events: [JSON] = []
        var omitted = 0
        for event in explainer.events {
            guard let parts = event.components else {
                omitted += 1
                continue
            }
            var start: [String: JSON] = ["year": .int(parts.year), "display_date": .string(event.dateText)]
            if let month = parts.month { start["month"] = .int(month) }
            if let day = parts.day { start["day"] = .int(day) }
            events.append([
                "start_date": .object(start),
                "text": [
                    "headline": .string(event.page.title), "text": .string(group?.html("event.\(event.page.id)") ?? ""),
                ],
                "group": .string(explainer.strings[event.certainty.label]), "unique_id": .string(event.page.id),
            ])
        }
        let title: JSON = [
            "text": [
                "headline": .string(timelinePage?.title ?? explainer.site.config.title),
                "text": .string(timelinePage?.description ?? explainer.site.config.description),
            ]
        ]
        let document: JSON = ["title": title, "events": .array(events)]
        return (GeneratedFile(path: "timeline.json", contents: document.serialized(pretty: true) + "\n"), omitted)
    }

    /// The `ItemList` of `Event` for the timeline page's structured data; dates only at
    /// their known precision.
    static func itemList(for explainer: Explainer) -> JSON {
        [
            "@type": "ItemList", "itemListOrder": "https://schema.org/ItemListOrderAscending",
            "numberOfItems": .int(explainer.events.count),
            "itemListElement": .array(
                explainer.events.enumerated().map { index, event in
                    var item: [String: JSON] = [
                        "@type": "Event", "name": .string(event.page.title),
                        "url": .string(explainer.absolute(event.page.url)),
                    ]
                    if let value = event.value, event.components != nil { item["startDate"] = .string(value) }
                    return ["@type": "ListItem", "position": .int(index + 1), "item": .object(item)]
                }),
        ]
    }
}
