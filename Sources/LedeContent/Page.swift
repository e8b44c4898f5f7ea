public import Foundation
public import LedeCore

/// What a content file is, decided by where it lives (see the README's content guide).
public enum PageKind: String, Sendable, Hashable, CaseIterable {
    /// `Content/index.md`: the explainer's overview.
    case overview
    /// `Content/timeline/index.md`: the timeline page.
    case timeline
    /// `Content/timeline/*.md`: one event, shown on the timeline page.
    case event
    /// `Content/glossary/index.md`: the glossary page.
    case glossary
    /// `Content/glossary/*.md`: one term, shown on the glossary page.
    case term
    /// `Content/sourcing-notes.md`: the sourcing notes.
    case sourcing
    /// `Content/updates/index.md`: the log of updates and corrections.
    case updates
    /// `Content/updates/*.md`: one update, shown on the updates page.
    case update
    /// Any other file: a plain page.
    case page

    /// Whether files of this kind are shown inside another page rather than on their own.
    public var isItem: Bool { self == .event || self == .term || self == .update }
}

/// A date as written in front matter, with the instant it stands for.
public struct WrittenDate: Sendable, Hashable {
    /// The text as written (`2026-11-29` or `2026-11-29T09:00:00Z`).
    public var text: String
    /// The instant (midnight UTC for a bare date).
    public var date: Date
    /// Where it was written.
    public var location: SourceLocation

    /// A date as written (the build cache reads them back).
    public init(text: String, date: Date, location: SourceLocation) {
        self.text = text
        self.date = date
        self.location = location
    }
}

/// One content file: its front matter read, its Markdown body not yet rendered.
public struct Page: Sendable, Hashable {
    /// The file, relative to the site root (`Content/about.md`).
    public var sourcePath: String
    /// What the file is.
    public var kind: PageKind
    /// The id of an item (the file name without `.md`): a term's or event's id.
    public var id: String
    /// The URL path below the base path, starting and ending with `/` (`/about/`);
    /// for items, the URL of the page that shows them plus `#id`.
    public var url: String
    /// Where the page is written below `Output/` (`about/index.html`); `nil` for items.
    public var outputPath: String?
    /// The title.
    public var title: String
    /// The description (dek), if any.
    public var description: String?
    /// When it was first published.
    public var date: WrittenDate?
    /// When it was last updated.
    public var updated: WrittenDate?
    /// Whether it is a draft (left out unless `--drafts`).
    public var draft: Bool
    /// Explicit position among its siblings.
    public var order: Int?

    /// The orders a page may give: wide enough for any numbering scheme, narrow enough that
    /// arithmetic on them never overflows.
    public static let orderRange = -1_000_000_000...1_000_000_000
    /// The template named in front matter.
    public var template: String?
    /// The whole front matter, for keys of a kind (`key_points`, `date.precision`) and free keys.
    public var frontMatter: DataNode
    /// The Markdown body.
    public var body: String
    /// Where the body's first line is in the file.
    public var bodyLocation: SourceLocation

    /// Creates a page; ``ContentLoader`` makes them from files, other steps make pages that
    /// have no file of their own (a source-text page).
    public init(
        sourcePath: String, kind: PageKind, id: String, url: String, outputPath: String?, title: String,
        description: String?, date: WrittenDate?, updated: WrittenDate?, draft: Bool, order: Int?, template: String?,
        frontMatter: DataNode, body: String, bodyLocation: SourceLocation
    ) {
        self.sourcePath = sourcePath
        self.kind = kind
        self.id = id
        self.url = url
        self.outputPath = outputPath
        self.title = title
        self.description = description
        self.date = date
        self.updated = updated
        self.draft = draft
        self.order = order
        self.template = template
        self.frontMatter = frontMatter
        self.body = body
        self.bodyLocation = bodyLocation
    }

    /// The location of the whole file, for problems without a line.
    public var fileLocation: SourceLocation { SourceLocation(path: sourcePath) }

    /// The front-matter keys Lede reads for every page; the others are free keys for templates.
    public static let commonKeys: Set<String> = [
        "title", "description", "date", "updated", "draft", "order", "template", "slug",
    ]
}
