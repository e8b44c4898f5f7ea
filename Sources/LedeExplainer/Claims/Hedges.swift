import Foundation

/// A hedge a source sentence carries and a claim restating it must keep: a quantity ("nearly",
/// "some"), a doubt ("reportedly", "expected") or a degree ("outright").
struct Hedge: Sendable, Hashable {
    /// How it weighs when a claim sits in an event whose certainty is not "stated".
    enum Kind: Sendable, Hashable {
        /// Says how many or how often: no label says it for the claim.
        case quantity
        /// Says how sure: an event's certainty label ("Reported", "Expected") says it too.
        case doubt
        /// Says how much: "outright fear" is not "fear".
        case degree
    }

    /// The words that mark it in a source sentence, as lower-case word sequences.
    var markers: [[String]]
    /// The words that keep it in a claim: the marker or an equivalent.
    var kept: [[String]]
    var kind: Kind
    /// Whether a marker counts only before a number ("about 100", "some 40").
    var beforeNumber = false
    /// Whether a marker counts only when no number follows ("some individuals").
    var notBeforeNumber = false
    /// Words that, just before a marker, turn it into another hedge or none ("no more than" is
    /// not "more than"; "earlier than expected" and "as planned" compare with the plan).
    var notAfter: Set<String> = []

    /// The hedges checked, with the equivalents a claim may use. "most" is not "nearly all",
    /// and "the report says" is not an attribution to officials.
    static let all: [Hedge] = [
        Hedge(
            markers: [["nearly"], ["almost"]], kept: [["nearly"], ["almost"], ["virtually"], ["all", "but"]],
            kind: .quantity),
        Hedge(
            markers: [["roughly"], ["approximately"], ["about"], ["around"], ["some"]],
            kept: [["roughly"], ["approximately"], ["about"], ["around"], ["some"], ["estimated"], ["nearly"]],
            kind: .quantity, beforeNumber: true),
        Hedge(
            markers: [["just", "over"], ["slightly", "more", "than"], ["a", "little", "over"]],
            kept: [
                ["just", "over"], ["slightly", "more", "than"], ["a", "little", "over"], ["more", "than"], ["over"],
            ],
            kind: .quantity),
        Hedge(
            markers: [["more", "than"], ["at", "least"]],
            kept: [["more", "than"], ["at", "least"], ["over"], ["upwards", "of"]], kind: .quantity,
            notAfter: ["no"]),
        Hedge(
            markers: [["up", "to"], ["as", "many", "as"], ["at", "most"], ["no", "more", "than"]],
            kept: [["up", "to"], ["as", "many", "as"], ["at", "most"], ["no", "more", "than"]], kind: .quantity,
            beforeNumber: true),
        Hedge(
            markers: [["fewer", "than"], ["less", "than"], ["under"]],
            kept: [["fewer", "than"], ["less", "than"], ["under"], ["below"]], kind: .quantity, beforeNumber: true),
        Hedge(
            markers: [["some"]], kept: [["some"], ["certain"], ["a", "number", "of"], ["a", "few"]], kind: .quantity,
            notBeforeNumber: true),
        Hedge(
            markers: [["many"]], kept: [["many"], ["numerous"], ["a", "number", "of"], ["a", "lot", "of"]],
            kind: .quantity),
        Hedge(markers: [["several"]], kept: [["several"], ["a", "number", "of"]], kind: .quantity),
        Hedge(markers: [["few"]], kept: [["few"]], kind: .quantity),
        Hedge(
            markers: [["often"], ["frequently"]],
            kept: [["often"], ["frequently"], ["usually"], ["commonly"], ["typically"], ["in", "many", "cases"]],
            kind: .quantity),
        Hedge(
            markers: [["typically"], ["usually"], ["generally"]],
            kept: [
                ["typically"], ["usually"], ["generally"], ["often"], ["commonly"], ["mostly"], ["as", "a", "rule"],
            ],
            kind: .quantity),
        Hedge(
            markers: [["reportedly"], ["allegedly"], ["apparently"], ["purportedly"]],
            kept: [
                ["reportedly"], ["allegedly"], ["apparently"], ["purportedly"], ["reported"], ["reports"],
                ["said", "to"],
                ["according", "to"],
            ], kind: .doubt),
        Hedge(
            markers: [["expected"], ["planned"], ["scheduled"]],
            kept: [
                ["expected"], ["expect"], ["expects"], ["expecting"], ["expectation"], ["planned"], ["plan"], ["plans"],
                ["scheduled"],
                ["due"], ["set", "to"], ["anticipated"],
            ], kind: .doubt, notAfter: ["than", "as"]),
        Hedge(
            markers: [["potential"], ["potentially"], ["possible"], ["possibly"], ["likely"]],
            kept: [
                ["potential"], ["potentially"], ["possible"], ["possibly"], ["likely"], ["may"], ["might"], ["could"],
                ["risk"],
            ], kind: .doubt),
        Hedge(markers: [["outright"]], kept: [["outright"]], kind: .degree),
    ]

    /// Where a marker of this hedge starts in `words` (lower case), and the marker.
    func markerMatches(in words: [String]) -> [(index: Int, marker: [String])] {
        var found: [(Int, [String])] = []
        for marker in markers {
            for index in words.indices where Self.matches(marker, in: words, at: index) {
                let next = index + marker.count < words.count ? words[index + marker.count] : ""
                let numberFollows = next.first?.isNumber ?? false || NumberWords.units[next] != nil
                if beforeNumber && !numberFollows { continue }
                if notBeforeNumber && numberFollows { continue }
                if index > 0, notAfter.contains(words[index - 1]) { continue }
                found.append((index, marker))
            }
        }
        return found.sorted { $0.0 < $1.0 }
    }

    /// Whether a claim's words (lower case) keep this hedge.
    func isKept(in words: [String]) -> Bool {
        kept.contains { phrase in words.indices.contains { Self.matches(phrase, in: words, at: $0) } }
    }

    static func matches(_ phrase: [String], in words: [String], at index: Int) -> Bool {
        guard index + phrase.count <= words.count else { return false }
        return zip(phrase, words[index..<index + phrase.count]).allSatisfy { $0 == $1 }
    }
}

/// Who a source sentence attributes its content to, and what it covers.
struct AttributionPhrase: Sendable, Hashable {
    /// The attribution as the paragraph words it ("according to the Iranian officials",
    /// "Iranian sources indicated").
    var phrase: String
    /// The party's head words, stemmed ("official", "source"), or its name's words.
    var heads: Set<String>
    /// The party's name, when the paragraph names it ("Tomasz Wierzbicki").
    var speaker: String? = nil

    /// Verbs that attribute what follows or precedes them to their subject.
    static let verbs: Set<String> = [
        "said", "says", "stated", "states", "noted", "notes", "confirmed", "confirms", "indicated", "indicates", "told",
        "tells", "reported", "reports", "added", "adds", "explained", "claimed", "claims", "insisted", "acknowledged",
        "announced", "warned", "estimated", "described", "believed", "believes",
    ]

    /// Words a claim uses to attribute ("according to", "said", "told", a headline's colon).
    static let claimMarkers: Set<String> = verbs.union([
        "according", "say", "saying", "state", "note", "confirm", "indicate", "tell", "report", "add", "describe",
        "describes", "call", "calls", "called", "attributed", "attributes", "attribute", "per", "cited", "citing",
        "relayed", "relays", "quoted", "claim", "comes", "came", "come", "rests", "relies", "show", "shows",
        "showed", "shown",
    ])

    /// Nouns that name a party that speaks.
    static let partyNouns: Set<String> = [
        "official", "source", "spokesperson", "spokesman", "spokeswoman", "spokespeople", "minister", "ministry",
        "diplomat", "aide", "representative", "authority", "authorities", "agency", "lawyer", "attorney", "witness",
        "advocate", "analyst", "expert", "person", "people", "police", "government", "department", "officer",
        "investigator", "prosecutor", "resident", "employee", "staff", "member", "group", "council", "court", "judge",
        "engineer", "mayor", "chair", "president", "director", "manager", "secretary", "commissioner", "inspector",
        "researcher", "scientist", "doctor", "professor", "economist", "statement", "document", "memo", "filing",
        "schedule", "minute", "record", "study", "survey", "letter", "administration", "campaign", "company",
        "organisation", "executive", "ceo", "chief", "senator", "lawmaker", "legislator", "governor", "nurse",
        "worker", "chairman", "chairwoman", "chairperson", "head", "leader", "founder", "owner", "physician",
        "surgeon", "activist", "student", "teacher", "parent", "union", "board", "councillor", "councilor",
        "organization",
    ]

    /// Words that stand for a party named just before ("they said").
    static let pronouns: Set<String> = ["they", "he", "she", "them", "him", "her", "their", "his"]

    /// The heads of a party's words: its speaking nouns, and the words of a personal name in
    /// it ("Council member Ada Reyes" is kept by "member", "Ada" or "Reyes"). A lone capitalised
    /// word ("Iranian officials") is a description, not a name: "Iranian sources" does not
    /// keep "according to the Iranian officials".
    static func heads(of words: [Word]) -> Set<String> {
        let nouns = Set(words.map { Words.stem($0.text) }.filter { partyNouns.contains($0) })
        let capitalised = words.map { $0.isCapitalised && !Words.stopWords.contains($0.lower) }
        let hasName = zip(capitalised, capitalised.dropFirst()).contains { $0 && $1 }
        guard nouns.isEmpty || hasName else { return nouns }
        return nouns.union(zip(words, capitalised).filter(\.1).map { Words.stem($0.0.text) })
    }
}
