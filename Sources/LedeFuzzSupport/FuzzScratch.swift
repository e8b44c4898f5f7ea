public import Foundation
import LedeCore

/// A private folder a fuzz target writes its inputs into, created once per process and
/// removed when the process exits normally.
///
/// It lives in `/dev/shm` where there is one (every input is written to disk at least once,
/// thousands of times a second), else in the temporary folder.
public final class FuzzScratch: Sendable {
    /// The folder's absolute path, without a trailing `/`.
    public let path: String

    /// Creates a new, empty folder.
    /// - Parameter name: A word for the folder name (`content`), to tell runs apart.
    /// - Throws: When the folder cannot be created.
    public init(_ name: String) throws {
        let base =
            FileManager.default.fileExists(atPath: "/dev/shm")
            ? "/dev/shm" : FileManager.default.temporaryDirectory.standardizedFileURL.path
        Self.removeAbandoned(in: base)
        let folder = "\(base)/lede-fuzz-\(name)-\(ProcessInfo.processInfo.processIdentifier)-\(UUID().uuidString)"
        try FileManager.default.createDirectory(atPath: folder, withIntermediateDirectories: true)
        path = folder
    }

    /// Removes the folders of fuzz processes that are gone: libFuzzer ends a process with `exit`
    /// (and a crash ends it harder), so no folder is ever removed by the process that made it.
    private static func removeAbandoned(in base: String) {
        guard let names = try? FileManager.default.contentsOfDirectory(atPath: base) else { return }
        for name in names where name.hasPrefix("lede-fuzz-") {
            // lede-fuzz-NAME-PID-UUID: the UUID has four dashes, so the PID is the sixth field
            // from the end.
            let fields = name.split(separator: "-")
            guard fields.count >= 8, let pid = Int32(fields[fields.count - 6]) else { continue }
            if kill(pid, 0) != 0 && errno == ESRCH { try? FileManager.default.removeItem(atPath: "\(base)/\(name)") }
        }
    }

    deinit {
        try? FileManager.default.removeItem(atPath: path)
    }

    /// The folder as a URL.
    public var url: URL { URL(fileURLWithPath: path, isDirectory: true) }

    /// Writes `bytes` to `relativePath` below the folder, creating the folders on the way.
    /// - Throws: When the file cannot be written.
    public func write(_ bytes: some Sequence<UInt8>, to relativePath: String) throws {
        let target = "\(path)/\(relativePath)"
        let parent = PathText.parent(of: target)
        if !FileManager.default.fileExists(atPath: parent) {
            try FileManager.default.createDirectory(atPath: parent, withIntermediateDirectories: true)
        }
        if let problem = FileBytes.write(Data(bytes), toPath: target) {
            throw CocoaError(.fileWriteUnknown, userInfo: [NSLocalizedDescriptionKey: "\(target): \(problem)"])
        }
    }

    /// Removes `relativePath` below the folder, if it is there.
    public func remove(_ relativePath: String) {
        try? FileManager.default.removeItem(atPath: "\(path)/\(relativePath)")
    }

    /// Copies the folder `source` to `relativePath` below this one.
    /// - Throws: When the copy fails.
    public func copy(_ source: URL, to relativePath: String) throws {
        try FileManager.default.copyItem(at: source, to: url.appendingPathComponent(relativePath))
    }
}
