/// Path arithmetic on `/`-separated strings, for paths a user's file names make.
///
/// Foundation's `NSString` path methods trap on Linux for some inputs (a one-character path in
/// `deletingLastPathComponent`), and they normalise what they are given. These functions only
/// split at `/`, never trap and never touch the file system, whatever bytes a name holds.
public enum PathText {
    /// The part after the last `/` (the whole path when there is none): `a/b.txt` → `b.txt`.
    public static func lastComponent(of path: String) -> String {
        guard let slash = path.lastIndex(of: "/") else { return path }
        return String(path[path.index(after: slash)...])
    }

    /// The part before the last `/` (empty when there is none): `a/b/c.txt` → `a/b`, `x` → ``.
    public static func parent(of path: String) -> String {
        guard let slash = path.lastIndex(of: "/") else { return "" }
        return String(path[..<slash])
    }

    /// The extension of the last component without its dot, or empty: `a/b.min.css` → `css`.
    ///
    /// A name that starts with its only dot (`.gitignore`) has no extension.
    public static func pathExtension(of path: String) -> String {
        let name = lastComponent(of: path)
        guard let dot = name.lastIndex(of: "."), dot != name.startIndex else { return "" }
        return String(name[name.index(after: dot)...])
    }

    /// The path without the extension of its last component: `a/b.md` → `a/b`.
    public static func deletingExtension(of path: String) -> String {
        let found = pathExtension(of: path)
        guard !found.isEmpty else { return path }
        return String(path.dropLast(found.count + 1))
    }

    /// The components between `/`, empty ones dropped: `/a//b/` → `["a", "b"]`.
    public static func components(of path: String) -> [String] {
        path.split(separator: "/", omittingEmptySubsequences: true).map(String.init)
    }
}
