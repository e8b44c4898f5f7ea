import Foundation
import LedeCore
import Testing

@testable import LedePreview

/// The debounce's maximum wait: a stream of saves that never pauses is still reported.
@Suite("Change bursts")
struct ChangeBurstTests {
    /// Runs the watcher loop's schedule on a script of event times (milliseconds from a start):
    /// the loop wakes at the next event or at the burst's due time, whichever is first.
    /// Returns the times of the reports.
    static func reports(
        forEventsAt events: [Int], debounce: Int, maxWait: Int, quietConfirmed: Bool = true
    ) -> [Int] {
        let start = ContinuousClock.now
        func instant(_ milliseconds: Int) -> ContinuousClock.Instant { start + .milliseconds(milliseconds) }
        var burst = ChangeBurst()
        var reported: [Int] = []
        var pending = events[...]
        while true {
            let due = burst.dueTime(debounce: .milliseconds(debounce), maxWait: .milliseconds(maxWait))
            if let due, pending.first.map({ due <= instant($0) }) ?? true {
                #expect(burst.isDue(at: due, debounce: .milliseconds(debounce), maxWait: .milliseconds(maxWait)))
                reported.append(Int((start.duration(to: due) / .milliseconds(1)).rounded()))
                #expect(burst.take() == ["/site/Content/a.md"])
                continue
            }
            guard let next = pending.popFirst() else { return reported }
            burst.record("/site/Content/a.md", existedBefore: true, at: instant(next))
            burst.confirmedQuiet = quietConfirmed
        }
    }

    @Test("saves every 20 ms for a second are reported every 250 ms, and once more after they stop")
    func maximumWait() {
        let events = Array(stride(from: 0, through: 1000, by: 20))
        #expect(Self.reports(forEventsAt: events, debounce: 30, maxWait: 250) == [250, 510, 770, 1030])
    }

    @Test("separate saves are each reported after the debounce, as before")
    func quietBetweenSaves() {
        #expect(Self.reports(forEventsAt: [0, 10, 500, 505], debounce: 30, maxWait: 250) == [40, 535])
    }

    @Test("when polling never confirms quiet, the maximum wait still reports")
    func pollingWithoutQuiet() {
        let events = Array(stride(from: 0, through: 600, by: 50))
        #expect(
            Self.reports(forEventsAt: events, debounce: 30, maxWait: 250, quietConfirmed: false) == [250, 500, 750])
    }

    @Test("a watcher reports while a file is saved every 20 ms, and after the last save", arguments: [false, true])
    func streamOfSaves(polling: Bool) async throws {
        let folder = try TemporaryFolder()
        defer { folder.remove() }
        let file = try folder.write("Content/a.md", "0")
        let calls = Locked<[ContinuousClock.Instant]>([])
        let watcher = FileWatcher(
            paths: [folder.url], debounce: .milliseconds(100), maxWait: .milliseconds(250), usePolling: polling,
            pollInterval: .milliseconds(50)
        ) { paths in
            if paths == [file] { calls.withLock { $0.append(.now) } }
        }
        try watcher.start()
        defer { watcher.stop() }
        // 1.5 s of saves, never 100 ms apart: without a maximum wait nothing would be reported
        // until they stop.
        // The instant just before the last write: a report of that write comes after it, even
        // when it comes before the loop's final sleep is over (as under ThreadSanitizer).
        let lastSave = try await onThread {
            var beforeLastWrite = ContinuousClock.now
            for index in 1...75 {
                beforeLastWrite = ContinuousClock.now
                try Data("\(index)".utf8).write(to: URL(fileURLWithPath: file))
                Thread.sleep(forTimeInterval: 0.02)
            }
            return beforeLastWrite
        }
        let deadline = ContinuousClock.now + .seconds(10)
        while calls.withLock({ $0.last.map { $0 <= lastSave } ?? true }) && ContinuousClock.now < deadline {
            try await Task.sleep(for: .milliseconds(20))
        }
        let times = calls.withLock { $0 }
        #expect(times.filter { $0 <= lastSave }.count >= 2, "reported while the saves went on: \(times.count) calls")
        #expect(times.last.map { $0 > lastSave } == true, "reported after the last save")
    }
}
