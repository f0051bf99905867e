import Foundation
import HandbookLoad
import HandbookModel
import HandbookRender
#if canImport(Glibc)
import Glibc
#elseif canImport(Darwin)
import Darwin
#endif

/// One build's write into its output directory, fed a batch of files at a time as each output generator
/// finishes, so the site's bytes need not all be held in memory at once and writing overlaps rendering.
///
/// Opening a session takes the lock and recovers what a killed build left (see `OutputWriter`). `stage`
/// compares each file with the old output and puts what is new or changed in the staging folder; nothing in
/// the output changes until `commit`, which checks that the site can be placed whole, then commits and
/// applies it exactly as `OutputWriter.write` does. `discard` (or a failed commit) leaves the output as it was.
public final class OutputSession: @unchecked Sendable {
    private let location: OutputLocation
    private let lock: OutputLock
    /// A first build writes the whole site into the staging folder, which becomes the output.
    private let isWhole: Bool
    /// The old output's files and folders (empty for a first build).
    private let old: OutputTree
    private let mutex = NSLock()
    private var paths: Set<String> = []
    private var folders: Set<String> = []
    /// Folders made in the staging folder of a first build.
    private var made: Set<String> = []
    /// Changed and new files: the staged file's number → its path in the site.
    private var staged: [String] = []
    private var unchangedCount = 0
    private var isOpen = true

    /// Opens the output for writing: takes the lock, recovers a killed build, reads the old output.
    public init(output: String) throws(BuildError) {
        location = OutputLocation(output)
        lock = try OutputLock(location)
        do throws(BuildError) {
            try OutputWriter.recover(location)
            switch FileSystem.kind(location.output) {
            case .missing:
                isWhole = true
                old = OutputTree()
            case .directory:
                let names = (try? FileSystem.list(location.output)) ?? []
                if names.isEmpty {
                    isWhole = true
                    old = OutputTree()
                } else {
                    guard names.contains(OutputWriter.marker) else { throw BuildError(reason: .outputNotOurs, path: output) }
                    isWhole = false
                    var tree = try OutputTree(scanning: location.output)
                    tree.files.remove(OutputWriter.marker)
                    old = tree
                }
            default:
                throw BuildError(reason: .outputIsFile, path: output)
            }
            try OutputWriter.makeStaging(location)
        } catch {
            lock.release()
            throw error
        }
    }

    /// Compares a batch of files with the old output and stages what is new or changed; safe to call from
    /// several threads. Throws for a path that is unsafe or given twice, or when a file cannot be written.
    public func stage(_ files: [OutputFile]) throws(BuildError) {
        try claim(files)
        try write(files)
    }

    /// Checks a batch's paths against everything staged so far and claims them; for a first build, makes the
    /// folders no earlier batch made.
    private func claim(_ files: [OutputFile]) throws(BuildError) {
        mutex.lock()
        defer { mutex.unlock() }
        var newFolders: [String] = []
        for file in files {
            guard OutputWriter.isSafe(file.path) else { throw BuildError(reason: .unsafePath(file.path), path: location.output) }
            guard paths.insert(file.path).inserted else {
                throw BuildError(reason: .conflictingPaths(file.path), path: location.output)
            }
            for folder in OutputWriter.ancestors(of: file.path) where folders.insert(folder).inserted {
                newFolders.append(folder)
            }
        }
        if isWhole {
            // The folders this batch is the first to need are made before the lock is let go, parents first,
            // so a batch that finds a folder already claimed can rely on it existing.
            for folder in newFolders.sorted(by: { $0.count < $1.count }) {
                try OutputWriter.created { () throws(FileWriter.Failure) in try FileWriter.makeDirectory(location.staging + "/" + folder) }
            }
        }
    }

    /// Writes a claimed batch: all of it for a first build; otherwise what differs from the old output, numbered.
    private func write(_ files: [OutputFile]) throws(BuildError) {
        if isWhole {
            try OutputWriter.writeAll(files.map { (location.staging + "/" + $0.path, $0.bytes) })
            return
        }
        let output = location.output
        let old = self.old
        let unchanged = Parallel.map(files) { file in
            old.files.contains(file.path) && FileWriter.holds(output + "/" + file.path, file.bytes)
        }
        let changed = zip(files, unchanged).filter { !$0.1 }.map(\.0)
        mutex.lock()
        let first = staged.count
        staged += changed.map(\.path)
        unchangedCount += files.count - changed.count
        mutex.unlock()
        try OutputWriter.writeAll(changed.indices.map { (location.staging + "/\(first + $0)", changed[$0].bytes) })
    }

    /// Every path staged so far, for the link check.
    public var stagedPaths: Set<String> {
        mutex.lock()
        defer { mutex.unlock() }
        return paths
    }

    /// Makes the output hold exactly the staged site: checks it can be placed whole, commits, applies, and
    /// ends the session. On failure nothing in the output has changed.
    public func commit() throws(BuildError) -> OutputChanges {
        try commit(stoppingAt: nil)
    }

    /// `commit()`, stopping where a test asks, as if the build were killed there.
    func commit(stoppingAt stop: OutputWriter.Stop?) throws(BuildError) -> OutputChanges {
        guard isOpen else { return OutputChanges() }
        isOpen = false
        defer { lock.release() }
        do throws(BuildError) {
            if let clash = paths.intersection(folders).min() {
                throw BuildError(reason: .conflictingPaths(clash), path: location.output)
            }
            if isWhole {
                if stop == .beforeCommit { return OutputChanges() }
                guard rename(location.staging, location.output) == 0 else {
                    throw BuildError(reason: .system(path: location.output, code: errno), path: location.output)
                }
                return OutputChanges(written: paths.sorted(), unchangedCount: 0, removed: [])
            }
            let removed = old.files.subtracting(paths).sorted()
            let removedFolders = old.folders.subtracting(folders)
                .sorted { ($0.split(separator: "/").count, $0) > ($1.split(separator: "/").count, $1) }
            let madeFolders = folders.subtracting(old.folders).sorted { $0.count < $1.count }
            let summary = OutputChanges(written: staged.sorted(), unchangedCount: unchangedCount, removed: removed)
            if staged.isEmpty && removed.isEmpty && removedFolders.isEmpty {
                OutputWriter.removeIfOurs(location.staging)
                return summary
            }
            let journal = Journal(steps: removed.map { .remove($0) } + removedFolders.map { .removeFolder($0) }
                + madeFolders.map { .makeFolder($0) } + staged.indices.map { .place(staged: $0, path: staged[$0]) })
            if stop == .beforeCommit { return summary }
            try OutputWriter.created { () throws(FileWriter.Failure) in
                try FileWriter.replace(location.partialJournal, journal.encoded(), sync: true)
            }
            guard rename(location.partialJournal, location.journal) == 0 else {
                throw BuildError(reason: .system(path: location.journal, code: errno), path: location.output)
            }
            try OutputWriter.created { () throws(FileWriter.Failure) in try FileWriter.syncDirectory(location.staging) }
            if stop == .afterCommit { return summary }
            try OutputWriter.finish(journal, at: location)
            return summary
        } catch {
            OutputWriter.removeIfOurs(location.staging)
            throw error
        }
    }

    /// Ends the session without changing the output: the staging folder is removed.
    public func discard() {
        guard isOpen else { return }
        isOpen = false
        OutputWriter.removeIfOurs(location.staging)
        lock.release()
    }
}
