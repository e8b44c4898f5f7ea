internal import LedeCore

#if canImport(Glibc)
    internal import Glibc
#elseif canImport(Darwin)
    internal import Darwin
#endif

/// Watches by comparing snapshots: the watcher on systems without inotify (macOS and every
/// other non-Linux system), and on Linux for file systems that send no inotify events (network
/// mounts, some container and VM shares; `--poll`). The same ``FileWatcher`` interface and
/// tests cover both sources.
struct PollingSource {
    /// What identifies one version of a file: a rename over it changes the inode, an edit
    /// the modification time or size (``FileSystem`` reads the platform's `stat` fields).
    typealias Stamp = FileStatus

    private let roots: [String]
    private var snapshot: [String: Stamp]

    /// Takes the first snapshot, so that changes right after `start()` are seen.
    /// - Throws: ``PreviewError`` when a path is neither a folder nor in one, as inotify does:
    ///   a file that does not exist yet is watched, a file in a folder that does not exist is
    ///   refused.
    init(paths: [String]) throws(PreviewError) {
        for path in paths where FileSystem.kind(at: path, followingLinks: true) != .folder {
            let parent = Directory.split(path).parent
            let kind = FileSystem.kind(at: parent, followingLinks: true)
            guard kind == .folder else {
                let code = kind == .missing ? ENOENT : ENOTDIR
                throw PreviewError(.cannotWatch(path: parent, message: Directory.errorMessage(code)))
            }
        }
        roots = paths
        snapshot = Self.snapshot(of: paths)
    }

    /// Compares a new snapshot with the last; records differences and returns whether there
    /// were any.
    mutating func scan(into burst: inout ChangeBurst, at now: ContinuousClock.Instant) -> Bool {
        let current = Self.snapshot(of: roots)
        var changed = false
        for (path, stamp) in current where snapshot[path] != stamp {
            burst.record(path, existedBefore: snapshot[path] != nil, at: now)
            changed = true
        }
        for path in snapshot.keys where current[path] == nil {
            burst.record(path, existedBefore: true, at: now)
            changed = true
        }
        snapshot = current
        return changed
    }

    /// Every file under the roots (folders walked without following links), by path.
    static func snapshot(of roots: [String]) -> [String: Stamp] {
        var result: [String: Stamp] = [:]
        for root in roots {
            guard let status = FileSystem.status(at: root, followingLinks: true) else { continue }
            guard status.kind == .folder else {
                result[root] = status
                continue
            }
            var pending = [root]
            while let folder = pending.popLast() {
                for name in Directory.names(in: folder) {
                    let path = folder + "/" + name
                    // Links are not followed, so a link to a parent folder cannot make the walk
                    // loop forever.
                    guard let status = FileSystem.status(at: path, followingLinks: false) else { continue }
                    if status.kind == .folder {
                        pending.append(path)
                    } else if !EditorFiles.isTemporary(name) {
                        result[path] = status
                    }
                }
            }
        }
        return result
    }
}
