/// What a URL written in an output file points at, relative to the built site.
enum OutputReference: Sendable, Hashable {
    /// Another host, `mailto:`, `tel:`, `data:`: never fetched.
    case external
    /// A URL scheme that should never reach the output (`seed:`, `term:`), or an unknown one.
    case unresolved(scheme: String)
    /// An absolute path outside the site's base path.
    case outsideBase
    /// A path that climbs above the site's root with `..`.
    case aboveRoot
    /// A file of the site: `path` is relative to the output folder, without query or fragment
    /// (`timeline/` or `style.css`); `fragment` is `nil` when there is no `#`.
    case internalPath(path: String, fragment: String?)

    /// Schemes whose links are fine and never fetched.
    static let externalSchemes: Set<String> = ["http", "https", "mailto", "tel", "data", "ftp", "sms", "javascript"]

    /// Resolves `reference` as written in the output file at `page`.
    /// - Parameters:
    ///   - reference: An attribute value or CSS `url()`, character references decoded.
    ///   - page: The output path of the file holding it (`timeline/index.html`).
    ///   - basePath: The site's base path (`/explainers/iran-deportations/`).
    ///   - baseURL: The site's base URL; absolute URLs below it are internal.
    static func resolve(_ reference: String, from page: String, basePath: String, baseURL: String?) -> OutputReference {
        switch prepare(reference, basePath: basePath, baseURL: baseURL) {
        case .resolved(let result): result
        case .relative(let path, let fragment): resolve(relative: path, fragment: fragment, from: page)
        }
    }

    /// A reference resolved as far as it can be without knowing the page that holds it.
    enum Prepared: Sendable, Hashable {
        /// The same wherever the reference is written.
        case resolved(OutputReference)
        /// A relative path (without query and fragment; empty for the page itself).
        case relative(path: String, fragment: String?)
    }

    /// The part of ``resolve(_:from:basePath:baseURL:)`` that does not depend on the page: a
    /// reference that is not relative can be resolved once for every page that holds it.
    static func prepare(_ reference: String, basePath: String, baseURL: String?) -> Prepared {
        if isPlainlyExternal(reference, baseURL: baseURL) { return .resolved(.external) }
        // `#id` alone, the other common case: the page itself. (A non-ASCII byte after `#`
        // could be a combining mark, which makes `#` no character of its own.)
        let utf8 = reference.utf8
        if utf8.first == UInt8(ascii: "#"), utf8.dropFirst().first.map({ $0 < 0x80 }) ?? true,
            let last = utf8.last, !HTMLScanner.isSpace(last), baseURL?.utf8.first != UInt8(ascii: "#")
        {
            return .relative(path: "", fragment: String(reference.dropFirst()))
        }
        var reference = reference.trimmingSpaces
        if let baseURL, !baseURL.isEmpty, reference.hasPrefix(baseURL) {
            reference = basePath + reference.dropFirst(baseURL.count)
        } else if let baseURL, reference + "/" == baseURL {
            reference = basePath
        }
        if reference.hasPrefix("//") { return .resolved(.external) }
        if let scheme = scheme(of: reference) {
            return .resolved(externalSchemes.contains(scheme) ? .external : .unresolved(scheme: scheme))
        }
        var fragment: String?
        if let hash = reference.firstIndex(of: "#") {
            fragment = String(reference[reference.index(after: hash)...])
            reference = String(reference[..<hash])
        }
        if let question = reference.firstIndex(of: "?") { reference = String(reference[..<question]) }
        guard reference.hasPrefix("/") else { return .relative(path: reference, fragment: fragment) }
        let base = basePath.hasSuffix("/") ? basePath : basePath + "/"
        guard reference.hasPrefix(base) || reference + "/" == base else { return .resolved(.outsideBase) }
        reference = String(reference.dropFirst(min(base.count, reference.count)))
        return .resolved(resolve(reference, in: "").with(fragment: fragment))
    }

    /// Whether `reference` is certainly ``external``, cheaply: an `http://` or `https://` URL
    /// with nothing to trim, not at or below the base URL. Most links to other sites are written
    /// once on one page, so remembering them would not help.
    static func isPlainlyExternal(_ reference: String, baseURL: String?) -> Bool {
        var utf8 = reference.utf8.makeIterator()
        for expected in "http".utf8 where utf8.next() != expected { return false }
        var next = utf8.next()
        if next == UInt8(ascii: "s") { next = utf8.next() }
        guard next == UInt8(ascii: ":"), utf8.next() == UInt8(ascii: "/"), utf8.next() == UInt8(ascii: "/"),
            let last = reference.utf8.last, !HTMLScanner.isSpace(last)
        else { return false }
        guard let baseURL else { return true }
        return baseURL.isEmpty
            ? reference + "/" != baseURL : !reference.hasPrefix(baseURL) && reference + "/" != baseURL
    }

    /// Resolves a relative reference that ``prepare(_:basePath:baseURL:)`` left.
    static func resolve(relative reference: String, fragment: String?, from page: String) -> OutputReference {
        guard !reference.isEmpty else { return .internalPath(path: page, fragment: fragment) }
        let folder = page.split(separator: "/", omittingEmptySubsequences: false).dropLast().joined(separator: "/")
        return resolve(reference, in: folder).with(fragment: fragment)
    }

    /// `reference` (a path without query or fragment) taken from `folder`.
    private static func resolve(_ reference: String, in folder: String) -> OutputReference {
        var parts = folder.isEmpty ? [] : folder.split(separator: "/").map(String.init)
        let pieces = reference.split(separator: "/", omittingEmptySubsequences: false).map {
            percentDecoded(String($0))
        }
        for (index, piece) in pieces.enumerated() {
            switch piece {
            case ".": continue
            case "..":
                guard !parts.isEmpty else { return .aboveRoot }
                parts.removeLast()
            case "" where index < pieces.count - 1: continue
            default: parts.append(piece)
            }
        }
        var path = parts.filter { !$0.isEmpty }.joined(separator: "/")
        if reference.hasSuffix("/") || reference.hasSuffix("/.") || reference.hasSuffix("/..") || reference == "."
            || reference == ".."
        {
            path += path.isEmpty ? "" : "/"
        }
        return .internalPath(path: path, fragment: nil)
    }

    /// The same reference with `fragment`, when it is a path.
    private func with(fragment: String?) -> OutputReference {
        guard case .internalPath(let path, _) = self else { return self }
        return .internalPath(path: path, fragment: fragment)
    }

    /// The file a resolved path names in the output: `path` itself, or its `index.html` for a
    /// folder (pretty URLs); `nil` when neither exists.
    static func file(for path: String, in exists: (String) -> Bool) -> String? {
        if path.isEmpty || path.hasSuffix("/") { return exists(path + "index.html") ? path + "index.html" : nil }
        if exists(path) { return path }
        return exists(path + "/index.html") ? path + "/index.html" : nil
    }

    private static func scheme(of reference: String) -> String? {
        guard let colon = reference.firstIndex(of: ":") else { return nil }
        let scheme = reference[..<colon]
        guard let first = scheme.first, first.isLetter,
            scheme.allSatisfy({ $0.isASCII && ($0.isLetter || $0.isNumber || $0 == "+" || $0 == "-" || $0 == ".") })
        else { return nil }
        return scheme.lowercased()
    }

    private static func percentDecoded(_ text: String) -> String {
        guard text.contains("%") else { return text }
        var bytes: [UInt8] = []
        var utf8 = Array(text.utf8)[...]
        while let byte = utf8.first {
            if byte == UInt8(ascii: "%"), utf8.count >= 3,
                let value = UInt8(String(decoding: utf8.dropFirst().prefix(2), as: UTF8.self), radix: 16)
            {
                bytes.append(value)
                utf8 = utf8.dropFirst(3)
            } else {
                bytes.append(byte)
                utf8 = utf8.dropFirst()
            }
        }
        return String(decoding: bytes, as: UTF8.self)
    }
}

extension String {
    /// The string without leading and trailing ASCII white space.
    var trimmingSpaces: String {
        let bytes = Array(utf8)
        guard let first = bytes.firstIndex(where: { !HTMLScanner.isSpace($0) }),
            let last = bytes.lastIndex(where: { !HTMLScanner.isSpace($0) })
        else { return "" }
        return String(decoding: bytes[first...last], as: UTF8.self)
    }
}
