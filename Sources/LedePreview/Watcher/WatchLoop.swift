#if canImport(Glibc)
    internal import Glibc
#elseif canImport(Darwin)
    internal import Darwin
#endif

/// The watcher thread's loop: wait for events or the wake-up byte, collect, debounce, report.
///
/// > Warning: Used only by the one thread started in ``FileWatcher/start()``, after being
/// > handed over; this is why it may be `@unchecked Sendable`.
final class WatchLoop: @unchecked Sendable {
    enum Source {
        #if canImport(Glibc)
            case inotify(InotifySource)
        #endif
        case polling(PollingSource)
    }

    private var source: Source
    private let wakeFD: Int32
    private let debounce: Duration
    private let maxWait: Duration
    private let pollInterval: Duration
    private let onChange: @Sendable ([String]) -> Void
    private var burst = ChangeBurst()

    init(
        source: Source, wakeFD: Int32, debounce: Duration, maxWait: Duration, pollInterval: Duration,
        onChange: @escaping @Sendable ([String]) -> Void
    ) {
        self.source = source
        self.wakeFD = wakeFD
        self.debounce = debounce
        self.maxWait = maxWait
        self.pollInterval = pollInterval
        self.onChange = onChange
    }

    /// Runs until a byte arrives on the wake-up pipe.
    func run() {
        let clock = ContinuousClock()
        var nextScan = clock.now + pollInterval
        while true {
            var deadline = burst.dueTime(debounce: debounce, maxWait: maxWait)
            var inotifyFD: Int32 = -1
            switch source {
            #if canImport(Glibc)
                case .inotify(let inotify): inotifyFD = inotify.fd
            #endif
            case .polling: deadline = min(deadline ?? nextScan, nextScan)
            }
            var fds = [pollfd(fd: wakeFD, events: Int16(POLLIN), revents: 0)]
            if inotifyFD >= 0 { fds.append(pollfd(fd: inotifyFD, events: Int16(POLLIN), revents: 0)) }
            let result = poll(&fds, nfds_t(fds.count), deadline.map { Self.milliseconds(until: $0) } ?? -1)
            if result < 0 && errno != EINTR { return }
            if fds[0].revents != 0 { return }

            let now = clock.now
            switch source {
            #if canImport(Glibc)
                case .inotify(let inotify):
                    if fds.count > 1 && fds[1].revents != 0 { inotify.readEvents(into: &burst, at: now) }
            #endif
            case .polling(var polling):
                if now >= nextScan {
                    let changed = polling.scan(into: &burst, at: now)
                    source = .polling(polling)
                    // Quiet only once a whole scan found nothing after the last change.
                    burst.confirmedQuiet = !changed
                    nextScan = now + pollInterval
                }
            }
            if burst.isDue(at: now, debounce: debounce, maxWait: maxWait) {
                let paths = burst.take()
                if !paths.isEmpty { onChange(paths) }
            }
        }
    }

    /// Closes the descriptors the loop owns.
    func closeDescriptors() {
        #if canImport(Glibc)
            if case .inotify(let inotify) = source { inotify.closeDescriptor() }
        #endif
        close(wakeFD)
    }

    /// Milliseconds from now until `deadline`, rounded up (never a busy loop), at least 0.
    static func milliseconds(until deadline: ContinuousClock.Instant) -> Int32 {
        let remaining = ContinuousClock.now.duration(to: deadline)
        guard remaining > .zero else { return 0 }
        let (seconds, attoseconds) = remaining.components
        let milliseconds = seconds * 1000 + (attoseconds + 999_999_999_999_999) / 1_000_000_000_000_000
        return Int32(clamping: milliseconds)
    }
}
