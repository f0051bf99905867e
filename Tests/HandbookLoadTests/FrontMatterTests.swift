import HandbookLoad
import HandbookModel
import Testing

@Suite struct FrontMatterTests {
    @Test func splitsYAMLAndBody() throws {
        let split = try FrontMatter.split(Array("---\na: 1\n---\nBody\n".utf8))
        #expect(String(decoding: split.yaml, as: UTF8.self) == "a: 1\n")
        #expect(String(decoding: split.body, as: UTF8.self) == "Body\n")
        #expect(split.yamlLine == 2)
        #expect(split.bodyLine == 4)
    }

    @Test func acceptsCRLFAndTrailingBlanksOnDelimiters() throws {
        let split = try FrontMatter.split(Array("--- \r\na: 1\r\n---\r\nBody".utf8))
        #expect(String(decoding: split.yaml, as: UTF8.self) == "a: 1\r\n")
        #expect(String(decoding: split.body, as: UTF8.self) == "Body")
    }

    @Test func acceptsEmptyFrontMatterAndEmptyBody() throws {
        let split = try FrontMatter.split(Array("---\n---".utf8))
        #expect(split.yaml.isEmpty)
        #expect(split.body.isEmpty)
    }

    @Test func laterDelimiterLinesStayInTheBody() throws {
        let split = try FrontMatter.split(Array("---\na: 1\n---\nx\n---\ny\n".utf8))
        #expect(String(decoding: split.body, as: UTF8.self) == "x\n---\ny\n")
    }

    @Test func rejectsMissingOpening() {
        #expect(throws: FrontMatter.Problem.missingOpening) { try FrontMatter.split(Array("a: 1\n---\n".utf8)) }
        #expect(throws: FrontMatter.Problem.missingOpening) { try FrontMatter.split(Array("----\na: 1\n---\n".utf8)) }
    }

    @Test func rejectsMissingClosing() {
        #expect(throws: FrontMatter.Problem.missingClosing) { try FrontMatter.split(Array("---\na: 1\n".utf8)) }
        #expect(throws: FrontMatter.Problem.missingClosing) { try FrontMatter.split(Array("---".utf8)) }
    }

    @Test func theBodyIsTakenFromTheGivenStorage() throws {
        let bytes = Array("---\na: 1\n---\nBody text\n".utf8)
        let storage = bytes.withUnsafeBufferPointer { UInt(bitPattern: $0.baseAddress) }
        let split = try FrontMatter.split(consume bytes)
        #expect(split.body == Array("Body text\n".utf8))
        #expect(split.yaml == Array("a: 1\n".utf8))
        // Not copied: the file's own bytes, with the front matter taken off their start.
        #expect(split.body.withUnsafeBufferPointer { UInt(bitPattern: $0.baseAddress) } == storage)
    }
}

@Suite struct UTF8CheckTests {
    @Test func acceptsWellFormedText() {
        #expect(UTF8Check.firstInvalidOffset(Array("Fórum dos Cidadãos 日本 🗳".utf8)) == nil)
    }

    @Test(arguments: [[0xFF], [0xC3, 0x28], [0xE2, 0x82], [0xED, 0xA0, 0x80], [0xC0, 0xAF], [0xF4, 0x90, 0x80, 0x80]] as [[UInt8]])
    func findsTheFirstBadByte(_ bad: [UInt8]) {
        #expect(UTF8Check.firstInvalidOffset(Array("ok".utf8) + bad) == 2)
        // Found wherever it falls against the thirty-two- and eight-byte steps through ASCII, and after them.
        for prefix in 0...70 {
            let text = Array(repeating: UInt8(ascii: "a"), count: prefix)
            #expect(UTF8Check.firstInvalidOffset(text + bad + Array("tail".utf8)) == prefix, "after \(prefix) ASCII bytes")
            #expect(UTF8Check.firstInvalidOffset(text + Array("é".utf8) + text) == nil)
        }
    }

    @Test func locatesOffsetsByLineAndColumn() {
        let bytes = Array("ab\ncé\u{FF}".utf8)
        let position = UTF8Check.position(of: bytes.count - 2, in: bytes)
        #expect(position.line == 2 && position.column == 3)
    }

    /// A file whose lines end with a carriage return alone is told so, not that it lacks its opening line.
    @Test func carriageReturnLineEndingsAreNamed() {
        let (document, diagnostics) = ContentLoader.document(Array("---\rname: X\r---\rBody\r".utf8), type: .organisations, slug: "x", path: "x.md")
        #expect(document == nil)
        #expect(diagnostics.map(\.message) == ["the file's lines end with a carriage return alone (as old Mac files did), so it reads as one line; "
                                               + "save it with LF line endings (CRLF works too)"])
        let crlf = ContentLoader.document(Array("---\r\nname: X\r\ncountry: GB\r\n---\r\nBody\r\n".utf8), type: .organisations, slug: "x", path: "x.md")
        #expect(crlf.document != nil)
    }

    /// A syntax error leaves no front matter, but the keys that read on their own are kept aside to be checked.
    @Test func aSyntaxErrorKeepsTheKeysThatRead() throws {
        let (document, diagnostics) = ContentLoader.document(Array("---\nname: [a, b\ncountry: XX\n---\nBody\n".utf8),
                                                             type: .organisations, slug: "x", path: "x.md")
        #expect(diagnostics.map(\.rule) == ["yaml"])
        #expect(document?.frontMatter == nil)
        #expect(document?.partialFrontMatter?.pairs?.map(\.key) == ["country"])
        #expect(document?.partialFrontMatter?.pairs?.first?.keyPosition == TextPosition(line: 3, column: 1))
        let clean = ContentLoader.document(Array("---\nname: X\n---\n".utf8), type: .organisations, slug: "x", path: "x.md")
        #expect(clean.document?.partialFrontMatter == nil)
    }
}
