internal import HummingbirdCore
internal import Logging
internal import NIOCore
internal import NIOHTTP1

/// Hummingbird's HTTP/1 connection, with the preview's guards against slow and misdirected
/// clients.
///
/// - The idle timeout closes a connection that has not delivered a complete request head
///   within ``PreviewServer/idleTimeout`` of connecting or of its last response. The timer is
///   reset only by whole HTTP parts, never by single bytes, so it is also the header timeout:
///   a client that sends its header a byte a second is cut when it runs out. A response being
///   written (an event stream included) is never cut: Hummingbird's handler skips connections
///   with a request in progress.
/// - ``AbsoluteFormAuthority`` makes an absolute-form request target (`GET http://x/`) name
///   the host, as RFC 9112 §3.2.2 says, so the responder's loopback check sees it.
struct PreviewChannel: ServerChildChannel {
    typealias Value = HTTP1Channel.Value

    var http1: HTTP1Channel

    init(responder: @escaping HTTPChannelHandler.Responder, idleTimeout: Duration) {
        http1 = HTTP1Channel(responder: responder, configuration: .init(idleTimeout: TimeAmount(idleTimeout)))
    }

    func setup(channel: any Channel, logger: Logger) -> EventLoopFuture<Value> {
        http1.setup(channel: channel, logger: logger).flatMapThrowing { value in
            // Between NIO's decoder (which still has the raw request target) and the codec
            // that turns the head into Hummingbird's request (which drops the target's host).
            let operations = channel.pipeline.syncOperations
            let decoder = try operations.handler(type: ByteToMessageHandler<HTTPRequestDecoder>.self)
            try operations.addHandler(AbsoluteFormAuthority(), position: .after(decoder))
            return value
        }
    }

    func handle(value: Value, logger: Logger) async {
        await http1.handle(value: value, logger: logger)
    }
}

/// Replaces the `Host` of a request whose target is in absolute form with the target's own
/// authority (RFC 9112 §3.2.2: the server must ignore `Host` then), so that
/// `GET http://evil.example/` with `Host: 127.0.0.1` is judged as a request for `evil.example`.
final class AbsoluteFormAuthority: ChannelInboundHandler, RemovableChannelHandler {
    typealias InboundIn = HTTPServerRequestPart
    typealias InboundOut = HTTPServerRequestPart

    func channelRead(context: ChannelHandlerContext, data: NIOAny) {
        guard case .head(var head) = unwrapInboundIn(data), let authority = Self.authority(ofTarget: head.uri) else {
            context.fireChannelRead(data)
            return
        }
        head.headers.replaceOrAdd(name: "Host", value: authority)
        context.fireChannelRead(wrapInboundOut(.head(head)))
    }

    /// The authority of an absolute-form target (`http://user@host:port/path` → `host:port`),
    /// empty when it has none (`http:///x`); `nil` for every other form (`/path`, `*`).
    static func authority(ofTarget target: String) -> String? {
        guard let separator = target.firstRange(of: "://") else { return nil }
        let scheme = target[..<separator.lowerBound]
        // RFC 3986: ALPHA *( ALPHA / DIGIT / "+" / "-" / "." ); anything else (a path
        // containing "://") is not absolute form.
        guard let first = scheme.first, first.isASCII, first.isLetter,
            scheme.allSatisfy({ $0.isASCII && ($0.isLetter || $0.isNumber || "+-.".contains($0)) })
        else { return nil }
        let authority = target[separator.upperBound...].prefix { !"/?#".contains($0) }
        // User information comes before the last `@`: `http://127.0.0.1@evil.example/` is a
        // request for evil.example.
        if let at = authority.lastIndex(of: "@") { return String(authority[authority.index(after: at)...]) }
        return String(authority)
    }
}

@available(*, unavailable)
extension AbsoluteFormAuthority: Sendable {}
