import Foundation
@testable import HandbookBuild
import HandbookLoad
import HandbookModel
import HandbookTestSupport
import Testing

/// A rebuild reads and checks only the content files that changed, taking the others from the last build's
/// records kept beside the output (`CheckedFiles`, `CheckedFolder`), and still reports and writes exactly what a
/// fresh build does.
@Suite struct CheckedFilesTests {
    typealias Place = KeptOutputTests.Place

    /// Builds `place`'s output, expecting it written; the report.
    static func build(_ place: Place, today: PartialDate = PartialDate(year: 2026, month: 11, day: 22),
                      sourceLocation: Testing.SourceLocation = #_sourceLocation) throws -> Pipeline.BuildReport {
        let report = try Pipeline.build(place.options(output: place.output, today: today))
        #expect(report.written, sourceLocation: sourceLocation)
        return report
    }

    /// How many entry files the fixture has.
    static func entryCount(_ place: Place) throws -> Int {
        try FileManager.default.subpathsOfDirectory(atPath: place.content).filter { $0.hasSuffix(".md") }.count
    }

    @Test func aRebuildReadsOnlyTheFilesThatChanged() throws {
        let place = try Place()
        defer { place.directory.cleanUp() }
        let all = try Self.entryCount(place)
        // A first build into a new folder keeps no standby, so it records nothing; the first rebuild records.
        #expect(try Self.build(place).readCount == all)
        #expect(try Self.build(place).readCount == all)
        let folder = place.directory.path + "/.site.checked"
        #expect(try FileManager.default.contentsOfDirectory(atPath: folder).count > 2)
        #expect(try FileManager.default.contentsOfDirectory(atPath: place.output).allSatisfy { !$0.hasPrefix(".") || $0 == OutputWriter.marker })
        #expect(try Self.build(place).readCount == 0)
        try place.edit("organisations/example-network.md") { $0 + "\nA recorded paragraph.\n" }
        // `rebuild` builds twice (the output, and a fresh one beside it, compared): the edited file is recorded again.
        _ = try place.rebuild("a body edited")
        #expect(try Self.build(place).readCount == 0)
        try place.edit("organisations/example-lab.md") { $0.replacingOccurrences(of: "name: Example Lab", with: "name: Example Laboratory") }
        let renamed = try Self.build(place)
        #expect(renamed.readCount == 1)
        #expect(renamed.validation.entities.contains { $0.name == "Example Laboratory" })
    }

    @Test func aRebuildFromTheRecordsWritesTheFreshBuildsBytes() throws {
        let place = try Place()
        defer { place.directory.cleanUp() }
        _ = try place.rebuild("the first build")
        _ = try place.rebuild("the second build")
        try place.edit("events/example-meetup.md") { $0 + "\nBring a friend.\n" }
        _ = try place.rebuild("an event's body edited")
        try place.edit("organisations/example-lab.md") { $0.replacingOccurrences(of: "kind: research", with: "kind: campaign") }
        _ = try place.rebuild("an organisation's kind changed")
        try (try String(contentsOfFile: place.content + "/organisations/example-lab.md", encoding: .utf8))
            .write(toFile: place.content + "/organisations/example-lab-two.md", atomically: false, encoding: .utf8)
        _ = try place.rebuild("an entry added")
        try FileManager.default.removeItem(atPath: place.content + "/organisations/example-lab-two.md")
        _ = try place.rebuild("an entry removed")
        try place.edit("handbook.yml") { $0 + "\n" }
        _ = try place.rebuild("handbook.yml changed")
        _ = try place.rebuild("nothing changed")
    }

    @Test func warningsAreReportedAgainFromTheRecords() throws {
        let place = try Place()
        defer { place.directory.cleanUp() }
        try place.edit("organisations/example-lab.md") { $0.replacingOccurrences(of: "draft: false\n", with: "draft: false\nreviewed: 2020-01-01\n") }
        _ = try Self.build(place)
        _ = try Self.build(place)
        let fromRecords = try Self.build(place)
        #expect(fromRecords.readCount == 0)
        let checked = try Pipeline.check(contentPath: place.content, today: PartialDate(year: 2026, month: 11, day: 22))
        #expect(checked.warningCount == 1)
        #expect(fromRecords.validation.diagnostics == checked.diagnostics)
    }

    /// What every file's checks read besides the file itself: handbook.yml, the set of entries, today.
    @Test func aChangeEveryCheckReadsChecksEveryFileAgain() throws {
        let place = try Place()
        defer { place.directory.cleanUp() }
        let all = try Self.entryCount(place)
        _ = try Self.build(place)
        _ = try Self.build(place)
        try place.edit("handbook.yml") { $0 + "\n" }
        #expect(try Self.build(place).readCount == all)
        #expect(try Self.build(place).readCount == 0)
        try (try String(contentsOfFile: place.content + "/organisations/example-lab.md", encoding: .utf8))
            .write(toFile: place.content + "/organisations/example-lab-two.md", atomically: false, encoding: .utf8)
        #expect(try Self.build(place).readCount == all + 1)
        #expect(try Self.build(place, today: PartialDate(year: 2027, month: 1, day: 5)).readCount == all + 1)
        #expect(try Self.build(place, today: PartialDate(year: 2027, month: 1, day: 5)).readCount == 0)
    }

    /// A reference to an entry that is gone is an error again, though the file that makes it did not change.
    @Test func aRemovedEntryIsMissedByTheFilesThatNameIt() throws {
        let place = try Place()
        defer { place.directory.cleanUp() }
        _ = try Self.build(place)
        _ = try Self.build(place)
        try FileManager.default.removeItem(atPath: place.content + "/organisations/example-trust.md")
        let report = try Pipeline.build(place.options(output: place.output))
        #expect(!report.written)
        #expect(report.validation.diagnostics.contains { $0.location.path.hasSuffix("example-lab.md") && $0.severity == .error })
    }

    @Test func aFileChangedAsTheBuildBeganIsReadAgain() throws {
        let place = try Place()
        defer { place.directory.cleanUp() }
        var options = place.options(output: place.output)
        options.settlingTime = 3_600 * 1_000_000_000
        _ = try Pipeline.build(options)
        // Every file changed within the hour before (the copy was made just now): none is recorded.
        #expect(try Pipeline.build(options).readCount == (try Self.entryCount(place)))
        #expect(try Pipeline.build(options).readCount == (try Self.entryCount(place)))
    }

    @Test func aBuildStoppedByErrorsKeepsTheRecords() throws {
        let place = try Place()
        defer { place.directory.cleanUp() }
        _ = try Self.build(place)
        _ = try Self.build(place)
        try place.edit("organisations/example-network.md") { $0.replacingOccurrences(of: "---\n", with: "---\nno_such_field: 1\n", options: [], range: $0.range(of: "---\n")) }
        let failed = try Pipeline.build(place.options(output: place.output))
        #expect(!failed.written && failed.readCount == 1)
        try place.edit("organisations/example-network.md") { $0.replacingOccurrences(of: "no_such_field: 1\n", with: "") }
        #expect(try Self.build(place).readCount == 1)
    }

    /// The inode of each shard's file in the records folder, by name.
    static func shards(_ place: Place) throws -> [String: UInt64] {
        let folder = place.directory.path + "/.site.checked"
        var inodes: [String: UInt64] = [:]
        for name in try FileManager.default.contentsOfDirectory(atPath: folder) where name != OutputWriter.marker {
            inodes[name] = FileStamp(path: folder + "/" + name)?.inode
        }
        return inodes
    }

    @Test func anEditRewritesOnlyItsShard() throws {
        let place = try Place()
        defer { place.directory.cleanUp() }
        _ = try Self.build(place)
        _ = try Self.build(place)
        let before = try Self.shards(place)
        _ = try Self.build(place)
        #expect(try Self.shards(place) == before, "nothing changed: no shard is written")
        let path = "organisations/example-network.md"
        try place.edit(path) { $0 + "\nA shard's paragraph.\n" }
        #expect(try Self.build(place).readCount == 1)
        let after = try Self.shards(place)
        let rewritten = Set(after.keys.filter { after[$0] != before[$0] })
        #expect(rewritten == [CheckedFolder.name(CheckedFolder.shard(of: place.content + "/" + path))])
    }

    @Test func aDamagedShardCostsOnlyItsFiles() throws {
        let place = try Place()
        defer { place.directory.cleanUp() }
        _ = try Self.build(place)
        _ = try Self.build(place)
        let folder = place.directory.path + "/.site.checked"
        let name = try #require(try Self.shards(place).keys.sorted().first)
        let bytes = try #require(FileManager.default.contents(atPath: folder + "/" + name))
        let records = try #require(CheckedFiles(decoding: Array(bytes), tool: BuildInputs.toolIdentity)).records.count
        var damaged = Array(bytes)
        damaged[damaged.count - 3] ^= 0x01
        try Data(damaged).write(to: URL(fileURLWithPath: folder + "/" + name))
        try Data("left by a killed build".utf8).write(to: URL(fileURLWithPath: folder + "/" + name + ".tmp-1"))
        #expect(try Self.build(place).readCount == records)
        #expect(try Self.build(place).readCount == 0)
        #expect(!FileManager.default.fileExists(atPath: folder + "/" + name + ".tmp-1"))
    }

    @Test func aFolderTheToolDidNotMakeIsLeftAlone() throws {
        let place = try Place()
        defer { place.directory.cleanUp() }
        let folder = place.directory.path + "/.site.checked"
        try FileManager.default.createDirectory(atPath: folder, withIntermediateDirectories: false)
        try Data("someone's notes".utf8).write(to: URL(fileURLWithPath: folder + "/00"))
        _ = try Self.build(place)
        _ = try Self.build(place)
        #expect(try Self.build(place).readCount == (try Self.entryCount(place)))
        #expect(try FileManager.default.contentsOfDirectory(atPath: folder) == ["00"])
        #expect(FileManager.default.contents(atPath: folder + "/00") == Data("someone's notes".utf8))
    }

    @Test func recordsReadBackAsWritten() throws {
        let record = Self.record()
        let files = CheckedFiles(context: ByteDigest.of(Array("context".utf8)), records: [record])
        let bytes = files.encoded(tool: "tool 1")
        let read = try #require(CheckedFiles(decoding: bytes, tool: "tool 1"))
        #expect(read.context == files.context)
        let back = try #require(read.records.first)
        #expect(read.records.count == 1)
        #expect(back.stamp == record.stamp)
        #expect(back.document.path == record.document.path && back.document.slug == record.document.slug)
        #expect(back.document.type == record.document.type && back.document.frontMatterDigest == record.document.frontMatterDigest)
        #expect(back.loadDiagnostics == record.loadDiagnostics && back.diagnostics == record.diagnostics)
        #expect(back.entity.reference == record.entity.reference && back.entity.path == record.entity.path)
        #expect(back.entity.name == record.entity.name && back.entity.fields == record.entity.fields)
        #expect(back.entity.body == record.entity.body && back.entity.bodyLine == record.entity.bodyLine)
        // Written again from the bytes it was read from, it is the same file.
        #expect(read.encoded(tool: "tool 1") == bytes)
    }

    @Test func otherBytesAreNotRead() throws {
        let bytes = CheckedFiles(context: ByteDigest(), records: [Self.record(), Self.record()]).encoded(tool: "tool 1")
        #expect(CheckedFiles(decoding: bytes, tool: "tool 2") == nil)
        #expect(CheckedFiles(decoding: [], tool: "tool 1") == nil)
        for cut in stride(from: 0, to: bytes.count, by: 7) {
            #expect(CheckedFiles(decoding: Array(bytes[..<cut]), tool: "tool 1") == nil)
        }
        for index in stride(from: 0, to: bytes.count, by: 5) {
            var damaged = bytes
            damaged[index] ^= 0x20
            #expect(CheckedFiles(decoding: damaged, tool: "tool 1") == nil, "byte \(index) changed")
        }
    }

    /// A record with one of every kind of value, nested.
    static func record() -> CheckedFiles.Record {
        let type = EntityType(folder: "events", rank: 3)
        let at = TextPosition(line: 2, column: 1)
        let fields = [
            FieldEntry(key: "name", value: .text("Ünïcode – “quoted”"), position: at),
            FieldEntry(key: "size", value: .integer(-42), position: TextPosition(line: 3, column: 1)),
            FieldEntry(key: "big", value: .integer(Int.min), position: at),
            FieldEntry(key: "amount", value: .number("1250000.50"), position: at),
            FieldEntry(key: "draft", value: .boolean(true), position: at),
            FieldEntry(key: "dates", value: .list([.date(PartialDate(year: 2024)), .date(PartialDate(year: 2024, month: 2)),
                                                   .date(PartialDate(year: 2024, month: 2, day: 29))]), position: at),
            FieldEntry(key: "start", value: .dateTime(DateTimeValue(parsing: "2026-03-01T09:30-05:30")!), position: at),
            FieldEntry(key: "end", value: .dateTime(DateTimeValue(parsing: "2026-03-01T18:00:15Z")!), position: at),
            FieldEntry(key: "local", value: .dateTime(DateTimeValue(parsing: "2026-03-01T18:00")!), position: at),
            FieldEntry(key: "organisers", value: .list([.reference(EntityReference(type: EntityType(folder: "organisations", rank: 0), slug: "lab"))]), position: at),
            FieldEntry(key: "history", value: .list([.record([FieldEntry(key: "note", value: .text(""), position: TextPosition(line: 9, column: 5))])]), position: at),
        ]
        let entity = Entity(reference: EntityReference(type: type, slug: "meetup"), path: "content/events/meetup.md", fields: fields,
                            body: Array("Body with *Markdown*.\n".utf8), bodyLine: 14, nameField: FieldName("name"))
        var document = RawDocument(type: type, slug: "meetup", path: "content/events/meetup.md", frontMatter: nil, body: [], bodyLine: 14)
        document.frontMatterDigest = ByteDigest.of(Array("name: x".utf8))
        let warning = Diagnostic.warning("stale-review", at: SourceLocation(path: "content/events/meetup.md", line: 4, column: 1), "'reviewed' is old")
        let duplicate = Diagnostic.error("duplicate-key", at: SourceLocation(path: "content/events/meetup.md", line: 5, column: 3), "given twice")
        return CheckedFiles.Record(stamp: FileStamp(size: 310, modified: 1_795_608_000_123_456_789, changed: -5, inode: .max), document: document,
                                   loadDiagnostics: [duplicate], entity: entity, diagnostics: [warning])
    }
}
