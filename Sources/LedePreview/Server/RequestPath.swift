/// The path part of a request target, decoded and checked before it comes near the file
/// system.
///
/// Every guard here exists because a preview server on a laptop still serves a folder next to
/// the author's other files: a request must never read outside the built site.
struct RequestPath: Equatable, Sendable {
    /// The decoded path segments below the site root; never empty strings, `.` or `..`.
    var segments: [String]
    /// Whether the request path ended in `/` (a folder URL: `index.html` is served).
    var hasTrailingSlash: Bool
    /// The raw query (after `?`, without it), kept so a redirect can preserve it.
    var query: String?

    /// Why a request target was refused.
    enum Refusal: Error, Equatable {
        /// `..` as a segment, at any level of percent-encoding (`..`, `%2e%2e`, `%252e%252e`).
        case parentSegment
        /// A NUL byte (`%00`) anywhere: C file APIs stop at it, so `a.txt%00.html` could be
        /// checked as one name and opened as another.
        case nulByte
        /// Not a path (`*`, an absolute URL), bad percent-encoding, or bytes that are not UTF-8.
        case malformed
    }

    /// Parses a request target such as `/guide/%C3%A9t%C3%A9/?x=1`.
    ///
    /// - Throws: ``Refusal`` when the target must not be served.
    init(target: String) throws(Refusal) {
        var path = Substring(target)
        if let hash = path.firstIndex(of: "#") { path = path[..<hash] }
        if let mark = path.firstIndex(of: "?") {
            query = String(path[path.index(after: mark)...])
            path = path[..<mark]
        } else {
            query = nil
        }
        guard path.hasPrefix("/") else { throw .malformed }

        // Decoded once: the name on disk. Decoding is then repeated on the result, only to
        // look for `..` and NUL hidden under more levels of encoding: another layer (a proxy,
        // a framework, a later rewrite) might decode again, so refuse now.
        guard let decoded = Self.percentDecoded(path) else { throw .malformed }
        var layer = decoded
        for _ in 0..<4 {
            if layer.contains("\0") { throw .nulByte }
            // Backslash is a separator on Windows and in some URL parsers: `..\` counts too.
            let parts = layer.split(separator: "/", omittingEmptySubsequences: false)
                .flatMap { $0.split(separator: "\\", omittingEmptySubsequences: false) }
            if parts.contains(where: { $0 == ".." }) { throw .parentSegment }
            guard layer.contains("%"), let next = Self.percentDecoded(Substring(layer)), next != layer
            else { break }
            layer = next
        }

        segments = decoded.split(separator: "/").map(String.init).filter { $0 != "." }
        hasTrailingSlash = decoded.hasSuffix("/")
    }

    /// The path with its trailing slash, as sent in a folder redirect (re-encoded).
    var folderURL: String { url(trailingSlash: true) }

    /// The path as it was asked for, with or without its trailing slash (re-encoded), and its
    /// query.
    var url: String { url(trailingSlash: hasTrailingSlash) }

    private func url(trailingSlash: Bool) -> String {
        let encoded = segments.map(Self.percentEncoded).joined(separator: "/")
        let path = encoded.isEmpty ? "/" : "/\(encoded)" + (trailingSlash ? "/" : "")
        guard let query, !query.isEmpty else { return path }
        return "\(path)?\(query)"
    }

    /// Decodes `%XX` escapes; `nil` for a bad escape or for bytes that are not UTF-8.
    static func percentDecoded(_ text: Substring) -> String? {
        var bytes: [UInt8] = []
        bytes.reserveCapacity(text.utf8.count)
        var iterator = text.utf8.makeIterator()
        while let byte = iterator.next() {
            guard byte == UInt8(ascii: "%") else {
                bytes.append(byte)
                continue
            }
            guard let high = iterator.next().flatMap(hexValue), let low = iterator.next().flatMap(hexValue)
            else { return nil }
            bytes.append(high << 4 | low)
        }
        return String(validating: bytes, as: UTF8.self)
    }

    private static func hexValue(_ byte: UInt8) -> UInt8? {
        switch byte {
        case UInt8(ascii: "0")...UInt8(ascii: "9"): byte - UInt8(ascii: "0")
        case UInt8(ascii: "a")...UInt8(ascii: "f"): byte - UInt8(ascii: "a") + 10
        case UInt8(ascii: "A")...UInt8(ascii: "F"): byte - UInt8(ascii: "A") + 10
        default: nil
        }
    }

    private static func percentEncoded(_ segment: String) -> String {
        var result = ""
        for byte in segment.utf8 {
            switch byte {
            case UInt8(ascii: "a")...UInt8(ascii: "z"), UInt8(ascii: "A")...UInt8(ascii: "Z"),
                UInt8(ascii: "0")...UInt8(ascii: "9"), UInt8(ascii: "-"), UInt8(ascii: "."),
                UInt8(ascii: "_"), UInt8(ascii: "~"):
                result.unicodeScalars.append(Unicode.Scalar(byte))
            default:
                result += "%" + String(byte, radix: 16, uppercase: true).leftPadded(to: 2)
            }
        }
        return result
    }
}

extension RequestPath {
    /// A path built from already-checked segments (the site's own `404.html`).
    init(segments: [String], hasTrailingSlash: Bool) {
        self.segments = segments
        self.hasTrailingSlash = hasTrailingSlash
        self.query = nil
    }
}

extension String {
    fileprivate func leftPadded(to length: Int) -> String {
        count >= length ? self : String(repeating: "0", count: length - count) + self
    }
}
