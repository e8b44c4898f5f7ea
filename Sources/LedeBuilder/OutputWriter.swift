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

    /// The spare folder made ready for one site's files (``openSpare(writing:carrying:)``): a
    /// build may write pages into it as it renders them, before ``write(_:hashing:stored:into:)``
    /// writes the rest and swaps it in.
    struct OpenSpare: Sendable {
        /// The spare's path, with a slash.
        let root: String

        /// What writing one file did.
        struct Written: Sendable {
            /// Why the file could not be written, with its path; `nil` when it was.
            var failure: String?
            var hash: UInt64?
            var record: BuildCache.FileRecord?
        }

        /// Puts the file at `source` (the output's) at `path` as a hard link; `false` when it cannot.
        func link(_ source: String, at path: String) -> Bool {
            FolderSwap.unlinkFile(root + path)
            return Glibc.link(source, root + path) == 0
        }

        /// Writes one file (its folder exists), hashing it when asked and recording it for the
        /// build cache when `recording`. Safe to call from several threads for different paths.
        func write(_ data: Data, at path: String, hashing: Bool, recording: Bool) -> Written {
            // The spare's file may be a hard link to the output's (a carried page).
            FolderSwap.unlinkFile(root + path)
            if let failure = FileBytes.write(data, toPath: root + path) {
                return Written(failure: "\(path): \(failure)")
            }
            guard hashing || recording else { return Written() }
            let hash = ContentHash.fast(data)
            return Written(hash: hash, record: recording ? BuildCache.FileRecord.of(root + path, hash: hash) : nil)
        }
    }

    /// Removes the spare folder, when it is one (a build that made it and then failed).
    func removeSpare() {
        guard FileSystem.kind(at: spare, followingLinks: false) == .folder else { return }
        try? FileManager.default.removeItem(atPath: spare)
    }

    /// Makes the spare ready for a site: the files of the last site there that the new one does
    /// not have are removed, and the folders of the files to write are made. Its mark lists the
    /// files of both sites until ``write(_:hashing:stored:into:)`` is done, so that a build
    /// killed in between leaves a list that covers everything in the folder.
    /// - Parameters:
    ///   - paths: Every file the build will write (pages yet to be rendered included).
    ///   - carrying: Pages carried over from the last build (see ``BuiltSite/carried``).
    func openSpare(writing paths: [String], carrying: [String]) throws -> OpenSpare {
        try reportingErrors {
            let spare = self.spare
            for path in paths where !OutputMark.isSafeRelativePath(path) {
                throw DiagnosticError(Diagnostic(at: nil, "cannot write '\(path)': not a path inside the output"))
            }
            try FileManager.default.createDirectory(
                atPath: PathText.parent(of: destination.path), withIntermediateDirectories: true)
            let stale = try prepareSpare(spare)
            let written = Set(paths).union(carrying)
            try OutputMark.write(Set(stale ?? []).union(written), in: spare)
            // Stale files go first, so that a file that became a folder (or the reverse) is
            // out of the way.
            if let stale { removeFiles(Set(stale).subtracting(written), in: spare) }
            // Carried pages make their folder only when the spare does not hold them (see `carry`).
            var folders = FolderMaker(root: spare)
            for path in paths { try folders.ensureFolder(of: path) }
            return OpenSpare(root: spare + "/")
        }
    }

    /// Writes the whole site into the spare folder and swaps it in.
    ///
    /// A page carried over from the last build (``BuiltSite/carried``) is not written: when the
    /// spare already holds it (the build cache's record of the spare says so, and the file still
    /// has the recorded size, time and inode) it stays; otherwise the output's file is hard-linked
    /// into the spare (copied where links fail). Every file is unlinked before it is written, so
    /// that writing never goes through a link into the output being served.
    /// - Parameters:
    ///   - hashing: Whether to hash every file for a later ``update(_:from:)``.
    ///   - stored: The build cache of the last build, for carried pages.
    ///   - opened: The spare the build already wrote its pages into (``BuiltSite/streamed``);
    ///     `nil` to prepare it here.
    /// - Returns: Every path written, the new manifest when hashing, and the output folder's
    ///   record for the build cache when the site keeps one.
    func write(_ site: BuiltSite, hashing: Bool, stored: BuildCache? = nil, into opened: OpenSpare? = nil) throws
        -> ([String], OutputManifest?, BuildCache.Folder?)
    {
        var written: [String] = []
        var hashes: [String: UInt64] = [:]
        let recording = site.cacheRecord != nil
        var records: [String: BuildCache.FileRecord] = [:]
        var timer = PhaseTimer()
        defer { timer.report() }
        try reportingErrors {
            let all = try contents(of: site)
            let carried = site.carried.keys.sorted()
            written =
                site.streamed.isEmpty
                ? all.map(\.0) + carried
                : (Array(site.files.keys) + site.streamed.keys).sorted() + site.publicFiles.keys.sorted() + carried
            let spare = try opened ?? openSpare(writing: all.map(\.0), carrying: carried)
            timer.mark("prepare")
            // A file the build cache recorded in the output with the same bytes (a generated
            // file, a copied one) is linked, not written: it keeps its time, for tools that
            // upload what changed.
            let kept = recording && stored?.output.isSame(as: destination.path) == true ? stored?.output.files : nil
            let outputRoot = destination.path + "/"
            let outcomes = ParallelMap.map(all) { path, data in
                if let known = kept?[path], known.size == data.count, ContentHash.fast(data) == known.hash,
                    known.matches(outputRoot + path), spare.link(outputRoot + path, at: path)
                {
                    return OpenSpare.Written(hash: known.hash, record: known)
                }
                return spare.write(data, at: path, hashing: hashing || recording, recording: recording)
            }
            if let failure = outcomes.compactMap(\.failure).first {
                throw DiagnosticError(Diagnostic(at: nil, "cannot write \(failure)"))
            }
            timer.mark("files")
            for ((path, _), outcome) in zip(all, outcomes) {
                hashes[path] = outcome.hash
                records[path] = outcome.record
            }
            for (path, file) in site.streamed {
                hashes[path] = file.hash
                records[path] = file.record
            }
            if recording {
                let carriedRecords = try carry(carried, of: site, into: spare.root, stored: stored)
                for (path, record) in zip(carried, carriedRecords) {
                    records[path] = record
                    hashes[path] = record.hash
                }
            }
            timer.mark("hash")
            try OutputMark.write(written, in: self.spare)
            timer.mark("stale")
            switch FileSystem.kind(at: destination.path, followingLinks: false) {
            case .missing: try FolderSwap.rename(self.spare, to: destination.path)
            case .folder: try FolderSwap.exchange(self.spare, destination.path)
            case .file, .symbolicLink, .other:
                throw DiagnosticError(
                    Diagnostic(at: nil, "cannot write the site to \(destination.path): it is no longer a folder"))
            }
            timer.mark("swap")
        }
        let folder = FileSystem.status(at: destination.path, followingLinks: false).map {
            BuildCache.Folder(identity: $0.inode, files: records)
        }
        guard hashing else { return (written, nil, recording ? folder : nil) }
        return (
            written, OutputManifest(hashes: hashes, folderIdentity: OutputManifest.identity(of: destination)),
            recording ? folder : nil
        )
    }

    /// Runs `body`, giving its errors as the ``DiagnosticError`` the writer reports.
    private func reportingErrors<T>(_ body: () throws -> T) throws -> T {
        do {
            return try body()
        } catch let error as DiagnosticError {
            throw error
        } catch let error as FolderSwap.SwapError {
            throw DiagnosticError(
                Diagnostic(at: nil, "cannot write the site to \(destination.path)", causes: [error.message]))
        } catch {
            throw writeError(error)
        }
    }

    /// Puts the carried pages into the spare: kept when the spare's file is the one recorded
    /// with the same hash, else hard-linked (or copied) from the output.
    /// - Returns: Each page's record, in the order of `paths`.
    private func carry(_ paths: [String], of site: BuiltSite, into sparePath: String, stored: BuildCache?) throws
        -> [BuildCache.FileRecord]
    {
        let spareRecords = stored?.spare.flatMap { $0.isSame(as: spare) ? $0.files : nil } ?? [:]
        let outputRecords = stored?.output.files ?? [:]
        let outputPath = destination.path + "/"
        let outcomes = ParallelMap.map(paths) { path -> Result<BuildCache.FileRecord, DiagnosticError> in
            guard let hash = site.carried[path], let known = outputRecords[path] else {
                return .failure(
                    DiagnosticError(Diagnostic(at: nil, "cannot carry \(path): the build cache has no record of it")))
            }
            if let kept = spareRecords[path], kept.hash == hash, kept.matches(sparePath + path) {
                return .success(kept)
            }
            FolderSwap.unlinkFile(sparePath + path)
            if link(outputPath + path, sparePath + path) == 0 { return .success(known) }
            if errno == ENOENT {
                try? FileManager.default.createDirectory(
                    atPath: PathText.parent(of: sparePath + path), withIntermediateDirectories: true)
                if link(outputPath + path, sparePath + path) == 0 { return .success(known) }
            }
            // Where links fail (another file system under the spare), a copy, checked against the record.
            guard let data = FileManager.default.contents(atPath: outputPath + path), ContentHash.fast(data) == hash,
                FileBytes.write(data, toPath: sparePath + path) == nil,
                let copied = BuildCache.FileRecord.of(sparePath + path, hash: hash)
            else {
                return .failure(
                    DiagnosticError(
                        Diagnostic(at: nil, "cannot write \(path): the output's copy changed during the build")))
            }
            return .success(copied)
        }
        return try outcomes.map { try $0.get() }
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
                return ContentHash.fast(data)
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
