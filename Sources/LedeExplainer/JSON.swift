/// A JSON value for the files Lede writes (structured data, TimelineJS), serialised with
/// sorted keys so that builds are byte-for-byte repeatable.
public indirect enum JSON: Sendable, Hashable, ExpressibleByStringLiteral, ExpressibleByArrayLiteral,
    ExpressibleByDictionaryLiteral, ExpressibleByIntegerLiteral
{
    /// A string.
    case string(String)
    /// A whole number.
    case int(Int)
    /// `true` or `false`.
    case bool(Bool)
    /// An array.
    case array([JSON])
    /// An object; keys are written sorted.
    case object([String: JSON])
    /// `null`.
    case null

    /// A string from a literal.
    public init(stringLiteral value: String) { self = .string(value) }
    /// A number from a literal.
    public init(integerLiteral value: Int) { self = .int(value) }
    /// An array from a literal.
    public init(arrayLiteral elements: JSON...) { self = .array(elements) }
    /// An object from a literal; a repeated key keeps its last value.
    public init(dictionaryLiteral elements: (String, JSON)...) {
        self = .object(Dictionary(elements, uniquingKeysWith: { _, last in last }))
    }

    /// The JSON text. `<`, `>` and `&` are escaped as `\u003c`… so the text is safe inside a
    /// `<script>` element.
    /// - Parameter pretty: Indents with two spaces when true.
    public func serialized(pretty: Bool = false) -> String {
        var output = ""
        write(to: &output, pretty: pretty, indent: 0)
        return output
    }

    private func write(to output: inout String, pretty: Bool, indent: Int) {
        let newline = pretty ? "\n" : ""
        let pad = pretty ? String(repeating: "  ", count: indent + 1) : ""
        let closePad = pretty ? String(repeating: "  ", count: indent) : ""
        switch self {
        case .string(let text): JSON.quote(text, into: &output)
        case .int(let number): output += String(number)
        case .bool(let flag): output += flag ? "true" : "false"
        case .null: output += "null"
        case .array(let items):
            if items.isEmpty { output += "[]"; return }
            output += "[" + newline
            for (index, item) in items.enumerated() {
                output += pad
                item.write(to: &output, pretty: pretty, indent: indent + 1)
                output += (index == items.count - 1 ? "" : ",") + newline
            }
            output += closePad + "]"
        case .object(let members):
            if members.isEmpty { output += "{}"; return }
            output += "{" + newline
            let sorted = members.sorted { lhs, rhs in
                // JSON-LD readers like "@context" and "@type" first.
                (lhs.key.hasPrefix("@") ? 0 : 1, lhs.key) < (rhs.key.hasPrefix("@") ? 0 : 1, rhs.key)
            }
            for (index, member) in sorted.enumerated() {
                output += pad
                JSON.quote(member.key, into: &output)
                output += pretty ? ": " : ":"
                member.value.write(to: &output, pretty: pretty, indent: indent + 1)
                output += (index == sorted.count - 1 ? "" : ",") + newline
            }
            output += closePad + "}"
        }
    }

    private static func quote(_ text: String, into output: inout String) {
        output += "\""
        for scalar in text.unicodeScalars {
            switch scalar {
            case "\"": output += "\\\""
            case "\\": output += "\\\\"
            case "\n": output += "\\n"
            case "\r": output += "\\r"
            case "\t": output += "\\t"
            case "<": output += "\\u003c"
            case ">": output += "\\u003e"
            case "&": output += "\\u0026"
            default:
                if scalar.value < 0x20 {
                    let hex = String(scalar.value, radix: 16)
                    output += "\\u" + String(repeating: "0", count: 4 - hex.count) + hex
                } else {
                    output.unicodeScalars.append(scalar)
                }
            }
        }
        output += "\""
    }
}
