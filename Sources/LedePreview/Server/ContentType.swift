/// The `Content-Type` of a served file, from its extension.
///
/// A fixed table rather than the system's MIME database: the preview must answer the same on
/// every machine, and browsers refuse stylesheets and module scripts with the wrong type.
enum ContentType {
    /// The type for a file name; `application/octet-stream` for unknown extensions.
    static func forFile(named name: String) -> String {
        guard let dot = name.lastIndex(of: "."), dot != name.startIndex else { return fallback }
        return table[name[name.index(after: dot)...].lowercased()] ?? fallback
    }

    /// The type of an HTML page: the only responses that get the live-reload script.
    static let html = "text/html; charset=utf-8"

    /// The type of scripts, the live-reload one included.
    static let javaScript = "text/javascript; charset=utf-8"

    private static let fallback = "application/octet-stream"

    private static let table: [String: String] = [
        "html": html,
        "htm": html,
        "css": "text/css; charset=utf-8",
        "js": javaScript,
        "mjs": javaScript,
        "json": "application/json",
        "map": "application/json",
        "webmanifest": "application/manifest+json",
        "xml": "application/xml",
        "atom": "application/atom+xml",
        "rss": "application/rss+xml",
        "svg": "image/svg+xml",
        "png": "image/png",
        "jpg": "image/jpeg",
        "jpeg": "image/jpeg",
        "gif": "image/gif",
        "webp": "image/webp",
        "avif": "image/avif",
        "ico": "image/x-icon",
        "txt": "text/plain; charset=utf-8",
        "md": "text/plain; charset=utf-8",
        "csv": "text/csv; charset=utf-8",
        "pdf": "application/pdf",
        "woff": "font/woff",
        "woff2": "font/woff2",
        "ttf": "font/ttf",
        "otf": "font/otf",
        "mp4": "video/mp4",
        "webm": "video/webm",
        "mp3": "audio/mpeg",
    ]
}
