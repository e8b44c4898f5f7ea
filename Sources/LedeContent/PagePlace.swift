import LedeCore

/// Where a content file sits, and what that makes it: its kind, id and address.
struct PagePlace {
    /// The path below `Content/` (`timeline/flight.md`).
    var relativePath: String
    /// The folders and the file name without `.md`.
    var components: [String]

    init(relativePath: String) {
        self.relativePath = relativePath
        var parts = relativePath.split(separator: "/").map(String.init)
        if let last = parts.last { parts[parts.count - 1] = String(last.dropLast(3)) }
        components = parts
    }

    /// Folders whose `index.md` is a list page and whose other files are its items.
    static let itemFolders: [String: (list: PageKind, item: PageKind)] = [
        "timeline": (.timeline, .event), "glossary": (.glossary, .term), "updates": (.updates, .update),
    ]

    var kind: PageKind {
        switch components {
        case ["index"]: return .overview
        case ["sourcing-notes"], ["sourcing-notes", "index"]: return .sourcing
        case let parts where parts.count == 2:
            guard let kinds = Self.itemFolders[parts[0]] else { return .page }
            return parts[1] == "index" ? kinds.list : kinds.item
        default: return .page
        }
    }

    var id: String { components.last == "index" ? components.dropLast().last ?? "index" : components.last ?? "" }

    /// The URL and output path, after `slug:`.
    /// - Throws: ``DiagnosticError`` when a slug or a file name is not URL-safe, or would leave `Output/`.
    func address(slug: String?, slugLocation: SourceLocation?, path: String) throws -> (url: String, output: String?) {
        var parts = components
        if parts.last == "index" { parts.removeLast() }
        if let slug {
            if let problem = Slug.problem(in: slug) {
                throw DiagnosticError(Diagnostic(at: slugLocation, "invalid slug '\(slug)': \(problem)"))
            }
            guard !parts.isEmpty else {
                throw DiagnosticError(Diagnostic(at: slugLocation, "the home page cannot have a slug"))
            }
            parts[parts.count - 1] = slug
        }
        for part in parts {
            if let problem = Slug.problem(in: part) {
                throw DiagnosticError(
                    Diagnostic(
                        at: SourceLocation(path: path),
                        "'\(part)' cannot be part of a URL: \(problem); rename it or set 'slug'"))
            }
        }
        if kind.isItem {
            let listURL = "/\(parts.dropLast().joined(separator: "/"))/"
            return (listURL + "#" + id, nil)
        }
        if parts == ["404"] { return ("/404.html", "404.html") }
        let url = parts.isEmpty ? "/" : "/\(parts.joined(separator: "/"))/"
        return (url, parts.isEmpty ? "index.html" : parts.joined(separator: "/") + "/index.html")
    }
}

/// URL-safe names for pages, seeds and items.
enum Slug {
    /// Letters, digits, `-`, `_`, `.`; not empty, not `.` or `..`, not starting with `.`.
    static func isValid(_ text: String) -> Bool {
        // On bytes: this runs for every path component of every page.
        var previous: UInt8 = 0x2E  // so that a leading `.` fails like `..`
        for byte in text.utf8 {
            switch byte {
            case 0x41...0x5A, 0x61...0x7A, 0x30...0x39, 0x2D, 0x5F: break
            case 0x2E where previous != 0x2E: break
            default: return false
            }
            previous = byte
        }
        return !text.isEmpty
    }

    /// Why a name is not a valid slug, in words that follow it, or `nil` when it is valid.
    static func problem(in text: String) -> String? {
        guard !Slug.isValid(text) else { return nil }
        let allowed = "use letters, digits, '-', '_' and '.'"
        if text.isEmpty { return "it is empty" }
        let isAllowed = { (scalar: Unicode.Scalar) in
            ("a"..."z").contains(scalar) || ("A"..."Z").contains(scalar) || ("0"..."9").contains(scalar)
                || "-_.".unicodeScalars.contains(scalar)
        }
        if let bad = text.unicodeScalars.first(where: { !isAllowed($0) }) {
            let shown =
                bad == " "
                ? "a space" : bad.properties.generalCategory == .control ? Diagnostic.codePoint(bad) : "'\(bad)'"
            return "\(shown) is not allowed: \(allowed)"
        }
        if text.hasPrefix("."), !text.hasPrefix("..") {
            return "it starts with '.', which makes a hidden file on the server"
        }
        return "'..' is refused anywhere in a name, so that no part of a URL can be read as the parent folder"
    }
}
