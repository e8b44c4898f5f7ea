import Dispatch
import Foundation

/// Maps a collection on every core, keeping the order of results.
public enum ParallelMap {
    /// Applies `transform` to every element, in parallel chunks, and returns results in order.
    public static func map<Element: Sendable, Result: Sendable>(
        _ elements: [Element], _ transform: @Sendable (Element) -> Result
    ) -> [Result] {
        if elements.count < 2 { return elements.map(transform) }
        let workers = min(elements.count, max(1, System.coreCount))
        let chunk = (elements.count + workers - 1) / workers
        // One buffer allocated before the loop, one slot per index: each worker writes only
        // the slots of its own chunk, and the buffer is read only after concurrentPerform has
        // returned, so no slot is ever touched by two threads.
        return [Result](unsafeUninitializedCapacity: elements.count) { buffer, initialized in
            let slots = SlotBuffer(base: buffer.baseAddress!)
            DispatchQueue.concurrentPerform(iterations: workers) { worker in
                let start = worker * chunk
                let end = min(start + chunk, elements.count)
                guard start < end else { return }
                for index in start..<end { slots.initialize(index, to: transform(elements[index])) }
            }
            initialized = elements.count
        }
    }
}

/// The base of a result buffer, handed to the workers of one ``ParallelMap/map(_:_:)``.
private struct SlotBuffer<Result>: @unchecked Sendable {
    // Safety: the workers initialize disjoint index ranges of memory that outlives them
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
