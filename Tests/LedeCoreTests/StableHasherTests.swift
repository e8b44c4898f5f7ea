import LedeCore
import Testing

/// Template contexts feed the stable hasher by their cases (``StableHashable``), not by
/// reflection: equal values hash equal in any member order, and each difference counts.
@Suite struct StableHasherTests {
    static func hash(_ value: ContextValue) -> UInt64 { StableHasher.hash { $0.combine(any: value) } }

    @Test func contextValuesHashByWhatTheyHold() {
        let value: ContextValue = ["title": "A", "tags": ["x", "y"], "draft": false, "order": 2, "note": .null]
        let reordered: ContextValue = ["note": .null, "order": 2, "draft": false, "tags": ["x", "y"], "title": "A"]
        #expect(Self.hash(value) == Self.hash(reordered))
        let others: [ContextValue] = [
            ["title": "B", "tags": ["x", "y"], "draft": false, "order": 2, "note": .null],
            ["title": "A", "tags": ["y", "x"], "draft": false, "order": 2, "note": .null],
            ["title": "A", "tags": ["x", "y"], "draft": true, "order": 2, "note": .null],
            ["title": "A", "tags": ["x", "y"], "draft": false, "order": 3, "note": .null],
            ["title": "A", "tags": ["x", "y"], "draft": false, "order": 2, "note": ""],
            ["title": "A", "tags": ["x", "y"], "draft": false, "order": 2],
            ["title": "A", "tags": ["x", "y"], "draft": false, "order": 2, "notes": .null],
        ]
        for other in others { #expect(Self.hash(other) != Self.hash(value), "\(other)") }
        #expect(Self.hash(["1"]) != Self.hash("1"))
        #expect(Self.hash(1) != Self.hash("1"))
        #expect(Self.hash(true) != Self.hash(1))
        #expect(Self.hash(.list([])) != Self.hash(.object([:])))
    }
}
