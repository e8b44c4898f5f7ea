public import LedeContent
import LedeCore

/// A reference for a glossary entry's general background.
public struct Reference: Sendable, Hashable {
    /// What to call it ("USCIS, “Obtaining Asylum in the United States”").
    public var title: String
    /// Where it is.
    public var url: String
    /// When it was published ("11 March 2019"), or when a page without a date was read
    /// ("accessed 29 November 2026"); `nil` when the author gives none.
    public var date: String? = nil
}

/// One glossary entry, from `Content/glossary/<id>.md`.
public struct GlossaryTerm: Sendable, Hashable {
    /// The entry's page (its body is the definition).
    public var page: Page
    /// The id (the file name): the anchor on the glossary page and the `term:` link target.
    public var id: String { page.id }
    /// The term as shown.
    public var name: String { page.title }
    /// The short plain-text definition used in popovers and structured data.
    public var short: String
    /// Other phrases that link to the term.
    public var aliases: [String]
    /// An abbreviation shown with `<abbr title>`.
    public var abbreviation: String?
    /// Ids of related terms.
    public var related: [String]
    /// Whether the definition is general background rather than facts about the event.
    public var isBackground: Bool
    /// Where the background comes from.
    public var references: [Reference]
    /// Where `related` ids are written, for checks.
    var relatedLocations: [SourceLocation]
    /// Where each alias is written, for checks.
    var aliasLocations: [SourceLocation]
    /// Warnings about the entry that do not stop the build.
    var warnings: [Diagnostic] = []

    init(page: Page) throws {
        self.page = page
        var bag = DiagnosticBag()
        let front = page.frontMatter
        if let node = front["short"] {
            short = bag.collect(at: node.location) { try node.requireText("'short'") } ?? ""
        } else {
            short = ""
            bag.add(
                front.missingKey(
                    "short", "glossary term needs 'short': a one- or two-sentence plain definition",
                    known: FrontMatterKeys.keys(of: .term)))
        }
        let aliasList =
            front["aliases"].flatMap { node in bag.collect(at: node.location) { try node.requireTextList("'aliases'") }
            } ?? []
        aliases = aliasList.map(\.text)
        aliasLocations = aliasList.map(\.location)
        abbreviation = front["abbr"]?.text
        let relatedList =
            front["related"].flatMap { node in bag.collect(at: node.location) { try node.requireTextList("'related'") }
            } ?? []
        related = relatedList.map(\.text)
        relatedLocations = relatedList.map(\.location)
        isBackground =
            front["background"].flatMap { node in
                bag.collect(at: node.location) { try node.requireBool("'background'") }
            } ?? false
        references = []
        for node in front["references"]?.items ?? [] {
            guard let title = node["title"]?.text, let url = node["url"]?.text else {
                bag.add(Diagnostic(at: node.location, "each reference needs 'title' and 'url'"))
                continue
            }
            references.append(Reference(title: title, url: url, date: node["date"]?.text))
        }
        try bag.throwIfErrors()
        if isBackground && references.isEmpty {
            warnings.append(
                Diagnostic(
                    .warning, at: front["background"]?.location ?? front.location,
                    "general background without a reference: add references: [{title, url}] so readers can check the definition"
                ))
        }
    }

    /// Every phrase that links to this term.
    public var phrases: [String] { [name] + aliases + (abbreviation.map { [$0] } ?? []) }
}
