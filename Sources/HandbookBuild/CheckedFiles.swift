import HandbookLoad
import HandbookModel
import HandbookValidate

/// Each content file as the last build read and checked it, kept beside the output (`CheckedFolder`) so that a
/// rebuild reads, parses and checks only the files that changed: per file its `FileStamp`, the digest of its front
/// matter, the loader's problems with it, its entry and the checks' problems with it, with the digest of what
/// every check depends on besides the file (`ValidationCache.key(of:today:types:)`). A rebuild takes a file's
/// record while its stamp is the same; a change of handbook.yml, of the set of entries, of today or of the tool
/// reads and checks every file again. The rules that look across files always run.
///
/// A file changed shortly before the build began to read it (`Pipeline.BuildOptions.settlingTime`) is not
/// recorded: a write in the same tick of the file system's clock could leave its stamp as it was (the next build
/// reads it again).
///
/// Bytes (of one shard of the folder): a header naming this format and the tool, a digest of the rest, the
/// context, then one length-prefixed record per file (`ByteRecordWriter`), so that records are found in one pass.
/// Bytes that do not add up are not read.
struct CheckedFiles: Sendable {
    /// One file's record (a class: records are passed between tables, each a single reference count).
    final class Record: Sendable {
        /// Its stamp when it was read.
        let stamp: FileStamp
        /// Its document as the loader gave it, without front matter or body (the entry holds what the build reads).
        let document: RawDocument
        /// The loader's problems with it.
        let loadDiagnostics: [Diagnostic]
        /// Its entry (every file of a build that wrote its output has one).
        let entity: Entity
        /// The checks' problems with it (warnings: a build with errors writes nothing).
        let diagnostics: [Diagnostic]
        /// Its bytes, when it was read from a file of records: written again as they are.
        let bytes: ArraySlice<UInt8>?

        init(stamp: FileStamp, document: RawDocument, loadDiagnostics: [Diagnostic], entity: Entity, diagnostics: [Diagnostic],
             bytes: ArraySlice<UInt8>? = nil) {
            self.stamp = stamp
            self.document = document
            self.loadDiagnostics = loadDiagnostics
            self.entity = entity
            self.diagnostics = diagnostics
            self.bytes = bytes
        }
    }

    /// What every record's checks depended on besides the file.
    var context: ByteDigest
    /// The records, by path order.
    var records: [Record]

    private static let header = "handbook-checked 1\n"

    /// The records of this build's files: `kept`'s for the files `files` did not read again (when `validation`
    /// kept their results), and, for those it read, what it and `validation` made of them, unless they changed
    /// at or after `settled` (nanoseconds since 1970).
    init?(files: LoadCache, validation: ValidationCache, kept: CheckedFiles?, settled: Int64) {
        guard let context = validation.key else { return nil }
        let checked = validation.kept
        let read = files.parsed
        var records: [Record] = []
        records.reserveCapacity(checked.count)
        if let kept, kept.context == context {
            records += kept.records.filter { read[$0.document.path] == nil && checked[$0.document.path] != nil }
        }
        for path in read.keys {
            guard let file = files.file(path), file.stamp.modified < settled, file.stamp.changed < settled, let document = file.document,
                  let result = checked[path], let entity = result.entity else { continue }
            var made = RawDocument(type: document.type, slug: document.slug, path: document.path, frontMatter: nil, body: [], bodyLine: document.bodyLine)
            made.frontMatterDigest = document.frontMatterDigest
            records.append(Record(stamp: file.stamp, document: made, loadDiagnostics: file.diagnostics, entity: entity, diagnostics: result.diagnostics))
        }
        records.sort { $0.document.path < $1.document.path }
        self.init(context: context, records: records)
    }

    /// Records as given.
    init(context: ByteDigest, records: [Record]) {
        self.context = context
        self.records = records
    }

    /// The caches a load and a validation start from: every record's file as it was, and its checked result.
    var caches: (files: LoadCache, validation: ValidationCache) {
        var results: [String: (entity: Entity?, diagnostics: [Diagnostic])] = [:]
        results.reserveCapacity(records.count)
        for record in records { results[record.document.path] = (record.entity, record.diagnostics) }
        let files = LoadCache(kept: records.map { ($0.document.path, $0.stamp, $0.document, $0.loadDiagnostics) })
        return (files, ValidationCache(context: context, results: results))
    }

    /// The bytes of a file of these records; `tool` names the tool that made them. Records read from the last
    /// build's files are copied as they were; only the others are written afresh.
    func encoded(tool: String) -> [UInt8] {
        let fresh = records.map { record -> [UInt8]? in
            guard record.bytes == nil else { return nil }
            var one = ByteRecordWriter(capacity: record.entity.body.count + 1_024)
            Self.write(record, to: &one)
            return one.bytes
        }
        var digest = Self.digest(context: context, count: records.count)
        var total = 64 + tool.utf8.count
        for (record, made) in zip(records, fresh) {
            if let made { digest.add(made) } else { digest.add(record.bytes!) }
            total += (made?.count ?? record.bytes!.count) + 10
        }
        var out = ByteRecordWriter(capacity: total)
        out.text(Self.header + tool)
        out.digest(digest)
        out.digest(context)
        out.unsigned(UInt64(records.count))
        for (record, made) in zip(records, fresh) {
            if let made { out.run(made) } else { out.run(record.bytes!) }
        }
        return out.bytes
    }

    /// The digest a file keeps of its context and records, fed one record at a time.
    private static func digest(context: ByteDigest, count: Int) -> ByteDigest {
        var digest = ByteDigest()
        digest.add(context)
        digest.add(Int64(count))
        return digest
    }

    /// Reads a file made by `encoded(tool:)` with the same `tool`; nil for any other bytes.
    init?(decoding bytes: [UInt8], tool: String) {
        var reader = ByteRecordReader(bytes)
        guard reader.text() == Self.header + tool, let kept = reader.digest(), let context = reader.digest(),
              let count = reader.unsigned(), count <= UInt64(bytes.count) else { return nil }
        var digest = Self.digest(context: context, count: Int(count))
        var ranges: [Range<Int>] = []
        ranges.reserveCapacity(Int(count))
        for _ in 0..<count {
            guard let range = reader.runRange() else { return nil }
            digest.add(bytes[range])
            ranges.append(range)
        }
        guard reader.isAtEnd, digest == kept else { return nil }
        var records: [Record] = []
        records.reserveCapacity(ranges.count)
        for range in ranges {
            var one = ByteRecordReader(bytes, range: range)
            guard let record = Self.read(&one, bytes: bytes[range]), one.isAtEnd else { return nil }
            records.append(record)
        }
        self.init(context: context, records: records)
    }

    private static func write(_ record: Record, to writer: inout ByteRecordWriter) {
        writer.number(Int(record.stamp.size))
        writer.number(Int(record.stamp.modified))
        writer.number(Int(record.stamp.changed))
        writer.unsigned(record.stamp.inode)
        writer.text(record.document.type.folder)
        writer.number(record.document.type.rank)
        writer.text(record.document.slug)
        writer.text(record.document.path)
        writer.number(record.document.bodyLine)
        writer.digest(record.document.frontMatterDigest)
        Diagnostic.write(record.loadDiagnostics, to: &writer)
        record.entity.write(to: &writer)
        Diagnostic.write(record.diagnostics, to: &writer)
    }

    private static func read(_ reader: inout ByteRecordReader, bytes: ArraySlice<UInt8>) -> Record? {
        guard let size = reader.number(), let modified = reader.number(), let changed = reader.number(), let inode = reader.unsigned(),
              let folder = reader.text(), let rank = reader.number(), let slug = reader.text(), let path = reader.text(),
              let bodyLine = reader.number(), let frontMatterDigest = reader.digest(),
              let loadDiagnostics = Diagnostic.read(&reader), let entity = Entity(reading: &reader),
              let diagnostics = Diagnostic.read(&reader) else { return nil }
        var document = RawDocument(type: EntityType(folder: folder, rank: rank), slug: slug, path: path, frontMatter: nil, body: [], bodyLine: bodyLine)
        document.frontMatterDigest = frontMatterDigest
        let stamp = FileStamp(size: Int64(size), modified: Int64(modified), changed: Int64(changed), inode: inode)
        return Record(stamp: stamp, document: document, loadDiagnostics: loadDiagnostics, entity: entity, diagnostics: diagnostics, bytes: bytes)
    }
}
