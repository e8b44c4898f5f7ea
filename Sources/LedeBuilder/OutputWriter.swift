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

/// Writes a built site so that readers of `Output/` only ever see a whole site.
///
/// A build assembles the new site in Lede's spare folder beside the destination
/// (`.Output.lede-spare`), then exchanges the two folders in one atomic step
/// (`renameat2(RENAME_EXCHANGE)`): at every moment, even after a `kill -9`, `Output/` is the
/// whole old site or the whole new one. The spare then holds the old site and is reused by the
/// next build, whose files overwrite it in place, which costs far less than deleting a site and
/// creating every folder again. When anything fails, the previous output is left as it was.
/// Later builds of the same builder (preview, `--watch`) update the folder in place: each
/// changed file is written to a temporary name and renamed over the old one.
///
/// Both folders carry an ``OutputMark`` listing their files; nothing is ever removed that is
/// not inside one of them, whatever the list says.
struct OutputWriter {
    let destination: URL
    let siteRoot: URL

    /// The spare folder beside the destination.
    var spare: String {
        let path = destination.path
        return PathText.parent(of: path) + "/." + PathText.lastComponent(of: path) + ".lede-spare"
    }

    /// The bytes of every output file, generated and copied.
    private func contents(of site: BuiltSite) throws -> [(String, Data)] {
        var all = site.files.sorted { $0.key < $1.key }
        for (path, source) in site.publicFiles.sorted(by: { $0.key < $1.key }) {
            all.append((path, try Data(contentsOf: source)))
        }
        for (path, _) in all where !OutputMark.isSafeRelativePath(path) {
            throw DiagnosticError(Diagnostic(at: nil, "cannot write '\(path)': not a path inside the output"))
        }
        return all
    }

    /// Writes the whole site into the spare folder and swaps it in.
    /// - Parameter hashing: Whether to hash every file for a later ``update(_:from:)``.
    /// - Returns: Every path written, and the new manifest when hashing.
    func write(_ site: BuiltSite, hashing: Bool) throws -> ([String], OutputManifest?) {
        let fileManager = FileManager.default
        let spare = self.spare
        var written: [String] = []
        var hashes: [String: UInt64] = [:]
        var timer = PhaseTimer()
        defer { timer.report() }
        do {
            try fileManager.createDirectory(
                atPath: PathText.parent(of: destination.path), withIntermediateDirectories: true)
            let stale = try prepareSpare(spare)
            let all = try contents(of: site)
            written = all.map(\.0)
            // Until the stale files are gone, the spare holds old and new files: list both, so
            // that a build killed in between leaves a list that covers everything in the folder.
            try OutputMark.write(Set(stale ?? []).union(written), in: spare)
            // Stale files go first, so that a file that became a folder (or the reverse) is
            // out of the way.
            if let stale { removeFiles(Set(stale).subtracting(written), in: spare) }
            timer.mark("prepare")
            var folders = FolderMaker(root: spare)
            for (path, _) in all { try folders.ensureFolder(of: path) }
            timer.mark("folders")
            let sparePath = spare + "/"
            let failures = ParallelMap.map(all) { path, data -> String? in
                FileBytes.write(data, toPath: sparePath + path).map { "\(path): \($0)" }
            }
            if let failure = failures.compactMap({ $0 }).first {
                throw DiagnosticError(Diagnostic(at: nil, "cannot write \(failure)"))
            }
            timer.mark("files")
            if hashing {
                for (path, data) in all { hashes[path] = data.withUnsafeBytes { ContentHash.of(buffer: $0) } }
            }
            timer.mark("hash")
            try OutputMark.write(written, in: spare)
            timer.mark("stale")
            switch FileSystem.kind(at: destination.path, followingLinks: false) {
            case .missing: try FolderSwap.rename(spare, to: destination.path)
            case .folder: try FolderSwap.exchange(spare, destination.path)
            case .file, .symbolicLink, .other:
                throw DiagnosticError(
                    Diagnostic(at: nil, "cannot write the site to \(destination.path): it is no longer a folder"))
            }
            timer.mark("swap")
        } catch let error as DiagnosticError {
            throw error
        } catch let error as FolderSwap.SwapError {
            throw DiagnosticError(
                Diagnostic(at: nil, "cannot write the site to \(destination.path)", causes: [error.message]))
        } catch {
            throw writeError(error)
        }
        guard hashing else { return (written, nil) }
        return (written, OutputManifest(hashes: hashes, folderIdentity: OutputManifest.identity(of: destination)))
    }

    /// Makes the spare folder ready to receive a site.
    ///
    /// A spare with a readable mark is reused (its listed files are overwritten or removed
    /// later); any other spare (damaged, from an older Lede, or not a folder) is removed first:
    /// it is Lede's own folder, and nothing in it can be trusted.
    /// - Returns: The files the reused spare lists, or `nil` for a new, empty spare.
    private func prepareSpare(_ spare: String) throws -> [String]? {
        switch FileSystem.kind(at: spare, followingLinks: false) {
        case .folder:
            if let listed = OutputMark.files(in: spare) { return listed }
            try FileManager.default.removeItem(atPath: spare)
        case .file, .symbolicLink, .other: FolderSwap.unlinkFile(spare)
        case .missing: break
        }
        try FileManager.default.createDirectory(atPath: spare, withIntermediateDirectories: false)
        return nil
    }

    /// Removes listed files from `folder`, and the folders they leave empty. Every path has
    /// passed ``OutputMark/isSafeRelativePath(_:)``, so nothing outside `folder` is touched.
    private func removeFiles(_ paths: Set<String>, in folder: String) {
        var parents: Set<String> = []
        for path in paths where OutputMark.isSafeRelativePath(path) {
            FolderSwap.unlinkFile(folder + "/" + path)
            parents.insert(PathText.parent(of: path))
        }
        for parent in parents.sorted(by: { $0.count > $1.count }) where !parent.isEmpty {
            var current = parent
            while !current.isEmpty, FolderSwap.removeEmptyFolder(folder + "/" + current) {
                current = PathText.parent(of: current)
            }
        }
    }

    /// Updates a folder this builder wrote before: changed files only, each replaced atomically.
    /// - Returns: Paths added, changed or removed, and the new manifest.
    func update(_ site: BuiltSite, from manifest: OutputManifest) throws -> ([String], OutputManifest) {
        var changed: [String] = []
        var hashes: [String: UInt64] = [:]
        var timer = PhaseTimer()
        defer { timer.report() }
        do {
            var folders = FolderMaker(root: destination.path)
            let all = try contents(of: site)
            // A file the builder knows is unchanged keeps the hash it had.
            let allHashes = ParallelMap.map(all) { path, data in
                if site.unchangedPaths.contains(path), let known = manifest.hashes[path] { return known }
                return data.withUnsafeBytes { ContentHash.of(buffer: $0) }
            }
            timer.mark("hash")
            let paths = Set(all.map(\.0))
            let gone = manifest.hashes.keys.filter { !paths.contains($0) }
            let added = all.contains { manifest.hashes[$0.0] == nil }
            if added { try OutputMark.write(Set(manifest.hashes.keys).union(paths), in: destination.path) }
            for ((path, data), hash) in zip(all, allHashes) {
                hashes[path] = hash
                guard manifest.hashes[path] != hash else { continue }
                try folders.ensureFolder(of: path)
                let target = destination.appendingPathComponent(path)
                try data.write(to: target, options: .atomic)
                changed.append(path)
            }
            removeFiles(Set(gone), in: destination.path)
            changed += gone.sorted()
            if added || !gone.isEmpty { try OutputMark.write(paths, in: destination.path) }
            timer.mark("update")
        } catch let error as DiagnosticError {
            throw error
        } catch {
            throw writeError(error)
        }
        return (changed, OutputManifest(hashes: hashes, folderIdentity: manifest.folderIdentity))
    }

    private func writeError(_ error: any Error) -> DiagnosticError {
        DiagnosticError(
            Diagnostic(at: nil, "cannot write the site to \(destination.path)", causes: [error.localizedDescription]))
    }
}

/// Creates each output folder once.
private struct FolderMaker {
    let root: String
    var made: Set<String> = []

    mutating func ensureFolder(of path: String) throws {
        let folder = PathText.parent(of: path)
        guard !folder.isEmpty, made.insert(folder).inserted else { return }
        try FileManager.default.createDirectory(atPath: root + "/" + folder, withIntermediateDirectories: true)
    }
}
