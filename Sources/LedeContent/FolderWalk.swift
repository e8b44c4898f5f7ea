import Foundation
import LedeCore

#if canImport(Glibc)
    import Glibc
#elseif canImport(Darwin)
    import Darwin
#endif

/// Lists the files below a folder with `opendir`/`readdir`, using the entry types the folder
/// already holds instead of asking for each file's attributes.
///
/// Follows the rules `FileManager`'s enumerator gave the loader: names starting with `.` are
/// skipped (and not entered), linked folders are not entered, and a symbolic link counts only
/// when it resolves inside the site to a regular file.
struct FolderWalk {
    /// The site folder, whose resolved path links must stay inside.
    let siteRoot: URL
    /// The files found, as site-relative paths, in no particular order.
    var files: [String] = []
    /// The site-relative paths of links that resolve outside the site.
    var linksOutside: [String] = []
    /// Files reached through a symbolic link inside the site (a page that is a link to another).
    var linkedFiles: [String] = []
    /// The site-relative paths of folders that could not be read, with the system's reason.
    var unreadable: [(path: String, reason: String)] = []
    /// The site-relative paths (invalid bytes shown as U+FFFD) of names that are not UTF-8:
    /// they cannot be read back by that name, nor published.
    var notUTF8: [String] = []
    private var resolvedRoot: String?

    init(siteRoot: URL) {
        self.siteRoot = siteRoot
    }

    /// Adds the files below `path`, whose site-relative path is `relative`.
    /// - Returns: `false` when the folder cannot be read; unreadable subfolders are listed in
    ///   ``unreadable``.
    mutating func visit(_ path: String, relative: String) -> Bool {
        guard let folder = opendir(path) else {
            unreadable.append((relative, String(cString: strerror(errno))))
            return false
        }
        defer { closedir(folder) }
        while let entry = readdir(folder) {
            let names = withUnsafePointer(to: &entry.pointee.d_name) { pointer in
                pointer.withMemoryRebound(to: CChar.self, capacity: MemoryLayout.size(ofValue: pointer.pointee)) {
                    (String(validatingCString: $0), String(cString: $0))
                }
            }
            guard let name = names.0 else {
                if !names.1.hasPrefix(".") { notUTF8.append(relative + "/" + names.1) }
                continue
            }
            if name.hasPrefix(".") || Self.isEditorLeftover(name) { continue }
            let childPath = path + "/" + name
            let childRelative = relative + "/" + name
            switch type(of: entry, at: childPath) {
            case .folder: _ = visit(childPath, relative: childRelative)
            case .file: files.append(childRelative)
            case .symbolicLink: visitLink(childPath, relative: childRelative)
            case .other, .missing: break
            }
        }
        return true
    }

    /// Whether a file name is an editor's backup or autosave (`post.md~`, Emacs's `#post.md#`):
    /// such a file holds a draft of another file, and is neither content nor published.
    static func isEditorLeftover(_ name: String) -> Bool {
        name.hasSuffix("~") || (name.count > 1 && name.hasPrefix("#") && name.hasSuffix("#"))
    }

    private func type(of entry: UnsafeMutablePointer<dirent>, at path: String) -> FileKind {
        switch Int32(entry.pointee.d_type) {
        case Int32(DT_DIR): return .folder
        case Int32(DT_REG): return .file
        case Int32(DT_LNK): return .symbolicLink
        // Some file systems leave the type out of the folder; ask for it.
        case Int32(DT_UNKNOWN): return FileSystem.kind(at: path, followingLinks: false)
        default: return .other
        }
    }

    /// A link is followed only when it stays inside the site and leads to a file.
    private mutating func visitLink(_ path: String, relative: String) {
        guard let target = resolveInsideSite(path) else {
            linksOutside.append(relative)
            return
        }
        if (try? target.resourceValues(forKeys: [.isRegularFileKey]))?.isRegularFile == true {
            files.append(relative)
            linkedFiles.append(relative)
        }
    }

    /// Whether `path` is a symbolic link.
    static func isLink(_ path: String) -> Bool {
        FileSystem.kind(at: path, followingLinks: false) == .symbolicLink
    }

    /// Where a link leads, or `nil` when that is outside the site folder.
    mutating func resolveInsideSite(_ path: String) -> URL? {
        if resolvedRoot == nil { resolvedRoot = siteRoot.resolvingSymlinksInPath().path + "/" }
        let target = URL(fileURLWithPath: path).resolvingSymlinksInPath()
        return target.path.hasPrefix(resolvedRoot ?? "/") ? target : nil
    }
}
