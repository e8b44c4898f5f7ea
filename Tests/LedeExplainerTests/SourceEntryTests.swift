import LedeCore
import Testing

@testable import LedeContent
@testable import LedeExplainer

/// The sources registry: every word shown is the author's, and every mistake is said in the
/// new model's terms.
@Suite struct SourceEntryTests {
    static let location = LedeCore.SourceLocation(path: "Content/_sources.yaml", line: 2, column: 3)

    func entry(_ yaml: String) throws -> SourceEntry {
        try SourceEntry(id: "x", node: DataReader.parse(yaml, at: Self.location))
    }

    func problems(_ yaml: String) -> String? {
        diagnostics { _ = try entry(yaml) }
    }

    @Test func labelsAreShownAsWritten() throws {
        // Phrases the old article and plural guessing got wrong are kept exactly.
        for label in ["unnamed official", "European diplomat", "Council member Ada Reyes", "Iranian sources", "staff"] {
            let source = try entry(
                "kind: official\nattribution: anonymous\nlabel: \"\(label)\"\nvantage: v\nwhy_anonymous: w")
            #expect(source.label == label)
            #expect(source.short == label)
        }
    }

    @Test func aNamedPersonIsNameAndRole() throws {
        let reyes = try entry("kind: person\nattribution: named\nname: Ada Reyes\nrole: council member")
        #expect(reyes.label == "Ada Reyes, council member")
        #expect(reyes.short == "Ada Reyes")
        #expect(reyes.count == nil)
        let written = try entry(
            "kind: person\nattribution: named\nname: Ada Reyes\nrole: council member\nlabel: Council member Ada Reyes")
        #expect(written.label == "Council member Ada Reyes")
        #expect(written.short == "Council member Ada Reyes")
        let short = try entry(
            "kind: person\nattribution: named\nname: Ada Reyes\nlabel: Council member Ada Reyes\nshort: Reyes")
        #expect(short.short == "Reyes")
    }

    @Test func anUnnamedSpokespersonOnTheRecord() throws {
        let spokesperson = try entry(
            "kind: official\nattribution: on-record-unnamed\nlabel: a county health department spokesperson\ncount: 1")
        #expect(spokesperson.attribution == .onRecordUnnamed)
        #expect(UIStrings.english[spokesperson.attribution.label] == "Not named, on the record")
        #expect(!spokesperson.anonymous)
        #expect(spokesperson.count == 1)
    }

    @Test func notStatedIsExplicit() throws {
        let sources = try entry(
            "kind: other\nattribution: anonymous\nlabel: Iranian sources\nvantage: not stated\nwhy_anonymous: not stated"
        )
        #expect(sources.vantage == .notStated)
        #expect(sources.whyAnonymous == .notStated)
        #expect(sources.whyAnonymous?.text(in: .english) == "Not stated by the report")
        let stated = try entry(
            "kind: official\nattribution: anonymous\nlabel: a U.S. official\nvantage: familiar with the plans\nwhy_anonymous: the sensitive nature of the talks"
        )
        #expect(stated.whyAnonymous?.text(in: .english) == "the sensitive nature of the talks")
    }

    @Test func countsArePositiveAndSane() {
        let base = "kind: official\nattribution: on-record-unnamed\nlabel: officials\ncount: "
        #expect(
            problems(base + "1001")
                == "Content/_sources.yaml:5:8: error: the count of source 'x' must be a whole number from 1 to 1000, found 1001"
        )
        #expect(
            problems(base + "-2")
                == "Content/_sources.yaml:5:8: error: the count of source 'x' must be a whole number from 1 to 1000, found -2"
        )
        #expect(
            problems(base + "two")
                == "Content/_sources.yaml:5:8: error: the count of source 'x' must be a whole number, found 'two'")
        #expect(problems(base + "1000") == nil)
    }

    @Test func missingFieldsSayWhatToWrite() {
        #expect(
            problems("kind: official")
                == """
                Content/_sources.yaml:2:3: error: source 'x' needs 'attribution': how the report attributes it (named, on-record-unnamed, anonymous)
                Content/_sources.yaml:2:3: error: source 'x' needs 'label': how the explainer refers to it, in full, with its article or number (label: "two senior Iranian officials")
                """)
        #expect(
            problems("attribution: on-record-unnamed\nlabel: a spokesperson")
                == "Content/_sources.yaml:2:3: error: source 'x' is missing 'kind' (kinds: official, document, organisation, person, other)"
        )
    }

    @Test func attributionsAreChecked() {
        #expect(
            problems("kind: person\nattribution: on the record\nlabel: a spokesperson")
                == "Content/_sources.yaml:3:14: error: unknown attribution 'on the record' (attributions: named, on-record-unnamed, anonymous)"
        )
        #expect(
            problems("kind: person\nattribution: on-record-unnamed\nname: Ada Reyes\nlabel: a spokesperson")
                == "Content/_sources.yaml:4:7: error: source 'x' has a name but its attribution is on-record-unnamed: write attribution: named, or move the words to 'role' or 'label'"
        )
        #expect(
            problems("kind: person\nattribution: named\nname: Ada Reyes\nwhy_anonymous: not stated")
                == "Content/_sources.yaml:5:16: error: source 'x' is not anonymous (attribution: named): remove 'why_anonymous'"
        )
    }

    @Test func unknownKeysAreNamed() {
        #expect(
            problems("kind: person\nattribution: named\nname: Ada Reyes\nwhy_anonimous: x")
                == "Content/_sources.yaml:5:16: error: unknown key 'why_anonimous' in source 'x' (keys: kind, attribution, label, short, name, role, count, vantage, why_anonymous, cites, notes)"
        )
    }

    @Test func oneBadEntryLeavesTheOthers() throws {
        let yaml = """
            good:
              kind: person
              attribution: named
              name: Ada Reyes
            bad:
              kind: official
              attribution: on-record-unnamed
              description: officials
            also-good:
              kind: document
              attribution: named
              name: Minutes
            """
        var bag = DiagnosticBag()
        let registry = SourceEntry.registry(
            from: try DataReader.parse(yaml, at: LedeCore.SourceLocation(path: "Content/_sources.yaml")), bag: &bag)
        #expect(registry.entries.map(\.id) == ["good", "also-good"])
        #expect(registry.declared?.keys.sorted() == ["also-good", "bad", "good"])
        #expect(
            bag.diagnostics.map(\.description) == [
                #"Content/_sources.yaml:7:16: error: source 'bad': 'description' is replaced by 'label': write how the explainer refers to the source, in full, with its article or number (label: "two senior Iranian officials", label: "a U.S. official")"#
            ])
    }

    @Test func aRegistryThatIsNotAMappingDeclaresNothing() throws {
        var bag = DiagnosticBag()
        let registry = SourceEntry.registry(
            from: try DataReader.parse("- a\n- b", at: LedeCore.SourceLocation(path: "Content/_sources.yaml")),
            bag: &bag)
        #expect(registry.declared == nil)
        #expect(
            bag.diagnostics.map(\.description) == [
                "Content/_sources.yaml: error: the sources registry must map ids to sources, found a list"
            ])
    }
}
