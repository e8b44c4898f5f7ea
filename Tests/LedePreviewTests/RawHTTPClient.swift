import Foundation
import Testing

#if canImport(Glibc)
    import Glibc
#elseif canImport(Darwin)
    import Darwin
#endif

/// An HTTP/1.1 response as the tests see it.
struct HTTPResult: Sendable {
    var status: Int
    /// Header names lower-cased.
    var headers: [String: String]
    var body: [UInt8]
    var text: String { String(decoding: body, as: UTF8.self) }
}

struct ClientError: Error, CustomStringConvertible {
    var description: String
}

/// A tiny HTTP client over a raw socket: it sends the request target exactly as written
/// (URLSession would normalise `..` and `%2e` away), and every wait is bounded. Blocking calls
/// run on their own thread, never on the cooperative pool the server needs.
enum RawHTTPClient {
    /// Sends `GET target` and reads the whole response.
    static func get(
        _ target: String, port: Int, method: String = "GET", host: String? = nil, timeout: Duration = .seconds(20)
    ) async throws -> HTTPResult {
        try await onThread {
            let socket = try Socket(port: port)
            defer { socket.close() }
            let hostHeader = host ?? "127.0.0.1:\(port)"
            try socket.send("\(method) \(target) HTTP/1.1\r\nHost: \(hostHeader)\r\nConnection: close\r\n\r\n")
            let raw = try socket.readToEnd(deadline: .now + timeout)
            return try parse(raw, method: method)
        }
    }

    static func parse(_ raw: [UInt8], method: String) throws -> HTTPResult {
        let separator = Array("\r\n\r\n".utf8)
        guard let end = raw.firstRange(of: separator) else {
            throw ClientError(description: "no header end in \(String(decoding: raw, as: UTF8.self))")
        }
        let head = String(decoding: raw[..<end.lowerBound], as: UTF8.self).components(separatedBy: "\r\n")
        let statusParts = head[0].split(separator: " ")
        guard statusParts.count >= 2, let status = Int(statusParts[1]) else {
            throw ClientError(description: "bad status line \(head[0])")
        }
        var headers: [String: String] = [:]
        for line in head.dropFirst() {
            guard let colon = line.firstIndex(of: ":") else { continue }
            let name = line[..<colon].lowercased()
            let value = line[line.index(after: colon)...].trimmingCharacters(in: .whitespaces)
            // Repeated headers joined, so a duplicated one shows in the tests.
            headers[name] = headers[name].map { "\($0), \(value)" } ?? value
        }
        var body = Array(raw[end.upperBound...])
        if method == "HEAD" {
            body = []
        } else if headers["transfer-encoding"]?.lowercased() == "chunked" {
            body = try dechunk(body)
        } else if let length = headers["content-length"].flatMap(Int.init) {
            body = Array(body.prefix(length))
        }
        return HTTPResult(status: status, headers: headers, body: body)
    }

    private static func dechunk(_ bytes: [UInt8]) throws -> [UInt8] {
        var result: [UInt8] = []
        var index = 0
        let crlf = Array("\r\n".utf8)
        while let lineEnd = bytes[index...].firstRange(of: crlf) {
            let sizeText = String(decoding: bytes[index..<lineEnd.lowerBound], as: UTF8.self)
            guard let size = Int(sizeText.split(separator: ";")[0], radix: 16) else {
                throw ClientError(description: "bad chunk size \(sizeText)")
            }
            if size == 0 { break }
            let start = lineEnd.upperBound
            guard start + size <= bytes.count else { throw ClientError(description: "truncated chunk") }
            result += bytes[start..<start + size]
            index = start + size + 2
        }
        return result
    }
}

/// A connected TCP socket to 127.0.0.1.
final class Socket: @unchecked Sendable {
    private let fd: Int32
    private var buffer: [UInt8] = []

    init(port: Int) throws {
        #if canImport(Glibc)
            fd = socket(AF_INET, Int32(SOCK_STREAM.rawValue), 0)
        #else
            fd = socket(AF_INET, SOCK_STREAM, 0)
        #endif
        guard fd >= 0 else { throw ClientError(description: "socket: \(errno)") }
        var address = sockaddr_in()
        address.sin_family = sa_family_t(AF_INET)
        address.sin_port = in_port_t(UInt16(port).bigEndian)
        address.sin_addr.s_addr = inet_addr("127.0.0.1")
        let result = withUnsafePointer(to: &address) {
            $0.withMemoryRebound(to: sockaddr.self, capacity: 1) {
                connect(fd, $0, socklen_t(MemoryLayout<sockaddr_in>.size))
            }
        }
        guard result == 0 else {
            Glibc.close(fd)
            throw ClientError(description: "connect: \(errno)")
        }
    }

    func send(_ text: String) throws {
        var bytes = Array(text.utf8)[...]
        while !bytes.isEmpty {
            let sent = bytes.withUnsafeBytes { Glibc.send(fd, $0.baseAddress, $0.count, Int32(MSG_NOSIGNAL)) }
            guard sent > 0 else { throw ClientError(description: "send: \(errno)") }
            bytes = bytes.dropFirst(sent)
        }
    }

    /// Reads what is available, waiting at most until `deadline`; `false` at end of stream.
    private func readSome(deadline: ContinuousClock.Instant) throws -> Bool {
        let remaining = ContinuousClock.now.duration(to: deadline)
        guard remaining > .zero else { throw ClientError(description: "timed out") }
        var descriptor = pollfd(fd: fd, events: Int16(POLLIN), revents: 0)
        let milliseconds = Int32(clamping: remaining.components.seconds * 1000 + 1)
        let ready = poll(&descriptor, 1, min(milliseconds, 200))
        if ready <= 0 { return true }
        var chunk = [UInt8](repeating: 0, count: 16 * 1024)
        let count = chunk.withUnsafeMutableBytes { recv(fd, $0.baseAddress, $0.count, 0) }
        if count < 0 && (errno == EINTR || errno == EAGAIN) { return true }
        guard count > 0 else { return false }
        buffer += chunk[..<count]
        return true
    }

    /// Waits up to `milliseconds` for bytes and keeps them; `false` once the connection is
    /// closed or reset.
    private func receive(waitingAtMost milliseconds: Int32) -> Bool {
        var descriptor = pollfd(fd: fd, events: Int16(POLLIN), revents: 0)
        guard poll(&descriptor, 1, milliseconds) > 0 else { return true }
        var chunk = [UInt8](repeating: 0, count: 16 * 1024)
        let count = chunk.withUnsafeMutableBytes { recv(fd, $0.baseAddress, $0.count, 0) }
        if count < 0 && (errno == EINTR || errno == EAGAIN) { return true }
        guard count > 0 else { return false }
        buffer += chunk[..<count]
        return true
    }

    func readToEnd(deadline: ContinuousClock.Instant) throws -> [UInt8] {
        while try readSome(deadline: deadline) {}
        return buffer
    }

    /// Reads until everything received so far contains `needle`; returns all of it as text.
    func read(until needle: String, deadline: ContinuousClock.Instant) throws -> String {
        while true {
            let text = String(decoding: buffer, as: UTF8.self)
            if text.contains(needle) { return text }
            guard try readSome(deadline: deadline) else {
                throw ClientError(description: "connection closed before '\(needle)' in: \(text)")
            }
        }
    }

    /// Reads until `needle` appears after the last `marker` received.
    func read(until needle: String, after marker: String, deadline: ContinuousClock.Instant) throws -> String {
        while true {
            let text = String(decoding: buffer, as: UTF8.self)
            if let range = text.range(of: marker, options: .backwards), text[range.upperBound...].contains(needle) {
                return text
            }
            guard try readSome(deadline: deadline) else {
                throw ClientError(description: "connection closed before '\(needle)' after '\(marker)' in: \(text)")
            }
        }
    }

    func close() { Glibc.close(fd) }

    /// Sends `text` one byte at a time, `interval` apart, reading between bytes, until the
    /// server closes the connection; returns how many bytes were sent and what was received.
    ///
    /// - Throws: When `deadline` passes with the connection still open.
    func trickle(_ text: String, every interval: Duration, deadline: ContinuousClock.Instant) throws -> (
        sent: Int, received: [UInt8]
    ) {
        var sent = 0
        for byte in text.utf8 {
            var value = byte
            // EPIPE or ECONNRESET: the server has closed the connection.
            guard Glibc.send(fd, &value, 1, Int32(MSG_NOSIGNAL)) == 1 else { return (sent, buffer) }
            sent += 1
            let next = ContinuousClock.now + interval
            repeat {
                guard receive(waitingAtMost: 20) else { return (sent, buffer) }
            } while ContinuousClock.now < next
            if ContinuousClock.now >= deadline { throw ClientError(description: "still open after \(sent) bytes") }
        }
        throw ClientError(description: "the whole text was sent and the connection is still open")
    }

    /// Opens `/__lede/events` and waits until the server has registered the stream (its first
    /// bytes arrived), so an event sent afterwards is sure to reach it.
    static func eventStream(port: Int, deadline: ContinuousClock.Instant) throws -> Socket {
        let socket = try Socket(port: port)
        do {
            try socket.send("GET /__lede/events HTTP/1.1\r\nHost: 127.0.0.1\r\n\r\n")
            _ = try socket.read(until: "retry: 1000", deadline: deadline)
        } catch {
            socket.close()
            throw error
        }
        return socket
    }
}

/// Runs blocking work on a thread of its own and awaits its result.
func onThread<T: Sendable>(_ body: @escaping @Sendable () throws -> T) async throws -> T {
    try await withCheckedThrowingContinuation { continuation in
        Thread { continuation.resume(with: Result { try body() }) }.start()
    }
}
