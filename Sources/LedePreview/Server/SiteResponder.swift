internal import Foundation
internal import HTTPTypes
internal import Hummingbird
internal import ServiceLifecycle

/// Answers every request of the preview: the live-reload endpoints, then files of the site.
struct SiteResponder: HTTPResponder {
    typealias Context = BasicRequestContext

    var site: SiteFolder
    var liveReload: LiveReload
    /// How often the event stream sends a comment; short in tests.
    var heartbeatInterval: Duration
    /// Whether to refuse requests whose `Host` is not a loopback name. On when the server
    /// listens on loopback: a web page elsewhere could otherwise point its own domain name at
    /// 127.0.0.1 (DNS rebinding) and read the preview, drafts included.
    var requiresLoopbackHost = true
    /// The path the site is served under (the path of its `base_url`); `/` redirects there,
    /// and so do the paths it was served under before (see ``PreviewBasePath``).
    var basePath = PreviewBasePath()

    func respond(to request: Request, context: Context) async throws -> Response {
        // Only reads: the preview has no reason to accept anything else.
        guard request.method == .get || request.method == .head else {
            var response = Self.plain(.methodNotAllowed, "405 method not allowed\n")
            response.headers[.allow] = "GET, HEAD"
            return response
        }
        if requiresLoopbackHost, let authority = request.head.authority, !Self.isLoopbackAuthority(authority) {
            return Self.plain(.forbidden, "403 forbidden: the preview answers only to loopback host names\n")
        }
        let target = request.head.path ?? "/"
        let path: RequestPath
        do {
            path = try RequestPath(target: target)
        } catch {
            return Self.plain(.badRequest, "400 bad request\n")
        }

        let response = route(path)
        // HEAD: the same status and headers, no body (and never an endless event stream).
        return request.method == .head ? Response(status: response.status, headers: response.headers) : response
    }

    /// Whether a `Host` value (`127.0.0.1:1111`, `[::1]:1111`, `localhost`) names this machine.
    static func isLoopbackAuthority(_ authority: String) -> Bool {
        var host = Substring(authority)
        if host.hasPrefix("["), let end = host.firstIndex(of: "]") {
            host = host[host.index(after: host.startIndex)..<end]
        } else if let colon = host.lastIndex(of: ":") {
            host = host[..<colon]
        }
        return PreviewServer.isLoopback(String(host))
    }

    private func route(_ path: RequestPath) -> Response {
        switch "/" + path.segments.joined(separator: "/") {
        case LiveReloadScript.eventsPath: return eventStream()
        case LiveReloadScript.path: return Self.file(Array(LiveReloadScript.source.utf8), type: ContentType.javaScript)
        default: break
        }
        // The whole `/__lede/` prefix belongs to the preview, so a future endpoint can never
        // be shadowed by (or shadow) a file of the site.
        if path.segments.first == "__lede" { return notFound() }

        let (prefix, former) = basePath.prefixes
        let inner: RequestPath
        switch prefix.place(path) {
        case .inside(let below): inner = below
        case .redirect: return Self.redirect(to: prefix.url + (path.query.map { $0.isEmpty ? "" : "?" + $0 } ?? ""))
        case .outside:
            // A page of the site under the path it had before base_url changed: the same page
            // under the new path.
            for old in former {
                switch old.place(path) {
                case .inside(let below): return Self.redirect(to: prefix.location(below.url))
                case .redirect: return Self.redirect(to: prefix.url)
                case .outside: continue
                }
            }
            return notFound()
        }
        switch site.resolve(inner) {
        case .file(let realPath):
            return serve(realPath, status: .ok)
        case .redirect(let location):
            return Self.redirect(to: prefix.location(location))
        case .notFound:
            return notFound()
        case .outsideRoot:
            return Self.plain(.forbidden, "403 forbidden: symbolic link leads outside the site folder\n")
        }
    }

    private func notFound() -> Response {
        guard let page = site.notFoundPage() else { return Self.plain(.notFound, "404 not found\n") }
        return serve(page, status: .notFound)
    }

    private func serve(_ realPath: String, status: HTTPResponse.Status) -> Response {
        // Read per request: the file may have been replaced since the last one, and preview
        // sites are small enough to hold one file in memory.
        guard let data = FileManager.default.contents(atPath: realPath) else {
            return Self.plain(.notFound, "404 not found\n")
        }
        let type = ContentType.forFile(named: realPath)
        var bytes = [UInt8](data)
        if type == ContentType.html { bytes = LiveReloadScript.inject(into: bytes) }
        var response = Self.file(bytes, type: type)
        response.status = status
        return response
    }

    /// `text/event-stream` for one browser until it goes away or the server shuts down.
    private func eventStream() -> Response {
        let liveReload = liveReload
        let interval = heartbeatInterval
        let body = ResponseBody { writer in
            let (id, events) = liveReload.subscribe()
            defer { liveReload.unsubscribe(id) }
            try await withThrowingTaskGroup(of: Void.self) { group in
                group.addTask {
                    while true {
                        try await Task.sleep(for: interval)
                        liveReload.send(.heartbeat, to: id)
                    }
                }
                // `retry` makes the browser reconnect quickly after `lede serve` restarts.
                try await writer.write(ByteBuffer(string: ": lede live reload\nretry: 1000\n\n"))
                // Without `cancelOnGracefulShutdown` an open stream keeps the server from
                // stopping on SIGINT/SIGTERM (it waits for every response to finish).
                for await event in events.cancelOnGracefulShutdown() {
                    try await writer.write(ByteBuffer(string: event.encoded))
                }
                group.cancelAll()
            }
            try await writer.finish(nil)
        }
        var headers = Self.commonHeaders(type: "text/event-stream")
        headers[HTTPField.Name("X-Accel-Buffering")!] = "no"
        return Response(status: .ok, headers: headers, body: body)
    }

    private static func file(_ bytes: [UInt8], type: String) -> Response {
        var headers = commonHeaders(type: type)
        headers[.contentLength] = String(bytes.count)
        return Response(status: .ok, headers: headers, body: ResponseBody(byteBuffer: ByteBuffer(bytes: bytes)))
    }

    /// 302, not 301: browsers cache permanent redirects, and the folder may become a file in
    /// the next build (or the base path change).
    private static func redirect(to location: String) -> Response {
        var redirect = plain(.found, "")
        redirect.headers[.location] = location
        return redirect
    }

    private static func plain(_ status: HTTPResponse.Status, _ text: String) -> Response {
        var response = file(Array(text.utf8), type: "text/plain; charset=utf-8")
        response.status = status
        return response
    }

    /// `no-store` on everything: a preview must never show a stale stylesheet or page after a
    /// rebuild. `nosniff` so a browser treats each file as what the published site will say.
    private static func commonHeaders(type: String) -> HTTPFields {
        var headers = HTTPFields()
        headers[.contentType] = type
        headers[.cacheControl] = "no-store"
        headers[HTTPField.Name("X-Content-Type-Options")!] = "nosniff"
        return headers
    }
}
