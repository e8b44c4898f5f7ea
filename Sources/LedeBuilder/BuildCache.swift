import Foundation
import LedeContent
import LedeCore
import LedeExplainer

/// What a `lede build` leaves for the next one, so that a build after an edit does the work of
/// the pages that changed plus the site-wide parts, not of the whole site.
///
/// It lives in Lede's own folder beside the output (`.Output.lede-cache/build`, git-ignored by
/// the scaffold's `.*.lede-*`) and records:
/// - the key of everything site-wide the pages are made from (``siteKey``: Lede's executable,
///   the build options, every template's bytes, every copied file's size and time; and
///   ``plainPagesKey``, the explainer's hash of the values a plain page's Markdown and context
///   are made from);
/// - per plain page that cites nothing: its content file's signature (size, inode, times, as
///   stat'ed before it was read), its output path, the glossary terms it used and its scan (ids,
///   and the references the link checker resolves), with where each link was written;
/// - per own page of the explainer (``OwnRecord``): its scan, and the hash of its template's
///   closure and its context (``PageRecord/inputHash``), so that when the own pages are made
///   again only those that come out otherwise are rendered and written;
/// - per output file of the output folder and of the spare folder: a hash of its bytes, its size,
///   modification time and inode.
///
/// Nothing in it is trusted without checking: a file that is missing, of another format, cut
/// short or with a wrong checksum is ignored (the build is then a full one); a page is carried
/// only when both keys are equal, its content file's signature is, and its output file still has
/// the recorded size, time and inode; a spare file is reused only when it still has its own.
struct BuildCache: Sendable {
    /// One output file as the build left it.
    struct FileRecord: Sendable, Equatable {
        var hash: UInt64
        var size: Int
        var modified: Int
        var inode: UInt64

        /// Whether the file at `path` still is the one recorded.
        func matches(_ path: String) -> Bool {
            guard let status = FileSystem.status(at: path, followingLinks: false), status.kind == .file else {
                return false
            }
            return status.size == size && status.modified == modified && status.inode == inode
        }

        /// The record of the file now at `path` with the given hash, or `nil` when it is not a file.
        static func of(_ path: String, hash: UInt64) -> FileRecord? {
            guard let status = FileSystem.status(at: path, followingLinks: false), status.kind == .file else {
                return nil
            }
            return FileRecord(hash: hash, size: status.size, modified: status.modified, inode: status.inode)
        }
    }

    /// The files of a folder the build wrote, and the folder's inode (a folder replaced by
    /// someone else has another).
    struct Folder: Sendable {
        var identity: UInt64
        var files: [String: FileRecord]

        /// Whether `path` is still the folder recorded.
        func isSame(as path: String) -> Bool {
            guard let status = FileSystem.status(at: path, followingLinks: false), status.kind == .folder else {
                return false
            }
            return status.inode == identity
        }
    }

    /// A plain page that a later build may carry.
    struct PageRecord: Sendable {
        var signature: FileStatus
        var outputPath: String
        var terms: PageTerms
        /// The ids of the page's elements, which other pages' links may point at.
        var ids: Set<String>
        /// What the link checker found on the page.
        var problems: [LinkChecker.Problem]
        /// The page's references and where its links were written (``Checks``), encoded: read
        /// only when something they resolve against changed (``BuildCache/universe``).
        var checks: [UInt8]
        /// The page as read, without its body (``PageCodec``): an unchanged file is not read
        /// again; when the page turns out not to be carried, it is.
        var page: [UInt8]
        /// The hash of everything the page's HTML is made from
        /// (``SiteBuild/inputHash(of:context:library:salt:)``): its template's fingerprint and
        /// its context. While it is the same and the output file is the one recorded, the page
        /// is not rendered nor written again, even when its Markdown is (``KeptPages``; an own
        /// page: when the own pages are made again). 0: none.
        var inputHash: UInt64 = 0
    }

    /// What the link checker reads from a page, besides its ids.
    struct Checks: Sendable {
        var items: [PageScan.Item]
        var linkLocations: [String: SourceLocation]

        func encoded() -> [UInt8] {
            var writer = ByteWriter()
            writer.number(UInt64(items.count))
            for item in items {
                switch item {
                case .reference(let reference, let isLink):
                    writer.number(isLink ? 1 : 0)
                    writer.text(reference)
                case .problem(let reference, let problem):
                    writer.number(reference == nil ? 2 : 3)
                    if let reference { writer.text(reference) }
                    writer.text(problem)
                }
            }
            writer.number(UInt64(linkLocations.count))
            for (url, location) in linkLocations.sorted(by: { $0.key < $1.key }) {
                writer.text(url)
                writer.text(location.path)
                writer.number(UInt64(location.line))
                writer.number(UInt64(location.column))
            }
            return writer.bytes
        }

        init(items: [PageScan.Item], linkLocations: [String: SourceLocation]) {
            self.items = items
            self.linkLocations = linkLocations
        }

        /// Decodes ``encoded()``; `nil` for bytes it did not write.
        init?(_ bytes: [UInt8]) {
            var reader = ByteReader(bytes: bytes, position: 0, end: bytes.count)
            guard let itemCount = reader.count() else { return nil }
            var items: [PageScan.Item] = []
            items.reserveCapacity(itemCount)
            for _ in 0..<itemCount {
                switch reader.number() {
                case let tag? where tag <= 1:
                    guard let reference = reader.text() else { return nil }
                    items.append(.reference(reference, isLink: tag == 1))
                case 2?:
                    guard let problem = reader.text() else { return nil }
                    items.append(.problem(reference: nil, problem))
                case 3?:
                    guard let reference = reader.text(), let problem = reader.text() else { return nil }
                    items.append(.problem(reference: reference, problem))
                default: return nil
                }
            }
            guard let locationCount = reader.count() else { return nil }
            var locations: [String: SourceLocation] = [:]
            for _ in 0..<locationCount {
                guard let url = reader.text(), let file = reader.text(), let line = reader.signed(),
                    let column = reader.signed()
                else { return nil }
                locations[url] = SourceLocation(path: file, line: line, column: column)
            }
            guard reader.position == reader.end else { return nil }
            self.init(items: items, linkLocations: locations)
        }
    }

    /// The explainer's own pages (see ``OwnPages``) as the last build left them.
    struct OwnRecord: Sendable {
        var own: OwnPages
        /// Every output path of the own pages and generated files.
        var outputs: [String]
        /// The own pages' scans for the link checker, by output path (their ``PageRecord``
        /// has no content file: signature and page are empty).
        var pages: [String: PageRecord]
    }

    var siteKey: UInt64
    var plainPagesKey: UInt64
    /// The glossary's short definitions, by term id (``Explainer/definitions``).
    var definitions: [String: String] = [:]
    /// Each template's ``TemplateLibrary/fingerprint(of:)``, by name: a plain page is carried
    /// while its template's is unchanged, the own pages while every template's is.
    var templates: [String: UInt64] = [:]
    /// The explainer's own pages, when the last build could record them.
    var own: OwnRecord?
    /// ``LinkChecker/universeKey(paths:ids:publicFiles:basePath:baseURL:)`` of the last build.
    var universe: UInt64
    var output: Folder
    var spare: Folder?
    /// By content file (`Content/posts/a.md`).
    var pages: [String: PageRecord]

    static let fileName = "build"
    private static let magic = Array("lede build cache\n".utf8)
    /// Raised whenever what is recorded, or how, changes.
    private static let formatVersion: UInt64 = 9

    /// Lede's cache folder beside `output`.
    static func folder(beside output: URL) -> String {
        let path = output.standardizedFileURL.path
        return PathText.parent(of: path) + "/." + PathText.lastComponent(of: path) + ".lede-cache"
    }

    // MARK: - Keys

    /// The key of everything site-wide a page is made from that the explainer does not see.
    static func siteKey(options: BuildOptions, site: Site) -> UInt64 {
        StableHasher.hash { hasher in
            hasher.combine(formatVersion)
            let executable =
                FileSystem.status(at: "/proc/self/exe", followingLinks: true)
                ?? Bundle.main.executablePath.flatMap { FileSystem.status(at: $0, followingLinks: true) }
            hasher.combine(executable.map { "\($0.size) \($0.modified) \($0.inode)" } ?? "an executable without a file")
            hasher.combine(options.siteRoot.path)
            hasher.combine(options.output.standardizedFileURL.path)
            hasher.combine(options.baseURL ?? "\u{0}")
            hasher.combine(options.includeDrafts ? 1 : 0)
            hasher.combine(options.minify ? 1 : 0)
            let root = options.siteRoot.path + "/"
            // Of the copied files, only stylesheets and scripts go into pages (their fingerprinted
            // names); any other file (an image, a PDF) changes only what links resolve to, which
            // the link checker's universe key covers: adding one renders nothing again.
            let copied = site.publicFiles.map { "Public/" + $0 } + site.contentAssets.map { "Content/" + $0 }
            for path in copied.sorted()
            where AssetFingerprinter.extensions.contains(PathText.pathExtension(of: path).lowercased()) {
                hasher.combine(path)
                let status = FileSystem.status(at: root + path, followingLinks: true)
                hasher.combine(status.map { "\($0.size) \($0.modified) \($0.changed) \($0.inode)" } ?? "-")
            }
        }
    }

    /// The plain pages this build may carry: unchanged content file and template, same output
    /// path, and the output file still the one recorded.
    /// - Parameters:
    ///   - templates: This build's ``templates``.
    ///   - ownContexts: The own pages' contexts of the last build that made them: when a
    ///     template changed, the own pages are offered only with them (those made with it are
    ///     rendered again from them, see ``OwnContexts``).
    func carryOver(
        site: Site, siteKey: UInt64, templates: [String: UInt64], signatures: PageCache, output: String,
        ownContexts: OwnContexts? = nil
    ) -> CarryOver? {
        guard siteKey == self.siteKey, self.output.isSame(as: output) else { return nil }
        let before = self.templates
        let records = self.pages
        let files = self.output.files
        // Every output file is stat'ed: on every core.
        let carried = ParallelMap.map(site.pages(ofKind: .page)) { page -> (String, PageTerms)? in
            let template = Explainer.templateName(of: page)
            guard let record = records[page.sourcePath], record.outputPath == page.outputPath,
                let fingerprint = templates[template], before[template] == fingerprint,
                let signature = signatures.signature(ofRead: page.sourcePath), signature == record.signature,
                let file = files[record.outputPath], file.matches(output + "/" + record.outputPath)
            else { return nil }
            return (page.sourcePath, record.terms)
        }
        var carry = CarryOver(
            key: plainPagesKey,
            pages: Dictionary(carried.compactMap { $0 }, uniquingKeysWith: { first, _ in first }))
        carry.definitions = definitions
        // The own pages are offered only when every file they wrote is still the one recorded,
        // and, when a template changed, with every own page's context.
        if let own, own.outputs.allSatisfy({ files[$0]?.matches(output + "/" + $0) == true }),
            templates == before
                || ownContexts.map({ $0.key == own.own.key && own.pages.keys.allSatisfy($0.pages.keys.contains) })
                    == true
        {
            // The generated files are written again: their text is read back, and checked.
            var contents: [String: String] = [:]
            for path in own.own.files {
                guard let data = FileManager.default.contents(atPath: output + "/" + path),
                    ContentHash.fast(data) == files[path]?.hash, let text = String(data: data, encoding: .utf8)
                else { return carry }
                contents[path] = text
            }
            carry.ownPages = own.own
            carry.ownPages?.contents = contents
        }
        return carry
    }

    /// The output file of a page recorded with `inputHash`, with the page's recorded checks,
    /// when the page's input hash is that one and the file at `path` in the `output` folder is
    /// still the one recorded: its HTML would come out as it is (``SiteBuild/inputHash(of:context:library:salt:)``).
    func unchangedOutput(_ record: PageRecord, at path: String, inputHash: UInt64, in output: String)
        -> (file: FileRecord, checks: Checks)?
    {
        guard record.inputHash == inputHash, let file = self.output.files[path], file.matches(output + "/" + path),
            let checks = Checks(record.checks)
        else { return nil }
        return (file, checks)
    }

    /// Whether a file read by a build that started at `started` (nanoseconds since 1970) may
    /// have changed after it was read without changing its signature: it was changed so shortly
    /// before that a second change could fall in the same tick of the file system's clock (as Git
    /// treats "racily clean" files). Such a page is not recorded; the next build reads it again.
    /// Times in whole milliseconds suggest a coarse file system (FAT keeps two seconds).
    static func isRacy(_ signature: FileStatus, readAfter started: Int) -> Bool {
        let coarse = signature.modified % 1_000_000 == 0 && signature.changed % 1_000_000 == 0
        let window = coarse ? 2_500_000_000 : 100_000_000
        return max(signature.modified, signature.changed) > started - window
    }

    // MARK: - Reading and writing

    /// The cache beside `output`, or `nil` when there is none or it cannot be trusted.
    static func load(beside output: URL) -> BuildCache? {
        file(named: fileName, beside: output).flatMap(decode)
    }

    /// Writes the cache beside `output`, replacing the last one in one rename. Failing to
    /// write it only makes the next build a full one: the error is returned, not thrown.
    func save(beside output: URL) -> String? {
        Self.write(encoded(), named: Self.fileName, beside: output)
    }

    /// The bytes of the file `name` in the cache folder beside `output`, when it is a file in a folder.
    static func file(named name: String, beside output: URL) -> [UInt8]? {
        let path = folder(beside: output) + "/" + name
        guard FileSystem.kind(at: PathText.parent(of: path), followingLinks: false) == .folder,
            FileSystem.kind(at: path, followingLinks: false) == .file
        else { return nil }
        return FileBytes.contents(ofFile: path) ?? FileManager.default.contents(atPath: path).map(Array.init)
    }

    /// Writes `bytes` as the file `name` of the cache folder beside `output` (made if missing),
    /// replacing the last one in one rename; returns the problem, if any.
    static func write(_ bytes: [UInt8], named name: String, beside output: URL) -> String? {
        let folder = Self.folder(beside: output)
        let kind = FileSystem.kind(at: folder, followingLinks: false)
        if kind != .folder {
            // Anything else in its place (a file, a link planted there) is removed, never followed.
            if kind != .missing { FolderSwap.unlinkFile(folder) }
            do {
                try FileManager.default.createDirectory(atPath: folder, withIntermediateDirectories: false)
            } catch {
                return error.localizedDescription
            }
        }
        let target = folder + "/" + name
        let temporary = target + ".new"
        FolderSwap.unlinkFile(temporary)
        if let problem = FileBytes.write(bytes, toPath: temporary) { return problem }
        guard rename(temporary, target) == 0 else { return String(cString: strerror(errno)) }
        return nil
    }

    func encoded() -> [UInt8] {
        var writer = ByteWriter()
        // Room for the records' encoded parts and a little more per record and file, so that
        // the many megabytes of a large site are not copied again each time the array grows.
        let records = pages.values.reduce(0) { $0 + $1.checks.count + $1.page.count + 256 }
        writer.bytes.reserveCapacity(records + 64 * (output.files.count + (spare?.files.count ?? 0)) + 4096)
        writer.bytes += Self.magic
        writer.number(Self.formatVersion)
        writer.number(siteKey)
        writer.number(plainPagesKey)
        writer.textMap(definitions)
        let templates = templates.sorted { $0.key < $1.key }
        writer.texts(templates.map(\.key))
        for (_, fingerprint) in templates { writer.number(fingerprint) }
        writer.number(universe)
        writer.folder(output)
        writer.number(spare == nil ? 0 : 1)
        if let spare { writer.folder(spare) }
        writer.number(UInt64(pages.count))
        for (path, record) in pages.sorted(by: { $0.key < $1.key }) {
            writer.text(path)
            writer.pageRecord(record)
        }
        writer.number(own == nil ? 0 : 1)
        if let own { writer.own(own) }
        return writer.sealed()
    }
}

extension ByteWriter {
    /// A page record, after its content file's path.
    mutating func pageRecord(_ record: BuildCache.PageRecord) {
        let signature = record.signature
        for number in [signature.size, signature.modified, signature.changed] {
            self.number(UInt64(bitPattern: Int64(number)))
        }
        number(signature.inode)
        number(record.inputHash)
        text(record.outputPath)
        pageTerms(record.terms)
        texts(record.ids.sorted())
        number(UInt64(record.problems.count))
        for problem in record.problems {
            number(problem.rule == .page ? 1 : 0)
            number(problem.reference == nil ? 0 : 1)
            if let reference = problem.reference { text(reference) }
            text(problem.problem)
        }
        number(UInt64(record.checks.count))
        bytes += record.checks
        number(UInt64(record.page.count))
        bytes += record.page
    }

    mutating func pageTerms(_ terms: PageTerms) {
        texts(terms.matched)
        texts(terms.linked)
        textMap(terms.linkedPages)
    }

    /// Texts by text, in key order: the keys, then the values.
    mutating func textMap(_ map: [String: String]) {
        let sorted = map.sorted { $0.key < $1.key }
        texts(sorted.map(\.key))
        texts(sorted.map(\.value))
    }

    mutating func diagnostics(_ diagnostics: [Diagnostic]) {
        number(UInt64(diagnostics.count))
        for diagnostic in diagnostics {
            text(diagnostic.severity.rawValue)
            number(diagnostic.location == nil ? 0 : 1)
            if let location = diagnostic.location { self.location(location) }
            text(diagnostic.message)
            texts(diagnostic.causes)
            optionalText(diagnostic.rule?.id)
        }
    }

    mutating func own(_ record: BuildCache.OwnRecord) {
        number(record.own.key)
        number(UInt64(record.own.terms.count))
        for (path, terms) in record.own.terms.sorted(by: { $0.key < $1.key }) {
            text(path)
            pageTerms(terms)
        }
        diagnostics(record.own.diagnostics)
        texts(record.own.files)
        diagnostics(record.own.notes)
        texts(record.outputs)
        number(UInt64(record.pages.count))
        for (path, page) in record.pages.sorted(by: { $0.key < $1.key }) {
            text(path)
            pageRecord(page)
        }
    }
}

extension BuildCache {
    static func decode(_ bytes: [UInt8]) -> BuildCache? {
        guard var reader = ByteReader(sealed: bytes, magic: magic), reader.number() == formatVersion,
            let siteKey = reader.number(), let plainPagesKey = reader.number(), let definitions = reader.textMap(),
            let templateNames = reader.texts(), let templateFingerprints = reader.numbers(count: templateNames.count),
            let universe = reader.number(),
            let output = reader.folder(),
            let hasSpare = reader.number()
        else { return nil }
        var spare: Folder?
        if hasSpare == 1 {
            guard let folder = reader.folder() else { return nil }
            spare = folder
        }
        guard let count = reader.count() else { return nil }
        var pages: [String: PageRecord] = [:]
        pages.reserveCapacity(count)
        for _ in 0..<count {
            guard let record = reader.pageRecord() else { return nil }
            pages[record.path] = record.record
        }
        var own: OwnRecord?
        switch reader.number() {
        case 0?: break
        case 1?:
            guard let record = reader.own() else { return nil }
            own = record
        default: return nil
        }
        guard reader.position == reader.end else { return nil }
        return BuildCache(
            siteKey: siteKey, plainPagesKey: plainPagesKey,
            definitions: definitions,
            templates: Dictionary(zip(templateNames, templateFingerprints), uniquingKeysWith: { first, _ in first }),
            own: own,
            universe: universe, output: output, spare: spare, pages: pages)
    }
}

/// Appends numbers (LEB128: seven bits a byte) and texts; a text written before is written as
/// its index in the table of texts written so far (a large site repeats the same links, ids and
/// terms on every page).
struct ByteWriter {
    var bytes: [UInt8] = []
    private var table: [String: Int] = [:]

    mutating func number(_ value: UInt64) {
        var value = value
        while value >= 0x80 {
            bytes.append(UInt8(value & 0x7F) | 0x80)
            value >>= 7
        }
        bytes.append(UInt8(value))
    }

    /// A text: `2 × index + 1` for one in the table, else `2 × length` and its UTF-8 bytes.
    mutating func text(_ value: String) {
        if let index = table[value] {
            number(UInt64(index) * 2 + 1)
            return
        }
        table[value] = table.count
        let utf8 = value.utf8
        number(UInt64(utf8.count) * 2)
        bytes += utf8
    }

    /// The bytes written, followed by their checksum (``ByteReader/init(sealed:magic:)`` checks it).
    mutating func sealed() -> [UInt8] {
        let checksum = bytes.withUnsafeBytes { ContentHash.fast(buffer: $0) }
        withUnsafeBytes(of: checksum.littleEndian) { bytes += $0 }
        return bytes
    }

    mutating func texts(_ values: [String]) {
        number(UInt64(values.count))
        for value in values { text(value) }
    }

    mutating func folder(_ folder: BuildCache.Folder) {
        number(folder.identity)
        number(UInt64(folder.files.count))
        for (path, file) in folder.files.sorted(by: { $0.key < $1.key }) {
            text(path)
            number(file.hash)
            number(UInt64(bitPattern: Int64(file.size)))
            number(UInt64(bitPattern: Int64(file.modified)))
            number(file.inode)
        }
    }
}

/// Reads what ``ByteWriter`` wrote; every read is bounded, and `nil` on bytes that end early
/// or refer to a text not yet read.
struct ByteReader {
    let bytes: [UInt8]
    var position: Int
    let end: Int
    private var table: [String] = []

    init(bytes: [UInt8], position: Int, end: Int) {
        self.bytes = bytes
        self.position = position
        self.end = end
    }

    /// A reader of what a writer's ``ByteWriter/sealed()`` returned after writing `magic`, from
    /// just after it; `nil` when the bytes do not start with it or the checksum is wrong.
    init?(sealed bytes: [UInt8], magic: [UInt8]) {
        guard bytes.count >= magic.count + 8, Array(bytes[0..<magic.count]) == magic else { return nil }
        let body = bytes.count - 8
        let checksum = bytes.withUnsafeBytes {
            ContentHash.fast(buffer: UnsafeRawBufferPointer(rebasing: $0[0..<body]))
        }
        var stored: UInt64 = 0
        for index in 0..<8 { stored |= UInt64(bytes[body + index]) << (8 * UInt64(index)) }
        guard stored == checksum else { return nil }
        self.init(bytes: bytes, position: magic.count, end: body)
    }

    mutating func number() -> UInt64? {
        var value: UInt64 = 0
        var shift: UInt64 = 0
        while position < end, shift < 64 {
            let byte = bytes[position]
            position += 1
            value |= UInt64(byte & 0x7F) << shift
            if byte < 0x80 { return value }
            shift += 7
        }
        return nil
    }

    /// A count that cannot exceed what is left to read (each item takes at least a byte).
    mutating func count() -> Int? {
        guard let value = number(), value <= UInt64(end - position) else { return nil }
        return Int(value)
    }

    mutating func signed() -> Int? { number().map { Int(Int64(bitPattern: $0)) } }

    /// `count` numbers in a row.
    mutating func numbers(count: Int) -> [UInt64]? {
        var values: [UInt64] = []
        for _ in 0..<count {
            guard let value = number() else { return nil }
            values.append(value)
        }
        return values
    }

    mutating func text() -> String? {
        guard let tag = number() else { return nil }
        if tag & 1 == 1 {
            let index = tag / 2
            return index < UInt64(table.count) ? table[Int(index)] : nil
        }
        let length = tag / 2
        guard length <= UInt64(end - position) else { return nil }
        let start = position
        position += Int(length)
        let text = bytes.withUnsafeBufferPointer {
            String(validating: UnsafeBufferPointer(rebasing: $0[start..<start + Int(length)]), as: UTF8.self)
        }
        if let text { table.append(text) }
        return text
    }

    mutating func texts() -> [String]? {
        guard let count = count() else { return nil }
        var values: [String] = []
        values.reserveCapacity(count)
        for _ in 0..<count {
            guard let value = text() else { return nil }
            values.append(value)
        }
        return values
    }

    mutating func folder() -> BuildCache.Folder? {
        guard let identity = number(), let count = count() else { return nil }
        var files: [String: BuildCache.FileRecord] = [:]
        files.reserveCapacity(count)
        for _ in 0..<count {
            guard let path = text(), let hash = number(), let size = signed(), let modified = signed(),
                let inode = number()
            else { return nil }
            files[path] = BuildCache.FileRecord(hash: hash, size: size, modified: modified, inode: inode)
        }
        return BuildCache.Folder(identity: identity, files: files)
    }

    mutating func pageRecord() -> (path: String, record: BuildCache.PageRecord)? {
        guard let path = text(), let size = signed(), let modified = signed(), let changed = signed(),
            let inode = number(), let inputHash = number(), let outputPath = text(), let terms = pageTerms(),
            let ids = texts(), let problemCount = count()
        else { return nil }
        var problems: [LinkChecker.Problem] = []
        for _ in 0..<problemCount {
            guard let rule = number(), let hasReference = number() else { return nil }
            var reference: String?
            if hasReference == 1 {
                guard let text = text() else { return nil }
                reference = text
            }
            guard let problem = text() else { return nil }
            problems.append(
                LinkChecker.Problem(reference: reference, problem: problem, rule: rule == 1 ? .page : .link))
        }
        guard let checksLength = count() else { return nil }
        let checks = Array(bytes[position..<position + checksLength])
        position += checksLength
        guard let pageLength = count() else { return nil }
        let page = Array(bytes[position..<position + pageLength])
        position += pageLength
        let signature = FileStatus(kind: .file, size: size, inode: inode, modified: modified, changed: changed)
        return (
            path,
            BuildCache.PageRecord(
                signature: signature, outputPath: outputPath, terms: terms,
                ids: Set(ids), problems: problems, checks: checks, page: page, inputHash: inputHash)
        )
    }
}

extension ByteReader {
    mutating func pageTerms() -> PageTerms? {
        guard let matched = texts(), let linked = texts(), let linkedPages = textMap() else { return nil }
        return PageTerms(matched: matched, linked: linked, linkedPages: linkedPages)
    }

    /// What ``ByteWriter/textMap(_:)`` wrote; `nil` when the keys and values do not pair up.
    mutating func textMap() -> [String: String]? {
        guard let keys = texts(), let values = texts(), keys.count == values.count else { return nil }
        return Dictionary(zip(keys, values), uniquingKeysWith: { first, _ in first })
    }

    mutating func diagnostics() -> [Diagnostic]? {
        guard let count = count() else { return nil }
        var diagnostics: [Diagnostic] = []
        for _ in 0..<count {
            guard let severity = text().flatMap(Diagnostic.Severity.init(rawValue:)), let hasLocation = number()
            else { return nil }
            var location: SourceLocation?
            if hasLocation == 1 {
                guard let read = self.location() else { return nil }
                location = read
            }
            guard let message = text(), let causes = texts(), let ruleID = optionalText() else { return nil }
            var rule: DiagnosticRule?
            if let ruleID {
                guard let known = DiagnosticRule.all.first(where: { $0.id == ruleID }) else { return nil }
                rule = known
            }
            diagnostics.append(Diagnostic(severity, at: location, message, causes: causes, rule: rule))
        }
        return diagnostics
    }

    mutating func own() -> BuildCache.OwnRecord? {
        guard let key = number(), let termCount = count() else { return nil }
        var terms: [String: PageTerms] = [:]
        for _ in 0..<termCount {
            guard let path = text(), let pageTerms = pageTerms() else { return nil }
            terms[path] = pageTerms
        }
        guard let checked = diagnostics(), let files = texts(), let notes = diagnostics(),
            let outputs = texts(), let pageCount = count()
        else { return nil }
        var pages: [String: BuildCache.PageRecord] = [:]
        for _ in 0..<pageCount {
            guard let record = pageRecord() else { return nil }
            pages[record.path] = record.record
        }
        return BuildCache.OwnRecord(
            own: OwnPages(key: key, terms: terms, diagnostics: checked, files: files, notes: notes),
            outputs: outputs, pages: pages)
    }
}

extension PageScan {
    /// A scan read back from the build cache (no rewritten bytes: the page is already written).
    init(ids: Set<String>, items: [Item]) {
        rewritten = nil
        self.ids = ids
        self.items = items
    }
}

/// A page without its body, as the build cache keeps it.
enum PageCodec {
    static func encode(_ page: Page) -> [UInt8] {
        var writer = ByteWriter()
        writer.text(page.sourcePath)
        writer.text(page.kind.rawValue)
        writer.text(page.id)
        writer.text(page.url)
        writer.optionalText(page.outputPath)
        writer.text(page.title)
        writer.optionalText(page.description)
        for date in [page.date, page.updated] {
            writer.number(date == nil ? 0 : 1)
            if let date {
                writer.text(date.text)
                writer.number(date.date.timeIntervalSinceReferenceDate.bitPattern)
                writer.location(date.location)
            }
        }
        writer.number(page.draft ? 1 : 0)
        writer.number(page.order.map { UInt64(bitPattern: Int64($0)) &+ 1 } ?? 0)
        writer.optionalText(page.template)
        writer.node(page.frontMatter)
        writer.location(page.bodyLocation)
        return writer.bytes
    }

    /// The page, with an empty body; `nil` for bytes ``encode(_:)`` did not write.
    static func decode(_ bytes: [UInt8]) -> Page? {
        var reader = ByteReader(bytes: bytes, position: 0, end: bytes.count)
        guard let path = reader.text(), let kind = reader.text().flatMap(PageKind.init(rawValue:)),
            let id = reader.text(), let url = reader.text(), let outputPath = reader.optionalText(),
            let title = reader.text(), let description = reader.optionalText()
        else { return nil }
        var dates: [WrittenDate?] = []
        for _ in 0..<2 {
            switch reader.number() {
            case 0?: dates.append(nil)
            case 1?:
                guard let text = reader.text(), let seconds = reader.number(), let written = reader.location()
                else { return nil }
                let date = Date(timeIntervalSinceReferenceDate: Double(bitPattern: seconds))
                dates.append(WrittenDate(text: text, date: date, location: written))
            default: return nil
            }
        }
        guard let draft = reader.number(), let order = reader.number(), let template = reader.optionalText(),
            let frontMatter = reader.node(depth: 0), let bodyLocation = reader.location(),
            reader.position == reader.end
        else { return nil }
        return Page(
            sourcePath: path, kind: kind, id: id, url: url, outputPath: outputPath, title: title,
            description: description, date: dates[0], updated: dates[1], draft: draft == 1,
            order: order == 0 ? nil : Int(Int64(bitPattern: order &- 1)), template: template,
            frontMatter: frontMatter, body: "", bodyLocation: bodyLocation)
    }
}

extension ByteWriter {
    /// A flag, then the text when there is one.
    mutating func optionalText(_ value: String?) {
        number(value == nil ? 0 : 1)
        if let value { text(value) }
    }

    mutating func location(_ location: SourceLocation) {
        text(location.path)
        number(UInt64(bitPattern: Int64(location.line)))
        number(UInt64(bitPattern: Int64(location.column)))
    }

    mutating func node(_ node: DataNode) {
        switch node.value {
        case .scalar(let scalar, let quoted):
            number(quoted ? 1 : 0)
            text(scalar)
        case .list(let items):
            number(2)
            number(UInt64(items.count))
            for item in items { self.node(item) }
        case .map(let pairs):
            number(3)
            number(UInt64(pairs.count))
            for pair in pairs {
                text(pair.key)
                self.node(pair.value)
            }
        }
        location(node.location)
        number(node.block == nil ? 0 : 1)
        if let block = node.block {
            text(block.text)
            location(block.location)
        }
        number(UInt64(node.keyLocations.count))
        for keyLocation in node.keyLocations { location(keyLocation) }
    }
}

extension ByteReader {
    /// What ``ByteWriter/optionalText(_:)`` wrote: `.some(nil)` for no text, `nil` for bad bytes.
    mutating func optionalText() -> String?? {
        switch number() {
        case 0?: return .some(nil)
        case 1?: return text().map { .some($0) }
        default: return nil
        }
    }

    mutating func location() -> SourceLocation? {
        guard let path = text(), let line = signed(), let column = signed() else { return nil }
        return SourceLocation(path: path, line: line, column: column)
    }

    /// A node no deeper than YAML front matter can be (the reader limits nesting too).
    mutating func node(depth: Int) -> DataNode? {
        guard depth < 200, let tag = number() else { return nil }
        let value: DataNode.Value
        switch tag {
        case 0, 1:
            guard let text = text() else { return nil }
            value = .scalar(text, quoted: tag == 1)
        case 2:
            guard let count = count() else { return nil }
            var items: [DataNode] = []
            for _ in 0..<count {
                guard let item = node(depth: depth + 1) else { return nil }
                items.append(item)
            }
            value = .list(items)
        case 3:
            guard let count = count() else { return nil }
            var pairs: [(key: String, value: DataNode)] = []
            for _ in 0..<count {
                guard let key = text(), let item = node(depth: depth + 1) else { return nil }
                pairs.append((key, item))
            }
            value = .map(pairs)
        default: return nil
        }
        guard let nodeLocation = location(), let hasBlock = number() else { return nil }
        var node = DataNode(value, at: nodeLocation)
        if hasBlock == 1 {
            guard let blockText = text(), let blockLocation = location() else { return nil }
            node.block = DataNode.Block(text: blockText, location: blockLocation)
        }
        guard let keyCount = count() else { return nil }
        for _ in 0..<keyCount {
            guard let keyLocation = location() else { return nil }
            node.keyLocations.append(keyLocation)
        }
        return node
    }
}

extension BuildCache {
    /// This build's record of the explainer's own pages (see ``OwnPages``), or `nil` when one
    /// was not rendered or scanned (the next build then makes them again).
    /// - Parameters:
    ///   - carried: Pages carried over from the last build, by output path, with their record.
    ///   - scans: The pages scanned in this build.
    ///   - problems: The link checker's problems, by output path.
    ///   - inputHashes: Each own page's ``PageRecord/inputHash``, by output path.
    static func ownRecord(
        of output: ExplainerOutput, carried: [String: PageRecord], scans: [String: PageScan],
        problems: [String: [LinkChecker.Problem]], unrendered: Set<String>, inputHashes: [String: UInt64]
    ) -> OwnRecord? {
        guard let own = output.ownPages else { return nil }
        let generated = Set(own.files)
        let jobs = Dictionary(output.pages.map { ($0.outputPath, $0) }, uniquingKeysWith: { first, _ in first })
        var pages: [String: PageRecord] = [:]
        for path in output.ownOutputs where !generated.contains(path) {
            guard !unrendered.contains(path), let job = jobs[path] else { return nil }
            let found = problems[path] ?? []
            if var record = carried[path] {
                record.problems = found
                pages[path] = record
            } else if let scan = scans[path] {
                let checks = Checks(items: scan.items, linkLocations: job.linkLocations)
                pages[path] = PageRecord(
                    signature: FileStatus(kind: .file, size: 0, inode: 0, modified: 0, changed: 0), outputPath: path,
                    terms: PageTerms(matched: [], linked: []), ids: scan.ids, problems: found,
                    checks: checks.encoded(), page: [], inputHash: inputHashes[path] ?? 0)
            } else {
                return nil
            }
        }
        return OwnRecord(own: own, outputs: output.ownOutputs, pages: pages)
    }
}
