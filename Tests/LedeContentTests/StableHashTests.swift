import LedeCore
import Testing

@testable import LedeContent

/// Front-matter trees feed the build cache's keys field by field (``StableHashable``), not by
/// reflection: every field must count, and a field added later must be fed too.
@Suite struct StableHashTests {
    typealias Location = LedeCore.SourceLocation

    static let here = Location(path: "Content/a.md", line: 2, column: 1)

    static func hash(_ value: Any) -> UInt64 { StableHasher.hash { $0.combine(any: value) } }

    static func tree(_ text: String = "x", quoted: Bool = false, location: Location = here) -> DataNode {
        var node = DataNode(
            .map([
                (key: "title", value: DataNode(.scalar(text, quoted: quoted), at: location)),
                (key: "tags", value: DataNode(.list([DataNode(.scalar("a", quoted: false), at: here)]), at: here)),
            ]), at: here)
        node.keyLocations = [here, here]
        return node
    }

    @Test func everyPartOfATreeCounts() {
        let base = Self.hash(Self.tree())
        #expect(Self.hash(Self.tree()) == base)
        #expect(Self.hash(Self.tree("y")) != base)
        #expect(Self.hash(Self.tree(quoted: true)) != base)
        #expect(Self.hash(Self.tree(location: Location(path: "Content/a.md", line: 3, column: 1))) != base)
        #expect(Self.hash(Self.tree(location: Location(path: "Content/a.md", line: 2, column: 4))) != base)
        #expect(Self.hash(Self.tree(location: Location(path: "Content/b.md", line: 2, column: 1))) != base)
        var moved = Self.tree()
        moved.keyLocations = [Self.here, Location(path: "Content/a.md", line: 9, column: 1)]
        #expect(Self.hash(moved) != base)
        var block = Self.tree()
        block.block = DataNode.Block(text: "x", location: Self.here)
        #expect(Self.hash(block) != base)
        var otherBlock = block
        otherBlock.block?.text = "y"
        #expect(Self.hash(otherBlock) != Self.hash(block))
        // A list and a map of the same items differ; so do a scalar and a one-item list.
        let item = DataNode(.scalar("a", quoted: false), at: Self.here)
        #expect(Self.hash(DataNode(.list([item]), at: Self.here)) != Self.hash(item))
        #expect(
            Self.hash(DataNode(.list([item]), at: Self.here))
                != Self.hash(DataNode(.map([(key: "a", value: item)]), at: Self.here)))
    }

    /// A stored property added to one of these types must be fed in its `combine(into:)`.
    @Test func theFedTypesHaveTheFieldsTheirHashFeeds() {
        #expect(
            Mirror(reflecting: Self.tree()).children.map(\.label) == ["value", "location", "block", "keyLocations"])
        #expect(Mirror(reflecting: DataNode.Block(text: "", location: Self.here)).children.count == 2)
        #expect(Mirror(reflecting: Self.here).children.map(\.label) == ["path", "line", "column"])
    }
}
