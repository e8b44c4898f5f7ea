import LedeCore
import Testing

@Suite struct NearMissTests {
    @Test func distanceCountsEditsAndSwaps() {
        #expect(NearMiss.distance("key_point", "key_points") == 1)
        #expect(NearMiss.distance("certanty", "certainty") == 1)
        #expect(NearMiss.distance("cetrainty", "certainty") == 1)
        #expect(NearMiss.distance("", "abc") == 3)
        #expect(NearMiss.distance("same", "same") == 0)
    }

    @Test func suggestsOnlyATypo() {
        let keys = ["title", "description", "date", "key_points", "known", "unknown"]
        #expect(NearMiss.suggestion(for: "key_point", among: keys) == "key_points")
        #expect(NearMiss.suggestion(for: "descripton", among: keys) == "description")
        #expect(NearMiss.suggestion(for: "titel", among: keys) == "title")
        #expect(NearMiss.suggestion(for: "subtitle", among: keys) == nil)
        #expect(NearMiss.suggestion(for: "kicker", among: keys) == nil)
        #expect(NearMiss.suggestion(for: "title", among: keys) == nil)
        // Equally near: the one that sorts first, whatever the order given.
        #expect(NearMiss.suggestion(for: "nown", among: ["unknown", "known"]) == "known")
        #expect(NearMiss.suggestion(for: "bat", among: ["cat", "bar"]) == "bar")
        #expect(NearMiss.suggestion(for: "bat", among: ["bar", "cat"]) == "bar")
    }

    /// Among names that differ by a number, many are one edit away: no one of them is suggested.
    @Test func aTieSuggestsNothingWhenAskedTo() {
        let names = (0..<30).map { "story-\($0 < 10 ? "0" : "")\($0)00.md" }
        #expect(
            NearMiss.suggestion(for: "story-0700.md", among: names.filter { $0 != "story-0700.md" }) == "story-0000.md")
        #expect(
            NearMiss.suggestion(
                for: "story-0700.md", among: names.filter { $0 != "story-0700.md" }, unlessTied: true) == nil)
        // One candidate nearest of all is suggested, however many are further.
        #expect(
            NearMiss.suggestion(for: "notes.md", among: ["note.md", "nodes2.md", "votes2.md"], unlessTied: true)
                == "note.md")
    }
}
