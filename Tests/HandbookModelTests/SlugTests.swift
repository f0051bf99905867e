import HandbookModel
import Testing

@Suite struct SlugTests {
    @Test(arguments: ["a", "g1000", "the-rsa", "mass-lbp", String(repeating: "a", count: 80)])
    func acceptsValidSlugs(_ slug: String) {
        #expect(Slug.isValid(slug))
    }

    @Test(arguments: ["", "The-RSA", "a--b", "-a", "a-", "a_b", "café", String(repeating: "a", count: 81)])
    func rejectsInvalidSlugs(_ slug: String) {
        #expect(!Slug.isValid(slug))
    }

    @Test(arguments: [
        ("Fórum dos Cidadãos", "forum-dos-cidadaos"),
        ("Citizens' Juries c.i.c.", "citizens-juries-c-i-c"),
        ("The RSA (Royal Society)", "the-rsa-royal-society"),
        ("  G1000.nu  ", "g1000-nu"),
        ("Génération Nomination", "generation-nomination"),
        // Letters no decomposition takes to ASCII are spelled out, as search spells them.
        ("İstanbul ß ﬁ Æ", "istanbul-ss-fi-ae"),
        ("Æblerød Łódź Þing Œuvre", "aeblerod-lodz-thing-oeuvre"),
    ])
    func makesSlugsFromNames(_ name: String, _ slug: String) {
        #expect(Slug.make(from: name) == slug)
        #expect(Slug.isValid(slug))
    }

    @Test func cutsLongNamesAtAHyphen() {
        let slug = Slug.make(from: String(repeating: "word ", count: 30))
        #expect(slug.count <= 80)
        #expect(Slug.isValid(slug))
    }
}

@Suite struct SuggestionTests {
    @Test func findsCloseCandidates() {
        #expect(Suggestion.closest(to: "websit", in: ["website", "name"]) == "website")
        #expect(Suggestion.closest(to: "contry", in: ["country", "city"]) == "country")
        #expect(Suggestion.closest(to: "orgnaisations", in: ["organisations", "funders"]) == "organisations")
    }

    @Test func ignoresDistantCandidates() {
        #expect(Suggestion.closest(to: "colour", in: ["title", "description"]) == nil)
    }

    @Test func prefersTheNearestThenTheAlphabeticallyFirst() {
        #expect(Suggestion.closest(to: "cat", in: ["cut", "bat", "cast"]) == "bat")
        #expect(Suggestion.closest(to: "Charty", in: ["charity", "chart"]) == "charity")
    }

    /// Abbreviations and extended words count when the shorter is at least half the longer, so options typed
    /// short (`--check`) and keys with a suffix (`website_url`) find theirs, but a lone letter finds nothing.
    @Test func findsAbbreviationsAndExtensions() {
        #expect(Suggestion.closest(to: "--check", in: ["--content", "--check-links"]) == "--check-links")
        #expect(Suggestion.closest(to: "website_url", in: ["website", "name"]) == "website")
        #expect(Suggestion.closest(to: "--iso", in: ["--isolated", "--strict"]) == "--isolated")
        #expect(Suggestion.closest(to: "web", in: ["website"]) == nil)
        #expect(Suggestion.closest(to: "o", in: ["organisations"]) == nil)
    }
}

@Suite struct DiagnosticTests {
    @Test func sortsByPathThenPositionThenRule() {
        let a = Diagnostic.error("b-rule", at: SourceLocation(path: "a.md", line: 2, column: 1), "x")
        let b = Diagnostic.error("a-rule", at: SourceLocation(path: "a.md", line: 10, column: 1), "x")
        let c = Diagnostic.warning("a-rule", at: SourceLocation(path: "b.md", line: 1, column: 1), "x")
        let d = Diagnostic.error("a-rule", at: SourceLocation(path: "a.md", line: 2, column: 1), "x")
        #expect([c, b, a, d].sorted() == [d, a, b, c])
    }
}

@Suite struct ISOCodeTests {
    @Test func isoTablesAreLoaded() {
        #expect(ISOCodes.countryNames["GB"] == "United Kingdom")
        #expect(ISOCodes.subdivisionNames["GB-SCT"] == "Scotland")
        #expect(ISOCodes.currencyNames["EUR"] == "Euro")
        #expect(ISOCodes.countryNames.count > 240)
    }
}
