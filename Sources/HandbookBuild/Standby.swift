import HandbookLoad
import HandbookModel
#if canImport(Glibc)
import Glibc
#elseif canImport(Darwin)
import Darwin
#endif

/// The copy of the current site kept beside the output (`.<name>.standby`), so that a rebuild's cost follows
/// what changed rather than the size of the site.
///
/// After an exchange, the folder under the staging name holds the previous site. Instead of removing it file by
/// file (tens of thousands of metadata operations on a slow disk), the build applies to it the changes it just
/// made — the written files hard-linked from the output, the removed ones removed — and renames it to the
/// standby name: a second name for every file of the current site, costing folders but no file data. The next
/// build renames the standby to the staging folder, replaces the files that differ (unlinking first, never
/// writing into a file the output shares), removes the ones the site no longer has, and exchanges it with the
/// output: the exchange is still the one commit point, so the output is the whole old or the whole new site at
/// every moment.
///
/// The standby is renamed into place only once it is complete; a build killed while making it leaves a staging
/// folder, which the next build removes as it always did. A standby that no longer matches the output (a file
/// of either removed, added, replaced or written in place by hand: `OutputSession` compares their files' inodes
/// and the output's times of change with the moment the copy was sealed) is still safe to
/// start from: nothing is kept, every new file is compared with the standby's, the two are exchanged, and the
/// old output is made into an exact copy from what it really holds. Without an output, or where the output is
/// changed in place, the standby is removed.
enum Standby {
    /// Renames the standby to the staging folder when there is one to reuse; true when it did.
    static func take(_ location: OutputLocation) -> Bool {
        guard isOurs(location.standby) else { return false }
        return rename(location.standby, location.staging) == 0
    }

    /// Removes a standby the build cannot use (no output to replace, or a change in place).
    static func discard(_ location: OutputLocation) {
        OutputWriter.removeIfOurs(location.standby)
    }

    /// True when `path` is a folder with the marker, as every folder this tool makes is.
    static func isOurs(_ path: String) -> Bool {
        FileSystem.kind(path) == .directory && FileSystem.kind(path + "/" + OutputWriter.marker) == .file
    }

    /// What a committed build changed, to be applied to the previous site beside the output.
    struct Changes {
        /// Files the build wrote (new or changed), by path in the site.
        var written: [String]
        /// Files the previous site had and the new one does not.
        var removed: [String]
        /// Folders the previous site had and the new one does not, deepest first.
        var removedFolders: [String]
        /// Folders the new site has and the previous one did not, shallowest first.
        var madeFolders: [String]
        /// The previous site's folders (a written file may stand where one of them was).
        var oldFolders: Set<String>
    }

    /// Turns the previous site at `retired` (the staging folder's name, after the exchange) into a copy of the
    /// output by applying `changes`, writes `state` (what the site was made from) into it, and renames it to the
    /// standby name. On any failure the copy is removed
    /// instead, which costs time but never correctness. `halfway` runs between the removals and the links (the
    /// tests kill a build there).
    static func keep(_ retired: String, changes: Changes, state: (() -> [UInt8])?, at location: OutputLocation, halfway: () -> Void = {}) {
        let output = location.output
        let newFolders = Set(changes.madeFolders)
        let written = Set(changes.written)
        // A removed file whose path is now a folder, or a removed folder whose path is now a file, is dealt with
        // when that folder is made or that file linked.
        _ = Parallel.map(changes.removed.filter { !newFolders.contains($0) }) { path in unlink(retired + "/" + path) }
        for folder in changes.removedFolders where !written.contains(folder) { rmdir(retired + "/" + folder) }
        halfway()
        for folder in changes.madeFolders {
            let path = retired + "/" + folder
            if mkdir(path, 0o755) == 0 || FileSystem.kind(path) == .directory { continue }
            // A file of the previous site where the new one has a folder.
            unlink(path)
            guard mkdir(path, 0o755) == 0 else { return abandon(retired) }
        }
        let failed = Parallel.map(changes.written) { path -> Bool in
            let target = retired + "/" + path
            if changes.oldFolders.contains(path) { _ = FileWriter.removeTree(target) } else { unlink(target) }
            return linkat(AT_FDCWD, output + "/" + path, AT_FDCWD, target, 0) != 0
        }
        // What the copy's site was made from, for the next build; without it, that build makes every output.
        // Written last, once every link is made: its time says when the copy was complete.
        let statePath = retired + "/" + BuildState.fileName
        unlink(statePath)
        guard !failed.contains(true), sameMarker(retired, output) || replaceMarker(retired, output) else { return abandon(retired) }
        if let state, (try? FileWriter.replace(statePath, state())) == nil { return abandon(retired) }
        guard rename(retired, location.standby) == 0 else { return abandon(retired) }
    }

    /// True when both folders' markers are one file.
    private static func sameMarker(_ a: String, _ b: String) -> Bool {
        var first = stat(), second = stat()
        return lstat(a + "/" + OutputWriter.marker, &first) == 0 && lstat(b + "/" + OutputWriter.marker, &second) == 0
            && first.st_ino == second.st_ino && first.st_dev == second.st_dev
    }

    /// Makes the copy's marker the output's (the previous site's may be an earlier version's): a link renamed over
    /// it, so the copy always has one.
    private static func replaceMarker(_ retired: String, _ output: String) -> Bool {
        let marker = retired + "/" + OutputWriter.marker, link = marker + ".link"
        unlink(link)
        return linkat(AT_FDCWD, output + "/" + OutputWriter.marker, AT_FDCWD, link, 0) == 0 && rename(link, marker) == 0
    }

    /// Removes a copy that could not be made whole.
    private static func abandon(_ retired: String) {
        OutputWriter.removeIfOurs(retired)
    }
}
