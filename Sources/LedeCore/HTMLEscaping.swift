extension String {
    /// The text escaped for HTML text and double- or single-quoted attribute values: `&`, `<`,
    /// `>`, `"` and `'`. The one escaping function every module that writes HTML uses.
    public var htmlEscaped: String {
        // Every character escaped is ASCII: the text is escaped byte by byte, and most texts
        // (URLs, titles) need nothing (a sitemap escapes ten thousand URLs).
        let special: (UInt8) -> Bool = { $0 == 0x26 || $0 == 0x3C || $0 == 0x3E || $0 == 0x22 || $0 == 0x27 }
        guard utf8.contains(where: special) else { return self }
        var output: [UInt8] = []
        output.reserveCapacity(utf8.count + 16)
        for byte in utf8 {
            switch byte {
            case 0x26: output += "&amp;".utf8
            case 0x3C: output += "&lt;".utf8
            case 0x3E: output += "&gt;".utf8
            case 0x22: output += "&quot;".utf8
            case 0x27: output += "&#39;".utf8
            default: output.append(byte)
            }
        }
        return String(decoding: output, as: UTF8.self)
    }
}
