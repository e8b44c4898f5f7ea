#if canImport(Glibc)
    import Glibc
#elseif canImport(Darwin)
    import Darwin
#endif

/// A minimal blocking HTTP/1.1 client for 127.0.0.1: one request, one response, then a reset.
///
/// Closing with a reset (`SO_LINGER` 0) leaves no `TIME_WAIT` socket behind, so thousands of
/// requests a second never run out of ports.
enum LoopbackClient {
    /// A response's status line and headers, and as much of its body as was read.
    struct Response {
        var head: [UInt8]
        var body: [UInt8]
    }

    /// Sends `request` to `127.0.0.1:port` and reads the response: up to its
    /// `Content-Length`, to the end of the connection, or only its head for an event stream.
    /// - Returns: `nil` when the server cannot be reached or does not answer within two seconds.
    static func exchange(_ request: [UInt8], port: Int) -> Response? {
        #if canImport(Glibc)
            let descriptor = socket(AF_INET, Int32(SOCK_STREAM.rawValue), 0)
        #else
            let descriptor = socket(AF_INET, SOCK_STREAM, 0)
        #endif
        guard descriptor >= 0 else { return nil }
        defer {
            var linger = linger(l_onoff: 1, l_linger: 0)
            setsockopt(descriptor, SOL_SOCKET, SO_LINGER, &linger, socklen_t(MemoryLayout<linger>.size))
            close(descriptor)
        }
        var timeout = timeval(tv_sec: 2, tv_usec: 0)
        setsockopt(descriptor, SOL_SOCKET, SO_RCVTIMEO, &timeout, socklen_t(MemoryLayout<timeval>.size))
        setsockopt(descriptor, SOL_SOCKET, SO_SNDTIMEO, &timeout, socklen_t(MemoryLayout<timeval>.size))
        var address = sockaddr_in()
        address.sin_family = sa_family_t(AF_INET)
        address.sin_port = in_port_t(UInt16(port).bigEndian)
        address.sin_addr.s_addr = UInt32(0x7F00_0001).bigEndian
        let connected = withUnsafePointer(to: &address) { pointer in
            pointer.withMemoryRebound(to: sockaddr.self, capacity: 1) {
                connect(descriptor, $0, socklen_t(MemoryLayout<sockaddr_in>.size))
            }
        }
        guard connected == 0, sendAll(request, to: descriptor) else { return nil }
        var received: [UInt8] = []
        var buffer = [UInt8](repeating: 0, count: 65536)
        let lastChunk = Array("0\r\n\r\n".utf8)
        var headEnd: Int?
        var expected: Int?
        while true {
            if let headEnd {
                if let expected, received.count - headEnd >= expected { break }
                if expected == nil && isEventStream(received[..<headEnd]) { break }
                if expected == nil && isChunked(received[..<headEnd]) && received.suffix(5).elementsEqual(lastChunk) {
                    break
                }
            }
            let count = buffer.withUnsafeMutableBytes { recv(descriptor, $0.baseAddress, $0.count, 0) }
            if count < 0 && errno == EINTR { continue }
            guard count > 0 else { break }
            received += buffer[..<count]
            if headEnd == nil, let end = headLength(received) {
                headEnd = end
                expected = contentLength(received[..<end])
            }
        }
        guard let headEnd else { return received.isEmpty ? nil : Response(head: received, body: []) }
        return Response(head: Array(received[..<headEnd]), body: Array(received[headEnd...]))
    }

    private static func sendAll(_ bytes: [UInt8], to descriptor: Int32) -> Bool {
        var offset = 0
        while offset < bytes.count {
            let sent = bytes[offset...].withUnsafeBytes { send(descriptor, $0.baseAddress, $0.count, 0) }
            if sent < 0 && errno == EINTR { continue }
            guard sent > 0 else { return false }
            offset += sent
        }
        return true
    }

    /// The length of the head, up to and including the blank line.
    private static func headLength(_ bytes: [UInt8]) -> Int? {
        let blank: [UInt8] = [13, 10, 13, 10]
        guard bytes.count >= 4 else { return nil }
        for index in 0...(bytes.count - 4) where bytes[index..<(index + 4)].elementsEqual(blank) {
            return index + 4
        }
        return nil
    }

    private static func headerLines(_ head: ArraySlice<UInt8>) -> [String] {
        String(decoding: head, as: UTF8.self).lowercased().split(separator: "\r\n").map(String.init)
    }

    private static func contentLength(_ head: ArraySlice<UInt8>) -> Int? {
        for line in headerLines(head) where line.hasPrefix("content-length:") {
            return Int(line.dropFirst("content-length:".count).filter { $0 != " " && $0 != "\t" })
        }
        return nil
    }

    private static func isChunked(_ head: ArraySlice<UInt8>) -> Bool {
        headerLines(head).contains { $0.hasPrefix("transfer-encoding:") && $0.contains("chunked") }
    }

    private static func isEventStream(_ head: ArraySlice<UInt8>) -> Bool {
        headerLines(head).contains { $0.hasPrefix("content-type:") && $0.contains("text/event-stream") }
    }
}
