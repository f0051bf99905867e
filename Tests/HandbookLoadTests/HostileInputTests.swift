import HandbookLoad
import HandbookModel
import Testing

/// Hostile front matter never crashes the parser: each case ends in an error (or a value, where it is valid YAML).
@Suite struct HostileInputTests {
    @Test func deepBlockNestingIsRejected() throws {
        var text = ""
        for depth in 0..<500 { text += String(repeating: " ", count: depth) + "k:\n" }
        let error = try #require(syntaxError(text))
        #expect(error.message.contains("nested more than"))
    }

    @Test func deepFlowNestingIsRejected() throws {
        let text = "a: " + String(repeating: "[", count: 100_000) + String(repeating: "]", count: 100_000) + "\n"
        let error = try #require(syntaxError(text))
        #expect(error.message.contains("nested more than"))
    }

    /// The limit counts collections: a mapping holding 63 nested lists is 64 levels and is read; one more is not.
    @Test func nestingIsCountedInCollections() throws {
        func nested(_ lists: Int) -> String { "a: " + String(repeating: "[", count: lists) + "x" + String(repeating: "]", count: lists) + "\n" }
        #expect(syntaxError(nested(63)) == nil)
        #expect(try #require(syntaxError(nested(64))).message.contains("nested more than 64 levels"))
        var block = ""
        for level in 0..<64 { block += String(repeating: " ", count: level) + "k:\n" }
        #expect(syntaxError(block + String(repeating: " ", count: 64) + "- x\n") != nil)
        #expect(syntaxError(block.replacingOccurrences(of: "k:\n", with: "k: v\n", options: .backwards, range: block.range(of: "k:\n", options: .backwards))) == nil)
    }

    @Test func deepSequenceNestingIsRejected() throws {
        let text = String(repeating: "- ", count: 10_000) + "x\n"
        #expect(syntaxError(text) != nil)
    }

    @Test func hugeScalarIsReadInFull() throws {
        let big = String(repeating: "x", count: 5_000_000)
        let root = try #require(try parse("summary: \(big)\n"))
        #expect(root.pairs?.first?.value.scalarText?.utf8.count == 5_000_000)
    }

    @Test func megabyteLineOfGarbageIsRejected() throws {
        let line = String(repeating: "}{][,:", count: 200_000)
        #expect(syntaxError("a: \(line)\n") != nil)
        #expect(syntaxError(line + "\n") != nil)
    }

    @Test func unterminatedQuotesAndFlowsAreRejected() throws {
        for text in ["a: \"" + String(repeating: "x", count: 100_000), "a: '", "a: [", "a: {b: [c, {d: ", "a: \"x\\"] {
            let error = try #require(syntaxError(text), "accepted: \(text.prefix(20))")
            #expect(error.message.contains("never closed") || error.message.contains("not closed"), "\(error.message)")
        }
    }

    @Test func controlCharactersAreRejected() throws {
        for byte: UInt8 in [0x00, 0x01, 0x07, 0x1B, 0x7F] {
            let text = "a: x" + String(decoding: [byte], as: UTF8.self) + "y\n"
            let error = try #require(syntaxError(text))
            #expect(error.message.contains("control character"))
            #expect(error.position == TextPosition(line: 1, column: 5))
        }
    }

    @Test func tabsInIndentationAreRejected() throws {
        #expect(syntaxError("a:\n\tb: c\n") != nil)
        #expect(syntaxError("- a\n\t- b\n") != nil)
    }

    @Test func manyKeysParseInLinearTime() throws {
        // Not timed: a quadratic parser would take minutes on this and the suite's time limit would catch it.
        var text = ""
        for index in 0..<200_000 { text += "key\(index): value \(index)\n" }
        let document = try YAMLParser.parse(Array(text.utf8))
        #expect(document.root?.pairs?.count == 200_000)
    }

    @Test func aLongOneLineFlowCollectionParsesInLinearTime() throws {
        // Not timed: every node's column was counted from its line's start (40,000 keys on one line took 6 s).
        let keys = (0..<100_000).map { "k\($0): v" }.joined(separator: ", ")
        let document = try YAMLParser.parse(Array("identifiers: {\(keys)}\nlast: [\"é\", x]\n".utf8))
        let pairs = try #require(document.root?.pairs?.first?.value.pairs)
        #expect(pairs.count == 100_000)
        #expect(pairs.last?.keyPosition == TextPosition(line: 1, column: 15 + keys.utf8.count - "k99999: v".utf8.count))
        // Counting on from the last position stays right after a multi-byte character and on the next line.
        let last = try #require(document.root?.pairs?.last?.value.items)
        #expect(last.map(\.position) == [TextPosition(line: 2, column: 8), TextPosition(line: 2, column: 13)])
    }
}
