import Foundation
@testable import HandbookRender
import HandbookTestSupport
import Testing

/// Folding, tokens, singulars and typo distance, against the table the browser's client is tested with.
@Suite struct SearchTokenizerTests {
    /// Every ASCII byte between two words: a letter or digit joins them (lower-cased), `&` links them, anything
    /// else parts them (`-` too, outside the index's compounds).
    @Test func everyASCIIByteJoinsLinksOrParts() {
        for byte in UInt8(1)..<0x80 {
            let character = String(UnicodeScalar(byte))
            let tokens = SearchTokenizer.tokens("ab" + character + "cd")
            let isWordByte = (0x41...0x5A).contains(byte) || (0x61...0x7A).contains(byte) || (0x30...0x39).contains(byte)
            if isWordByte {
                #expect(tokens == ["ab" + character.lowercased() + "cd"], "byte \(byte)")
            } else if byte == UInt8(ascii: "&") {
                #expect(tokens == ["abcd"], "byte \(byte)")
            } else {
                #expect(tokens == ["ab", "cd"], "byte \(byte)")
            }
        }
    }

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

    @Test func indexTokensFollowTheSharedTable() throws {
        for item in try SearchCases.load().indexTokens {
            #expect(SearchTokenizer.indexTokens(item.text) == item.tokens, "\(item.text)")
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

    @Test func everyScalarOfTheFoldTableFoldsAsFoundationDoes() {
        let table = SearchFoldTable.shared
        let scalars = table.scalars
        #expect(scalars.count > 20_000, "Latin, Greek, Cyrillic, punctuation and CJK are in the table")
        var differences: [String] = []
        for value in scalars {
            let text = String(Unicode.Scalar(value)!)
            let slot = table.slot(value)
            let folded = slot == SearchFoldTable.itself ? text
                : String(decoding: table.bytes[Int(slot >> 8)..<Int(slot >> 8) + Int(slot & 0xFF)], as: UTF8.self)
            if folded != SearchTokenizer.foldWithFoundation(text) { differences.append(String(value, radix: 16)) }
        }
        #expect(differences.isEmpty, "\(differences.prefix(20))")
    }

    @Test func foldingUsesFoundationOnlyOutsideTheTable() {
        #expect(SearchFoldTable.shared.slot(0x1F600) == SearchFoldTable.absent, "emoji are not in the table")
        #expect(SearchFoldTable.shared.slot(0xAC00) == SearchFoldTable.absent, "nor is Hangul")
        for text in ["Café 😀 Ünïcödé", "한국어 Straße", "ﬁne Ǆemal", "e\u{301}te Ａｂ"] {
            #expect(SearchTokenizer.fold(text) == SearchTokenizer.foldWithFoundation(text), "\(text)")
            #expect(SearchTokenizer.tokens(text) == Self.referenceTokens(text), "\(text)")
        }
    }

    @Test func bytesThatAreNotUTF8EndATokenAsTheReplacementCharacterWould() {
        let bytes: [UInt8] = [0x61, 0x62, 0xC3, 0x63, 0x64, 0xE2, 0x82, 0x65, 0x66, 0xC1, 0x81, 0x67, 0x68, 0xED, 0xA0, 0x80, 0x69, 0x6A, 0xF0, 0x9F]
        var sink = Collected()
        bytes.withUnsafeBufferPointer { SearchTokenizer.forEachToken(in: $0, into: &sink) }
        #expect(sink.tokens == Self.referenceTokens(String(decoding: bytes, as: UTF8.self)))
        #expect(sink.tokens == ["ab", "cd", "ef", "gh", "ij"])
        #expect(sink.hashes == sink.tokens.map { SearchTokenTable.hash($0.utf8) }, "each token comes with its hash")
    }

    /// Tokens and hashes from `forEachToken`.
    struct Collected: SearchTokenizer.Sink {
        var tokens: [String] = []
        var hashes: [UInt64] = []

        mutating func take(_ token: UnsafeBufferPointer<UInt8>, hash: UInt64) {
            tokens.append(String(decoding: token, as: UTF8.self))
            hashes.append(hash)
        }
    }

    /// The tokenizer on bytes gives what the String-based tokenizer gives, on every document of the real data.
    @Test(.needsShared("real data")) func tokensMatchTheStringTokenizerOnTheRealData() throws {
        let root = try #require(SharedFolder.url, "HANDBOOK_REQUIRE_SHARED=1 but the external test data is absent (docs/testing.md)").appendingPathComponent("realdata/content")
        let files = try #require(FileManager.default.enumerator(atPath: root.path)).compactMap { $0 as? String }.filter { $0.hasSuffix(".md") }
        #expect(files.count > 1_000)
        var bytes = 0
        for file in files {
            let text = try String(contentsOf: root.appendingPathComponent(file), encoding: .utf8)
            bytes += text.utf8.count
            if SearchTokenizer.tokens(text) != Self.referenceTokens(text) {
                Issue.record("\(file): tokens differ from the String tokenizer's")
            }
            if SearchTokenizer.indexTokens(text) != Self.referenceTokens(text, joiningCompounds: true) {
                Issue.record("\(file): index tokens differ from the String tokenizer's")
            }
        }
        #expect(bytes > 1_000_000)
    }

    @Test func theWordListsAreLookedUpOnBytes() {
        // Each stopword is dropped, each British word spelt the American way, whatever the case.
        for word in SearchTokenizer.stopwords where word.count >= 2 { #expect(SearchTokenizer.tokens(word.uppercased()).isEmpty, "\(word)") }
        for (british, american) in SearchTokenizer.words { #expect(SearchTokenizer.tokens(british.capitalized) == [american]) }
        #expect(SearchTokenizer.tokens("colourful organisations travellings") == ["colourful", "organizations", "travellings"])
        var sink = Collected()
        Array("Colour ORGANISING the centres".utf8).withUnsafeBufferPointer { SearchTokenizer.forEachToken(in: $0, into: &sink) }
        #expect(sink.tokens == ["color", "organizing", "centers"])
        #expect(sink.hashes == sink.tokens.map { SearchTokenTable.hash($0.utf8) }, "a respelt token is hashed again")
    }

    /// The tokenizer the byte one replaced: Foundation's fold, then a String per token of 2 to 64 bytes, looked up and respelt;
    /// an `&` between letters or digits dropped first, and with `joiningCompounds` each compound of parts
    /// joined by single hyphens also given whole, as the browser's `indexTokens` does it.
    static func referenceTokens(_ text: String, joiningCompounds: Bool = false) -> [String] {
        let stopwords = Set(SearchTokenizer.stopwords)
        func spelling(_ token: String) -> String {
            if let american = SearchTokenizer.words[token] { return american }
            for (british, american, minimum) in SearchTokenizer.endings where token.utf8.count >= minimum && token.hasSuffix(british) {
                return String(token.dropLast(british.count)) + american
            }
            return token
        }
        func isWordByte(_ byte: UInt8) -> Bool { (byte >= 0x61 && byte <= 0x7A) || (byte >= 0x30 && byte <= 0x39) }
        let folded = Array(SearchTokenizer.foldWithFoundation(text).utf8)
        var bytes: [UInt8] = []
        for (index, byte) in folded.enumerated() {
            if byte == UInt8(ascii: "&"), index > 0, isWordByte(folded[index - 1]), index + 1 < folded.count, isWordByte(folded[index + 1]) {
                continue
            }
            bytes.append(byte)
        }
        var tokens: [String] = []
        func keep(_ token: [UInt8]) {
            let string = String(decoding: token, as: UTF8.self)
            if token.count >= 2 && token.count <= SearchTokenizer.longestToken && !stopwords.contains(string) { tokens.append(spelling(string)) }
        }
        // Compounds: runs of word bytes joined by single hyphens.
        var index = 0
        while index < bytes.count {
            guard isWordByte(bytes[index]) else { index += 1; continue }
            var parts: [[UInt8]] = [[]]
            while index < bytes.count {
                if isWordByte(bytes[index]) {
                    parts[parts.count - 1].append(bytes[index])
                } else if joiningCompounds && bytes[index] == UInt8(ascii: "-") && index + 1 < bytes.count && isWordByte(bytes[index + 1]) {
                    parts.append([])
                } else {
                    break
                }
                index += 1
            }
            parts.forEach(keep)
            let whole = parts.flatMap { $0 }
            if parts.count > 1 && whole.contains(where: { $0 >= 0x61 }) { keep(whole) }
        }
        return tokens
    }
}
