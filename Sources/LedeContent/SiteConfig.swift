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
        func required(_ key: String) -> String {
            guard let value = node[key] else {
                bag.add(Diagnostic(at: node.location, "missing required key '\(key)' in the site config"))
                return ""
            }
            return bag.collect(at: value.location) { try value.requireText("'\(key)'") } ?? ""
        }
        func party(_ key: String) -> Party {
            guard let value = node[key] else {
                bag.add(Diagnostic(at: node.location, "missing required key '\(key)' in the site config"))
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
        language = node["language"]?.text ?? "en"
        publishingPrinciples = node["publishing_principles"]?.text
        unsafeHTML =
            node["unsafe_html"].flatMap { value in
                bag.collect(at: value.location) { try value.requireBool("'unsafe_html'") }
            } ?? false
        let base = required("base_url")
        (baseURL, basePath) = (base, "/")
        if !base.isEmpty {
            if let (url, path) = Self.split(baseURL: base) {
                (baseURL, basePath) = (url, path)
            } else {
                bag.add(
                    Diagnostic(
                        at: node["base_url"]?.location, "base_url must be an absolute http(s) URL, found '\(base)'"))
            }
        }
        data = node
        try bag.throwIfErrors()
    }

    /// Splits `https://host/sub/path` into the URL with a final `/` and its path.
    static func split(baseURL: String) -> (url: String, path: String)? {
        guard let schemeEnd = baseURL.range(of: "://"),
            ["http", "https"].contains(baseURL[..<schemeEnd.lowerBound].lowercased())
        else { return nil }
        let rest = baseURL[schemeEnd.upperBound...]
        guard let host = rest.split(separator: "/", maxSplits: 1).first, !host.isEmpty,
            !rest.contains("?"), !rest.contains("#"), !rest.contains(" ")
        else { return nil }
        var path = String(rest.dropFirst(host.count))
        if !path.hasPrefix("/") { path = "/" + path }
        if !path.hasSuffix("/") { path += "/" }
        return (String(baseURL[..<schemeEnd.upperBound]) + host + path, path)
    }

    /// The same config with another base URL (`lede build --base-url`).
    /// - Throws: ``DiagnosticError`` when `url` is not an absolute http(s) URL.
    public func with(baseURL url: String) throws -> SiteConfig {
        guard let (full, path) = Self.split(baseURL: url) else {
            throw DiagnosticError(Diagnostic(at: nil, "--base-url must be an absolute http(s) URL, found '\(url)'"))
        }
        var copy = self
        copy.baseURL = full
        copy.basePath = path
        return copy
    }
}
