import LedeCore

/// The built site folder, looked up afresh on every request.
///
/// > Warning: The builder replaces the whole folder with an atomic rename, so nothing here
/// > caches a directory handle, a real path or a listing: a cached handle would keep serving
/// > the old, deleted tree.
struct SiteFolder: Sendable {
    /// The folder as configured (it may itself be a symbolic link).
    var root: String

    /// What a request path maps to.
    enum Resolution: Equatable {
        /// A regular file, by its real path (symbolic links resolved, inside the root).
        case file(realPath: String)
        /// A folder with an `index.html` asked for without its trailing slash: relative links in
        /// the page would otherwise resolve against the parent folder.
        case redirect(location: String)
        /// Nothing servable there.
        case notFound
        /// A symbolic link whose target lies outside the site folder.
        case outsideRoot
    }

    /// Maps a checked request path to a file.
    func resolve(_ path: RequestPath) -> Resolution {
        let joined = ([root] + path.segments).joined(separator: "/")
        switch FileSystem.kind(at: joined, followingLinks: true) {
        case .missing, .symbolicLink: return .notFound
        case .folder:
            let index = joined + "/index.html"
            guard FileSystem.kind(at: index, followingLinks: true) == .file else { return .notFound }
            if !path.hasTrailingSlash && !path.segments.isEmpty {
                return .redirect(location: path.folderURL)
            }
            return confined(index)
        case .file:
            // `/page.html/` is not a folder: serving it would break every relative link in it.
            if path.hasTrailingSlash { return .notFound }
            return confined(joined)
        case .other:
            // Sockets, FIFOs and devices: reading a FIFO would block the request forever.
            return .notFound
        }
    }

    /// The site's own `404.html`, if it has one inside the root.
    func notFoundPage() -> String? {
        if case .file(let realPath) = resolve(RequestPath(segments: ["404.html"], hasTrailingSlash: false)) {
            return realPath
        }
        return nil
    }

    /// Follows every symbolic link and checks the result is still under the root's real path;
    /// `lstat`-based checks alone would miss a link in a parent folder.
    private func confined(_ path: String) -> Resolution {
        guard let realRoot = FileSystem.realPath(root), let real = FileSystem.realPath(path) else { return .notFound }
        let prefix = realRoot.hasSuffix("/") ? realRoot : realRoot + "/"
        guard real.hasPrefix(prefix) else { return .outsideRoot }
        return FileSystem.kind(at: real, followingLinks: true) == .file ? .file(realPath: real) : .notFound
    }
}
