import Dispatch
import Foundation

/// Maps a collection on every core, keeping the order of results.
public enum ParallelMap {
    /// Applies `transform` to every element, in parallel chunks, and returns results in order.
    public static func map<Element: Sendable, Result: Sendable>(
        _ elements: [Element], _ transform: @Sendable (Element) -> Result
    ) -> [Result] {
        if elements.count < 2 { return elements.map(transform) }
        let results = UnsafeResults<Result>(count: elements.count)
        let workers = min(elements.count, max(1, System.coreCount))
        let chunk = (elements.count + workers - 1) / workers
        DispatchQueue.concurrentPerform(iterations: workers) { worker in
            let start = worker * chunk
            let end = min(start + chunk, elements.count)
            guard start < end else { return }
            for index in start..<end { results.set(index, transform(elements[index])) }
        }
        return results.values()
    }
}

/// Result slots written by distinct workers at distinct indices.
private final class UnsafeResults<Result>: @unchecked Sendable {
    // Safety: each index is written by exactly one worker, and read only after all
    // workers have finished (concurrentPerform returns after every iteration).
    private var slots: [Result?]
    init(count: Int) { slots = Array(repeating: nil, count: count) }
    func set(_ index: Int, _ value: Result) { slots[index] = value }
    func values() -> [Result] { slots.map { $0! } }
}

/// Facts about the machine.
public enum System {
    /// The number of active cores.
    public static var coreCount: Int { ProcessInfo.processInfo.activeProcessorCount }
}
