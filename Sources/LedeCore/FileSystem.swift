#if canImport(Glibc)
    import Glibc
#elseif canImport(Darwin)
    import Darwin
#endif

/// What is at a path.
public enum FileKind: Sendable, Equatable {
    /// Nothing (or nothing Lede may look at).
    case missing
    /// A regular file.
    case file
    /// A folder.
    case folder
    /// A symbolic link (only when links are not followed).
    case symbolicLink
    /// Anything else: a FIFO, a socket, a device.
    case other
}

/// What one `stat` call says about a path: its kind, and the fields that tell one version of
/// a file from another (an edit changes the size or modification time, a save by rename the
/// inode, `chmod` or a rename the status-change time).
public struct FileStatus: Sendable, Hashable {
    /// What is at the path (never ``FileKind/missing``).
    public var kind: FileKind
    /// The size in bytes.
    public var size: Int
    /// The inode number.
    public var inode: UInt64
    /// The modification time, in nanoseconds since 1970.
    public var modified: Int
    /// The status-change time, in nanoseconds since 1970.
    public var changed: Int

    /// A status, as recorded earlier (the build cache reads them back).
    public init(kind: FileKind, size: Int, inode: UInt64, modified: Int, changed: Int) {
        self.kind = kind
        self.size = size
        self.inode = inode
        self.modified = modified
        self.changed = changed
    }
}

/// The `stat`/`realpath` facts the builder (output safety), the content cache (has a page
/// changed?) and the preview (serving only what is inside the site, polling for changes) need,
/// in one platform file: the only place that knows the `stat` fields differ between Linux
/// (`st_mtim`) and Darwin (`st_mtimespec`).
public enum FileSystem {
    /// What is at `path`; with `followingLinks: false` a symbolic link is reported as such,
    /// not as its target.
    public static func kind(at path: String, followingLinks: Bool) -> FileKind {
        status(at: path, followingLinks: followingLinks)?.kind ?? .missing
    }

    /// `stat` (or, with `followingLinks: false`, `lstat`) of a path.
    /// - Returns: The status, or `nil` when nothing is there or it cannot be read.
    public static func status(at path: String, followingLinks: Bool) -> FileStatus? {
        var info = stat()
        guard (followingLinks ? stat(path, &info) : lstat(path, &info)) == 0 else { return nil }
        let kind: FileKind
        switch info.st_mode & S_IFMT {
        case S_IFREG: kind = .file
        case S_IFDIR: kind = .folder
        case S_IFLNK: kind = .symbolicLink
        default: kind = .other
        }
        #if canImport(Darwin)
            let (modified, changed) = (info.st_mtimespec, info.st_ctimespec)
        #else
            let (modified, changed) = (info.st_mtim, info.st_ctim)
        #endif
        return FileStatus(
            kind: kind, size: Int(info.st_size), inode: UInt64(info.st_ino),
            modified: Int(modified.tv_sec) * 1_000_000_000 + Int(modified.tv_nsec),
            changed: Int(changed.tv_sec) * 1_000_000_000 + Int(changed.tv_nsec))
    }

    /// The canonical absolute path of an existing file or folder, every link resolved.
    public static func realPath(_ path: String) -> String? {
        guard let resolved = realpath(path, nil) else { return nil }
        defer { free(resolved) }
        return String(cString: resolved)
    }
}
