import HandbookModel
import Testing

/// Values written with `ByteRecordWriter` read back as they were; bytes that end early or say what cannot be
/// are refused (nil), never trapped on.
@Suite struct ByteRecordTests {
    @Test func numbersReadBackAsWritten() throws {
        let values = [0, 1, -1, 63, -64, 64, 127, 128, 300, -300, Int(Int32.max), Int.max, Int.min]
        var writer = ByteRecordWriter()
        for value in values { writer.number(value) }
        for value in [nil, 0, -7, Int.max] as [Int?] { writer.optionalNumber(value) }
        writer.unsigned(.max)
        writer.fixed(0x0102_0304_0506_0708)
        writer.text("Ghent – Gent")
        writer.run([0, 255, 10])
        var reader = ByteRecordReader(writer.bytes)
        for value in values { #expect(reader.number() == value) }
        for value in [nil, 0, -7, Int.max] as [Int?] { #expect(reader.optionalNumber() == .some(value)) }
        #expect(reader.unsigned() == .max)
        #expect(reader.fixed() == 0x0102_0304_0506_0708)
        #expect(reader.text() == "Ghent – Gent")
        #expect(reader.run() == [0, 255, 10])
        #expect(reader.isAtEnd)
        #expect(reader.number() == nil)
    }

    @Test func smallNumbersTakeOneByte() {
        var writer = ByteRecordWriter()
        writer.number(-64)
        writer.number(63)
        writer.unsigned(127)
        #expect(writer.bytes.count == 3)
    }

    @Test func brokenNumbersAndRunsAreRefused() {
        // Eleven continuation bytes: more than 64 bits.
        var long = ByteRecordReader([UInt8](repeating: 0xFF, count: 11) + [0x01])
        #expect(long.unsigned() == nil)
        // The tenth byte may only hold the 64th bit.
        var over = ByteRecordReader([UInt8](repeating: 0x80, count: 9) + [0x02])
        #expect(over.unsigned() == nil)
        var unfinished = ByteRecordReader([0x80, 0x80])
        #expect(unfinished.unsigned() == nil)
        // A run longer than what is left.
        var run = ByteRecordReader([5, 1, 2])
        #expect(run.run() == nil)
        // Reading stops at the range given, not at the end of the bytes.
        var bounded = ByteRecordReader([2, 7, 7, 9], range: 0..<2)
        #expect(bounded.run() == nil)
    }

    @Test func anEntryReadsBackAsWritten() throws {
        let type = EntityType(folder: "policies", rank: 4)
        let fields = [
            FieldEntry(key: "name", value: .text("Act"), position: TextPosition(line: 2, column: 1)),
            FieldEntry(key: "stages", value: .list([.record([FieldEntry(key: "date", value: .date(PartialDate(year: 2025, month: 6)),
                                                                          position: TextPosition(line: 4, column: 5))])]),
                       position: TextPosition(line: 3, column: 1)),
        ]
        let entity = Entity(reference: EntityReference(type: type, slug: "act"), path: "content/policies/act.md", fields: fields,
                            body: Array("Text.\n".utf8), bodyLine: 6, nameField: FieldName("name"))
        var writer = ByteRecordWriter()
        entity.write(to: &writer)
        var reader = ByteRecordReader(writer.bytes)
        let back = try #require(Entity(reading: &reader))
        #expect(reader.isAtEnd)
        #expect(back.reference == entity.reference && back.path == entity.path && back.name == "Act")
        #expect(back.fields == entity.fields && back.body == entity.body && back.bodyLine == 6)
        // Cut anywhere, the entry is refused.
        for cut in 0..<writer.bytes.count {
            var short = ByteRecordReader(writer.bytes, range: 0..<cut)
            #expect(Entity(reading: &short) == nil, "cut at \(cut)")
        }
    }

    @Test func listsNestedBeyondAnyFrontMatterAreRefused() {
        /// An entry whose one field is `depth` lists, one inside the other, around `true`.
        func nested(_ depth: Int) -> [UInt8] {
            var writer = ByteRecordWriter()
            EntityReference(type: EntityType(folder: "pages", rank: 0), slug: "deep").writeForTest(to: &writer)
            writer.text("content/pages/deep.md")
            writer.text("Deep")
            writer.unsigned(1)
            writer.text("items")
            writer.number(1)
            writer.number(1)
            for _ in 0..<depth {
                writer.unsigned(7)
                writer.unsigned(1)
            }
            writer.unsigned(3)
            writer.unsigned(1)
            writer.run(Array("Body.".utf8))
            writer.number(3)
            return writer.bytes
        }
        var shallow = ByteRecordReader(nested(20))
        #expect(Entity(reading: &shallow) != nil)
        var deep = ByteRecordReader(nested(200))
        #expect(Entity(reading: &deep) == nil)
    }
}

extension EntityReference {
    /// Writes a reference as `Entity.write(to:)` does (folder, rank, slug).
    func writeForTest(to writer: inout ByteRecordWriter) {
        writer.text(type.folder)
        writer.number(type.rank)
        writer.text(slug)
    }
}
