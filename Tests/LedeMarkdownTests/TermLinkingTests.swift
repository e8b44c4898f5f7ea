import Testing

@testable import LedeMarkdown

@Suite struct TermLinkingTests {
    let hooks = MarkdownHooks(
        terms: TermMatcher(terms: [
            (id: "asylum", phrases: ["asylum", "asylum request"]),
            (id: "policy", phrases: ["policy"]),
            (id: "box", phrases: ["box"]),
            (id: "un", phrases: ["U.N.", "United Nations"]),
        ]),
        termHTML: { id, text in "<a class=\"term\" href=\"/glossary/#\(id)\">\(text)</a>" })

    @Test func firstUseOnly() throws {
        let rendered = try render("Asylum and asylum, again asylum.", hooks: hooks)
        #expect(
            rendered.html
                == "<p><a class=\"term\" href=\"/glossary/#asylum\">Asylum</a> and asylum, again asylum.</p>\n")
        #expect(rendered.termsUsed == ["asylum"])
    }

    @Test func pluralsAndLongestAlias() throws {
        let rendered = try render("Two policies, asylum requests and boxes.", hooks: hooks)
        #expect(
            rendered.html
                == "<p>Two <a class=\"term\" href=\"/glossary/#policy\">policies</a>, "
                + "<a class=\"term\" href=\"/glossary/#asylum\">asylum requests</a> and "
                + "<a class=\"term\" href=\"/glossary/#box\">boxes</a>.</p>\n")
        #expect(rendered.termsUsed == ["policy", "asylum", "box"])
    }

    /// An excluded term (the glossary entry's own) or one already linked still covers its
    /// words: "asylum" is not linked inside "asylum seeker".
    @Test func aLongerTermCoversAShorterOneEvenWhenNotLinked() throws {
        let hooks = MarkdownHooks(
            terms: TermMatcher(terms: [
                (id: "asylum", phrases: ["asylum"]), (id: "asylum-seeker", phrases: ["asylum seeker"]),
            ]),
            termHTML: { id, text in "<a href=\"#\(id)\">\(text)</a>" }, excludedTerms: ["asylum-seeker"])
        let rendered = try render("An asylum seeker asks for asylum.", hooks: hooks)
        #expect(rendered.html == "<p>An asylum seeker asks for <a href=\"#asylum\">asylum</a>.</p>\n")
        let linked = try render(
            "Asylum seeker; an asylum seeker seeks asylum.",
            hooks: MarkdownHooks(
                terms: TermMatcher(terms: [
                    (id: "asylum", phrases: ["asylum"]), (id: "asylum-seeker", phrases: ["asylum seeker"]),
                ]),
                termHTML: { id, text in "<a href=\"#\(id)\">\(text)</a>" }))
        #expect(
            linked.html
                == "<p><a href=\"#asylum-seeker\">Asylum seeker</a>; an asylum seeker seeks "
                + "<a href=\"#asylum\">asylum</a>.</p>\n")
    }

    /// Spellings share prefixes in the matcher's trie: a walk that goes deeper than a shorter
    /// spelling and then fails ("sanction regime" is not a term, "sanctions regime" is) falls back
    /// to the longest spelling that ended on a word boundary; non-ASCII spellings match
    /// case-insensitively, and the first term to claim a spelling keeps it.
    @Test func sharedPrefixesFallBackToTheLongestWholeSpelling() throws {
        let hooks = MarkdownHooks(
            terms: TermMatcher(terms: [
                (id: "sanction", phrases: ["sanction"]), (id: "regime", phrases: ["sanctions regime"]),
                (id: "rial", phrases: ["Rial"]), (id: "evin", phrases: ["Évin prison"]),
                (id: "copy", phrases: ["sanction"]),
            ]),
            termHTML: { id, text in "[\(id): \(text)]" })
        let rendered = try render(
            "A sanction regime, then a sanctions regime; rials at ÉVIN PRISON; sanctioned.", hooks: hooks)
        #expect(
            rendered.html
                == "<p>A [sanction: sanction] regime, then a [regime: sanctions regime]; "
                + "[rial: rials] at [evin: ÉVIN PRISON]; sanctioned.</p>\n")
        #expect(rendered.termsUsed == ["sanction", "regime", "rial", "evin"])
    }

    @Test func wordBoundariesAndPunctuatedPhrases() throws {
        let rendered = try render("Boxer, unbox; the U.N. said it.", hooks: hooks)
        #expect(rendered.termsUsed == ["un"])
        #expect(
            rendered.html == "<p>Boxer, unbox; the <a class=\"term\" href=\"/glossary/#un\">U.N.</a> said it.</p>\n")
    }

    @Test func notInHeadingsLinksCodeOrQuotes() throws {
        let source = """
            # Asylum

            [asylum](x) `asylum` ![asylum](y.png) <b>asylum</b>

            > asylum

                asylum

            Then asylum.
            """
        let rendered = try render(source, options: MarkdownOptions(unsafeHTML: true), hooks: hooks)
        #expect(rendered.termsUsed == ["asylum"])
        #expect(rendered.html.hasSuffix("<p>Then <a class=\"term\" href=\"/glossary/#asylum\">asylum</a>.</p>\n"))
        #expect(rendered.html.ranges(of: "class=\"term\"").count == 1)
    }

    @Test func excludedTermsAreNeverLinked() throws {
        var excluding = hooks
        excluding.excludedTerms = ["asylum"]
        let rendered = try render("asylum policy", hooks: excluding)
        #expect(rendered.termsUsed == ["policy"])
        #expect(rendered.html == "<p>asylum <a class=\"term\" href=\"/glossary/#policy\">policy</a></p>\n")
    }

    @Test func termsAcrossEmphasisAndInLists() throws {
        let rendered = try render("- *the policy*\n- a box\n", hooks: hooks)
        #expect(rendered.termsUsed == ["policy", "box"])
        #expect(rendered.html.contains("<em>the <a class=\"term\" href=\"/glossary/#policy\">policy</a></em>"))
    }

    @Test func nothingWithoutTermHTML() throws {
        let rendered = try render("asylum", hooks: MarkdownHooks(terms: hooks.terms))
        #expect(rendered.termsUsed.isEmpty)
        #expect(rendered.html == "<p>asylum</p>\n")
    }
}
