import Foundation

/// Times the phases of a build when `LEDE_TIMINGS` is set, printing one line to standard error;
/// `LEDE_TIMINGS=rss` also gives the process's resident memory at the end of each phase.
public struct PhaseTimer {
    private let enabled = ProcessInfo.processInfo.environment["LEDE_TIMINGS"] != nil
    private let withMemory = ProcessInfo.processInfo.environment["LEDE_TIMINGS"] == "rss"
    private let clock = ContinuousClock()
    private var last = ContinuousClock.now
    private var phases: [(String, Duration, Int?)] = []

    /// A timer whose first phase starts now.
    public init() {}

    /// Ends the current phase, naming it.
    public mutating func mark(_ phase: String) {
        guard enabled else { return }
        let now = clock.now
        phases.append((phase, now - last, withMemory ? Self.residentMiB() : nil))
        last = now
    }

    /// The process's resident memory in MiB (from `/proc/self/statm`), or `nil`.
    private static func residentMiB() -> Int? {
        guard let text = try? String(contentsOfFile: "/proc/self/statm", encoding: .utf8) else { return nil }
        let fields = text.split(separator: " ")
        guard fields.count > 1, let pages = Int(fields[1]) else { return nil }
        return pages * Int(sysconf(Int32(_SC_PAGESIZE))) / (1024 * 1024)
    }

    /// Prints the phases on one line, when timing.
    public func report() {
        guard enabled, !phases.isEmpty else { return }
        let parts = phases.map { name, duration, memory in
            "\(name) \(duration.components.seconds * 1000 + duration.components.attoseconds / 1_000_000_000_000_000) ms"
                + (memory.map { " (\($0) MiB)" } ?? "")
        }
        Console.error("lede: timings: " + parts.joined(separator: ", "))
    }
}
