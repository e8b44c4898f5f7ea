/// The path the preview serves the site under: the path of its `base_url`
/// (`/explainers/iran-deportations/`), so that a page is previewed at the path it is published
/// at, as `hugo server` does. `/` serves the site at the root.
struct SitePrefix: Equatable, Sendable {
    /// The decoded segments (`["explainers", "iran-deportations"]`); empty for `/`.
    let segments: [String]

    /// Where a request path falls.
    enum Placement: Equatable {
        /// Below the prefix: the path of the file in the site folder.
        case inside(RequestPath)
        /// The prefix itself without its trailing slash, or the server's root `/` when the prefix
        /// is not `/`: redirected to ``url``.
        case redirect
        /// Elsewhere: not part of the site.
        case outside
    }

    /// Reads a base path such as `/explainers/x/`; one that would not be a safe request path
    /// (`..`, a NUL byte, bad escapes) is the root, since the build refuses it anyway.
    init(basePath: String) {
        segments = (try? RequestPath(target: basePath))?.segments ?? []
    }

    /// The prefix as a URL path, with its trailing slash (re-encoded): where `/` redirects.
    var url: String {
        RequestPath(segments: segments, hasTrailingSlash: true).folderURL
    }

    /// Where `path` falls: inside the site (with the prefix taken off), to be redirected, or
    /// outside it.
    func place(_ path: RequestPath) -> Placement {
        guard !segments.isEmpty else { return .inside(path) }
        if path.segments.isEmpty { return .redirect }
        guard path.segments.starts(with: segments) else { return .outside }
        let rest = Array(path.segments.dropFirst(segments.count))
        if rest.isEmpty && !path.hasTrailingSlash { return .redirect }
        var inner = RequestPath(segments: rest, hasTrailingSlash: path.hasTrailingSlash)
        inner.query = path.query
        return .inside(inner)
    }

    /// A location inside the site (`/guide/?x=1`, from ``RequestPath/folderURL``) as the
    /// browser must ask for it (`/explainers/x/guide/?x=1`).
    func location(_ inner: String) -> String {
        url + inner.dropFirst()
    }
}
