@testable import HandbookRender
import Testing

@Suite struct SearchTokenTableTests {
    /// Tokens that agree in length or in their first eight bytes, or in both, tokens longer than any word, and the
    /// empty token.
    static let tokens: [String] = {
        var tokens = ["", "a", "b", "ab", "ba", "abcdefg", "abcdefgh", "abcdefgi", "abcdefgh1", "abcdefgh2", "abcdefgh12",
                      "abcdefghijklmnopq", "abcdefghijklmnopr", String(repeating: "z", count: 64), String(repeating: "z", count: 300),
                      String(repeating: "z", count: 301)]
        // Enough more for the table to grow several times from its smallest size.
        tokens += (0..<2_000).map { "w\($0)" } + (0..<500).map { "abcdefgh-\($0)" }
        return tokens
    }()

    /// Ids are dense, in the order tokens are first seen, and each token is found again, before and after the table
    /// grows; interning a token again gives its id.
    @Test func tokensAreInternedAndFoundAgain() {
        var table = SearchTokenTable(capacity: 4)
        for (number, token) in Self.tokens.enumerated() {
            #expect(table.intern(Array(token.utf8)) == number, "\(token)")
            #expect(table.intern(Array(token.utf8)) == number, "\(token) again")
        }
        #expect(table.count == Self.tokens.count)
        for (number, token) in Self.tokens.enumerated() {
            #expect(Array(token.utf8).withUnsafeBufferPointer { table.id(of: $0) } == number, "\(token)")
            #expect(table.string(number) == token)
        }
    }

    /// A token not interned is not found, however close it is to one that was.
    @Test func absentTokensAreNotFound() {
        var table = SearchTokenTable(capacity: 4)
        for token in Self.tokens { _ = table.intern(Array(token.utf8)) }
        for token in ["c", "abcdef", "abcdefgj", "abcdefgh3", "abcdefgh13", "abcdefghijklmnops", String(repeating: "z", count: 63),
                      String(repeating: "z", count: 302), "w2000", "abcdefgh-500", "abcdefgh-"] {
            #expect(Array(token.utf8).withUnsafeBufferPointer { table.id(of: $0) } == nil, "\(token)")
        }
    }

    /// Two tokens whose hashes agree (a hash given to the lookup for another token) are still told apart by their
    /// bytes, short or long.
    @Test func tokensWithTheSameHashAreToldApart() {
        var table = SearchTokenTable(capacity: 4)
        for token in Self.tokens { _ = table.intern(Array(token.utf8)) }
        for (present, absent) in [("abcdefgh", "abcdefgi"), ("ab", "ba0"), ("abcdefgh1", "abcdefgh3"), ("abcdefgh12", "abcdefgh13"),
                                  ("abcdefghijklmnopq", "abcdefghijklmnops"), (String(repeating: "z", count: 300), String(repeating: "z", count: 299) + "y")] {
            let hash = SearchTokenTable.hash(present.utf8)
            #expect(Array(present.utf8).withUnsafeBufferPointer { table.id(of: $0, hash: hash) } != nil, "\(present)")
            #expect(Array(absent.utf8).withUnsafeBufferPointer { table.id(of: $0, hash: hash) } == nil, "\(absent) with the hash of \(present)")
        }
    }
}
