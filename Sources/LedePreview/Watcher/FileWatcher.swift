internal import Dispatch
public import Foundation
internal import LedeCore

#if canImport(Glibc)
    internal import Glibc
#elseif canImport(Darwin)
    internal import Darwin
#endif

/// Watches folders (recursively, adding folders created later) and files, calling `onChange`
/// once per burst of events after `debounce` of quiet, or `maxWait` after the burst began when
/// events keep coming. inotify through Glibc on its own Thread
/// (blocking read), or polling (mtime/size/inode snapshot every `pollInterval`) when
/// `usePolling` (file systems without inotify) and always on systems without inotify (macOS).
///
/// Editors' swap, backup and lock files (`.swp`, `.swx`, `~`, `4913`, `.#…`, `#…#`) are not
/// changes by themselves; a temporary file created and gone within one burst is left out, so
/// every save pattern reports exactly the real file.
///
/// > Warning: `onChange` runs on the watcher's own thread; events that arrive meanwhile
/// > are queued by the kernel and form the next burst.
public final class FileWatcher: Sendable {
    private let paths: [String]
    private let debounce: Duration
    private let maxWait: Duration
    private let usePolling: Bool
    private let pollInterval: Duration
    private let onChange: @Sendable ([String]) -> Void
    private let running = Locked<Running?>(nil)

    /// A started watcher: how to wake its thread, and how to know it has finished.
    private struct Running: Sendable {
        var wakeFD: Int32
        var finished: DispatchSemaphore
        /// The watcher thread, once it runs: `stop()` from `onChange` must not wait for itself.
        var threadID: Locked<pthread_t?>
    }

    /// Creates a watcher; nothing is watched until ``start()``.
    ///
    /// - Parameters:
    ///   - paths: Folders (watched with everything below them) and files (watched through
    ///     their parent folder, so a path that does not exist yet is seen when created).
    ///   - debounce: How long events must stop before `onChange` is called.
    ///   - maxWait: The longest a burst waits for quiet: changes that never stop (autosave, a
    ///     script) are still reported at least this often.
    ///   - usePolling: Compare snapshots instead of using inotify.
    ///   - pollInterval: How often a snapshot is taken when polling.
    ///   - onChange: Called once per burst with the changed paths, absolute, deduplicated and
    ///     sorted.
    public init(
        paths: [URL], debounce: Duration = .milliseconds(30), maxWait: Duration = .milliseconds(250),
        usePolling: Bool = false,
        pollInterval: Duration = .milliseconds(250), onChange: @escaping @Sendable ([String]) -> Void
    ) {
        self.paths = paths.map { url in
            let path = url.standardizedFileURL.path
            return path.count > 1 && path.hasSuffix("/") ? String(path.dropLast()) : path
        }
        self.debounce = debounce
        self.maxWait = maxWait
        self.usePolling = usePolling
        self.pollInterval = pollInterval
        self.onChange = onChange
    }

    deinit { stop() }

    /// Starts watching; changes made after it returns are reported. Does nothing when already
    /// started.
    ///
    /// - Throws: ``PreviewError`` when inotify is unavailable or a path (or a file's parent
    ///   folder) cannot be watched.
    public func start() throws {
        try running.withLock { running throws(PreviewError) in
            guard running == nil else { return }
            var pipeFDs: [Int32] = [-1, -1]
            guard pipe(&pipeFDs) == 0 else {
                throw PreviewError(.cannotCreatePipe(message: Directory.errorMessage()))
            }
            for fd in pipeFDs {
                // Close-on-exec, so a rebuild spawning a process does not inherit them; the
                // write end non-blocking, so a second `stop()` never hangs on a full pipe.
                _ = fcntl(fd, F_SETFD, FD_CLOEXEC)
                _ = fcntl(fd, F_SETFL, O_NONBLOCK)
            }
            let source: WatchLoop.Source
            do throws(PreviewError) {
                #if canImport(Glibc)
                    source =
                        usePolling
                        ? .polling(try PollingSource(paths: paths)) : .inotify(try InotifySource(paths: paths))
                #else
                    // No inotify outside Linux (macOS has FSEvents, which Lede does not use):
                    // polling is the watcher there, the same one `usePolling` tests on Linux.
                    source = .polling(try PollingSource(paths: paths))
                #endif
            } catch {
                close(pipeFDs[0])
                close(pipeFDs[1])
                throw error
            }
            let loop = WatchLoop(
                source: source, wakeFD: pipeFDs[0], debounce: debounce, maxWait: maxWait, pollInterval: pollInterval,
                onChange: onChange)
            let finished = DispatchSemaphore(value: 0)
            let wakeWrite = pipeFDs[1]
            let threadID = Locked<pthread_t?>(nil)
            let thread = Thread {
                threadID.withLock { $0 = pthread_self() }
                loop.run()
                loop.closeDescriptors()
                close(wakeWrite)
                finished.signal()
            }
            thread.name = "lede.watcher"
            running = Running(wakeFD: wakeWrite, finished: finished, threadID: threadID)
            thread.start()
        }
    }

    /// Stops watching; once it returns, `onChange` is not called again (unless called from
    /// `onChange` itself, which returns at once). A pending burst is dropped.
    public func stop() {
        guard let stopped = running.withLock({ running in running.take() }) else { return }
        var byte: UInt8 = 1
        _ = write(stopped.wakeFD, &byte, 1)
        // Waiting from the watcher thread itself would deadlock: it is the one to signal.
        let watcherThread = stopped.threadID.withLock { $0 }
        if watcherThread.map({ pthread_equal($0, pthread_self()) == 0 }) ?? true {
            _ = stopped.finished.wait(timeout: .now() + .seconds(10))
        }
    }
}
