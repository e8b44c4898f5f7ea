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
        // Members hashed apart and summed: values swapped between names, or a member moved
        // into a nested object, still count.
        #expect(Self.hash(["a": 1, "b": 2]) != Self.hash(["a": 2, "b": 1]))
        #expect(Self.hash(["a": "x", "b": "x"]) != Self.hash(["a": "y", "b": "y"]))
        #expect(Self.hash(["a": ["b": 1], "c": 2]) != Self.hash(["a": ["c": 2], "b": 1]))
        #expect(Self.hash(["a": 1, "b": 1]) != Self.hash(["a": 2, "b": 2]))
    }
}
