import LedeContent
public import LedeCore

/// How the report attributes what a source says.
public enum Attribution: String, Sendable, Hashable, CaseIterable {
    /// The report names the source: a person ("Ada Reyes"), a body or a document.
    case named
    /// The source speaks on the record, but the report gives no name ("a county health
    /// department spokesperson said in a statement").
    case onRecordUnnamed = "on-record-unnamed"
    /// The source spoke on condition of anonymity.
    case anonymous

    /// The label shown to readers.
    public var label: UIStrings.Key {
        switch self {
        case .named: .attributionNamed
        case .onRecordUnnamed: .attributionOnRecordUnnamed
        case .anonymous: .attributionAnonymous
        }
    }
}

/// A fact about a source that the report may leave out, and that the author must then say it
/// leaves out (`why_anonymous: not stated`) rather than leave blank.
public enum Stated: Sendable, Hashable {
    /// The report's answer, in the author's words.
    case stated(String)
    /// The report does not say.
    case notStated

    /// The value an author writes for "the report does not say".
    public static let notStatedValue = "not stated"
    /// The text shown to readers: the author's, or the label ``UIStrings/Key/notStated``.
    public func text(in strings: UIStrings) -> String {
        switch self {
        case .stated(let text): text
        case .notStated: strings[.notStated]
        }
    }
}

/// One source the explainer's claims rest on ("two senior Iranian officials"), from
/// `Content/_sources.yaml`.
///
/// Every word shown of a source is the author's: the label is written in full, with its
/// article or number ("a U.S. official", "two senior Iranian officials"), and Lede never adds
/// an article or judges a number from spelling.
public struct SourceEntry: Sendable, Hashable {
    /// The kinds of source an entry may be.
    public static let kinds = ["official", "document", "organisation", "person", "other"]
    /// The keys an entry may have, in the order they are documented.
    static let keys = [
        "kind", "attribution", "label", "short", "name", "role", "count", "vantage", "why_anonymous", "cites", "notes",
    ]
    /// The largest count accepted: a count is how many people the report says spoke, not a
    /// figure of the story.
    static let maximumCount = 1000

    /// The id used in `sources:` lists.
    public var id: String
    /// What kind of source it is.
    public var kind: String
    /// How the report attributes it.
    public var attribution: Attribution
    /// How the explainer refers to it, in full ("two senior Iranian officials", "Ada Reyes,
    /// council member"); for a named source without `label`, its name and role.
    public var label: String
    /// The form used where it is named again ("According to …"): `short` as written; else, for
    /// a named source whose label is made of its name and role, its name; else its label.
    public var short: String
    /// The name the report gives, for a named source.
    public var name: String?
    /// Its role or post ("council member"), if given.
    public var role: String?
    /// The exact number the report gives, or `nil` when it gives none.
    public var count: Int?
    /// How they know ("involved in the negotiations"), if given.
    public var vantage: Stated?
    /// Why the report withholds their names, for an anonymous source.
    public var whyAnonymous: Stated?
    /// Markdown citations of where the report introduces them.
    public var cites: [MarkdownText]
    /// Markdown notes: what the report says of this source.
    public var notes: MarkdownText?
    /// Where the entry is written.
    public var location: SourceLocation

    /// Whether the report withholds the source's name.
    public var anonymous: Bool { attribution == .anonymous }

    /// The registry read from `_sources.yaml`: the entries that are valid, and the id of every
    /// entry written, so that a use of an entry with a mistake is not a second, false error.
    struct Registry: Sendable {
        var entries: [SourceEntry] = []
        /// Every id written, with where it is written, valid entries or not; `nil` when the
        /// registry itself could not be read (then no use of an id can be judged).
        var declared: [String: SourceLocation]? = [:]
    }

    /// Reads every entry of the registry and checks it; an entry with a mistake is reported once
    /// into `bag` and left out, and the others still load.
    static func registry(from node: DataNode?, bag: inout DiagnosticBag) -> Registry {
        guard let node else { return Registry() }
        guard case .map = node.value else {
            bag.add(
                Diagnostic(at: node.location, "the sources registry must map ids to sources, found \(node.kindName)"))
            return Registry(declared: nil)
        }
        var registry = Registry()
        for (id, value) in node.members {
            registry.declared?[id] = value.location
            if let entry = bag.collect(at: value.location, { try SourceEntry(id: id, node: value) }) {
                registry.entries.append(entry)
            }
        }
        return registry
    }

    init(id: String, node: DataNode) throws {
        guard case .map = node.value else {
            throw DiagnosticError(
                Diagnostic(at: node.location, "source '\(id)' must be a mapping, found \(node.kindName)"))
        }
        var bag = DiagnosticBag()
        self.id = id
        location = node.location
        Self.checkKeys(of: node, id: id, bag: &bag)
        func text(_ key: String) -> String? {
            guard let value = node[key], !value.isNull else { return nil }
            return bag.collect(at: value.location) { try value.requireText("'\(key)'") }
        }
        kind = text("kind") ?? "other"
        if node["kind"] == nil {
            bag.add(
                Diagnostic(
                    at: node.location,
                    "source '\(id)' is missing 'kind' (kinds: \(Self.kinds.joined(separator: ", ")))"))
        } else if let kindNode = node["kind"], !Self.kinds.contains(kind) {
            bag.add(
                Diagnostic(
                    at: kindNode.location,
                    "unknown source kind '\(kind)' (kinds: \(Self.kinds.joined(separator: ", ")))"))
        }
        let attributions = Attribution.allCases.map(\.rawValue).joined(separator: ", ")
        var parsed: Attribution?
        if let raw = text("attribution"), let attributionNode = node["attribution"] {
            parsed = Attribution(rawValue: raw)
            if parsed == nil {
                bag.add(
                    Diagnostic(
                        at: attributionNode.location, "unknown attribution '\(raw)' (attributions: \(attributions))"))
            }
        } else if node["attribution"] == nil && node["anonymous"] == nil {
            bag.add(
                Diagnostic(
                    at: node.location,
                    "source '\(id)' needs 'attribution': how the report attributes it (\(attributions))"))
        }
        attribution = parsed ?? .anonymous
        let name = text("name")
        let role = text("role")
        let written = text("label")
        let label = written ?? name.map { name in role.map { "\(name), \($0)" } ?? name } ?? ""
        self.name = name
        self.role = role
        self.label = label
        short = text("short") ?? (parsed == .named && written == nil ? name : nil) ?? label
        if written == nil && node["label"] == nil && node["description"] == nil
            && !(attribution == .named && name != nil)
        {
            bag.add(
                Diagnostic(
                    at: node.location,
                    "source '\(id)' needs 'label': how the explainer refers to it, in full, with its article or number (label: \"two senior Iranian officials\")"
                ))
        }
        if attribution == .named && name == nil && node["name"] == nil {
            bag.add(
                Diagnostic(
                    at: node["attribution"]?.location ?? node.location,
                    "source '\(id)' is named: add 'name', the name the report gives (name: \"Ada Reyes\", or a document's title)"
                ))
        } else if attribution != .named, let nameNode = node["name"] {
            bag.add(
                Diagnostic(
                    at: nameNode.location,
                    "source '\(id)' has a name but its attribution is \(attribution.rawValue): write attribution: named, or move the words to 'role' or 'label'"
                ))
        }
        count = node["count"].flatMap { value in
            value.isNull
                ? nil
                : bag.collect(at: value.location) {
                    try value.requireInt("the count of source '\(id)'", in: 1...Self.maximumCount)
                }
        }
        vantage = text("vantage").map(Self.stated)
        whyAnonymous = text("why_anonymous").map(Self.stated)
        cites =
            (node["cites"].flatMap { value in bag.collect(at: value.location) { try value.requireTextList("'cites'") } }
            ?? [])
            .map { MarkdownText(source: $0.text, location: $0.location) }
        notes = node["notes"].flatMap { value in
            bag.collect(at: value.location) {
                MarkdownText(node: value, text: try value.requireText("'notes'"))
            }
        }
        if parsed != nil { checkAnonymity(node, bag: &bag) }
        try bag.throwIfErrors()
    }

    private static func stated(_ text: String) -> Stated {
        text == Stated.notStatedValue ? .notStated : .stated(text)
    }

    /// Keys this version does not know: the fields of the old model, said in the new one's
    /// terms, and any other key by name.
    private static func checkKeys(of node: DataNode, id: String, bag: inout DiagnosticBag) {
        for (key, value) in node.members where !keys.contains(key) {
            let message =
                switch key {
                case "description":
                    "source '\(id)': 'description' is replaced by 'label': write how the explainer refers to the source, in full, with its article or number (label: \"two senior Iranian officials\", label: \"a U.S. official\")"
                case "anonymous":
                    "source '\(id)': 'anonymous' is replaced by 'attribution': write attribution: anonymous, named (with 'name') or on-record-unnamed"
                default:
                    "unknown key '\(key)' in source '\(id)' (keys: \(keys.joined(separator: ", ")))"
                }
            bag.add(Diagnostic(at: value.location, message))
        }
    }

    /// An anonymous source says how they know and why they are anonymous (or that the report
    /// does not say); a source that is not anonymous has no reason for anonymity.
    private func checkAnonymity(_ node: DataNode, bag: inout DiagnosticBag) {
        if anonymous {
            if vantage == nil {
                bag.add(
                    Diagnostic(
                        at: node.location,
                        "anonymous source '\(id)' has no vantage: say how they know (vantage: \"involved in the negotiations\"), or write vantage: \(Stated.notStatedValue) when the report does not say"
                    ))
            }
            if whyAnonymous == nil {
                bag.add(
                    Diagnostic(
                        at: node.location,
                        "anonymous source '\(id)' has no 'why_anonymous': give the reason the report gives, or write why_anonymous: \(Stated.notStatedValue) when the report does not say"
                    ))
            }
        } else if let whyNode = node["why_anonymous"] {
            bag.add(
                Diagnostic(
                    at: whyNode.location,
                    "source '\(id)' is not anonymous (attribution: \(attribution.rawValue)): remove 'why_anonymous'"))
        }
    }
}

/// A piece of Markdown written in a front-matter value or data file, with its place.
public struct MarkdownText: Sendable, Hashable {
    /// The Markdown.
    public var source: String
    /// Where it is written.
    public var location: SourceLocation
    /// Whether every line starts at `location`'s column (a YAML block scalar), not only the first.
    public var everyLineIndented = false

    /// Markdown at a place.
    public init(source: String, location: SourceLocation) {
        self.source = source
        self.location = location
    }

    /// The Markdown of a text value: a block scalar's lines as written, so that every line of
    /// it keeps its place in the file; any other scalar as its value.
    init(node: DataNode, text: String) {
        if let block = node.block {
            self.init(source: block.text, location: block.location)
            everyLineIndented = true
        } else {
            self.init(source: text, location: node.location)
        }
    }
}
