import Dispatch
import Foundation
import LedeCore
import LedeFuzzSupport
import LedePreview
import Synchronization

/// Sends one input as the request target of a `GET` to a running preview server and checks
/// that the answer never holds a file from outside the site folder.
///
/// The server serves a small site with the traps a request path can meet: a file and a folder
/// outside the site reached through symbolic links, a FIFO, names with spaces, `%`, non-ASCII
/// and leading dots. Control bytes and spaces of the input are percent-encoded, so that the
/// request stays one well-formed request line and the fuzzer spends its time on path
/// decoding and resolution rather than on the HTTP parser.
final class RequestPathFuzzer: Sendable {
    /// The contents of the file outside the site; a response holding it is a finding.
    static let secret = "LEDE-FUZZ-SECRET-OUTSIDE-THE-SITE"

    let scratch: FuzzScratch
    let port: Int

    /// Lazily, once per process: sets up the folder and starts the server.
    static let shared = RequestPathFuzzer()

    private init() {
        do {
            scratch = try FuzzScratch("request-path")
            try Self.makeSite(in: scratch)
        } catch {
            BundledSite.setupFailed("\(error)")
        }
        let ready = DispatchSemaphore(value: 0)
        let bound = Mutex<Int?>(nil)
        let server = PreviewServer(root: scratch.url.appendingPathComponent("site"), port: 0, liveReload: LiveReload())
        Task.detached {
            do {
                try await server.run { port in
                    bound.withLock { $0 = port }
                    ready.signal()
                }
            } catch {
                BundledSite.setupFailed("the preview server did not start: \(error)")
            }
        }
        guard ready.wait(timeout: .now() + 30) == .success, let port = bound.withLock({ $0 }) else {
            BundledSite.setupFailed("the preview server did not start within 30 seconds")
        }
        self.port = port
        // A harness that reaches nothing would report every input as fine: check it reaches files.
        let check = LoopbackClient.exchange(Array("GET /a/b.txt HTTP/1.1\r\nHost: 127.0.0.1\r\n\r\n".utf8), port: port)
        guard let check, check.body.elementsEqual("site file a/b.txt\n".utf8) else {
            BundledSite.setupFailed("the preview server does not serve /a/b.txt")
        }
    }

    /// The site, and the secret next to it.
    private static func makeSite(in scratch: FuzzScratch) throws {
        try scratch.write(Array(secret.utf8), to: "secret.txt")
        try scratch.write(Array(secret.utf8), to: "outside/index.html")
        let files = [
            "index.html", "404.html", "a/index.html", "a/b.txt", "a/b c.txt", "%41.txt", "%2e%2e/x.txt",
            "é/index.html", ".hidden", "x", "a/..b/index.html", "q?.txt",
        ]
        for file in files { try scratch.write(Array("site file \(file)\n".utf8), to: "site/\(file)") }
        let links = [
            ("site/link-out.txt", "../secret.txt"), ("site/dir-out", ".."), ("site/a/up", "../.."),
            ("site/outside", "../outside"),
        ]
        for (link, target) in links {
            try FileManager.default.createSymbolicLink(atPath: "\(scratch.path)/\(link)", withDestinationPath: target)
        }
        guard mkfifo("\(scratch.path)/site/fifo", 0o644) == 0 else {
            throw CocoaError(.fileWriteUnknown, userInfo: [NSLocalizedDescriptionKey: "cannot make a FIFO"])
        }
    }

    /// Runs one input: a crash, a hang or a response holding the secret is a finding.
    func test(_ bytes: UnsafeBufferPointer<UInt8>) {
        var request = Array("GET ".utf8)
        for byte in bytes {
            if byte <= 0x20 || byte == 0x7F {
                request += Array("%\(byte < 16 ? "0" : "")\(String(byte, radix: 16, uppercase: true))".utf8)
            } else {
                request.append(byte)
            }
        }
        request += Array(" HTTP/1.1\r\nHost: 127.0.0.1\r\n\r\n".utf8)
        guard let response = LoopbackClient.exchange(request, port: port) else { return }
        let secret = Array(Self.secret.utf8)
        let leaked = (response.head + response.body).firstRange(of: secret) != nil
        if leaked {
            Console.error("the preview server served a file from outside the site folder:")
            Console.error(String(decoding: response.head + response.body, as: UTF8.self))
            abort()
        }
    }
}
