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

/// The `stat` facts Lede compares between builds and between polls, the same on every
/// platform (the C field names differ: `st_mtim` on Linux, `st_mtimespec` on Darwin).
public struct FileStatus: Sendable, Hashable {
    /// What is there.
    public var kind: FileKind
    /// Size in bytes.
    public var size: Int
    /// The inode number.
    public var inode: UInt
    /// Modification time, in nanoseconds since 1970.
    public var modified: Int
    /// Status-change time, in nanoseconds since 1970.
    public var changed: Int

    /// Whether it is a folder.
    public var isFolder: Bool { kind == .folder }
}

/// The `stat`/`realpath` facts the builder (output safety) and the preview (serving only
/// what is inside the site) both need, in one platform file.
public enum FileSystem {
    /// What is at `path`; with `followingLinks: false` a symbolic link is reported as such,
    /// not as its target.
    public static func kind(at path: String, followingLinks: Bool) -> FileKind {
        status(at: path, followingLinks: followingLinks)?.kind ?? .missing
    }

    /// The status of what is at `path`, or `nil` when nothing is (or it cannot be read).
    public static func status(at path: String, followingLinks: Bool) -> FileStatus? {
        var info = stat()
        guard (followingLinks ? stat(path, &info) : lstat(path, &info)) == 0 else { return nil }
        let kind: FileKind =
            switch info.st_mode & S_IFMT {
            case S_IFREG: .file
            case S_IFDIR: .folder
            case S_IFLNK: .symbolicLink
            default: .other
            }
        #if canImport(Darwin)
            let (modified, changed) = (info.st_mtimespec, info.st_ctimespec)
        #else
            let (modified, changed) = (info.st_mtim, info.st_ctim)
        #endif
        return FileStatus(
            kind: kind, size: Int(info.st_size), inode: UInt(info.st_ino),
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
