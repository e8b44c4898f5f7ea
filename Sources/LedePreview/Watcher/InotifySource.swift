#if canImport(Glibc)
    internal import Glibc
    internal import LedeCore

    /// Watches through Linux inotify: one watch per folder (inotify is not recursive), new
    /// folders added as they appear, single files through their parent folder.
    ///
    /// Owned by the watcher thread once started; never touched from two threads at once.
    final class InotifySource {
        /// One inotify watch: a folder, and which names in it matter.
        struct Watch {
            var path: String
            /// Whether new subfolders are watched too (a watched tree, not a file's parent).
            var recursive: Bool
            /// The names reported, or `nil` for every name (a watched folder).
            var names: Set<String>?
        }

        let fd: Int32
        private var watches: [Int32: Watch] = [:]
        private var descriptors: [String: Int32] = [:]
        /// The paths asked for, reported together when the kernel's queue overflowed.
        private let roots: [String]

        private static let mask = UInt32(
            IN_CREATE | IN_DELETE | IN_MODIFY | IN_CLOSE_WRITE | IN_MOVED_FROM | IN_MOVED_TO | IN_DELETE_SELF
                | IN_MOVE_SELF | IN_ATTRIB)

        /// Creates the inotify instance and watches every path.
        ///
        /// - Throws: ``PreviewError`` when inotify is unavailable or a path cannot be watched.
        init(paths: [String]) throws(PreviewError) {
            // Non-blocking, so one read drains the queue; the thread waits in `poll` instead,
            // together with its wake-up pipe. CLOEXEC: a rebuild that spawns a process must
            // not leak the descriptor into it.
            fd = inotify_init1(Int32(IN_CLOEXEC | IN_NONBLOCK))
            guard fd >= 0 else { throw PreviewError(.inotifyUnavailable(message: Directory.errorMessage())) }
            roots = paths
            do {
                for path in paths {
                    if FileSystem.kind(at: path, followingLinks: true) == .folder {
                        var ignored = ChangeBurst()
                        try addTree(path, reporting: false, into: &ignored, at: .now)
                        // Also its parent, for the folder's name only: a folder deleted and
                        // recreated (`rm -r static && cp -r …`, a branch switch) is then watched
                        // again. Best effort: the parent may not be readable.
                        let (parent, name) = Directory.split(path)
                        try? addWatch(parent, recursive: false, name: name)
                    } else {
                        // A file, or a path that does not exist yet: watch its parent for the name,
                        // so a file replaced by rename (a new inode) is still seen.
                        let (parent, name) = Directory.split(path)
                        try addWatch(parent, recursive: false, name: name)
                    }
                }
            } catch {
                close(fd)
                throw error
            }
        }

        /// Closes the inotify instance, which drops every watch.
        func closeDescriptor() { close(fd) }

        /// Reads every queued event into `burst`; returns when the queue is empty.
        func readEvents(into burst: inout ChangeBurst, at now: ContinuousClock.Instant) {
            let size = 64 * 1024
            var buffer = [UInt8](repeating: 0, count: size)
            while true {
                let count = buffer.withUnsafeMutableBytes { read(fd, $0.baseAddress, size) }
                if count < 0 && errno == EINTR { continue }
                guard count > 0 else { return }  // EAGAIN: drained
                var offset = 0
                while offset + 16 <= count {
                    let (wd, eventMask, nameLength) = buffer.withUnsafeBytes { bytes in
                        (
                            bytes.loadUnaligned(fromByteOffset: offset, as: Int32.self),
                            bytes.loadUnaligned(fromByteOffset: offset + 4, as: UInt32.self),
                            Int(bytes.loadUnaligned(fromByteOffset: offset + 12, as: UInt32.self))
                        )
                    }
                    let nameBytes = buffer[(offset + 16)..<min(offset + 16 + nameLength, count)]
                    let name = String(decoding: nameBytes.prefix { $0 != 0 }, as: UTF8.self)
                    handle(wd: wd, mask: eventMask, name: name, into: &burst, at: now)
                    offset += 16 + nameLength
                }
            }
        }

        private func handle(
            wd: Int32, mask eventMask: UInt32, name: String, into burst: inout ChangeBurst,
            at now: ContinuousClock.Instant
        ) {
            func has(_ flag: Int32) -> Bool { eventMask & UInt32(flag) != 0 }
            if has(IN_Q_OVERFLOW) {
                // Events were lost: report everything, the rebuild is complete anyway.
                for root in roots { burst.record(root, existedBefore: true, at: now) }
                return
            }
            guard let watch = watches[wd] else { return }
            if has(IN_IGNORED) {
                // The kernel dropped the watch (folder deleted): forget it, or a reused number
                // would be mistaken for it.
                watches[wd] = nil
                if descriptors[watch.path] == wd { descriptors[watch.path] = nil }
                return
            }
            if has(IN_DELETE_SELF) || has(IN_MOVE_SELF) {
                // A watched root went away; a subfolder's removal is reported by its parent.
                if roots.contains(watch.path) { burst.record(watch.path, existedBefore: true, at: now) }
                return
            }
            guard !name.isEmpty else { return }
            if let names = watch.names, !names.contains(name) { return }
            if EditorFiles.isTemporary(name) { return }
            let path = watch.path + "/" + name

            if has(IN_ISDIR) {
                if has(IN_CREATE) || has(IN_MOVED_TO) {
                    // A new folder in a tree, or a watched path that appeared as a folder.
                    guard watch.recursive || watch.names != nil else { return }
                    try? addTree(path, reporting: true, into: &burst, at: now)
                } else if has(IN_DELETE) || has(IN_MOVED_FROM) {
                    removeTree(path)
                    burst.record(path, existedBefore: true, at: now)
                }
                return
            }
            let appeared = has(IN_CREATE) || has(IN_MOVED_TO)
            burst.record(path, existedBefore: !appeared, at: now)
        }

        /// Watches `root` and every folder below it. When `reporting`, the files found are
        /// recorded as created: they may have been written before the watch existed, and no
        /// event would ever come for them.
        private func addTree(
            _ root: String, reporting: Bool, into burst: inout ChangeBurst, at now: ContinuousClock.Instant
        ) throws(PreviewError) {
            var pending = [root]
            while let folder = pending.popLast() {
                // The watch first, then the listing: a file created in between appears in both,
                // never in neither.
                try addWatch(folder, recursive: true, name: nil)
                for name in Directory.names(in: folder) {
                    let path = folder + "/" + name
                    let kind = FileSystem.kind(at: path, followingLinks: false)
                    if kind == .missing { continue }
                    if kind == .folder {
                        pending.append(path)
                    } else if reporting && !EditorFiles.isTemporary(name) {
                        burst.record(path, existedBefore: false, at: now)
                    }
                }
            }
        }

        private func addWatch(_ folder: String, recursive: Bool, name: String?) throws(PreviewError) {
            if let existing = descriptors[folder], var watch = watches[existing] {
                watch.recursive = watch.recursive || recursive
                if let name, watch.names != nil {
                    watch.names?.insert(name)
                } else {
                    watch.names = nil
                }
                watches[existing] = watch
                return
            }
            // IN_ONLYDIR: if the folder was just replaced by a file, fail instead of watching it.
            let wd = inotify_add_watch(fd, folder, Self.mask | UInt32(IN_ONLYDIR))
            guard wd >= 0 else {
                throw PreviewError(.cannotWatch(path: folder, message: Directory.errorMessage()))
            }
            watches[wd] = Watch(path: folder, recursive: recursive, names: name.map { [$0] })
            descriptors[folder] = wd
        }

        /// Stops watching a folder that was deleted or moved away, and everything below it: a
        /// moved folder's watch would otherwise keep reporting under its old path.
        private func removeTree(_ root: String) {
            let prefix = root + "/"
            for (path, wd) in descriptors where path == root || path.hasPrefix(prefix) {
                inotify_rm_watch(fd, wd)
                watches[wd] = nil
                descriptors[path] = nil
            }
        }
    }
#endif
