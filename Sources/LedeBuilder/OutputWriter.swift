import Foundation
import LedeCore

/// What a builder last wrote: every output path with a hash of its bytes.
struct OutputManifest: Sendable {
    var hashes: [String: UInt64]
    /// The output folder's identity when it was written, to notice someone replacing it.
    var folderIdentity: Int?

    static func identity(of folder: URL) -> Int? {
        guard let attributes = try? FileManager.default.attributesOfItem(atPath: folder.path) else { return nil }
        return (attributes[.systemFileNumber] as? Int) ?? (attributes[.systemFileNumber] as? NSNumber)?.intValue
    }

    func isIntact(at folder: URL) -> Bool {
        folderIdentity != nil && OutputManifest.identity(of: folder) == folderIdentity
    }
}

/// Writes a built site so that readers of `Output/` only ever see complete files.
///
/// A first build assembles the new site in a temporary folder beside the destination, then
/// swaps it in with two renames. When anything fails, the temporary folder is removed and the
/// previous output is left byte for byte as it was. Later builds of the same builder (preview,
/// `--watch`) update the folder in place: each changed file is written to a temporary name and
/// renamed over the old one, and files that are no longer produced are removed.
struct OutputWriter {
    let destination: URL
    let siteRoot: URL

    /// The bytes of every output file, generated and copied.
    private func contents(of site: BuiltSite) throws -> [(String, Data)] {
        var all = site.files.sorted { $0.key < $1.key }
        for (path, source) in site.publicFiles.sorted(by: { $0.key < $1.key }) {
            all.append((path, try Data(contentsOf: source)))
        }
        return all
    }

    /// Writes the whole site into a fresh folder and swaps it in.
    /// - Returns: Every path written, and the new manifest when hashing.
    /// - Parameter hashing: Whether to hash every file for a later ``update(_:from:)``.
    func write(_ site: BuiltSite, hashing: Bool) throws -> ([String], OutputManifest?) {
        let fileManager = FileManager.default
        let parent = destination.deletingLastPathComponent()
        let name = destination.lastPathComponent
        let pid = ProcessInfo.processInfo.processIdentifier
        let staging = parent.appendingPathComponent(".\(name).new-\(pid)")
        let retired = parent.appendingPathComponent(".\(name).old-\(pid)")
        try? fileManager.removeItem(at: staging)
        try? fileManager.removeItem(at: retired)
        var changed: [String] = []
        var hashes: [String: UInt64] = [:]
        do {
            try fileManager.createDirectory(at: parent, withIntermediateDirectories: true)
            try fileManager.createDirectory(at: staging, withIntermediateDirectories: true)
            var folders = FolderMaker(root: staging)
            for (path, data) in try contents(of: site) {
                try folders.ensureFolder(of: path)
                try data.write(to: staging.appendingPathComponent(path))
                if hashing { hashes[path] = ContentHash.of(data) }
                changed.append(path)
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
            throw writeError(error)
        }
        try? fileManager.removeItem(at: retired)
        guard hashing else { return (changed, nil) }
        return (changed, OutputManifest(hashes: hashes, folderIdentity: OutputManifest.identity(of: destination)))
    }

    /// Updates a folder this builder wrote before: changed files only, each replaced atomically.
    /// - Returns: Paths added, changed or removed, and the new manifest.
    func update(_ site: BuiltSite, from manifest: OutputManifest) throws -> ([String], OutputManifest) {
        let fileManager = FileManager.default
        var changed: [String] = []
        var hashes: [String: UInt64] = [:]
        do {
            var folders = FolderMaker(root: destination)
            for (path, data) in try contents(of: site) {
                let hash = ContentHash.of(data)
                hashes[path] = hash
                guard manifest.hashes[path] != hash else { continue }
                try folders.ensureFolder(of: path)
                let target = destination.appendingPathComponent(path)
                try data.write(to: target, options: .atomic)
                changed.append(path)
            }
            for path in manifest.hashes.keys.sorted() where hashes[path] == nil {
                try? fileManager.removeItem(at: destination.appendingPathComponent(path))
                removeEmptyFolders(above: path)
                changed.append(path)
            }
        } catch {
            throw writeError(error)
        }
        return (changed, OutputManifest(hashes: hashes, folderIdentity: manifest.folderIdentity))
    }

    private func removeEmptyFolders(above path: String) {
        var folder = (path as NSString).deletingLastPathComponent
        while !folder.isEmpty {
            let url = destination.appendingPathComponent(folder)
            guard (try? FileManager.default.contentsOfDirectory(atPath: url.path))?.isEmpty == true else { return }
            try? FileManager.default.removeItem(at: url)
            folder = (folder as NSString).deletingLastPathComponent
        }
    }

    private func writeError(_ error: any Error) -> DiagnosticError {
        DiagnosticError(
            Diagnostic(at: nil, "cannot write the site to \(destination.path)", causes: [error.localizedDescription]))
    }
}

/// Creates each output folder once.
private struct FolderMaker {
    let root: URL
    var made: Set<String> = []

    mutating func ensureFolder(of path: String) throws {
        let folder = (path as NSString).deletingLastPathComponent
        guard !folder.isEmpty, made.insert(folder).inserted else { return }
        try FileManager.default.createDirectory(
            at: root.appendingPathComponent(folder), withIntermediateDirectories: true)
    }
}
