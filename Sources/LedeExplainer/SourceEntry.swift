import LedeContent
public import LedeCore

/// One source the explainer's claims rest on ("two senior Iranian officials"), from
/// `Content/_sources.yaml`.
public struct SourceEntry: Sendable, Hashable {
    /// The kinds of source an entry may be.
    public static let kinds = ["official", "document", "organisation", "person", "other"]

    /// The id used in `sources:` lists.
    public var id: String
    /// What kind of source it is.
    public var kind: String
    /// The exact number the report gives, or `nil` when it gives none.
    public var count: Int?
    /// A noun phrase ("senior Iranian officials").
    public var description: String
    /// How they know ("involved in the negotiations").
    public var vantage: String?
    /// Whether the report withholds their names.
    public var anonymous: Bool
    /// Why, as the report gives it; `nil` when the report does not say.
    public var whyAnonymous: String?
    /// Markdown citations of where the report introduces them.
    public var cites: [MarkdownText]
    /// Markdown notes: what the report says of this source.
    public var notes: MarkdownText?
    /// Where the entry is written.
    public var location: SourceLocation

    /// Reads every entry of the registry and checks it.
    /// - Throws: ``DiagnosticError`` with every problem: an anonymous source with no vantage, a
    ///   count that disagrees with the description's number, an unknown kind.
    static func registry(from node: DataNode?) throws -> [SourceEntry] {
        guard let node else { return [] }
        guard case .map = node.value else {
            throw DiagnosticError(
                Diagnostic(at: node.location, "the sources registry must map ids to sources, found \(node.kindName)"))
        }
        var bag = DiagnosticBag()
        var entries: [SourceEntry] = []
        for (id, value) in node.members {
            if let entry = bag.collect(at: value.location, { try SourceEntry(id: id, node: value) }) {
                entries.append(entry)
            }
        }
        try bag.throwIfErrors()
        return entries
    }

    init(id: String, node: DataNode) throws {
        guard case .map = node.value else {
            throw DiagnosticError(
                Diagnostic(at: node.location, "source '\(id)' must be a mapping, found \(node.kindName)"))
        }
        var bag = DiagnosticBag()
        self.id = id
        location = node.location
        func text(_ key: String, required: Bool) -> String? {
            guard let value = node[key], !value.isNull else {
                if required { bag.add(Diagnostic(at: node.location, "source '\(id)' is missing '\(key)'")) }
                return nil
            }
            return bag.collect(at: value.location) { try value.requireText("'\(key)'") }
        }
        kind = text("kind", required: true) ?? "other"
        if let kindNode = node["kind"], !Self.kinds.contains(kind) {
            bag.add(
                Diagnostic(
                    at: kindNode.location,
                    "unknown source kind '\(kind)' (kinds: \(Self.kinds.joined(separator: ", ")))"))
        }
        description = text("description", required: true) ?? ""
        vantage = text("vantage", required: false)
        whyAnonymous = text("why_anonymous", required: false)
        count = node["count"].flatMap { value in
            value.isNull ? nil : bag.collect(at: value.location) { try value.requireInt("'count'") }
        }
        anonymous =
            node["anonymous"].flatMap { value in
                bag.collect(at: value.location) { try value.requireBool("'anonymous'") }
            } ?? false
        cites =
            (node["cites"].flatMap { value in bag.collect(at: value.location) { try value.requireTextList("'cites'") } }
            ?? [])
            .map { MarkdownText(source: $0.text, location: $0.location) }
        notes = node["notes"].flatMap { value in
            bag.collect(at: value.location) {
                MarkdownText(source: try value.requireText("'notes'"), location: value.location)
            }
        }
        if anonymous && (vantage ?? "").isEmpty {
            bag.add(
                Diagnostic(
                    at: node.location,
                    "anonymous source '\(id)' has no vantage: say how they know (vantage: \"involved in the negotiations\")"
                ))
        }
        if let count, let countLocation = node["count"]?.location {
            if count < 1 {
                bag.add(
                    Diagnostic(at: countLocation, "source '\(id)' has count \(count): a source counts at least one"))
            } else if let plural = Grammar.isPlural(nounPhrase: description), plural != (count > 1) {
                let descriptionLocation = node["description"]?.location ?? countLocation
                bag.add(
                    Diagnostic(
                        at: descriptionLocation,
                        count == 1
                            ? "source '\(id)' is counted as one but described in the plural ('\(description)')"
                            : "source '\(id)' is counted as \(count) but described in the singular ('\(description)')"))
            }
        }
        try bag.throwIfErrors()
    }

    /// "two senior Iranian officials", "a U.S. official": the description with its number.
    public var countedDescription: String {
        guard let count else { return description }
        if count == 1 { return Grammar.article(for: description) + " " + description }
        return Grammar.numberWord(count) + " " + description
    }
}

/// A piece of Markdown written in a front-matter value or data file, with its place.
public struct MarkdownText: Sendable, Hashable {
    /// The Markdown.
    public var source: String
    /// Where it is written.
    public var location: SourceLocation
}
