import Foundation
import Glibc
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

    /// Writes the whole site into a staging folder beside the destination and swaps it in.
    ///
    /// The output a swap retires is kept as `.<name>.lede-previous` and becomes the next
    /// build's staging folder: its files are overwritten in place and the stale ones removed,
    /// which costs far less than deleting a whole site and creating every folder again.
    /// - Parameter hashing: Whether to hash every file for a later ``update(_:from:)``.
    /// - Returns: Every path written, and the new manifest when hashing.
    func write(_ site: BuiltSite, hashing: Bool) throws -> ([String], OutputManifest?) {
        let fileManager = FileManager.default
        let parent = destination.deletingLastPathComponent()
        let name = destination.lastPathComponent
        let staging = parent.appendingPathComponent(".\(name).lede-next")
        let previous = parent.appendingPathComponent(".\(name).lede-previous")
        let manifestFile = parent.appendingPathComponent(".\(name).lede-files")
        let previousManifestFile = parent.appendingPathComponent(".\(name).lede-previous-files")
        var written: [String] = []
        var hashes: [String: UInt64] = [:]
        var timer = PhaseTimer()
        defer { timer.report() }
        do {
            try fileManager.createDirectory(at: parent, withIntermediateDirectories: true)
            if fileManager.fileExists(atPath: staging.path) { try fileManager.removeItem(at: staging) }
            if fileManager.fileExists(atPath: previous.path) {
                try fileManager.moveItem(at: previous, to: staging)
            } else {
                try fileManager.createDirectory(at: staging, withIntermediateDirectories: true)
            }
            let all = try contents(of: site)
            timer.mark("prepare")
            var folders = FolderMaker(root: staging)
            for (path, _) in all { try folders.ensureFolder(of: path) }
            timer.mark("folders")
            let stagingPath = staging.path + "/"
            let failures = ParallelMap.map(all) { path, data -> String? in
                FileBytes.write(data, toPath: stagingPath + path).map { "\(path): \($0)" }
            }
            if let failure = failures.compactMap({ $0 }).first {
                throw DiagnosticError(Diagnostic(at: nil, "cannot write \(failure)"))
            }
            timer.mark("files")
            written = all.map(\.0)
            if hashing {
                for (path, data) in all { hashes[path] = data.withUnsafeBytes { ContentHash.of(buffer: $0) } }
            }
            timer.mark("hash")
            let stale = try? String(contentsOf: previousManifestFile, encoding: .utf8)
            timer.mark("read-list")
            removeStaleFiles(in: staging, keeping: Set(written), listed: stale)
            timer.mark("stale")
            try? fileManager.removeItem(at: previousManifestFile)
            if fileManager.fileExists(atPath: destination.path) {
                try fileManager.moveItem(at: destination, to: previous)
                try? fileManager.moveItem(at: manifestFile, to: previousManifestFile)
            }
            try fileManager.moveItem(at: staging, to: destination)
            try? Data(written.joined(separator: "\n").utf8).write(to: manifestFile)
            timer.mark("swap")
        } catch let error as DiagnosticError {
            try? fileManager.removeItem(at: staging)
            throw error
        } catch {
            try? fileManager.removeItem(at: staging)
            if !fileManager.fileExists(atPath: destination.path), fileManager.fileExists(atPath: previous.path) {
                try? fileManager.moveItem(at: previous, to: destination)
            }
            throw writeError(error)
        }
        guard hashing else { return (written, nil) }
        return (written, OutputManifest(hashes: hashes, folderIdentity: OutputManifest.identity(of: destination)))
    }

    /// Removes files a reused staging folder holds from an older build, and folders left empty.
    /// - Parameter listed: The files of that older build, one per line, as Lede recorded them
    ///   beside the output; without it the folder is walked (slower).
    private func removeStaleFiles(in folder: URL, keeping paths: Set<String>, listed: String?) {
        if let listed {
            var parents: Set<String> = []
            for path in listed.split(separator: "\n").map(String.init) where !paths.contains(path) {
                _ = unlink(folder.path + "/" + path)
                parents.insert((path as NSString).deletingLastPathComponent)
            }
            for parent in parents.sorted(by: { $0.count > $1.count }) where !parent.isEmpty {
                var current = parent
                while !current.isEmpty, rmdir(folder.path + "/" + current) == 0 {
                    current = (current as NSString).deletingLastPathComponent
                }
            }
            return
        }
        let prefix = folder.standardizedFileURL.path + "/"
        var folders: [URL] = []
        let enumerator = FileManager.default.enumerator(at: folder, includingPropertiesForKeys: [.isDirectoryKey])
        while let url = enumerator?.nextObject() as? URL {
            let relative = String(url.standardizedFileURL.path.dropFirst(prefix.count))
            if (try? url.resourceValues(forKeys: [.isDirectoryKey]))?.isDirectory == true {
                folders.append(url)
            } else if !paths.contains(relative) {
                try? FileManager.default.removeItem(at: url)
            }
        }
        for url in folders.reversed()
        where (try? FileManager.default.contentsOfDirectory(atPath: url.path))?.isEmpty == true {
            try? FileManager.default.removeItem(at: url)
        }
    }

    /// Updates a folder this builder wrote before: changed files only, each replaced atomically.
    /// - Returns: Paths added, changed or removed, and the new manifest.
    func update(_ site: BuiltSite, from manifest: OutputManifest) throws -> ([String], OutputManifest) {
        let fileManager = FileManager.default
        var changed: [String] = []
        var hashes: [String: UInt64] = [:]
        var timer = PhaseTimer()
        defer { timer.report() }
        do {
            var folders = FolderMaker(root: destination)
            let all = try contents(of: site)
            let allHashes = ParallelMap.map(all) { $0.1.withUnsafeBytes { ContentHash.of(buffer: $0) } }
            timer.mark("hash")
            for ((path, data), hash) in zip(all, allHashes) {
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
            timer.mark("update")
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
