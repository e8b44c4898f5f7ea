public import LedeCore

/// Everything read from a site folder, checked and immutable: the input of every later step.
public struct Site: Sendable {
    /// The site settings.
    public var config: SiteConfig
    /// Every page and item that is built, in path order (drafts left out unless asked for).
    public var pages: [Page] {
        didSet { indicesByKind = Self.indices(of: pages) }
    }
    /// Where the pages of each kind are in `pages`: a large site asks for its few explainer
    /// pages many times per build, and filtering (copying) ten thousand pages each time showed.
    private var indicesByKind: [PageKind: [Int]]
    /// The source documents from `seeds/`, in file-name order.
    public var documents: [SourceDocument]
    /// The data files `Content/_<name>.yaml` other than the config, by name.
    public var data: [String: DataNode]
    /// Files under `Public/`, relative to it, sorted.
    public var publicFiles: [String]
    /// Files beside the pages in `Content/` that are neither Markdown nor data (images of a
    /// page bundle), relative to `Content/`, sorted: copied to the same place in the output.
    public var contentAssets: [String] = []
    /// Whether a file of `Content/` is a symbolic link to another file of the site: an edit to
    /// one file then changes two pages.
    public var hasLinkedContent = false
    /// Content files marked `draft: true` that this build leaves out (`Content/notes.md`): a
    /// link to one is reported as a link to a draft, not to a missing file.
    public var draftPaths: Set<String> = []
    /// Warnings found while reading the folder (metadata in `seeds/` that describes no document).
    public var warnings: [Diagnostic] = []

    /// Creates a site.
    public init(
        config: SiteConfig, pages: [Page], documents: [SourceDocument], data: [String: DataNode],
        publicFiles: [String]
    ) {
        self.config = config
        self.pages = pages
        self.documents = documents
        self.data = data
        self.publicFiles = publicFiles
        indicesByKind = Self.indices(of: pages)
    }

    private static func indices(of pages: [Page]) -> [PageKind: [Int]] {
        var result: [PageKind: [Int]] = [:]
        for (index, page) in pages.enumerated() { result[page.kind, default: []].append(index) }
        return result
    }

    /// Pages of one kind, in path order.
    public func pages(ofKind kind: PageKind) -> [Page] {
        (indicesByKind[kind] ?? []).map { pages[$0] }
    }
}
