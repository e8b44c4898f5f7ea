import LedeCore

/// Escaping for the bits of HTML and XML Lede writes itself.
public enum HTML {
    /// Escapes `&`, `<`, `>`, `"` and `'` for text and attribute values.
    public static func escape(_ text: String) -> String { text.htmlEscaped }

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
