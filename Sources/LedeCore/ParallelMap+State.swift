extension ParallelMap {
    /// ``map(_:_:)`` in one chunk per core, each chunk with its own mutable state (a cache that
    /// needs no lock): `makeState` runs once per chunk.
    public static func map<Element: Sendable, State, Result: Sendable>(
        _ elements: [Element], state makeState: @Sendable () -> State,
        _ transform: @Sendable (inout State, Element) -> Result
    ) -> [Result] {
        let workers = max(1, min(elements.count, System.coreCount))
        let size = max(1, (elements.count + workers - 1) / workers)
        let chunks = stride(from: 0, to: elements.count, by: size).map { $0..<min($0 + size, elements.count) }
        return map(chunks) { chunk in
            var state = makeState()
            return chunk.map { transform(&state, elements[$0]) }
        }.flatMap { $0 }
    }
}
