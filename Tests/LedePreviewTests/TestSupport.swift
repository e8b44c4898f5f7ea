import Foundation
import LedeCore
import Testing

@testable import LedePreview

/// A fresh temporary folder, removed by `remove()`.
struct TemporaryFolder: Sendable {
    let path: String

    init() throws {
        let base = FileManager.default.temporaryDirectory.standardizedFileURL.path
        path = base + "/lede-preview-tests-" + UUID().uuidString
        try FileManager.default.createDirectory(atPath: path, withIntermediateDirectories: true)
    }

    var url: URL { URL(fileURLWithPath: path, isDirectory: true) }

    func file(_ relative: String) -> String { path + "/" + relative }

    /// Writes a file (creating folders), the way most tools do: truncate and write in place.
    @discardableResult
    func write(_ relative: String, _ text: String) throws -> String {
        let target = file(relative)
        try FileManager.default.createDirectory(
            atPath: (target as NSString).deletingLastPathComponent, withIntermediateDirectories: true)
        try Data(text.utf8).write(to: URL(fileURLWithPath: target))
        return target
    }

    func remove() {
        try? FileManager.default.removeItem(atPath: path)
    }
}

/// Runs a preview server on 127.0.0.1, port 0, for the duration of `body`.
func withServer(
    root: URL, liveReload: LiveReload = LiveReload(), heartbeat: Duration = .seconds(15),
    idleTimeout: Duration = .seconds(10), basePath: String = "/", sitePath: PreviewBasePath? = nil,
    _ body: @Sendable (Int) async throws -> Void
) async throws {
    var server = PreviewServer(root: root, host: "127.0.0.1", port: 0, liveReload: liveReload)
    server.basePath = basePath
    if let sitePath { server.sitePath = sitePath }
    server.heartbeatInterval = heartbeat
    server.idleTimeout = idleTimeout
    let (ports, continuation) = AsyncStream.makeStream(of: Int.self)
    let running = Task {
        do {
            try await server.runUntilCancelled { port in
                continuation.yield(port)
                continuation.finish()
            }
        } catch {
            continuation.finish()
            throw error
        }
    }
    defer { running.cancel() }
    let timeout = Task {
        try await Task.sleep(for: .seconds(30))
        continuation.finish()
    }
    var iterator = ports.makeAsyncIterator()
    let port = try #require(await iterator.next(), "the server never reported its port")
    timeout.cancel()
    try await body(port)
    running.cancel()
    _ = await running.result
}

/// The calls a watcher made, in order.
final class ChangeLog: Sendable {
    private let calls = Locked<[[String]]>([])

    func record(_ paths: [String]) { calls.withLock { $0.append(paths) } }

    var all: [[String]] { calls.withLock { $0 } }

    /// Waits until at least `count` calls arrived (or `timeout`), then `settle` more so that
    /// a wrong extra call would be seen; returns every call.
    func wait(for count: Int = 1, timeout: Duration = .seconds(15), settle: Duration) async -> [[String]] {
        let deadline = ContinuousClock.now + timeout
        while all.count < count && ContinuousClock.now < deadline {
            try? await Task.sleep(for: .milliseconds(20))
        }
        try? await Task.sleep(for: settle)
        return all
    }
}
