import HandbookLoad
import HandbookModel
#if canImport(Glibc)
import Glibc
#elseif canImport(Darwin)
import Darwin
#endif

/// The folder beside the output (`.<name>.checked`) that keeps the content files' records (`CheckedFiles`) from
/// one build to the next, split by path into `shardCount` files so that a rebuild rewrites only the files whose
/// records changed: one after an edit, not the whole handbook's.
///
/// The records describe content files, not the site, so they are kept apart from the output and its standby and
/// outlast a build that fails: a record holds while its file's stamp does. Each file is written whole under another
/// name and renamed into place, so a reader (another build, which reads them before it takes the output's lock)
/// sees the old file or the new one; a build killed while writing leaves at most a temporary file, which the next
/// writer removes. The folder is made with the output's marker in it, and a folder of that name without one is
/// neither read nor written.
enum CheckedFolder {
    /// How many files the records are split into.
    static let shardCount = 64

    /// The file that holds `path`'s record: the same for a path on every run.
    static func shard(of path: String) -> Int {
        Int(ByteDigest.of(Array(path.utf8)).low % UInt64(shardCount))
    }

    /// The name of a shard's file: two digits.
    static func name(_ shard: Int) -> String {
        shard < 10 ? "0\(shard)" : "\(shard)"
    }

    /// What was read: the records, and how many each shard held (the writer rewrites the shards that changed).
    struct Kept: Sendable {
        /// The records of every shard read in the context most of them share.
        var files: CheckedFiles
        /// How many records each of those shards held, by shard.
        var counts: [Int: Int]
    }

    /// Reads every shard `tool` made. A shard that is missing, damaged or another tool's is left out (its files are
    /// read again); of the others, only those made in the context most records share are kept. Nil when the
    /// folder is not there or not the tool's, or holds nothing to keep.
    static func read(_ folder: String, tool: String) -> Kept? {
        guard isOurs(folder) else { return nil }
        let shards = Parallel.map(Array(0..<shardCount)) { shard -> CheckedFiles? in
            (try? FileSystem.read(folder + "/" + name(shard))).flatMap { CheckedFiles(decoding: $0, tool: tool) }
        }
        var weight: [ByteDigest: Int] = [:]
        for shard in shards.compactMap({ $0 }) { weight[shard.context, default: 0] += shard.records.count + 1 }
        guard let context = weight.max(by: { ($0.value, $0.key.high, $0.key.low) < ($1.value, $1.key.high, $1.key.low) })?.key else { return nil }
        var records: [CheckedFiles.Record] = []
        var counts: [Int: Int] = [:]
        for (number, shard) in shards.enumerated() {
            guard let shard, shard.context == context else { continue }
            records += shard.records
            counts[number] = shard.records.count
        }
        return Kept(files: CheckedFiles(context: context, records: records), counts: counts)
    }

    /// Writes the shards of `files` whose records differ from `kept`'s: a shard whose records were all taken from
    /// it, as many as it held, in the same context, is left as it is. Makes the folder if it is missing. False when
    /// it could not be written (the next build reads the files the lost records described).
    @discardableResult
    static func write(_ files: CheckedFiles, to folder: String, tool: String, kept: Kept?) -> Bool {
        if FileSystem.kind(folder) == .missing {
            guard mkdir(folder, 0o755) == 0,
                  (try? FileWriter.replace(folder + "/" + OutputWriter.marker, OutputWriter.markerText)) != nil else { return false }
        }
        guard isOurs(folder) else { return false }
        var shards = [[CheckedFiles.Record]](repeating: [], count: shardCount)
        for record in files.records { shards[shard(of: record.document.path)].append(record) }
        let byShard = shards
        let sameContext = kept?.files.context == files.context
        let changed = (0..<shardCount).filter { number in
            !sameContext || kept?.counts[number] != byShard[number].count || byShard[number].contains { $0.bytes == nil }
        }
        let suffix = ".tmp-\(getpid())"
        // A temporary file a killed build left: its shard is written whole below or was never renamed over.
        for leftover in ((try? FileSystem.list(folder)) ?? []) where leftover.contains(".tmp-") { unlink(folder + "/" + leftover) }
        let failed = Parallel.map(changed) { number -> Bool in
            let path = folder + "/" + name(number)
            let bytes = CheckedFiles(context: files.context, records: byShard[number]).encoded(tool: tool)
            guard (try? FileWriter.replace(path + suffix, bytes)) != nil, rename(path + suffix, path) == 0 else {
                unlink(path + suffix)
                return true
            }
            return false
        }
        return !failed.contains(true)
    }

    /// True when `folder` is a folder with the output's marker in it.
    private static func isOurs(_ folder: String) -> Bool {
        FileSystem.kind(folder) == .directory && FileSystem.kind(folder + "/" + OutputWriter.marker) == .file
    }
}
