internal import LedeCore

#if canImport(Glibc)
    internal import Glibc
#elseif canImport(Darwin)
    internal import Darwin
#endif

/// Watches by comparing snapshots, for file systems that send no inotify events (network
/// mounts, some container and VM shares).
struct PollingSource {
    /// What identifies one version of a file: a rename over it changes the inode, an edit
    /// the modification time or size.
    struct Stamp: Equatable {
        var seconds: Int
        var nanoseconds: Int
        var size: Int
        var inode: UInt
    }

    private let roots: [String]
    private var snapshot: [String: Stamp]

    /// Takes the first snapshot, so that changes right after `start()` are seen.
    init(paths: [String]) {
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
            guard let info = Directory.followedStatus(root) else { continue }
            guard Directory.isDirectory(info) else {
                result[root] = Stamp(info)
                continue
            }
            var pending = [root]
            while let folder = pending.popLast() {
                for name in Directory.names(in: folder) {
                    let path = folder + "/" + name
                    guard let info = Directory.status(path) else { continue }
                    if Directory.isDirectory(info) {
                        pending.append(path)
                    } else if !EditorFiles.isTemporary(name) {
                        result[path] = Stamp(info)
                    }
                }
            }
        }
        return result
    }
}

extension PollingSource.Stamp {
    init(_ info: FileStatus) {
        seconds = info.modified / 1_000_000_000
        nanoseconds = info.modified % 1_000_000_000
        size = info.size
        inode = info.inode
    }
}
