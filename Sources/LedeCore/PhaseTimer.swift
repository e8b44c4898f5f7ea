import Foundation

/// Times the phases of a build when `LEDE_TIMINGS` is set, printing one line to standard error.
public struct PhaseTimer {
    private let enabled = ProcessInfo.processInfo.environment["LEDE_TIMINGS"] != nil
    private let clock = ContinuousClock()
    private var last = ContinuousClock.now
    private var phases: [(String, Duration)] = []

    /// A timer whose first phase starts now.
    public init() {}

    /// Ends the current phase, naming it.
    public mutating func mark(_ phase: String) {
        guard enabled else { return }
        let now = clock.now
        phases.append((phase, now - last))
        last = now
    }

    /// Prints the phases on one line, when timing.
    public func report() {
        guard enabled, !phases.isEmpty else { return }
        let parts = phases.map { name, duration in
            "\(name) \(duration.components.seconds * 1000 + duration.components.attoseconds / 1_000_000_000_000_000) ms"
        }
        Console.error("lede: timings: " + parts.joined(separator: ", "))
    }
}
