internal import Foundation

/// One message on the `/__lede/events` stream, in the `text/event-stream` format.
struct ServerSentEvent: Sendable, Equatable {
    /// The event name (`reload`, `css`, `error`), or `nil` for a comment (the heartbeat).
    var name: String?
    /// The data: a JSON array of strings, on one line.
    var data: String

    /// An event whose data is `lines` as a JSON array of strings.
    init(name: String, lines: [String]) {
        self.name = name
        self.data = Self.jsonArray(lines)
    }

    /// A comment line: browsers ignore it, but it keeps proxies and idle timeouts from closing
    /// the connection and lets the server notice a browser that went away.
    static let heartbeat = ServerSentEvent(comment: "heartbeat")

    private init(comment: String) {
        self.name = nil
        self.data = comment
    }

    /// The bytes on the wire, ending with the blank line that dispatches the event.
    var encoded: String {
        guard let name else { return ": \(data)\n\n" }
        return "event: \(name)\ndata: \(data)\n\n"
    }

    /// JSON never contains a raw newline (it is escaped inside strings), so the whole array
    /// fits on one `data:` line, which the event-stream format requires.
    static func jsonArray(_ lines: [String]) -> String {
        let encoder = JSONEncoder()
        encoder.outputFormatting = [.withoutEscapingSlashes]
        guard let data = try? encoder.encode(lines), let text = String(data: data, encoding: .utf8)
        else { return "[]" }
        return text
    }
}
