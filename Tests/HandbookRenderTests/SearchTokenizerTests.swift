import HandbookRender
import HandbookTestSupport
import XCTest

final class SearchTokenizerTests: XCTestCase {
    func testFoldingFollowsTheSharedTable() throws {
        for pair in try SearchCases.load().fold {
            XCTAssertEqual(SearchTokenizer.fold(pair[0]), pair[1], pair[0])
        }
    }

    func testTokensFollowTheSharedTable() throws {
        for item in try SearchCases.load().tokens {
            XCTAssertEqual(SearchTokenizer.tokens(item.text), item.tokens, item.text)
        }
    }

    func testSingularsFollowTheSharedTable() throws {
        for pair in try SearchCases.load().singular {
            XCTAssertEqual(SearchTokenizer.singular(pair[0] ?? ""), pair[1], pair[0] ?? "")
        }
    }

    func testOneEditFollowsTheSharedTable() throws {
        for item in try SearchCases.load().oneEdit {
            XCTAssertEqual(SearchTokenizer.withinOneEdit(item.a, item.b), item.expected, "\(item.a) / \(item.b)")
        }
    }

    func testFoldingKeepsAnASCIIStringsLettersAndDigits() {
        XCTAssertEqual(SearchTokenizer.fold("Jefferson Center 2026"), "jefferson center 2026")
    }

    func testBritishAndAmericanSpellingsGiveTheSameToken() {
        XCTAssertEqual(SearchTokenizer.tokens("organisation"), SearchTokenizer.tokens("organization"))
        XCTAssertEqual(SearchTokenizer.tokens("behaviour"), SearchTokenizer.tokens("behavior"))
        XCTAssertEqual(SearchTokenizer.tokens("Programme"), SearchTokenizer.tokens("program"))
    }

    func testShortWordsKeepTheirEndings() {
        // "-ise" and "-our" only change in words long enough not to be whole words like "rise" or "hour".
        XCTAssertEqual(SearchTokenizer.tokens("rise hour four"), ["rise", "hour", "four"])
    }

    func testSingleLettersAndStopwordsAreDropped() {
        XCTAssertEqual(SearchTokenizer.tokens("a history of the 5 assemblies"), ["history", "assemblies"])
    }

    func testTyposAreOneEditAtMost() {
        XCTAssertTrue(SearchTokenizer.withinOneEdit("asembly", "assembly"))
        XCTAssertFalse(SearchTokenizer.withinOneEdit("asemby", "assembly"))
    }
}
