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

/// The `stat`/`realpath` facts the builder (output safety) and the preview (serving only
/// what is inside the site) both need, in one platform file.
public enum FileSystem {
    /// What is at `path`; with `followingLinks: false` a symbolic link is reported as such,
    /// not as its target.
    public static func kind(at path: String, followingLinks: Bool) -> FileKind {
        var status = stat()
        guard (followingLinks ? stat(path, &status) : lstat(path, &status)) == 0 else { return .missing }
        switch status.st_mode & S_IFMT {
        case S_IFREG: return .file
        case S_IFDIR: return .folder
        case S_IFLNK: return .symbolicLink
        default: return .other
        }
    }

    /// The canonical absolute path of an existing file or folder, every link resolved.
    public static func realPath(_ path: String) -> String? {
        guard let resolved = realpath(path, nil) else { return nil }
        defer { free(resolved) }
        return String(cString: resolved)
    }
}
