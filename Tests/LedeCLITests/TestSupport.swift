import Foundation

/// The package root, found from this file's place in it.
let packageRoot = URL(fileURLWithPath: #filePath)
    .deletingLastPathComponent().deletingLastPathComponent().deletingLastPathComponent()

/// The `lede` binary `swift build` makes (`swift test` builds it too), or the one
/// `LEDE_BINARY` names (`make tsan` runs the round trip on its ThreadSanitizer build).
let ledeBinary =
    ProcessInfo.processInfo.environment["LEDE_BINARY"].map { URL(fileURLWithPath: $0, relativeTo: packageRoot) }
    ?? packageRoot.appendingPathComponent(".build/debug/lede")

/// What a finished process printed and how it exited.
struct ProcessResult {
    var status: Int32
    var stdout: String
    var stderr: String
}

/// Runs the `lede` binary with arguments in a folder and waits for it; after `timeout` seconds,
/// if given, it is terminated (a `lede serve` that should have exited fails the test instead of
/// hanging it).
func runLede(_ arguments: [String], in folder: URL, timeout: Double? = nil) throws -> ProcessResult {
    let process = Process()
    process.executableURL = ledeBinary
    process.arguments = arguments
    process.currentDirectoryURL = folder
    let out = Pipe()
    let err = Pipe()
    process.standardOutput = out
    process.standardError = err
    try process.run()
    if let timeout {
        let running = process
        DispatchQueue.global().asyncAfter(deadline: .now() + timeout) { if running.isRunning { running.terminate() } }
    }
    let stdout = out.fileHandleForReading.readDataToEndOfFile()
    let stderr = err.fileHandleForReading.readDataToEndOfFile()
    process.waitUntilExit()
    return ProcessResult(
        status: process.terminationStatus, stdout: String(decoding: stdout, as: UTF8.self),
        stderr: String(decoding: stderr, as: UTF8.self))
}

/// Runs `body` with a copy of the bundled site (Content, seeds, Templates, Public), removed afterwards.
func withSiteCopy<T>(_ body: (URL) throws -> T) throws -> T {
    let folder = FileManager.default.temporaryDirectory.appendingPathComponent("lede-cli-\(UUID().uuidString)")
    try FileManager.default.createDirectory(at: folder, withIntermediateDirectories: true)
    defer { try? FileManager.default.removeItem(at: folder) }
    for name in ["Content", "seeds", "Templates", "Public"] {
        try FileManager.default.copyItem(
            at: packageRoot.appendingPathComponent(name), to: folder.appendingPathComponent(name))
    }
    return try body(folder)
}

/// Every file below a folder, by relative path.
func snapshot(of folder: URL) throws -> [String: Data] {
    let base = folder.standardizedFileURL.path + "/"
    var result: [String: Data] = [:]
    for case let url as URL in FileManager.default.enumerator(at: folder, includingPropertiesForKeys: nil) ?? .init()
    where !url.hasDirectoryPath {
        result[String(url.standardizedFileURL.path.dropFirst(base.count))] = try Data(contentsOf: url)
    }
    return result
}
