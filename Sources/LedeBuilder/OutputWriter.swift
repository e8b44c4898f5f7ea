import Foundation
import LedeCore

/// Writes a built site so that readers of `Output/` only ever see a complete site.
///
/// The new site is assembled in a temporary folder beside the destination, then swapped in
/// with two renames. When anything fails, the temporary folder is removed and the previous
/// output is left byte for byte as it was.
struct OutputWriter {
    let destination: URL
    let siteRoot: URL

    /// - Returns: Output paths whose bytes differ from the previous output (every path on a first build).
    func write(_ site: BuiltSite) throws -> [String] {
        let fileManager = FileManager.default
        let parent = destination.deletingLastPathComponent()
        let name = destination.lastPathComponent
        let pid = ProcessInfo.processInfo.processIdentifier
        let staging = parent.appendingPathComponent(".\(name).new-\(pid)")
        let retired = parent.appendingPathComponent(".\(name).old-\(pid)")
        try? fileManager.removeItem(at: staging)
        try? fileManager.removeItem(at: retired)
        var changed: [String] = []
        do {
            try fileManager.createDirectory(at: staging, withIntermediateDirectories: true)
            var folders: Set<String> = []
            func ensureFolder(of path: String) throws {
                let folder = (path as NSString).deletingLastPathComponent
                guard !folder.isEmpty, folders.insert(folder).inserted else { return }
                try fileManager.createDirectory(at: staging.appendingPathComponent(folder), withIntermediateDirectories: true)
            }
            for (path, data) in site.files.sorted(by: { $0.key < $1.key }) {
                try ensureFolder(of: path)
                try data.write(to: staging.appendingPathComponent(path))
                if fileManager.contents(atPath: destination.appendingPathComponent(path).path) != data { changed.append(path) }
            }
            for (path, source) in site.publicFiles.sorted(by: { $0.key < $1.key }) {
                try ensureFolder(of: path)
                let data = try Data(contentsOf: source)
                try data.write(to: staging.appendingPathComponent(path))
                if fileManager.contents(atPath: destination.appendingPathComponent(path).path) != data { changed.append(path) }
            }
            if fileManager.fileExists(atPath: destination.path) {
                try fileManager.moveItem(at: destination, to: retired)
            }
            try fileManager.moveItem(at: staging, to: destination)
        } catch {
            try? fileManager.removeItem(at: staging)
            if !fileManager.fileExists(atPath: destination.path), fileManager.fileExists(atPath: retired.path) {
                try? fileManager.moveItem(at: retired, to: destination)
            }
            throw DiagnosticError(
                Diagnostic(at: nil, "cannot write the site to \(destination.path)", causes: [error.localizedDescription]))
        }
        try? fileManager.removeItem(at: retired)
        return changed
    }
}
