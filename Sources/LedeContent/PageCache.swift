public import LedeCore

/// Pages read by earlier builds, kept by a builder that builds again (preview, `--watch`), so
/// that a rebuild reads and parses only the files that changed.
///
/// A file counts as unchanged when its size, inode, modification and status-change times are
/// the same: editors that save in place or by rename both change at least one of them.
public final class PageCache: Sendable {
    typealias Signature = FileStatus

    /// The pages, and apart the signatures their files had (asked for alone, ten thousand times
    /// a build: reading a signature from beside its page copied the page).
    private struct Entries {
        var pages: [String: Page] = [:]
        var signatures: [String: Signature] = [:]
    }

    private let entries = Locked(Entries())

    /// An empty cache.
    public init() {}

    static func signature(of path: String) -> Signature? {
        FileSystem.status(at: path, followingLinks: true)
    }

    /// The page read from `path` when the file has not changed since.
    func page(at path: String, signature: Signature?) -> Page? {
        guard let signature else { return nil }
        return entries.withLock { entries in
            entries.signatures[path] == signature ? entries.pages[path] : nil
        }
    }

    func store(_ page: Page, at path: String, signature: Signature?) {
        guard let signature else { return }
        entries.withLock { entries in
            entries.pages[path] = page
            entries.signatures[path] = signature
        }
    }

    /// The signature `path` had when it was last read (before it was read: a file changed while
    /// being read counts as changed later), or `nil` for a file never read through this cache.
    /// - Parameter path: The file's path relative to the site (`Content/posts/a.md`).
    public func signature(ofRead path: String) -> FileStatus? {
        entries.withLock { $0.signatures[path] }
    }

    /// Remembers a page read by an earlier run (the build cache), as if it had been read from
    /// `path` when the file had `signature`.
    public func remember(_ page: Page, at path: String, signature: FileStatus) {
        store(page, at: path, signature: signature)
    }

    /// Forgets pages, so that they are read again.
    public func forget(_ paths: some Sequence<String>) {
        entries.withLock { entries in
            for path in paths {
                entries.pages[path] = nil
                entries.signatures[path] = nil
            }
        }
    }

    /// Forgets files that are gone.
    func keep(only paths: Set<String>) {
        entries.withLock { entries in
            entries.pages = entries.pages.filter { paths.contains($0.key) }
            entries.signatures = entries.signatures.filter { paths.contains($0.key) }
        }
    }
}
