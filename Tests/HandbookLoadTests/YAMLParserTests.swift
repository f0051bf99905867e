import HandbookLoad
import HandbookModel
import Testing

/// Parses text and returns the root, failing the test on a syntax error.
func parse(_ text: String) throws -> YAMLNode? {
    try YAMLParser.parse(Array(text.utf8)).root
}

/// The syntax error for text that must be rejected.
func syntaxError(_ text: String) -> YAMLSyntaxError? {
    do {
        _ = try YAMLParser.parse(Array(text.utf8))
        return nil
    } catch {
        return error
    }
}

@Suite struct YAMLParserTests {
    @Test func readsBlockMappingInFileOrder() throws {
        let root = try #require(try parse("b: 1\na: two\nc:\n"))
        let pairs = try #require(root.pairs)
        #expect(pairs.map(\.key) == ["b", "a", "c"])
        #expect(pairs[0].value.value == .scalar("1", .plain))
        #expect(pairs[2].value.isNull)
    }

    @Test func keepsScalarsAsTextAsWritten() throws {
        let pairs = try #require(try parse("a: no\nb: on\nc: 1.10\nd: 2020-01-01\ne: ~\n")?.pairs)
        #expect(pairs.map { $0.value.scalarText } == ["no", "on", "1.10", "2020-01-01", "~"])
    }

    @Test func recordsPositionsOfKeysAndValues() throws {
        let pairs = try #require(try YAMLParser.parse(Array("name: x\nlist:\n  - a\n  - b\n".utf8), lineOffset: 1).root?.pairs)
        #expect(pairs[0].keyPosition == TextPosition(line: 2, column: 1))
        #expect(pairs[0].value.position == TextPosition(line: 2, column: 7))
        let items = try #require(pairs[1].value.items)
        #expect(items[1].position == TextPosition(line: 5, column: 5))
    }

    @Test func countsColumnsInCharactersNotBytes() throws {
        let pairs = try #require(try parse("é: ü\n").map { $0.pairs } ?? nil)
        #expect(pairs[0].value.position == TextPosition(line: 1, column: 4))
    }

    @Test func readsNestedBlockCollections() throws {
        let root = try #require(try parse("grants:\n  - recipient: a\n    amount: 5\n  - recipient: b\nsocial:\n  mastodon: x\n"))
        let grants = try #require(root.pairs?[0].value.items)
        #expect(grants.count == 2)
        #expect(grants[0].pairs?.map(\.key) == ["recipient", "amount"])
        #expect(root.pairs?[1].value.pairs?[0].key == "mastodon")
    }

    @Test func readsSequenceAtTheIndentationOfItsKey() throws {
        let pairs = try #require(try parse("a:\n- x\n- y\nb: z\n")?.pairs)
        #expect(pairs[0].value.items?.count == 2)
        #expect(pairs[1].value.scalarText == "z")
    }

    @Test func readsFlowCollections() throws {
        let pairs = try #require(try parse("a: [x, \"y, z\", [1]]\nb: {k: v, 'q': [w]}\nc: []\n")?.pairs)
        let a = try #require(pairs[0].value.items)
        #expect(a[0].scalarText == "x")
        #expect(a[1].scalarText == "y, z")
        #expect(a[2].items?.first?.scalarText == "1")
        #expect(pairs[1].value.pairs?.map(\.key) == ["k", "q"])
        #expect(pairs[2].value.items?.isEmpty == true)
    }

    @Test func readsQuotedScalarsWithEscapes() throws {
        let text = #"a: "tab\there \"q\" \u00e9 \x41""# + "\n" + #"b: 'it''s # not a comment'"# + "\n"
        let pairs = try #require(try parse(text)?.pairs)
        #expect(pairs[0].value.value == .scalar("tab\there \"q\" é A", .doubleQuoted))
        #expect(pairs[1].value.value == .scalar("it's # not a comment", .singleQuoted))
    }

    @Test func foldsMultiLineScalars() throws {
        let pairs = try #require(try parse("a: one\n  two\n\n  three\nb: \"x\n  y\"\n")?.pairs)
        #expect(pairs[0].value.scalarText == "one two\nthree")
        #expect(pairs[1].value.scalarText == "x y")
    }

    @Test func readsLiteralAndFoldedBlockScalars() throws {
        let pairs = try #require(try parse("a: |\n  line 1\n   indented\n  line 3\nb: >-\n  folded\n  text\n\n  para\nc: |+\n  keep\n\n")?.pairs)
        #expect(pairs[0].value.value == .scalar("line 1\n indented\nline 3\n", .literal))
        #expect(pairs[1].value.value == .scalar("folded text\npara", .folded))
        #expect(pairs[2].value.scalarText == "keep\n\n")
    }

    @Test func ignoresComments() throws {
        let pairs = try #require(try parse("# head\na: x # tail\n# between\nb: y#not\n")?.pairs)
        #expect(pairs.map { $0.value.scalarText } == ["x", "y#not"])
    }

    @Test func acceptsCRLFLineEnds() throws {
        let pairs = try #require(try parse("a: x\r\nb:\r\n  - y\r\n")?.pairs)
        #expect(pairs[0].value.scalarText == "x")
        #expect(pairs[1].value.items?.first?.scalarText == "y")
    }

    @Test func emptyTextHasNoDocument() throws {
        #expect(try parse("") == nil)
        #expect(try parse("# only a comment\n") == nil)
    }

    @Test func reportsDuplicateKeysWithBothPositions() throws {
        let document = try YAMLParser.parse(Array("a: 1\nb: 2\na: 3\n".utf8))
        let duplicate = try #require(document.duplicateKeys.first)
        #expect(document.duplicateKeys.count == 1)
        #expect(duplicate.key == "a")
        #expect(duplicate.position == TextPosition(line: 3, column: 1))
        #expect(duplicate.firstPosition == TextPosition(line: 1, column: 1))
        #expect(document.root?.pairs?.first?.value.scalarText == "1")
    }

    /// Repeats are found in mappings of any size (large ones look keys up in an index) and in flow mappings.
    @Test(arguments: [3, 16, 17, 40])
    func reportsDuplicateKeysInMappingsOfAnySize(_ keys: Int) throws {
        var text = (0..<keys).map { "k\($0): \($0)\n" }.joined()
        text += "k\(keys - 1): again\nk0: again\nextra: x\n"
        let document = try YAMLParser.parse(Array(text.utf8))
        #expect(document.duplicateKeys.map(\.key) == ["k\(keys - 1)", "k0"])
        #expect(document.duplicateKeys.map(\.position.line) == [keys + 1, keys + 2])
        #expect(document.root?.pairs?.count == keys + 1)
        #expect(document.root?.pairs?.first?.value.scalarText == "0")
        #expect(document.root?.pairs?.last?.key == "extra")
        let flow = try YAMLParser.parse(Array("m: {a: 1, b: 2, a: 3}\n".utf8))
        #expect(flow.duplicateKeys.map(\.key) == ["a"])
        #expect(flow.root?.pairs?.first?.value.pairs?.count == 2)
    }

    /// Quoted text on one line is read as it is; escapes, doubled single quotes and line breaks still apply.
    @Test(arguments: [
        ("a: \"plain text\"\n", "plain text"), ("a: 'plain text'\n", "plain text"), ("a: 'it''s'\n", "it's"),
        ("a: \"tab\\there\"\n", "tab\there"), ("a: \"one\n  two\"\n", "one two"), ("a: ''\n", ""), ("a: \"\"\n", ""),
    ])
    func readsQuotedText(_ yaml: String, _ text: String) throws {
        let document = try YAMLParser.parse(Array(yaml.utf8))
        #expect(document.root?.pairs?.first?.value.scalarText == text)
    }

    @Test(arguments: [
        ("a: &x 1\n", "anchors"),
        ("a: *x\n", "aliases"),
        ("a: !!str 1\n", "tags"),
        ("%YAML 1.2\n---\na: 1\n", "directives"),
        ("a: 1\n---\nb: 2\n", "only one YAML document"),
        ("? a\n: 1\n", "complex keys"),
        ("[a]: 1\n", "complex keys"),
        ("a: b: c\n", "same line"),
        ("a: [1, 2\n", "never closed"),
        ("a: \"open\n", "never closed"),
        ("a:\n\t- x\n", "tab"),
        ("a: 1\n  b: 2\n", "multi-line"),
        ("- a\nb: c\n", "unexpected"),
        ("a: \"\\q\"\n", "unknown escape"),
    ])
    func rejectsWhatTheSubsetDoesNotRead(_ text: String, _ fragment: String) throws {
        let error = try #require(syntaxError(text), "accepted: \(text)")
        #expect(error.message.contains(fragment), "\(error.message)")
    }

    /// A front matter that does not parse whole is read a top-level key at a time, for its other keys' problems.
    @Test func keysThatReadOnTheirOwnAreKeptWhenTheWholeDoesNot() throws {
        let text = "name: [a, b\nkind: charty\n# a comment\ntopics:\n- one\n- two\nname: again\nsummary: \"a\" b\ncountry: GB\n"
        #expect(syntaxError(text) != nil)
        let node = YAMLParser.parseKeys(Array(text.utf8), lineOffset: 1)
        let pairs = try #require(node.pairs)
        // The second `name` stands in for the first, which did not read; `summary` did not read either.
        #expect(pairs.map(\.key) == ["kind", "topics", "name", "country"])
        #expect(pairs.map(\.keyPosition.line) == [3, 5, 8, 10])
        #expect(pairs[1].value.items?.compactMap(\.scalarText) == ["one", "two"])
    }

    @Test func reportsThePositionOfTheProblem() throws {
        let error = try #require(syntaxError("a: 1\nb: &anchor x\n"))
        #expect(error.position == TextPosition(line: 2, column: 4))
    }
}
