public import Foundation
import LedeCore

/// Reads a site folder into a ``Site``: the config, every content file, the seeds and the
/// data files, checked, in one pass and in parallel.
public struct ContentLoader: Sendable {
    /// The site folder.
    public var root: URL
    /// Whether pages marked `draft: true` are built.
    public var includeDrafts: Bool
    /// Pages of earlier loads, reused for files that have not changed.
    public var pageCache: PageCache?

    /// Creates a loader.
    /// - Parameters:
    ///   - root: The site folder.
    ///   - includeDrafts: Whether pages marked `draft: true` are built.
    ///   - pageCache: Pages of earlier loads, for rebuilds.
    public init(root: URL, includeDrafts: Bool = false, pageCache: PageCache? = nil) {
        self.root = root.standardizedFileURL
        self.includeDrafts = includeDrafts
        self.pageCache = pageCache
    }

    /// Whether the loader skips a file of this name: hidden files (`.name`) and editors'
    /// backups and autosaves (`name~`, `#name#`).
    public static func ignores(fileNamed name: String) -> Bool {
        name.hasPrefix(".") || FolderWalk.isEditorLeftover(name)
    }

    /// Loads the whole site.
    /// - Throws: ``DiagnosticError`` with every problem found, each at its `path:line:col`.
    public func load() throws -> Site {
        var bag = DiagnosticBag()
        var linked: [String] = []
        let contentFiles = listFiles(in: "Content", bag: &bag, linked: &linked)
        let config = loadConfig(bag: &bag)
        let data = loadData(contentFiles.filter { isDataFile($0) }, bag: &bag)
        let markdown = contentFiles.filter { $0.hasSuffix(".md") }
        let cache = pageCache
        let rootPath = root.path + "/"
        let results = ParallelMap.map(markdown) { path -> Result<Page, any Error> in
            let signature = cache.flatMap { _ in PageCache.signature(of: rootPath + path) }
            if let page = cache?.page(at: path, signature: signature) { return .success(page) }
            return Result {
                let page = try readPage(at: path)
                cache?.store(page, at: path, signature: signature)
                return page
            }
        }
        cache?.keep(only: Set(markdown))
        var pages: [Page] = []
        var drafts: Set<String> = []
        for result in results {
            switch result {
            case .success(let page):
                if includeDrafts || !page.draft { pages.append(page) } else { drafts.insert(page.sourcePath) }
            case .failure(let error): bag.add(error, at: nil)
            }
        }
        checkUniqueURLs(pages, bag: &bag)
        let documents = loadDocuments(bag: &bag)
        let publicFiles = listFiles(in: "Public", bag: &bag).map { String($0.dropFirst("Public/".count)) }
        try bag.throwIfErrors()
        guard let config else { throw DiagnosticError(bag.diagnostics) }
        let assets = contentFiles.filter { path in
            !path.hasSuffix(".md") && !PathText.lastComponent(of: path).hasPrefix("_")
        }.map { String($0.dropFirst("Content/".count)) }
        var site = Site(config: config, pages: pages, documents: documents, data: data, publicFiles: publicFiles)
        site.contentAssets = assets
        site.hasLinkedContent = !linked.isEmpty
        site.draftPaths = drafts
        site.warnings = bag.diagnostics
        return site
    }

    // MARK: - Files

    /// Files below a folder of the site, as sorted site-relative paths; hidden files skipped.
    func listFiles(in folder: String, bag: inout DiagnosticBag) -> [String] {
        var linked: [String] = []
        return listFiles(in: folder, bag: &bag, linked: &linked)
    }

    /// ``listFiles(in:bag:)``, also giving the files reached through a symbolic link.
    func listFiles(in folder: String, bag: inout DiagnosticBag, linked: inout [String]) -> [String] {
        let base = root.appendingPathComponent(folder)
        guard FileManager.default.fileExists(atPath: base.path) else { return [] }
        var walk = FolderWalk(siteRoot: root)
        let path = base.standardizedFileURL.path
        // A linked folder is read like a linked file: only when it stays inside the site.
        if FolderWalk.isLink(path), walk.resolveInsideSite(path) == nil {
            bag.add(Diagnostic(at: SourceLocation(path: folder), "symbolic link points outside the site folder"))
            return []
        }
        // An unreadable folder is an error, not a gap: its pages would go missing without a word.
        _ = walk.visit(path, relative: folder)
        for (path, reason) in walk.unreadable {
            bag.add(Diagnostic(at: SourceLocation(path: path), "cannot read the folder", causes: [reason]))
        }
        for path in walk.notUTF8 {
            bag.add(
                Diagnostic(
                    at: SourceLocation(path: path),
                    "the file name is not valid UTF-8 (the bad bytes are shown as �), so it cannot be published: rename the file"
                ))
        }
        for path in walk.linksOutside {
            bag.add(Diagnostic(at: SourceLocation(path: path), "symbolic link points outside the site folder"))
        }
        linked = walk.linkedFiles
        return walk.files.sorted()
    }

    func isDataFile(_ path: String) -> Bool {
        let name = PathText.lastComponent(of: path)
        return name.hasPrefix("_") && (name.hasSuffix(".yaml") || name.hasSuffix(".yml"))
            && path.split(separator: "/").count == 2
    }

    /// Reads a text file of the site, failing at the first byte that is not UTF-8.
    func readText(_ path: String) throws -> String {
        // One read into one buffer, validated once; anything unusual takes Foundation's path
        // below, for its error messages. (`appendingPathComponent` asks the file system whether
        // the path is a folder: a string is enough here.)
        if let bytes = FileBytes.contents(ofFile: root.path + "/" + path) {
            return try UTF8Check.text(of: bytes, path: path)
        }
        let data: Data
        do {
            data = try Data(contentsOf: root.appendingPathComponent(path))
        } catch {
            throw DiagnosticError(
                Diagnostic(
                    at: SourceLocation(path: path), "cannot read the file", causes: ["\(error.localizedDescription)"]))
        }
        return try UTF8Check.text(of: [UInt8](data), path: path)
    }

    // MARK: - Config and data

    func loadConfig(bag: inout DiagnosticBag) -> SiteConfig? {
        let path = SiteConfig.path
        guard FileManager.default.fileExists(atPath: root.appendingPathComponent(path).path) else {
            bag.add(
                Diagnostic(
                    at: SourceLocation(path: path),
                    "missing site config: create \(path) with title, base_url, description, author, publisher and report_error_url"
                ))
            return nil
        }
        guard
            let node = bag.collect(
                at: SourceLocation(path: path),
                { try DataReader.parse(try readText(path), at: SourceLocation(path: path, line: 1, column: 1)) })
        else { return nil }
        for warning in SiteConfig.misspeltKeys(in: node) { bag.add(warning) }
        return bag.collect(at: SourceLocation(path: path)) { try SiteConfig(from: node) }
    }

    func loadData(_ paths: [String], bag: inout DiagnosticBag) -> [String: DataNode] {
        var data: [String: DataNode] = [:]
        for path in paths where path != SiteConfig.path {
            let name = PathText.deletingExtension(of: PathText.lastComponent(of: path)).dropFirst()
            if let node = bag.collect(
                at: SourceLocation(path: path),
                {
                    try DataReader.parse(try readText(path), at: SourceLocation(path: path, line: 1, column: 1))
                })
            {
                data[String(name)] = node
            }
        }
        return data
    }

    // MARK: - Pages

    /// Reads one content file into a ``Page``.
    public func readPage(at path: String) throws -> Page {
        let text = try readText(path)
        let (frontMatter, body, bodyLine) = try FrontMatter.split(text, path: path)
        let relative = String(path.dropFirst("Content/".count))
        let place = PagePlace(relativePath: relative)
        var bag = DiagnosticBag()
        let title = bag.collect(at: frontMatter.location) { () throws -> String in
            guard let node = frontMatter["title"] else {
                throw DiagnosticError(
                    frontMatter.missingKey("title", "missing required key 'title'", known: Page.commonKeys))
            }
            return try node.requireText("'title'")
        }
        func optionalText(_ key: String) -> String? {
            frontMatter[key].flatMap { node in
                node.isNull ? nil : bag.collect(at: node.location) { try node.requireText("'\(key)'") }
            }
        }
        func date(_ key: String) -> WrittenDate? {
            guard let node = frontMatter[key], !node.isNull else { return nil }
            return bag.collect(at: node.location) { try DateParser.writtenDate(node, key: key) }
        }
        let description = optionalText("description")
        let template = optionalText("template")
        let slugNode = frontMatter["slug"]
        let slug = optionalText("slug")
        let draft =
            frontMatter["draft"].flatMap { node in bag.collect(at: node.location) { try node.requireBool("'draft'") } }
            ?? false
        let order = frontMatter["order"].flatMap { node in
            bag.collect(at: node.location) { try node.requireInt("'order'", in: Page.orderRange) }
        }
        // A timeline event's `date` is a mapping with its precision, read by the explainer.
        let published = place.kind == .event && frontMatter["date"]?.text == nil ? nil : date("date")
        let updated = date("updated")
        let (url, outputPath) =
            bag.collect(at: slugNode?.location ?? SourceLocation(path: path)) {
                try place.address(slug: slug, slugLocation: slugNode?.location, path: path)
            } ?? ("/", nil)
        try bag.throwIfErrors()
        return Page(
            sourcePath: path, kind: place.kind, id: place.id, url: url, outputPath: outputPath, title: title ?? "",
            description: description, date: published, updated: updated, draft: draft, order: order,
            template: template, frontMatter: frontMatter, body: body,
            bodyLocation: SourceLocation(path: path, line: bodyLine, column: 1))
    }

    func checkUniqueURLs(_ pages: [Page], bag: inout DiagnosticBag) {
        var owners: [String: Int] = [:]
        var folded: [String: Int] = [:]
        // By index: a `for page in pages` loop copied every page here.
        for index in pages.indices {
            guard let output = pages[index].outputPath else { continue }
            if let first = owners[output] {
                let page = pages[index]
                // A `slug` is what an author changes to part them: the error points at it, in
                // whichever of the two files has one (new-user trial: `slug: story-00012` in
                // another file than story-00012.md was reported with no line and no advice).
                let slug = page.frontMatter["slug"] ?? pages[first].frontMatter["slug"]
                bag.add(
                    Diagnostic(
                        at: slug?.location ?? page.fileLocation,
                        "\(pages[first].sourcePath) and \(page.sourcePath) both make the page \(page.url)"
                            + (slug == nil
                                ? ": rename or move one of them, or give one a 'slug'"
                                : ": give one of them another 'slug'")))
            } else {
                owners[output] = index
                // Two outputs one letter case apart are one file where the file system ignores
                // case (macOS, Windows): the site would lose a page there (new-user trial).
                if let other = folded[output.lowercased()] {
                    bag.add(
                        Diagnostic(
                            .warning, at: pages[index].fileLocation,
                            "\(pages[other].sourcePath) and \(pages[index].sourcePath) make pages whose URLs differ only "
                                + "in letter case (\(pages[other].url) and \(pages[index].url)): on macOS and Windows they "
                                + "are one file, and one page would replace the other; rename one of them"))
                } else {
                    folded[output.lowercased()] = index
                }
            }
        }
    }
}
