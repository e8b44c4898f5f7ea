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
        let folder = "\(base)/lede-fuzz-\(name)-\(ProcessInfo.processInfo.processIdentifier)-\(UUID().uuidString)"
        try FileManager.default.createDirectory(atPath: folder, withIntermediateDirectories: true)
        path = folder
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
