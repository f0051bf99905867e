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
/// Opening a session takes the lock and recovers what a killed build left (see `OutputWriter`). When a standby
/// (`Standby`) is beside the output, it becomes the staging folder: it already holds the previous site, so each
/// file is compared with its copy there, only the differing ones are replaced, and files the site no longer has
/// are removed; outputs a rebuild does not make again are claimed as they are (`keep`). Without one, `stage`
/// builds the new site, whole, in a fresh staging folder: each file is compared with the old output, and an
/// unchanged one is hard-linked from it (same inode, same modification time) rather than written; the links
/// (and the folders they need) are made only once some file has changed. Nothing in the output changes until
/// `commit`, which exchanges the staging folder and the output in one step and then makes the old site the next
/// standby; where that cannot be done, it changes the output in place under a journal, exactly as
/// `OutputWriter.write` does. `discard` (or a failed commit) leaves the output as it was.
public final class OutputSession: @unchecked Sendable {
    /// How a build that has an old output to replace puts the new site in place.
    enum Mode: Sendable {
        /// The staging folder holds the whole new site and is exchanged with the output in one step.
        case swap
        /// The staging folder holds the changed files, which a journal moves into the output one by one.
        case inPlace
    }

    private let location: OutputLocation
    private let lock: OutputLock
    /// A first build writes the whole site into the staging folder, which is renamed to the output.
    private let isWhole: Bool
    /// The old output's files and folders (empty for a first build); when the staging folder started as the
    /// standby, that copy's.
    private let old: OutputTree
    /// True when the staging folder is the standby (`Standby`): it already holds the previous site, so unchanged
    /// files need nothing and changed ones replace the copy's.
    private let fromStandby: Bool
    /// What the standby's site was made from, when it says (`BuildState`); only a standby in step with the
    /// output has one.
    let previous: BuildState?
    /// The output's own files and folders, when the standby turned out not to be in step with it (changed by
    /// hand): the exchange then happens even if no file changed, and the old output is made into the next
    /// standby from what it really holds (`Standby.Changes`).
    private let drifted: OutputTree?
    /// The last build's search tokens, kept in the standby.
    let searchTokens: SearchTokenCache?
    /// True when the build will leave a standby (a rebuild that can exchange folders), so what it keeps there matters.
    var keepsStandby: Bool { !isWhole && mode == .swap }
    /// What the new site is made from, and the bytes of its search tokens (made only if asked for), to keep in
    /// the next standby.
    private var keeping: (state: BuildState, searchTokens: () -> [UInt8]?)?
    private let mutex = NSLock()
    private var mode: Mode
    private var paths: Set<String> = []
    private var folders: Set<String> = []
    /// Changed and new files, by path in the site (each staged at the same path in the staging folder).
    private var staged: [String] = []
    private var unchangedCount = 0
    /// Folders made in the staging folder so far (a first build makes every claimed one at once).
    private var made: Set<String> = []
    /// Unchanged files not yet linked into the staging folder: a swap links them only once something changed.
    private var pending: [String] = []
    /// True once a staged batch had a changed or new file.
    private var hasChange = false
    private var isOpen = true
    private var batches = 0

    /// Opens the output for writing: takes the lock, recovers a killed build, reads the old output.
    public convenience init(output: String) throws(BuildError) {
        try self.init(output: output, mode: OutputTestHook.forcesInPlace ? .inPlace : .swap)
    }

    /// Opens the output, replacing an old one by `preferred` where the system and file system allow it.
    init(output: String, mode preferred: Mode) throws(BuildError) {
        location = try OutputLocation(checking: output)
        lock = try OutputLock(location)
        do throws(BuildError) {
            try OutputWriter.recover(location)
            var whole: Bool
            switch FileSystem.kind(location.output) {
            case .missing:
                whole = true
            case .directory:
                let names = (try? FileSystem.list(location.output)) ?? []
                guard names.isEmpty || names.contains(OutputWriter.marker) else { throw BuildError(reason: .outputNotOurs, path: output) }
                whole = names.isEmpty
            case .symbolicLink:
                // `OutputLocation` follows a link to its folder: one still here leads nowhere.
                throw BuildError(reason: .outputIsLink, path: output)
            default:
                throw BuildError(reason: .outputIsFile, path: output)
            }
            // An output that is a mount point, or on another file system than its parent, cannot be exchanged
            // with a folder beside it, nor its files linked there.
            mode = preferred == .swap && location.outputIsBesideItsParent ? .swap : .inPlace
            if whole && !location.outputIsBesideItsParent {
                // An empty mount point: no folder can be renamed onto it, so it is marked as the tool's now and filled
                // in place, as a later build changes it.
                let marker = location.output + "/" + OutputWriter.marker
                try OutputWriter.created { () throws(FileWriter.Failure) in try FileWriter.replace(marker, OutputWriter.markerText) }
                whole = false
            }
            isWhole = whole
            let standby = !isWhole && mode == .swap ? try Standby.open(location) : nil
            fromStandby = standby != nil
            if standby == nil { Standby.discard(location) }
            if let standby {
                (old, previous, drifted, searchTokens) = (standby.tree, standby.previous, standby.output, standby.searchTokens)
                made = old.folders
            } else {
                var tree = isWhole ? OutputTree() : try OutputTree(scanning: location.output)
                tree.files.remove(OutputWriter.marker)
                // Only in an output that is a mount point, where a killed build's staging folder was removed above.
                tree.remove(under: OutputWriter.innerStagingName)
                (old, previous, drifted, searchTokens) = (tree, nil, nil, nil)
                try OutputWriter.makeStaging(location)
            }
            // The new site is most often the old one's size: its tables grow once, not by doubling.
            paths.reserveCapacity(old.files.count)
            folders.reserveCapacity(old.folders.count)
            if !isWhole && mode == .swap && !fromStandby { location.keepMarker() }
        } catch {
            lock.release()
            throw error
        }
    }

    /// Compares a batch of files with the old output and stages it; safe to call from several threads. Throws
    /// for a path that is unsafe or given twice, or when a file cannot be written.
    public func stage(_ files: [OutputFile]) throws(BuildError) {
        try claim(files)
        try write(files)
        mutex.lock()
        batches += 1
        let first = batches == 1
        mutex.unlock()
        if first { OutputTestHook.reached(.staging) }
    }

    /// Checks a batch's paths against everything staged so far and claims them; makes in the staging folder the
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
            OutputWriter.insertAncestors(of: file.path, into: &folders) { newFolders.append($0) }
        }
        // A first build writes every file, so the folders this batch is the first to need are made now, before the
        // lock is let go, parents first, so a batch that finds a folder already claimed can rely on it existing.
        // A rebuild makes them when a file is written or linked into them (`makeFolders`).
        guard isWhole, !newFolders.isEmpty else { return }
        // Made relative to the staging folder, opened once: the kernel looks up only each folder's path in the site.
        let staging = location.staging
        let descriptor = open(staging, O_RDONLY | O_DIRECTORY | O_CLOEXEC)
        guard descriptor >= 0 else { throw BuildError(reason: .system(path: staging, code: errno), path: location.output) }
        defer { close(descriptor) }
        for folder in newFolders.sorted(by: { $0.utf8.count < $1.utf8.count }) {
            try OutputWriter.created { () throws(FileWriter.Failure) in try FileWriter.makeDirectory(folder, in: descriptor, naming: staging) }
            made.insert(folder)
        }
    }

    /// Makes in the staging folder the folders `paths` need that are not made yet, parents first, under the lock
    /// so that a folder another batch is making exists before either writes into it. The journal of an in-place
    /// build places each staged file from the same path, so every mode needs them.
    private func makeFolders(for paths: [String]) throws(BuildError) {
        mutex.lock()
        defer { mutex.unlock() }
        var needed: Set<String> = []
        for path in paths {
            for folder in OutputWriter.ancestors(of: path) where !made.contains(folder) { needed.insert(folder) }
        }
        for folder in needed.sorted(by: { $0.utf8.count < $1.utf8.count }) {
            // The standby may hold a file of the previous site where the new one has a folder.
            if fromStandby && old.files.contains(folder) { unlink(location.staging + "/" + folder) }
            try OutputWriter.created { () throws(FileWriter.Failure) in try FileWriter.makeDirectory(location.staging + "/" + folder) }
            made.insert(folder)
        }
    }

    /// Hard-links unchanged files of the old output into the staging folder. Returns the paths that could not be
    /// linked because the old file went away (they must be written), and whether the file system has no hard
    /// links here (the session then changes the output in place, which needs none).
    private func link(_ paths: [String]) throws(BuildError) -> (vanished: [String], unsupported: Bool) {
        guard !paths.isEmpty else { return ([], false) }
        try makeFolders(for: paths)
        let output = location.output, staging = location.staging
        let failures = Parallel.map(paths) { path -> Int32? in
            linkat(AT_FDCWD, output + "/" + path, AT_FDCWD, staging + "/" + path, 0) == 0 ? nil : errno
        }
        var vanished: [String] = []
        var unsupported = false
        for (path, failure) in zip(paths, failures) {
            guard let failure else { continue }
            if DirectorySwap.isUnsupported(failure) || failure == EMLINK { unsupported = true } else { vanished.append(path) }
        }
        return (vanished, unsupported)
    }

    /// Writes a claimed batch: all of it for a first build; otherwise what differs from the old output, and, for a
    /// swap once something has changed, a hard link to each unchanged file (those of earlier batches too).
    private func write(_ files: [OutputFile]) throws(BuildError) {
        let staging = location.staging
        if isWhole {
            try OutputWriter.writeAll(files, in: staging)
            return
        }
        let output = location.output
        let old = self.old
        let previous = fromStandby ? staging : output
        let same = Parallel.map(files) { file in
            old.files.contains(file.path) && FileWriter.holds(previous + "/" + file.path, file.bytes)
        }
        var changed: [OutputFile] = []
        var unchanged: [String] = []
        for (file, isSame) in zip(files, same) {
            if isSame { unchanged.append(file.path) } else { changed.append(file) }
        }
        mutex.lock()
        unchangedCount += unchanged.count
        var toLink: [String] = []
        if mode == .swap && !fromStandby {
            if hasChange || !changed.isEmpty {
                hasChange = true
                toLink = pending + unchanged
                pending = []
            } else {
                pending += unchanged
            }
        }
        mutex.unlock()
        let (vanished, unsupported) = try link(toLink)
        if !vanished.isEmpty {
            // An old file that went away while this build ran: the new site gets this batch's copy written instead;
            // an earlier batch's bytes are gone, so the build stops rather than place a site without it.
            let here = Dictionary(uniqueKeysWithValues: files.map { ($0.path, $0) })
            for path in vanished {
                guard let file = here[path] else { throw BuildError(reason: .system(path: output + "/" + path, code: ENOENT), path: output) }
                changed.append(file)
            }
        }
        mutex.lock()
        unchangedCount -= vanished.count
        if unsupported { mode = .inPlace }
        staged += changed.map(\.path)
        mutex.unlock()
        try makeFolders(for: changed.map(\.path))
        if fromStandby {
            // The standby's files are the output's too (hard links): a changed one is unlinked, never written into.
            _ = Parallel.map(changed.map(\.path).filter { old.files.contains($0) || old.folders.contains($0) }) { path in
                old.folders.contains(path) ? FileWriter.removeTree(staging + "/" + path) : unlink(staging + "/" + path) == 0
            }
        }
        try OutputWriter.writeAll(changed, in: staging)
    }

    /// Claims files of the previous site that this build does not make again, as unchanged: they stay as the
    /// standby has them. False (and nothing claimed) unless the staging folder is the standby and holds every one.
    func keep(_ kept: [String]) -> Bool {
        guard fromStandby else { return false }
        mutex.lock()
        defer { mutex.unlock() }
        guard kept.allSatisfy({ old.files.contains($0) && !paths.contains($0) }) else { return false }
        for path in kept {
            paths.insert(path)
            OutputWriter.insertAncestors(of: path, into: &folders)
        }
        unchangedCount += kept.count
        return true
    }

    /// Every path staged so far, for the link check.
    public var stagedPaths: Set<String> {
        mutex.lock()
        defer { mutex.unlock() }
        return paths
    }

    /// Makes the output hold exactly the staged site: checks it can be placed whole, puts it in place (in one
    /// step where possible), and ends the session. On failure nothing in the output has changed.
    public func commit() throws(BuildError) -> OutputChanges {
        try commit(stoppingAt: nil)
    }

    /// `commit()`, keeping `state` and the bytes of `searchTokens` (asked for only when a standby is kept) with the
    /// standby for the next build.
    func commit(keeping state: BuildState, searchTokens: @escaping () -> [UInt8]? = { nil }) throws(BuildError) -> OutputChanges {
        keeping = (state, searchTokens)
        return try commit(stoppingAt: nil)
    }

    /// `commit()`, stopping where a test asks, as if the build were killed there.
    func commit(stoppingAt stop: OutputWriter.Stop?) throws(BuildError) -> OutputChanges {
        guard isOpen else { return OutputChanges() }
        isOpen = false
        defer { lock.release() }
        // Once a journal is committed, the staging folder holds the decided site: a failure while applying it
        // leaves it for the next build to finish, never removed.
        var committed = false
        do throws(BuildError) {
            if let clash = paths.intersection(folders).min() {
                throw BuildError(reason: .conflictingPaths(clash), path: location.output)
            }
            OutputTestHook.reached(.beforeCommit)
            if stop == .beforeCommit { return OutputChanges() }
            if isWhole {
                location.giveStagingTheOutputsPermissions()
                guard rename(location.staging, location.output) == 0 else {
                    throw BuildError(reason: .system(path: location.output, code: errno), path: location.output)
                }
                return OutputChanges(written: Parallel.sorted(paths), unchangedCount: 0, removed: [])
            }
            let removed = old.files.subtracting(paths).sorted()
            let removedFolders = OutputTree.deepestFirst(old.folders.subtracting(folders))
            // Out of step with the standby, the output may hold files put there by hand, which the exchange takes away
            // with the old site: they are counted as removed, as they are when there is no standby to compare with.
            let removedFromOutput = drifted.map { $0.files.subtracting(paths).subtracting([OutputWriter.marker]).sorted() } ?? removed
            let summary = OutputChanges(written: Parallel.sorted(staged), unchangedCount: unchangedCount, removed: removedFromOutput)
            if staged.isEmpty && removed.isEmpty && removedFolders.isEmpty && drifted == nil {
                keepUnchanged()
                return summary
            }
            if fromStandby {
                try Standby.prune(location, removed: removed, removedFolders: removedFolders, files: paths, folders: folders)
            }
            if mode == .swap && !pending.isEmpty {
                // Only removals: the unchanged files wait to be linked.
                let (vanished, unsupported) = try link(pending)
                pending = []
                if let gone = vanished.first {
                    throw BuildError(reason: .system(path: location.output + "/" + gone, code: ENOENT), path: location.output)
                }
                if unsupported { mode = .inPlace }
            }
            if mode == .swap {
                // Given only now: an output made read-only would have made the staging folder unwritable from the start.
                location.giveStagingTheOutputsPermissions()
                let code = DirectorySwap.exchange(location.staging, location.output)
                if code == 0 {
                    // The new site is the output; the old one, under the staging folder's name, becomes the next
                    // build's standby (a kill from here on leaves it for the next build to remove).
                    OutputTestHook.reached(.afterSwap)
                    let changes = drifted.map { Standby.Changes(from: $0, to: paths, folders: folders, written: staged, standby: old) }
                        ?? Standby.Changes(fromStandby: old, folders: folders, written: staged, removed: removed, removedFolders: removedFolders)
                    Standby.keep(location.staging, changes: changes, record: keeping.map { _ in recordKeeping }, at: location) {
                        OutputTestHook.reached(.updatingStandby)
                    }
                    return summary
                }
                // A standby exists only where an exchange worked; the staging folder holds a whole site, which the
                // journal cannot place.
                guard DirectorySwap.isUnsupported(code) && !fromStandby else {
                    throw BuildError(reason: .system(path: location.output, code: code), path: location.output)
                }
            }
            try commitInPlace(removed: removed, removedFolders: removedFolders, stoppingAt: stop, committed: &committed)
            return summary
        } catch {
            if !committed { OutputWriter.removeIfOurs(location.staging) }
            throw error
        }
    }

    /// Nothing changed: the staging folder becomes the standby again, or, when it did not start as one and the
    /// build has a state to keep, the unchanged files are linked into it once so that later rebuilds start from
    /// it; otherwise it is removed.
    private func keepUnchanged() {
        var keeps = fromStandby
        if !keeps, mode == .swap, keeping != nil, let (vanished, unsupported) = try? link(pending) {
            keeps = vanished.isEmpty && !unsupported
        }
        pending = []
        if keeps, keeping != nil, !recordKeeping(in: location.staging) { keeps = false }
        if !keeps || rename(location.staging, location.standby) != 0 { OutputWriter.removeIfOurs(location.staging) }
    }

    /// Where directories cannot be exchanged: writes the journal of every change, commits it with a rename, and
    /// applies it (see `OutputWriter`).
    private func commitInPlace(removed: [String], removedFolders: [String], stoppingAt stop: OutputWriter.Stop?,
                               committed: inout Bool) throws(BuildError) {
        let madeFolders = OutputTree.shallowestFirst(folders.subtracting(old.folders))
        let journal = Journal(steps: removed.map { .remove($0) } + removedFolders.map { .removeFolder($0) }
            + madeFolders.map { .makeFolder($0) } + staged.map { .place(source: $0, path: $0) })
        try OutputWriter.created { () throws(FileWriter.Failure) in
            try FileWriter.replace(location.partialJournal, journal.encoded(), sync: true)
        }
        guard rename(location.partialJournal, location.journal) == 0 else {
            throw BuildError(reason: .system(path: location.journal, code: errno), path: location.output)
        }
        committed = true
        try OutputWriter.created { () throws(FileWriter.Failure) in try FileWriter.syncDirectory(location.staging) }
        OutputTestHook.reached(.afterJournal)
        if stop == .afterCommit { return }
        try OutputWriter.finish(journal, at: location)
    }

    /// Writes what the new site was made from, sealed now, and its search tokens into the standby-to-be `folder`.
    private func recordKeeping(in folder: String) -> Bool {
        guard let keeping else { return false }
        return Standby.record(state: keeping.state.sealedNow(), searchTokens: keeping.searchTokens(), in: folder)
    }

    /// Ends a session that staged nothing (the build stopped on its content's errors) without changing the
    /// output: a standby taken as the staging folder goes back as it was, its state with it, so the next
    /// build still starts from it; a staging folder made for this build is removed.
    public func abandon() {
        guard isOpen, fromStandby, batches == 0 else { return discard() }
        isOpen = false
        if let previous, !Standby.record(state: previous.encoded(), searchTokens: searchTokens?.encoded(tool: BuildInputs.toolIdentity),
                                         in: location.staging) {
            OutputWriter.removeIfOurs(location.staging)
        } else if rename(location.staging, location.standby) != 0 {
            OutputWriter.removeIfOurs(location.staging)
        }
        lock.release()
    }

    /// Ends the session without changing the output: the staging folder is removed.
    public func discard() {
        guard isOpen else { return }
        isOpen = false
        OutputWriter.removeIfOurs(location.staging)
        lock.release()
    }
}
