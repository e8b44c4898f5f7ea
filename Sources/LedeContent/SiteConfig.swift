import Foundation
import LedeCore

/// The site's settings, read from `Content/_site.yaml`.
public struct SiteConfig: Sendable, Hashable {
    /// A person or organisation credited on every page.
    public struct Party: Sendable, Hashable {
        /// The name shown and given in structured data.
        public var name: String
        /// A home page, when there is one.
        public var url: String?
    }

    /// Where the config lives, relative to the site root.
    public static let path = "Content/_site.yaml"

    /// The site title.
    public var title: String
    /// The absolute URL the site is published at, always ending in `/`.
    public var baseURL: String
    /// The path part of ``baseURL`` (`/` or `/explainers/iran/`): every internal link starts with it.
    public var basePath: String
    /// The language of the content (BCP 47), for `<html lang>`.
    public var language: String
    /// The site description.
    public var description: String
    /// Who wrote the site.
    public var author: Party
    /// Who publishes it.
    public var publisher: Party
    /// Where readers report an error (`mailto:` or a URL).
    public var reportErrorURL: String
    /// The publishing principles (a URL or a site path), for structured data.
    public var publishingPrinciples: String?
    /// Whether authors' raw HTML is let through.
    public var unsafeHTML: Bool
    /// The whole file, for keys templates use and Lede does not know.
    public var data: DataNode

    /// Reads the config from a parsed file.
    /// - Parameter node: The file's root node.
    /// - Throws: ``DiagnosticError`` listing every missing or malformed key.
    public init(from node: DataNode) throws {
        guard case .map = node.value else {
            throw DiagnosticError(
                Diagnostic(at: node.location, "the site config must be a mapping, found \(node.kindName)"))
        }
        var bag = DiagnosticBag()
        func missing(_ key: String) -> Diagnostic {
            node.missingKey(key, "missing required key '\(key)' in the site config", known: Self.knownKeys)
        }
        func required(_ key: String) -> String {
            guard let value = node[key] else {
                bag.add(missing(key))
                return ""
            }
            return bag.collect(at: value.location) { try value.requireText("'\(key)'") } ?? ""
        }
        func party(_ key: String) -> Party {
            guard let value = node[key] else {
                bag.add(missing(key))
                return Party(name: "")
            }
            if let name = value.text { return Party(name: name) }
            let name = bag.collect(at: value.location) {
                try (value["name"] ?? value).requireText("'\(key).name'")
            }
            return Party(name: name ?? "", url: value["url"]?.text)
        }
        title = required("title")
        description = required("description")
        reportErrorURL = required("report_error_url")
        author = party("author")
        publisher = party("publisher")
        language = "en"
        if let value = node["language"] {
            // An empty quoted text is not null: it reaches the tag check, which says "is empty".
            let tag =
                value.isNull
                ? nil
                : bag.collect(at: value.location) { () throws -> String in
                    guard case .scalar(let text, _) = value.value else { return try value.requireText("'language'") }
                    return text
                }
            if let tag {
                if let problem = LanguageTag.problem(in: tag) {
                    bag.add(Diagnostic(at: value.location, "language \(problem)"))
                } else {
                    language = tag
                }
            } else if value.isNull {
                bag.add(
                    Diagnostic(
                        at: value.location, "language is empty: write a BCP 47 tag such as en, en-GB or zh-Hant-TW"))
            }
        }
        publishingPrinciples = node["publishing_principles"]?.text
        unsafeHTML =
            node["unsafe_html"].flatMap { value in
                bag.collect(at: value.location) { try value.requireBool("'unsafe_html'") }
            } ?? false
        let base = required("base_url")
        (baseURL, basePath) = (base, "/")
        if !base.isEmpty {
            switch Self.split(baseURL: base) {
            case .success(let (url, path)): (baseURL, basePath) = (url, path)
            case .failure(let problem):
                bag.add(Diagnostic(at: node["base_url"]?.location, "base_url \(problem.text)"))
            }
        }
        data = node
        try bag.throwIfErrors()
    }

    /// What is wrong with a base URL, in words that follow its name.
    struct URLProblem: Error {
        var text: String
    }

    /// The keys Lede reads from the config; a site may add others for its templates.
    public static let knownKeys: Set<String> = [
        "title", "base_url", "language", "description", "author", "publisher", "report_error_url",
        "publishing_principles", "unsafe_html",
    ]

    /// Warnings for keys that look like a misspelling of a key Lede reads (`langauge:` for
    /// `language`), which would otherwise be ignored without a word: the site would be built in
    /// English, or without its publishing principles — also when the key is written correctly
    /// too (the scaffold's `language: en` stays in force under an added `langauge: fa`). A
    /// misspelt required key that is missing is an error already (see ``init(from:)``).
    /// - Parameter node: The file's root node.
    static func misspeltKeys(in node: DataNode) -> [Diagnostic] {
        let known = knownKeys.sorted()
        let required: Set = ["title", "base_url", "description", "author", "publisher", "report_error_url"]
        var warnings: [Diagnostic] = []
        for (index, key) in node.keys.enumerated() where !knownKeys.contains(key) {
            guard let meant = NearMiss.suggestion(for: key, among: known),
                !required.contains(meant) || node[meant] != nil
            else { continue }
            let at = node.keyLocations.indices.contains(index) ? node.keyLocations[index] : node.location
            warnings.append(
                Diagnostic(
                    .warning, at: at,
                    "'\(key)' is not a key Lede reads, so it is ignored: did you mean '\(meant)'?"))
        }
        return warnings
    }

    /// Splits `https://host/sub/path` into the URL with a final `/` and its path.
    /// - Returns: The parts, or what is wrong with the URL.
    static func split(baseURL: String) -> Result<(url: String, path: String), URLProblem> {
        func problem(_ text: String) -> Result<(url: String, path: String), URLProblem> {
            .failure(
                URLProblem(
                    text: "must be an absolute http(s) URL such as https://example.org/news/, but '\(baseURL)' \(text)")
            )
        }
        guard let schemeEnd = baseURL.range(of: "://") else {
            return problem(
                baseURL.hasPrefix("/") ? "is a path: add https:// and the host" : "has no https:// or http://")
        }
        let scheme = baseURL[..<schemeEnd.lowerBound]
        guard ["http", "https"].contains(scheme.lowercased()) else {
            return problem(scheme.isEmpty ? "has no scheme before ://" : "uses '\(scheme)', not http or https")
        }
        let rest = baseURL[schemeEnd.upperBound...]
        if let bad = rest.unicodeScalars.first(where: { !isURLCharacter($0) }) {
            let shown =
                bad == " "
                ? "a space" : "'\(bad.properties.generalCategory == .control ? Diagnostic.codePoint(bad) : "\(bad)")'"
            return problem("holds \(shown), which a URL cannot hold unescaped")
        }
        if rest.contains("?") { return problem("has a query ('?…'): a base URL ends with its path") }
        if rest.contains("#") { return problem("has a fragment ('#…'): a base URL ends with its path") }
        guard let host = rest.split(separator: "/", maxSplits: 1, omittingEmptySubsequences: false).first,
            !host.isEmpty
        else { return problem("has no host name after ://") }
        var path = String(rest.dropFirst(host.count))
        if !path.hasPrefix("/") { path = "/" + path }
        if !path.hasSuffix("/") { path += "/" }
        return .success((String(baseURL[..<schemeEnd.upperBound]) + host + path, path))
    }

    /// Whether a character may appear unescaped in a URL (RFC 3986's unreserved and reserved
    /// characters and `%`).
    private static func isURLCharacter(_ scalar: Unicode.Scalar) -> Bool {
        scalar.isASCII
            && (scalar.properties.isAlphabetic || ("0"..."9").contains(scalar)
                || "-._~:/?#[]@!$&'()*+,;=%".unicodeScalars.contains(scalar))
    }

    /// The same config with another base URL (`lede build --base-url`).
    /// - Throws: ``DiagnosticError`` when `url` is not an absolute http(s) URL.
    public func with(baseURL url: String) throws -> SiteConfig {
        var copy = self
        (copy.baseURL, copy.basePath) = try Self.parts(ofBaseURLOption: url)
        return copy
    }

    /// The URL (with its final `/`) and the path of a `--base-url` value, checked before any
    /// build: `lede serve` refuses to start with one it cannot use.
    /// - Throws: ``DiagnosticError`` when `url` is not an absolute http(s) URL.
    public static func parts(ofBaseURLOption url: String) throws -> (url: String, path: String) {
        switch split(baseURL: url) {
        case .failure(let problem): throw DiagnosticError(Diagnostic(at: nil, "--base-url \(problem.text)"))
        case .success(let parts): return parts
        }
    }
}
