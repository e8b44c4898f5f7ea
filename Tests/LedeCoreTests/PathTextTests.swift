import Testing

@testable import LedeCore

@Suite struct PathTextTests {
    @Test func oneCharacterNamesDoNotTrap() {
        #expect(PathText.parent(of: "x") == "")
        #expect(PathText.lastComponent(of: "x") == "x")
        #expect(PathText.pathExtension(of: "x") == "")
        #expect(PathText.deletingExtension(of: "x") == "x")
        #expect(PathText.parent(of: "/") == "")
        #expect(PathText.parent(of: "") == "")
    }

    @Test func splitsAtTheLastSlash() {
        #expect(PathText.parent(of: "a/b/c.txt") == "a/b")
        #expect(PathText.lastComponent(of: "a/b/c.txt") == "c.txt")
        #expect(PathText.pathExtension(of: "a/b.min.CSS") == "CSS")
        #expect(PathText.deletingExtension(of: "posts/a.b.md") == "posts/a.b")
        #expect(PathText.pathExtension(of: "a.d/.gitignore") == "")
        #expect(PathText.pathExtension(of: "a.d/b") == "")
    }

    @Test func keepsOddBytesAsTheyAre() {
        #expect(PathText.parent(of: "a\n../b/c") == "a\n../b")
        #expect(PathText.components(of: "/a//b\n/") == ["a", "b\n"])
    }
}
