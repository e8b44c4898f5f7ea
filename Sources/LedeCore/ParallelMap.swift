import Dispatch
import Foundation

/// Maps a collection on every core, keeping the order of results.
public enum ParallelMap {
    /// Applies `transform` to every element, in parallel, and returns results in order.
    ///
    /// Workers take the next small run of indices as they finish the last one, rather than a
    /// fixed half each: elements cost unequally (an explainer page renders dozens of pieces, an
    /// article one), and another process may hold a core for a while; either would otherwise
    /// leave one worker idle while the other finishes its half.
    public static func map<Element: Sendable, Result: Sendable>(
        _ elements: [Element], _ transform: @Sendable (Element) -> Result
    ) -> [Result] {
        if elements.count < 2 { return elements.map(transform) }
        let workers = min(elements.count, max(1, System.coreCount))
        // About 16 runs per worker: few enough that taking one costs nothing next to the work.
        let run = max(1, elements.count / (workers * 16))
        let next = Locked(0)
        // One buffer allocated before the loop, one slot per index: each run of indices is taken
        // by one worker only (under `next`'s lock), and the buffer is read only after
        // concurrentPerform has returned, so no slot is ever touched by two threads.
        return [Result](unsafeUninitializedCapacity: elements.count) { buffer, initialized in
            let slots = SlotBuffer(base: buffer.baseAddress!)
            DispatchQueue.concurrentPerform(iterations: workers) { _ in
                while true {
                    let start = next.withLock { value in
                        let start = value
                        value += run
                        return start
                    }
                    guard start < elements.count else { return }
                    for index in start..<min(start + run, elements.count) {
                        slots.initialize(index, to: transform(elements[index]))
                    }
                }
            }
            initialized = elements.count
        }
    }
}

/// The base of a result buffer, handed to the workers of one ``ParallelMap/map(_:_:)``.
private struct SlotBuffer<Result>: @unchecked Sendable {
    // Safety: the workers initialize disjoint index runs of memory that outlives them
    // (`unsafeUninitializedCapacity` returns only after `concurrentPerform` does), and nothing
    // reads a slot until every worker has finished.
    let base: UnsafeMutablePointer<Result>
    func initialize(_ index: Int, to value: Result) { (base + index).initialize(to: value) }
}

/// Facts about the machine.
public enum System {
    /// The number of active cores.
    public static var coreCount: Int { ProcessInfo.processInfo.activeProcessorCount }
}
