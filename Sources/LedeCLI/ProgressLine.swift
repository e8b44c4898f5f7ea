import Foundation
import LedeCore

/// How far a build is, on one line of standard error that each update overwrites
/// (`Rendering pages: 120 of 1000`), shown only on a terminal and only once the build has
/// taken over a second: a quick build, CI and pipes see the summary line alone.
///
/// The terminal flag, the clock and the writer are handed in, so that the rule is tested
/// without a terminal and without waiting.
final class ProgressLine: Sendable {
    /// How long a build runs before progress is shown.
    static let delay: Duration = .seconds(1)
    /// The shortest time between two redraws: a fast build must not spend its time drawing.
    static let redrawInterval: Duration = .milliseconds(100)

    private struct State {
        var done = 0
        var lastDrawn: Duration?
    }

    private let isTerminal: Bool
    private let elapsed: @Sendable () -> Duration
    private let write: @Sendable (String) -> Void
    private let state = Locked(State())

    /// - Parameters:
    ///   - isTerminal: Whether standard error is a terminal.
    ///   - elapsed: The time since the build started.
    ///   - write: Writes text to standard error as it is, without a line break.
    init(
        isTerminal: Bool, elapsed: @escaping @Sendable () -> Duration,
        write: @escaping @Sendable (String) -> Void
    ) {
        self.isTerminal = isTerminal
        self.elapsed = elapsed
        self.write = write
    }

    /// A progress line on this process's standard error, timed from now.
    static func onStandardError() -> ProgressLine {
        let clock = ContinuousClock()
        let start = clock.now
        return ProgressLine(
            isTerminal: isatty(STDERR_FILENO) == 1, elapsed: { clock.now - start },
            write: { FileHandle.standardError.write(Data($0.utf8)) })
    }

    /// Whether progress is shown: on a terminal, once the build has taken over ``delay``.
    static func shows(isTerminal: Bool, elapsed: Duration) -> Bool {
        isTerminal && elapsed > delay
    }

    /// The line for `done` pages of `total`.
    static func text(done: Int, of total: Int) -> String {
        "Rendering pages: \(done) of \(total)"
    }

    /// Counts one page of the build done and redraws the line when it is due: the hook for
    /// ``LedeBuilder/BuildOptions/progress``.
    /// - Parameter total: The number of pages in the build.
    func pageDone(of total: Int) {
        guard isTerminal else { return }
        let now = elapsed()
        state.withLock { state in
            state.done += 1
            guard Self.shows(isTerminal: isTerminal, elapsed: now) else { return }
            if let last = state.lastDrawn, now - last < Self.redrawInterval, state.done < total { return }
            state.lastDrawn = now
            // Carriage return and erase-to-end-of-line: the line is overwritten in place.
            write("\r\u{1B}[K" + Self.text(done: state.done, of: total))
        }
    }

    /// Erases the line, if it was shown, so that the summary line takes its place.
    func finish() {
        state.withLock { state in
            guard state.lastDrawn != nil else { return }
            state.lastDrawn = nil
            write("\r\u{1B}[K")
        }
    }
}
