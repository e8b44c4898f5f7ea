internal import LedeCore

#if canImport(Glibc)
    internal import Glibc
#elseif canImport(Darwin)
    internal import Darwin
#endif

/// The paths touched since the last `onChange` call, waiting for quiet.
///
/// Every save pattern (write in place, temporary file renamed over, delete and create, vim's
/// backup dance) is several events within milliseconds; collecting them until nothing has
/// happened for the debounce interval gives one rebuild per save, never one on a half-written
/// file. A burst that never goes quiet (an editor's autosave, a script writing in a loop) is
/// reported anyway once it is `maxWait` old, so the preview keeps up; what changes after that
/// forms the next burst, and the last one is reported after quiet as usual.
struct ChangeBurst {
    /// Whether each path existed before the burst, judged from its first event (a creation or
    /// a rename onto the name means it did not).
    private var existedBefore: [String: Bool] = [:]
    /// When the first event of the burst arrived.
    private(set) var firstChange: ContinuousClock.Instant?
    /// When the last event arrived.
    private(set) var lastChange: ContinuousClock.Instant?
    /// In polling mode, whether a scan after the last change found nothing new: a file still
    /// being written could otherwise be reported between two of its writes.
    var confirmedQuiet = true

    var isEmpty: Bool { existedBefore.isEmpty }

    /// Notes an event for `path`.
    mutating func record(_ path: String, existedBefore: Bool, at now: ContinuousClock.Instant) {
        if self.existedBefore[path] == nil { self.existedBefore[path] = existedBefore }
        if firstChange == nil { firstChange = now }
        lastChange = now
    }

    /// When the burst is to be reported: after `debounce` of quiet (confirmed by a scan when
    /// polling), and never later than `maxWait` after its first event; `nil` when there is
    /// nothing to report.
    func dueTime(debounce: Duration, maxWait: Duration) -> ContinuousClock.Instant? {
        guard !isEmpty, let firstChange, let lastChange else { return nil }
        let latest = firstChange + maxWait
        return confirmedQuiet ? min(lastChange + debounce, latest) : latest
    }

    /// Whether the burst is to be reported now.
    func isDue(at now: ContinuousClock.Instant, debounce: Duration, maxWait: Duration) -> Bool {
        guard let due = dueTime(debounce: debounce, maxWait: maxWait) else { return false }
        return now >= due
    }

    /// The paths to report, sorted, and an empty burst.
    ///
    /// A path that did not exist before the burst and does not exist now (an editor's
    /// temporary file, renamed away or deleted) changed nothing, and is left out.
    mutating func take() -> [String] {
        let paths = existedBefore.compactMap { path, existed in
            existed || Self.exists(path) ? path : nil
        }
        existedBefore = [:]
        firstChange = nil
        lastChange = nil
        confirmedQuiet = true
        return paths.sorted()
    }

    static func exists(_ path: String) -> Bool {
        FileSystem.kind(at: path, followingLinks: false) != .missing
    }
}
