import HandbookRender
import HandbookTestSupport
import Testing

/// Folding, tokens, singulars and typo distance, against the table the browser's client is tested with.
@Suite struct SearchTokenizerTests {
    @Test func foldingFollowsTheSharedTable() throws {
        for pair in try SearchCases.load().fold {
            #expect(SearchTokenizer.fold(pair[0]) == pair[1], "\(pair[0])")
        }
    }

    @Test func tokensFollowTheSharedTable() throws {
        for item in try SearchCases.load().tokens {
            #expect(SearchTokenizer.tokens(item.text) == item.tokens, "\(item.text)")
        }
    }

    @Test func singularsFollowTheSharedTable() throws {
        for pair in try SearchCases.load().singular {
            #expect(SearchTokenizer.singular(pair[0] ?? "") == pair[1], "\(pair[0] ?? "")")
        }
    }

    @Test func oneEditFollowsTheSharedTable() throws {
        for item in try SearchCases.load().oneEdit {
            #expect(SearchTokenizer.withinOneEdit(item.a, item.b) == item.expected, "\(item.a) / \(item.b)")
        }
    }

    @Test func foldingKeepsAnASCIIStringsLettersAndDigits() {
        #expect(SearchTokenizer.fold("Jefferson Center 2026") == "jefferson center 2026")
    }

    @Test func britishAndAmericanSpellingsGiveTheSameToken() {
        #expect(SearchTokenizer.tokens("organisation") == SearchTokenizer.tokens("organization"))
        #expect(SearchTokenizer.tokens("behaviour") == SearchTokenizer.tokens("behavior"))
        #expect(SearchTokenizer.tokens("Programme") == SearchTokenizer.tokens("program"))
    }

    @Test func shortWordsKeepTheirEndings() {
        // "-ise" and "-our" only change in words long enough not to be whole words like "rise" or "hour".
        #expect(SearchTokenizer.tokens("rise hour four") == ["rise", "hour", "four"])
    }

    @Test func singleLettersAndStopwordsAreDropped() {
        #expect(SearchTokenizer.tokens("a history of the 5 assemblies") == ["history", "assemblies"])
    }

    @Test func typosAreOneEditAtMost() {
        #expect(SearchTokenizer.withinOneEdit("asembly", "assembly"))
        #expect(!SearchTokenizer.withinOneEdit("asemby", "assembly"))
    }
}
