#if canImport(Glibc)
    internal import Glibc
#elseif canImport(Darwin)
    internal import Darwin
#endif

extension PreviewServer {
    /// A port free on `host` now, found by binding port 0 and closing the socket; `nil` when
    /// `host` cannot be resolved or the system refuses.
    ///
    /// `lede serve --port 0` needs the port before the first build, which writes it into the
    /// site's absolute URLs. Another process could take the port in between; the server then
    /// fails to bind and says so.
    public static func freePort(on host: String) -> Int? {
        if case .bound(let port) = probe(host: host, port: 0) { return port }
        return nil
    }

    /// Whether another socket listens on `port` of `host` now (another `lede serve`), checked
    /// the way the server binds (with `SO_REUSEADDR`, so a port in `TIME_WAIT` is free):
    /// `lede serve` says so before its first build rather than after it.
    ///
    /// - Returns: `false` when the port is free, or when `host` cannot be resolved (the server
    ///   then reports that itself).
    public static func isInUse(port: Int, on host: String) -> Bool {
        probe(host: host, port: port) == .inUse
    }

    private enum Probe: Equatable {
        case bound(port: Int)
        case inUse
        case failed
    }

    /// Binds a stream socket to `host`:`port` (the first address `host` resolves to) and
    /// closes it again.
    private static func probe(host: String, port: Int) -> Probe {
        var hints = addrinfo()
        hints.ai_flags = AI_PASSIVE | AI_NUMERICSERV
        #if canImport(Glibc)
            hints.ai_socktype = Int32(SOCK_STREAM.rawValue)
        #else
            hints.ai_socktype = SOCK_STREAM
        #endif
        var name = host
        if name.hasPrefix("[") && name.hasSuffix("]") { name = String(name.dropFirst().dropLast()) }
        var list: UnsafeMutablePointer<addrinfo>?
        guard getaddrinfo(name, String(port), &hints, &list) == 0, let first = list else { return .failed }
        defer { freeaddrinfo(list) }
        let info = first.pointee
        let descriptor = socket(info.ai_family, info.ai_socktype, info.ai_protocol)
        guard descriptor >= 0 else { return .failed }
        defer { close(descriptor) }
        var on: Int32 = 1
        _ = setsockopt(descriptor, SOL_SOCKET, SO_REUSEADDR, &on, socklen_t(MemoryLayout<Int32>.size))
        guard bind(descriptor, info.ai_addr, info.ai_addrlen) == 0 else {
            return errno == EADDRINUSE ? .inUse : .failed
        }
        var storage = sockaddr_storage()
        var size = socklen_t(MemoryLayout<sockaddr_storage>.size)
        let named = withUnsafeMutablePointer(to: &storage) {
            $0.withMemoryRebound(to: sockaddr.self, capacity: 1) { getsockname(descriptor, $0, &size) }
        }
        guard named == 0 else { return .failed }
        let family = Int32(storage.ss_family)
        return withUnsafePointer(to: &storage) { pointer -> Probe in
            if family == AF_INET6 {
                return pointer.withMemoryRebound(to: sockaddr_in6.self, capacity: 1) {
                    .bound(port: Int(UInt16(bigEndian: $0.pointee.sin6_port)))
                }
            }
            return pointer.withMemoryRebound(to: sockaddr_in.self, capacity: 1) {
                .bound(port: Int(UInt16(bigEndian: $0.pointee.sin_port)))
            }
        }
    }
}
