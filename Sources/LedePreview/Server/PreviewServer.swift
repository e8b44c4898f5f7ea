public import Foundation
internal import Hummingbird
internal import HummingbirdCore
internal import Logging
internal import NIOCore
internal import ServiceLifecycle
internal import UnixSignals

#if canImport(Glibc)
    internal import Glibc
#elseif canImport(Darwin)
    internal import Darwin
#endif

/// The preview's HTTP server: the built site, plus live reload.
///
/// It never builds: the CLI rebuilds on file changes and reports through ``LiveReload``.
public struct PreviewServer: Sendable {
    /// The built site folder.
    public let root: URL
    /// The address to listen on; loopback unless the author asks otherwise.
    public let host: String
    /// The port; 0 picks a free one (tests). Checked against ``validPorts`` by ``run(onReady:)``.
    public let port: Int
    /// The live-reload state the rebuild loop reports to.
    public let liveReload: LiveReload
    /// The path the site is served under: the path of its `base_url` (`/explainers/x/`), so
    /// that the preview has the published URLs; `/` then redirects there. `/` by default. The
    /// CLI moves it while the server runs when `base_url` is edited.
    public var sitePath = PreviewBasePath()
    /// The path the site is served under, as text: setting it gives the server a new
    /// ``sitePath``.
    public var basePath: String {
        get { sitePath.current }
        set { sitePath = PreviewBasePath(newValue) }
    }
    /// How often an idle event stream sends a comment.
    var heartbeatInterval: Duration = .seconds(15)
    /// How long a connection may go without a complete request head, after connecting or after
    /// its last response: the idle and the header timeout (see ``PreviewChannel``). Browsers
    /// reconnect at once; a client trickling its header holds its socket no longer than this.
    var idleTimeout: Duration = .seconds(10)

    /// The ports the server accepts: 0 (any free port) or 1-65535. Anything else would be
    /// truncated to 16 bits by the socket layer (99999 became 34463).
    public static let validPorts = 0...65535

    /// What to write instead of a port outside ``validPorts``, for error messages.
    public static let validPortsAdvice = "use 0 (any free port) or a number from 1 to 65535"

    /// Serves files under `root` (the built site folder; it may be replaced by an atomic rename
    /// between requests, so resolve per request, never cache a directory handle).
    ///
    /// - Parameters:
    ///   - root: The built site folder.
    ///   - host: The address to listen on; see ``isLoopback(_:)``.
    ///   - port: The port; 0 for an ephemeral one.
    ///   - liveReload: The state the rebuild loop reports to.
    public init(root: URL, host: String = "127.0.0.1", port: Int = 1111, liveReload: LiveReload) {
        self.root = root
        self.host = host
        self.port = port
        self.liveReload = liveReload
    }

    /// Runs until SIGINT/SIGTERM (graceful shutdown even with SSE clients connected: SSE
    /// streams use cancelOnGracefulShutdown). `onReady` gets the bound port (port 0 → an
    /// ephemeral port, for tests).
    ///
    /// - Parameter onReady: Called once the socket is listening, with the bound port.
    /// - Throws: ``PreviewError`` for a port outside ``validPorts`` or one in use; otherwise
    ///   when the address cannot be bound (unknown host).
    public func run(onReady: @escaping @Sendable (Int) -> Void = { _ in }) async throws {
        do {
            // SIGHUP too: closing the terminal must also stop the server gracefully, so that the
            // caller's clean-up (the CLI's preview folder) runs.
            try await makeApplication(onReady: onReady)
                .runService(gracefulShutdownSignals: [.sigterm, .sigint, .sighup])
        } catch let error as IOError where error.errnoCode == EADDRINUSE {
            // Taken between the CLI's check and the bind: said the same way.
            throw PreviewError(.portInUse(host: host, port: port))
        }
    }

    /// Runs until the task is cancelled, then shuts down gracefully exactly as on SIGTERM, but
    /// without taking over signals: for tests, which must not change the test runner's signal
    /// handling, and which check that open event streams do not block the shutdown.
    func runUntilCancelled(onReady: @escaping @Sendable (Int) -> Void) async throws {
        let group = ServiceGroup(
            configuration: .init(services: [try makeApplication(onReady: onReady)], logger: Self.logger))
        // An unstructured task, so cancelling the caller does not cancel the server outright
        // (which skips the graceful path) but only triggers the graceful shutdown.
        let running = Task { try await group.run() }
        try await withTaskCancellationHandler {
            try await running.value
        } onCancel: {
            Task { await group.triggerGracefulShutdown() }
        }
    }

    /// Hummingbird's own start-up and request lines would interleave with the CLI's output.
    private static let logger: Logger = {
        var logger = Logger(label: "lede.preview")
        logger.logLevel = .warning
        return logger
    }()

    private func makeApplication(onReady: @escaping @Sendable (Int) -> Void) throws(PreviewError)
        -> some ApplicationProtocol
    {
        guard Self.validPorts.contains(port) else { throw PreviewError(.invalidPort(String(port))) }
        let responder = SiteResponder(
            site: SiteFolder(root: root.standardizedFileURL.path),
            liveReload: liveReload,
            heartbeatInterval: heartbeatInterval,
            requiresLoopbackHost: Self.isLoopback(host),
            basePath: sitePath)
        let port = port
        let idleTimeout = idleTimeout
        return Application(
            responder: responder,
            server: HTTPServerBuilder { respond in PreviewChannel(responder: respond, idleTimeout: idleTimeout) },
            configuration: ApplicationConfiguration(address: .hostname(host, port: port)),
            onServerRunning: { channel in onReady(channel.localAddress?.port ?? port) },
            logger: Self.logger)
    }

    /// Whether `host` only accepts connections from this machine (`127.0.0.0/8`, `::1`,
    /// `localhost`): the CLI warns otherwise, since the preview serves drafts and has no
    /// authentication.
    ///
    /// - Parameter host: A host name or IP address, IPv6 with or without brackets.
    /// - Returns: `true` for loopback addresses only; `0.0.0.0` and `::` listen everywhere.
    public static func isLoopback(_ host: String) -> Bool {
        var name = host.trimmingCharacters(in: .whitespaces).lowercased()
        if name.hasPrefix("[") && name.hasSuffix("]") { name = String(name.dropFirst().dropLast()) }
        if name == "localhost" || name.hasSuffix(".localhost") { return true }
        var ipv4 = in_addr()
        if inet_pton(AF_INET, name, &ipv4) == 1 {
            return UInt32(bigEndian: ipv4.s_addr) >> 24 == 127
        }
        var ipv6 = in6_addr()
        if inet_pton(AF_INET6, name, &ipv6) == 1 {
            let bytes = withUnsafeBytes(of: &ipv6) { Array($0) }
            if bytes[0..<15].allSatisfy({ $0 == 0 }) && bytes[15] == 1 { return true }  // ::1
            // ::ffff:127.x.x.x, an IPv4 loopback address written as IPv6.
            let mapped = bytes[0..<10].allSatisfy { $0 == 0 } && bytes[10] == 0xff && bytes[11] == 0xff
            return mapped && bytes[12] == 127
        }
        return false
    }
}
