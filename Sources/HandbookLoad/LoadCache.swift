import Foundation
import HandbookModel

/// What the loader read from each file, kept between loads of the same tree (for `handbook serve`): a file
/// whose `FileStamp` has not changed is not read or parsed again, so a save costs the loader one file,
/// not the whole tree. Safe to use from the loader's threads.
public final class LoadCache: @unchecked Sendable {
    private struct Entry {
        var stamp: FileStamp
        var result: ContentLoader.FileResult
    }

    private let lock = NSLock()
    private var entries: [String: Entry] = [:]
    private var parsedNow: [String: Int64] = [:]

    /// An empty cache: the first load reads every file.
    public init() {}

    /// A cache holding files as a previous run left them: each file's stamp, its document and the loader's
    /// problems with it. Documents read back from a record (`CheckedFiles`) have no front matter: a load that
    /// takes them must use that run's validation of them, or load again with an empty cache.
    public init(kept: [(path: String, stamp: FileStamp, document: RawDocument, diagnostics: [Diagnostic])]) {
        entries.reserveCapacity(kept.count)
        for file in kept {
            entries[file.path] = Entry(stamp: file.stamp, result: ContentLoader.FileResult(document: file.document, diagnostics: file.diagnostics))
        }
    }

    /// The file at `path` as the cache holds it after the last load: its stamp (taken before it was read), its
    /// document and the loader's problems with it.
    public func file(_ path: String) -> (stamp: FileStamp, document: RawDocument?, diagnostics: [Diagnostic])? {
        lock.lock()
        defer { lock.unlock() }
        return entries[path].map { ($0.stamp, $0.result.document, $0.result.diagnostics) }
    }

    /// The files the last load read and parsed afresh (new or changed since the load before), with their
    /// modification times in seconds.
    public var parsed: [String: Int64] {
        lock.lock()
        defer { lock.unlock() }
        return parsedNow
    }

    /// Starts a load: forgets which files the previous one parsed.
    func begin() {
        lock.lock()
        parsedNow = [:]
        lock.unlock()
    }

    /// The loaded file at `path`: the kept result when its stamp is unchanged, else `read()`'s, kept for next time.
    func result(for path: String, read: () -> ContentLoader.FileResult) -> ContentLoader.FileResult {
        // Stamped before reading: if the file changes while it is read, the next load sees a newer stamp and reads it again.
        guard let stamp = FileStamp(path: path) else { return read() }
        lock.lock()
        let kept = entries[path]
        lock.unlock()
        if let kept, kept.stamp == stamp {
            // A result kept from a record has no time of its own: the stamp's is the file's.
            var result = kept.result
            result.document?.modified = stamp.modifiedSeconds
            return result
        }
        let result = read()
        // A file that could not be read is tried again next time, whatever its stamp says.
        if result.diagnostics.contains(where: { $0.rule == ContentLoader.Rule.io }) { return result }
        lock.lock()
        entries[path] = Entry(stamp: stamp, result: result)
        parsedNow[path] = stamp.modifiedSeconds
        lock.unlock()
        return result
    }

    /// Ends a load: drops the files it did not see (deleted or renamed), so the cache holds only the tree.
    func finish(seen paths: Set<String>) {
        lock.lock()
        entries = entries.filter { paths.contains($0.key) }
        lock.unlock()
    }
}
