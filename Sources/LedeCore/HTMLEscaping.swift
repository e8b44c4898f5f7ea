extension String {
    /// The text escaped for HTML text and double- or single-quoted attribute values: `&`, `<`,
    /// `>`, `"` and `'`. The one escaping function every module that writes HTML uses.
    public var htmlEscaped: String {
        var output = ""
        output.reserveCapacity(utf8.count)
        for character in self {
            switch character {
            case "&": output += "&amp;"
            case "<": output += "&lt;"
            case ">": output += "&gt;"
            case "\"": output += "&quot;"
            case "'": output += "&#39;"
            default: output.append(character)
            }
        }
        return output
    }
}
