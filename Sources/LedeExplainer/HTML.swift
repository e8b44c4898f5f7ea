/// Escaping for the bits of HTML and XML Lede writes itself.
public enum HTML {
    /// Escapes `&`, `<`, `>`, `"` and `'` for text and attribute values.
    public static func escape(_ text: String) -> String {
        var output = ""
        output.reserveCapacity(text.utf8.count)
        for character in text {
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

    /// Removes tags from a rendered fragment, for plain-text uses (feeds' summaries, titles).
    public static func stripTags(_ html: String) -> String {
        var output = ""
        var inTag = false
        for character in html {
            if character == "<" {
                inTag = true
            } else if character == ">" {
                inTag = false
            } else if !inTag {
                output.append(character)
            }
        }
        return output
    }
}
