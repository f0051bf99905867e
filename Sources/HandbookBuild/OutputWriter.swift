import HandbookLoad
import HandbookModel
import HandbookRender
#if canImport(Glibc)
import Glibc
#elseif canImport(Darwin)
import Darwin
#endif

/// Writes the built site into the output directory, changing only the files that differ, so that a failed or
/// killed build leaves the previous site whole.
///
/// How the output is replaced (also in docs/output.md):
///
/// - **Lock.** A build holds an exclusive `flock` on `.<name>.handbook-lock` beside the output while it
///   changes anything; a second build fails at once with `BuildError.busy`.
/// - **Recover.** Under the lock, it first finishes what a killed build left: a committed journal in the staging
///   folder is applied (rolled forward), then the staging folder is discarded — a half-built new site, or an old
///   site already swapped out — as are the `.<name>.building-<pid>` and `.<name>.previous-<pid>` folders of
///   earlier versions of the tool (only when they hold the marker and their process is gone; when the output
///   itself is missing, such a `previous` folder, the last whole site, is renamed back to the output instead).
/// - **First build** (no output, or an empty folder): every file is written into `.<name>.staging` with the
///   marker, and that folder is renamed to the output. The rename is the commit point.
/// - **Later builds** (an output with the marker): the whole new site is built in the staging folder. Each file
///   is compared with the old one, size first and then bytes; an identical one is hard-linked from the old
///   output (so it keeps its inode and modification time, and deploy tools that compare times upload nothing
///   for it), the others are written. The staging folder and the output are then exchanged in one step
///   (`DirectorySwap`: `renameat2(RENAME_EXCHANGE)` on Linux, `renamex_np(RENAME_SWAP)` on macOS): that is the
///   commit point, and whoever reads the output sees the whole old site or the whole new one. The old site, now
///   under the staging folder's name, is made into a copy of the new one and kept as `.<name>.standby`, from
///   which the next rebuild starts instead of linking every file again (`Standby`).
/// - **In place**, where the exchange is impossible (the output is a mount point, a file system without hard
///   links or without the exchange, another system): the staging folder holds only the changed files; a
///   journal listing every step — remove the files the site no longer has, remove emptied folders, make new
///   folders, rename each staged file over its target — is written, `fsync`ed and renamed into place inside the
///   staging folder: that rename is the commit point. The steps are then applied (each rename is atomic per
///   file), and the journal and staging folder are removed. While the steps run, a reader can see a mixture.
///
/// A build that fails or is killed before the commit point has not touched the output; its staging folder is
/// discarded by the next build. With the exchange, the output is the whole old or the whole new site at every
/// moment. In place, a build killed after the commit point has decided the new site, and the next build (even one
/// whose content has errors, since `checkOutput` recovers too) finishes the journal first. The journal is
/// `fsync`ed but the staged files are not (a flush per file would cost more than the writes), so this holds
/// for a build that fails or is killed, not for a power cut in the middle of one.
///
/// Nothing outside the output directory and these hidden siblings is ever written or removed, links inside
/// the output are removed as links and never followed, and a folder without the marker is never changed.
public enum OutputWriter {
    /// The file that marks a directory as this tool's output; only such directories are ever replaced or deleted.
    public static let marker = ".handbook-output"

    /// The journal's name in the staging folder; it starts with the marker's name, so no site file can have it.
    static let journalName = marker + "-journal"
    /// The staging folder's name inside an output that is a mount point (`OutputLocation.staging`): starting with the
    /// marker's name, it is never a file of the site.
    static let innerStagingName = marker + "-staging"

    /// The marker's text; unchanged since the first version, as `ContentSiteTests` records every output file's digest.
    static let markerText = Array("Made by handbook build, which rewrites what changes in this directory on every build; do not edit it.\n".utf8)

    /// Refuses an output that is, contains or sits inside the content or theme, or a non-empty directory the tool did not make;
    /// then finishes or discards what a killed build left beside an accepted output.
    public static func checkOutput(_ output: String, content: String, theme: String) throws(BuildError) {
        let outputReal = resolved(output)
        for (what, path) in [("content", content), ("theme", theme)] {
            guard let source = FileSystem.realPath(path) else { continue }
            if outputReal == source { throw BuildError(reason: .outputIsSource(what), path: output) }
            if source.hasPrefix(outputReal + "/") || outputReal.hasPrefix(source + "/") || outputReal == "/" {
                throw BuildError(reason: .outputOverlapsSource(what), path: output)
            }
        }
        // The output is replaced whole (by an exchange of folders): the folder the build runs in, or one holding it,
        // would leave the shell that started it in a folder that no longer exists.
        let here = FileSystem.realPath(currentDirectory()) ?? currentDirectory()
        if here == outputReal || here.hasPrefix(outputReal + "/") {
            throw BuildError(reason: .outputHoldsWorkingDirectory, path: output)
        }
        // A link is followed to the folder it names (`OutputLocation`); one that leads nowhere is named as such.
        if FileSystem.kind(output) == .symbolicLink && FileSystem.targetKind(output) == .missing {
            throw BuildError(reason: .outputIsLink, path: output)
        }
        switch FileSystem.targetKind(output) {
        case .missing:
            break
        case .directory:
            let names = (try? FileSystem.list(output)) ?? []
            if !names.isEmpty && !names.contains(marker) { throw BuildError(reason: .outputNotOurs, path: output) }
        default:
            throw BuildError(reason: .outputIsFile, path: output)
        }
        let location = try OutputLocation(checking: output)
        let lock = try OutputLock(location)
        defer { lock.release() }
        try recover(location)
    }

    /// Makes `output` hold exactly `files` (and the marker), writing only what changed; see the type's comment.
    @discardableResult
    public static func write(_ files: [OutputFile], to output: String) throws(BuildError) -> OutputChanges {
        try write(files, to: output, stoppingAt: nil)
    }

    /// Where a test stops a build, as if it were killed there: the lock is released and nothing is cleaned up.
    enum Stop {
        /// Every file is staged and nothing is committed.
        case beforeCommit
        /// The journal is committed and none of its steps applied.
        case afterCommit
    }

    /// `write(_:to:)`, stopping at `stop` when one is given, replacing an old output by `mode` where possible: one
    /// `OutputSession` fed the whole site at once.
    static func write(_ files: [OutputFile], to output: String, stoppingAt stop: Stop?,
                      mode: OutputSession.Mode = .swap) throws(BuildError) -> OutputChanges {
        let location = OutputLocation(output)
        try checkPaths(files, output: location.output)
        let session = try OutputSession(output: output, mode: mode)
        do throws(BuildError) {
            try session.stage(files)
        } catch {
            session.discard()
            throw error
        }
        return try session.commit(stoppingAt: stop)
    }
}

// MARK: - Writing

extension OutputWriter {
    /// Refuses, before anything is written, a site that could not be placed whole: a path that is not inside the
    /// output, two files at one path, or a file where other files need a folder. Found later, such a clash would
    /// make a committed journal impossible to finish.
    static func checkPaths(_ files: [OutputFile], output: String) throws(BuildError) {
        var paths: Set<String> = []
        var folders: Set<String> = []
        for file in files {
            guard isSafe(file.path) else { throw BuildError(reason: .unsafePath(file.path), path: output) }
            guard paths.insert(file.path).inserted else { throw BuildError(reason: .conflictingPaths(file.path), path: output) }
            insertAncestors(of: file.path, into: &folders)
        }
        if let clash = paths.intersection(folders).min() { throw BuildError(reason: .conflictingPaths(clash), path: output) }
    }

    /// True for a path the site may hold: relative, inside the output, no empty, `.` or `..` part, not the marker
    /// (nor a name beginning with it, which the writer keeps for itself).
    static func isSafe(_ path: String) -> Bool {
        guard !path.hasPrefix(marker) else { return false }
        // In one pass over the bytes (a slash and a dot are one byte each in UTF-8), with no part made: every file of
        // a build is checked, under the lock. A part is unsafe when it is empty, `.` or `..`.
        var path = path
        return path.withUTF8 { bytes in
            var length = 0, dots = 0
            for byte in bytes {
                if byte == UInt8(ascii: "/") {
                    if length == 0 || (dots == length && length <= 2) { return false }
                    (length, dots) = (0, 0)
                } else {
                    length += 1
                    if byte == UInt8(ascii: ".") { dots += 1 }
                }
            }
            return !(length == 0 || (dots == length && length <= 2))
        }
    }

    /// Inserts the folders above `path` into `folders`, the deepest first, stopping at one already there: a set
    /// filled only so (or with every ancestor) holds every folder above each of its own, so the walk up can stop.
    /// Calls `inserted` with each folder that was new. Most paths of a site add one folder, and make one string.
    static func insertAncestors(of path: String, into folders: inout Set<String>, _ inserted: (String) -> Void = { _ in }) {
        let bytes = path.utf8
        var end = bytes.lastIndex(of: UInt8(ascii: "/"))
        while let slash = end {
            let folder = String(path[..<slash])
            guard folders.insert(folder).inserted else { return }
            inserted(folder)
            end = bytes[..<slash].lastIndex(of: UInt8(ascii: "/"))
        }
    }

    /// The folders that hold `path`, nearest last: `a/b/c.html` → `a`, `a/b`.
    static func ancestors(of path: String) -> [String] {
        var folders: [String] = []
        // Found in the UTF-8 view: a slash is one byte, and searching the characters would group them first.
        let bytes = path.utf8
        var index = bytes.startIndex
        while let slash = bytes[index...].firstIndex(of: UInt8(ascii: "/")) {
            folders.append(String(path[..<slash]))
            index = bytes.index(after: slash)
        }
        return folders
    }

    /// Applies a committed journal, then ends the transaction: journal first, then the staging folder.
    static func finish(_ journal: Journal, at location: OutputLocation) throws(BuildError) {
        try journal.apply(output: location.output, staging: location.staging)
        unlink(location.journal)
        unlink(location.legacyJournal)
        removeIfOurs(location.staging)
    }

    /// Makes the staging folder with the marker in it first, so that it can always be recognised and removed.
    static func makeStaging(_ location: OutputLocation) throws(BuildError) {
        let staging = location.staging
        guard mkdir(staging, 0o755) == 0 else { throw BuildError(reason: .system(path: staging, code: errno), path: location.output) }
        try created { () throws(FileWriter.Failure) in try FileWriter.replace(staging + "/" + marker, markerText) }
    }

    /// Writes `files` (paths relative to `directory`, whose folders exist) in parallel; the first failure is thrown.
    /// Each is opened relative to the directory, once opened: the kernel then looks up only the file's own path in
    /// the site, not the directory's path again for every file.
    static func writeAll(_ files: [OutputFile], in directory: String) throws(BuildError) {
        guard !files.isEmpty else { return }
        let descriptor = open(directory, O_RDONLY | O_DIRECTORY | O_CLOEXEC)
        guard descriptor >= 0 else { throw BuildError(reason: .system(path: directory, code: errno), path: directory) }
        defer { close(descriptor) }
        let failures = Parallel.map(files) { file -> BuildError? in
            do throws(FileWriter.Failure) {
                try FileWriter.replace(file.path, in: descriptor, file.bytes, naming: directory)
                return nil
            } catch {
                return buildError(error)
            }
        }
        if let failure = failures.lazy.compactMap({ $0 }).first { throw failure }
    }

    /// Runs a `FileWriter` call, turning its failure into a `BuildError`.
    static func created(_ body: () throws(FileWriter.Failure) -> Void) throws(BuildError) {
        do {
            try body()
        } catch {
            throw buildError(error)
        }
    }

    static func buildError(_ failure: FileWriter.Failure) -> BuildError {
        let code: Int32
        if case .system(let systemCode) = failure.reason { code = systemCode } else { code = EEXIST }
        return BuildError(reason: .system(path: failure.path, code: code), path: failure.path)
    }
}

// MARK: - Recovering from a killed build

extension OutputWriter {
    /// Rolls a committed journal forward, discards an uncommitted staging folder, and clears what earlier
    /// versions of the tool left (their per-process folders). Runs under the lock.
    static func recover(_ location: OutputLocation) throws(BuildError) {
        let staging = location.staging
        if FileSystem.kind(staging + "/" + marker) == .file, FileSystem.kind(location.output + "/" + marker) == .file {
            for path in [location.journal, location.legacyJournal] {
                if let bytes = try? FileSystem.read(path), let journal = Journal(decoding: bytes) {
                    try finish(journal, at: location)
                    break
                }
            }
        }
        switch FileSystem.kind(staging) {
        case .missing:
            break
        case .directory where FileSystem.kind(staging + "/" + marker) == .file:
            removeIfOurs(staging)
        default:
            // An empty folder is what a build killed between making it and writing the marker leaves.
            if rmdir(staging) != 0 { throw BuildError(reason: .stagingNotOurs(staging), path: location.output) }
        }
        clearEarlierVersions(location)
        // A copy of a site that is no longer there (the output removed by hand) has nothing to stand in for.
        if !Standby.isOurs(location.output) { Standby.discard(location) }
    }

    /// Earlier versions built into `.<name>.building-<pid>` and swapped the old site out to `.<name>.previous-<pid>`;
    /// a killed run left them behind under names no later run would reuse.
    static func clearEarlierVersions(_ location: OutputLocation) {
        let building = "." + location.name + ".building-"
        let previous = "." + location.name + ".previous-"
        guard let names = try? FileSystem.list(location.parent) else { return }
        for name in names where name.hasPrefix(building) || name.hasPrefix(previous) {
            let suffix = name.dropFirst(name.hasPrefix(building) ? building.count : previous.count)
            guard let pid = Int32(suffix), !isRunning(pid) else { continue }
            let path = (location.parent == "/" ? "/" : location.parent + "/") + name
            guard FileSystem.kind(path) == .directory, FileSystem.kind(path + "/" + marker) == .file else { continue }
            // Killed between its two renames, an earlier version left no output and the last whole site here.
            if name.hasPrefix(previous) && FileSystem.kind(location.output) == .missing && rename(path, location.output) == 0 { continue }
            removeIfOurs(path)
        }
    }

    /// True when a process with this id exists (and is not this one), so its folders may still be in use.
    static func isRunning(_ pid: Int32) -> Bool {
        guard pid > 0, pid != getpid() else { return false }
        return kill(pid, 0) == 0 || errno == EPERM
    }

    /// Deletes a directory only when it carries the marker, so nothing the tool did not make is ever removed.
    /// The marker goes last, so an interrupted removal can be finished by the next build; `halfway` runs when
    /// half of its entries are gone (the tests kill a build there).
    static func removeIfOurs(_ path: String, halfway: () -> Void = {}) {
        guard FileSystem.kind(path) == .directory, FileSystem.kind(path + "/" + marker) == .file else { return }
        // A folder of ours may carry the output's read-only mode (given at the exchange): its entries can go only once
        // it is writable again.
        makeWritable(path)
        let entries = ((try? FileSystem.list(path)) ?? []).filter { $0 != marker }
        let half = entries.count / 2
        let first = Parallel.map(Array(entries[..<half])) { name in FileWriter.removeTree(path + "/" + name) }
        halfway()
        let second = Parallel.map(Array(entries[half...])) { name in FileWriter.removeTree(path + "/" + name) }
        // The marker goes last, and only once all else has: a folder that could not be emptied stays the tool's, for the
        // next build to remove, rather than becoming a stranger in the way of its staging folder.
        guard !first.contains(false) && !second.contains(false) else { return }
        unlink(path + "/" + marker)
        rmdir(path)
    }

    /// True when a build committed a journal for `output` (changing it in place) and did not finish applying it: the
    /// output then holds part of each site until the next build finishes the journal.
    public static func hasUnfinishedJournal(_ output: String) -> Bool {
        let location = OutputLocation(output)
        return FileSystem.kind(location.journal) == .file || FileSystem.kind(location.legacyJournal) == .file
    }

    /// Gives the owner write and search permission on a folder of the tool's (the rest of its mode kept).
    static func makeWritable(_ folder: String) {
        var info = stat()
        if stat(folder, &info) == 0 && info.st_mode & 0o300 != 0o300 { chmod(folder, (info.st_mode & 0o7777) | 0o700) }
    }

    /// The absolute path `path` names, resolving links in the part that exists.
    static func resolved(_ path: String) -> String {
        if let real = FileSystem.realPath(path) { return real }
        var absolute = path.hasPrefix("/") ? path : currentDirectory() + "/" + path
        while absolute.count > 1 && absolute.hasSuffix("/") { absolute.removeLast() }
        let (parent, name) = OutputLocation.split(absolute)
        let real = FileSystem.realPath(parent) ?? parent
        return (real == "/" ? "" : real) + "/" + name
    }

    static func currentDirectory() -> String {
        guard let cwd = getcwd(nil, 0) else { return "." }
        defer { free(cwd) }
        return String(cString: cwd)
    }
}
