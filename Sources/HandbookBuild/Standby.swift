import HandbookLoad
import HandbookModel
import HandbookRender
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
/// of either removed, added, replaced or written in place by hand: `open` compares their files' inodes and the
/// output's times of change with the moment the copy was sealed) is still safe to
/// start from: nothing is kept, every new file is compared with the standby's, the two are exchanged, and the
/// old output is made into an exact copy from what it really holds. Without an output, or where the output is
/// changed in place, the standby is removed.
enum Standby {
    /// The standby, become the staging folder, as a build starts from it.
    struct Opened {
        /// Its files and folders (the marker and the state left out).
        var tree: OutputTree
        /// What its site was made from, when it is in step with the output and says so.
        var previous: BuildState?
        /// The output's own files and folders, when the standby is not in step with it.
        var output: OutputTree?
        /// The last build's search tokens, when it kept them (valid whether or not the standby is in step: they
        /// say only which tokens a text has).
        var searchTokens: SearchTokenCache?
    }

    /// The file in the standby that keeps the last build's search tokens (`SearchTokenCache`); like the state,
    /// its name starts with the marker's, and it never reaches the output.
    static let searchFileName = OutputWriter.marker + "-search"

    /// The standby's own files, beside its copy of the site.
    static let records = [BuildState.fileName, searchFileName]

    /// Writes the standby's own files into `folder`: the search tokens (`SearchTokenCache`'s bytes, or none), then
    /// the state, last.
    static func record(state: [UInt8], searchTokens: [UInt8]?, in folder: String) -> Bool {
        let searchPath = folder + "/" + searchFileName
        if let searchTokens {
            guard (try? FileWriter.replace(searchPath, searchTokens)) != nil else { return false }
        } else {
            unlink(searchPath)
        }
        return (try? FileWriter.replace(folder + "/" + BuildState.fileName, state)) != nil
    }

    /// Renames the standby to the staging folder when there is one to reuse, lists it and the output side by
    /// side, and checks that it is the output's copy: the same files, each the same inode, none changed after the
    /// copy was sealed. A file of the output removed, added, replaced or written in place by hand (or the output
    /// restored from a backup) means the state no longer speaks for it: nothing is kept, and every file is made
    /// and compared with the standby's. Nil when there is no standby to reuse.
    static func open(_ location: OutputLocation) throws(BuildError) -> Opened? {
        guard isOurs(location.standby), rename(location.standby, location.staging) == 0 else { return nil }
        let state = (try? FileSystem.read(location.staging + "/" + BuildState.fileName)).flatMap(BuildState.init(decoding:))
        let searchTokens = (try? FileSystem.read(location.staging + "/" + searchFileName))
            .flatMap { SearchTokenCache(decoding: $0, tool: BuildInputs.toolIdentity) }
        // The state describes the standby as it was made; the staging folder is about to change (and becomes the
        // output, which never holds the standby's own files).
        for name in records { unlink(location.staging + "/" + name) }
        var output: OutputTree
        var tree: OutputTree
        if let state {
            // The output and the standby are checked against the state; if both are as sealed, the standby's listing
            // is the state's, with the output's inodes, and neither need be listed.
            let found = try openFromState(state, location)
            if let listed = found.standby { return Opened(tree: listed, previous: state, output: nil, searchTokens: searchTokens) }
            if let listed = found.output {
                output = listed
            } else {
                output = try OutputTree(scanning: location.output, stamping: true, expected: state.fileCount)
            }
            tree = try OutputTree(scanning: location.staging, expected: output.files.count)
        } else {
            let scans = Parallel.tasks([false, true]) { isOutput in
                Result { () throws(BuildError) in
                    try OutputTree(scanning: isOutput ? location.output : location.staging, stamping: isOutput)
                }
            }
            (tree, output) = (try scans[0].get(), try scans[1].get())
        }
        for name in records { tree.inodes[name] = nil }
        // The same folders too: an empty one made by hand holds no inode to differ by, and would come back from the
        // standby a build after the exchange took it away.
        let inStep = output.inodes == tree.inodes && output.folders == tree.folders && output.newestChange <= (state?.sealed ?? Int64.min)
        tree.files.subtract([OutputWriter.marker] + records)
        output.files.remove(OutputWriter.marker)
        return Opened(tree: tree, previous: inStep ? state : nil, output: inStep ? nil : output, searchTokens: searchTokens)
    }

    /// Checks, beside each other, that nothing in the output and nothing in the standby changed since `state` was
    /// sealed: every folder of the state's site (and the output's top folder) with its modification and
    /// status-change times no later than the seal (a file added, removed or replaced in a folder moves them, and
    /// so does setting them back), each of the state's files in the output with its status-change time no later
    /// either (a file written in place moves it), and the standby's top level holding exactly the site's names and
    /// the marker, each file the output's inode (the top folder's own times move when the standby is renamed and
    /// its records removed). A file written in place is one inode with the output's, whose change time is checked.
    /// The output is read with a `stat` per file and folder, not listed. When all of it holds, the standby's
    /// listing is the state's paths with the output's inodes: `standby`; otherwise nil, with the output's listing
    /// for the full comparison when the output itself is not as sealed.
    static func openFromState(_ state: BuildState, _ location: OutputLocation) throws(BuildError) -> (standby: OutputTree?, output: OutputTree?) {
        var files: Set<String> = []
        files.reserveCapacity(state.fileCount)
        for paths in state.outputs.values { files.formUnion(paths) }
        var folders: Set<String> = []
        // Most pages are a folder's index: about as many folders as files, at most.
        folders.reserveCapacity(files.count)
        for path in files { OutputWriter.insertAncestors(of: path, into: &folders) }
        let sealedFolders = folders
        let standbyUnchanged = Background { unchanged(sealedFolders, in: location.staging, since: state.sealed) }
        let outputFolders = Background { unchanged(sealedFolders.union(["."]), in: location.output, since: state.sealed) }
        // The marker's inode too: the standby's must be the same file.
        guard let inodes = inodes(of: Array(files) + [OutputWriter.marker], in: location.output, since: state.sealed), outputFolders.value else {
            _ = standbyUnchanged.value
            return (nil, try OutputTree(scanning: location.output, stamping: true, expected: files.count))
        }
        guard standbyUnchanged.value, topLevel(of: location.staging, matches: files, folders: folders, inodes: inodes) else {
            return (nil, nil)
        }
        var tree = OutputTree()
        tree.files = files
        tree.folders = folders
        tree.inodes = inodes
        return (tree, nil)
    }

    /// The inode of each of `files` (paths under `root`) when every one is there, is not a folder, and has a
    /// status-change time no later than `sealed`; nil otherwise. Read on every core.
    private static func inodes(of files: [String], in root: String, since sealed: Int64) -> [String: UInt64]? {
        let descriptor = folderDescriptor(root)
        guard descriptor >= 0 else { return nil }
        defer { close(descriptor) }
        let found = Parallel.map(files) { path -> UInt64? in
            var info = stat()
            guard fstatat(descriptor, path, &info, AT_SYMLINK_NOFOLLOW) == 0, (info.st_mode & S_IFMT) != S_IFDIR,
                  times(of: info).changed <= sealed else { return nil }
            return UInt64(info.st_ino)
        }
        var inodes: [String: UInt64] = [:]
        inodes.reserveCapacity(files.count)
        for (path, inode) in zip(files, found) {
            guard let inode else { return nil }
            inodes[path] = inode
        }
        return inodes
    }

    /// A descriptor of the folder at `path` (negative when it cannot be opened), for reading paths below it.
    private static func folderDescriptor(_ path: String) -> Int32 {
        #if canImport(Glibc)
        Glibc.open(path, O_RDONLY | O_DIRECTORY | O_CLOEXEC)
        #else
        Darwin.open(path, O_RDONLY | O_DIRECTORY | O_CLOEXEC)
        #endif
    }

    /// A file's modification and status-change times, in nanoseconds since 1970.
    private static func times(of info: stat) -> (modified: Int64, changed: Int64) {
        #if canImport(Darwin)
        (Int64(info.st_mtimespec.tv_sec) * 1_000_000_000 + Int64(info.st_mtimespec.tv_nsec),
         Int64(info.st_ctimespec.tv_sec) * 1_000_000_000 + Int64(info.st_ctimespec.tv_nsec))
        #else
        (Int64(info.st_mtim.tv_sec) * 1_000_000_000 + Int64(info.st_mtim.tv_nsec),
         Int64(info.st_ctim.tv_sec) * 1_000_000_000 + Int64(info.st_ctim.tv_nsec))
        #endif
    }

    /// True when every one of `folders` (paths under `root`) is a folder whose modification and status-change
    /// times are no later than `sealed`.
    private static func unchanged(_ folders: Set<String>, in root: String, since sealed: Int64) -> Bool {
        let descriptor = folderDescriptor(root)
        guard descriptor >= 0 else { return false }
        defer { close(descriptor) }
        for folder in folders {
            var info = stat()
            guard fstatat(descriptor, folder, &info, AT_SYMLINK_NOFOLLOW) == 0, (info.st_mode & S_IFMT) == S_IFDIR else { return false }
            let (modified, changed) = times(of: info)
            guard modified <= sealed && changed <= sealed else { return false }
        }
        return true
    }

    /// True when `root` holds exactly the first parts of `files`' paths and the marker, and each of its files is
    /// the inode `inodes` gives for its name; `folders` are the folders above `files`, whose first parts are theirs.
    private static func topLevel(of root: String, matches files: Set<String>, folders: Set<String>, inodes: [String: UInt64]) -> Bool {
        var expected: Set<String> = [OutputWriter.marker]
        for path in files where !path.utf8.contains(UInt8(ascii: "/")) { expected.insert(path) }
        for path in folders where !path.utf8.contains(UInt8(ascii: "/")) { expected.insert(path) }
        guard let handle = opendir(root) else { return false }
        defer { closedir(handle) }
        var seen: Set<String> = []
        while let entry = readdir(handle) {
            let name = withUnsafeBytes(of: entry.pointee.d_name) { raw in String(cString: raw.bindMemory(to: CChar.self).baseAddress!) }
            if name == "." || name == ".." { continue }
            guard expected.contains(name) else { return false }
            seen.insert(name)
            if files.contains(name) || name == OutputWriter.marker {
                guard Int32(entry.pointee.d_type) != Int32(DT_DIR), inodes[name] == UInt64(entry.pointee.d_ino) else { return false }
            } else if Int32(entry.pointee.d_type) != Int32(DT_DIR) && Int32(entry.pointee.d_type) != Int32(DT_UNKNOWN) {
                return false
            }
        }
        return seen == expected
    }

    /// Removes a standby the build cannot use (no output to replace, or a change in place).
    static func discard(_ location: OutputLocation) {
        OutputWriter.removeIfOurs(location.standby)
    }

    /// True when `path` is a folder with the marker, as every folder this tool makes is.
    static func isOurs(_ path: String) -> Bool {
        FileSystem.kind(path) == .directory && FileSystem.kind(path + "/" + OutputWriter.marker) == .file
    }

    /// What turns the previous output, beside the new one after the exchange, into a copy of it.
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

        /// The changes from `previous` (what the old output holds) to the new site's `files` and `folders`, of
        /// which the build wrote `written`, the others standing as `standby` had them: a file is linked again
        /// when it was written, or when the old output's inode for it is not the standby's (the two differ
        /// only when the output was changed by hand).
        init(from previous: OutputTree, to files: Set<String>, folders: Set<String>, written: [String], standby: OutputTree) {
            let wrote = Set(written)
            self.written = files.filter { wrote.contains($0) || previous.inodes[$0] == nil || previous.inodes[$0] != standby.inodes[$0] }.sorted()
            removed = previous.files.subtracting(files).sorted()
            removedFolders = OutputTree.deepestFirst(previous.folders.subtracting(folders))
            madeFolders = Self.made(folders, previous: previous.folders, removed: removedFolders)
            oldFolders = previous.folders
        }

        /// The changes when the old output is the standby itself (the usual rebuild): every file the build did not
        /// write is one the standby has, with the same inode, so the files to link are those written; what was
        /// removed is what the commit found already.
        init(fromStandby standby: OutputTree, folders: Set<String>, written: [String], removed: [String], removedFolders: [String]) {
            self.written = written.sorted()
            self.removed = removed
            self.removedFolders = removedFolders
            madeFolders = Self.made(folders, previous: standby.folders, removed: removedFolders)
            oldFolders = standby.folders
        }

        /// The folders of `folders` that `previous` did not have, shallowest first: none when no folder was removed and
        /// there are as many (then the two are the same), without comparing them one by one.
        static func made(_ folders: Set<String>, previous: Set<String>, removed: [String]) -> [String] {
            removed.isEmpty && folders.count == previous.count ? [] : OutputTree.shallowestFirst(folders.subtracting(previous))
        }
    }

    /// Turns the previous site at `retired` (the staging folder's name, after the exchange) into a copy of the
    /// output by applying `changes`, has `record` write the standby's own files into it (what the site was made
    /// from: `record(state:searchTokens:in:)`), and renames it to the standby name. On any failure the copy is removed
    /// instead, which costs time but never correctness. `halfway` runs between the removals and the links (the
    /// tests kill a build there).
    static func keep(_ retired: String, changes: Changes, record: ((String) -> Bool)?, at location: OutputLocation, halfway: () -> Void = {}) {
        let output = location.output
        // The old site keeps the mode the output had (read-only, perhaps): the copy is the tool's, and must be written.
        OutputWriter.makeWritable(retired)
        let newFolders = Set(changes.madeFolders)
        let written = Set(changes.written)
        // A removed file whose path is now a folder, or a removed folder whose path is now a file, is dealt with
        // when that folder is made or that file linked.
        // The copy must hold exactly the new site once sealed (a rebuild may take its listing from the state,
        // `openFromState`): a file or folder that would not go makes it no copy.
        let kept = Parallel.map(changes.removed.filter { !newFolders.contains($0) }) { path -> Bool in
            let code = FileWriter.removeMakingRoom(retired + "/" + path)
            return code != 0 && code != ENOENT
        }
        guard !kept.contains(true) else { return abandon(retired) }
        for folder in changes.removedFolders where !written.contains(folder) {
            let code = FileWriter.removeMakingRoom(retired + "/" + folder, isFolder: true)
            if code != 0 && code != ENOENT { return abandon(retired) }
        }
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
        for name in records { unlink(retired + "/" + name) }
        guard !failed.contains(true), sameMarker(retired, output) || linkMarker(from: output, into: retired) else { return abandon(retired) }
        if let record, !record(retired) { return abandon(retired) }
        guard rename(retired, location.standby) == 0 else { return abandon(retired) }
    }

    /// True when both folders' markers are one file.
    private static func sameMarker(_ a: String, _ b: String) -> Bool {
        var first = stat(), second = stat()
        return lstat(a + "/" + OutputWriter.marker, &first) == 0 && lstat(b + "/" + OutputWriter.marker, &second) == 0
            && first.st_ino == second.st_ino && first.st_dev == second.st_dev
    }

    /// Removes from the staging folder, when it started as the standby, what the new site (`files`, `folders`) no
    /// longer has. A file whose path is now a folder, or a folder whose path is now a file, was cleared when its
    /// successor was staged.
    static func prune(_ location: OutputLocation, removed: [String], removedFolders: [String],
                      files: Set<String>, folders: Set<String>) throws(BuildError) {
        let staging = location.staging
        let failed = Parallel.map(removed.filter { !folders.contains($0) }) { path -> BuildError? in
            // ENOTDIR: a folder that held it is now a file of the new site, so it went with that folder. A folder made
            // read-only by hand is made writable first.
            let code = FileWriter.removeMakingRoom(staging + "/" + path)
            return code == 0 || code == ENOENT || code == ENOTDIR ? nil : BuildError(reason: .system(path: staging + "/" + path, code: code), path: location.output)
        }
        if let failure = failed.lazy.compactMap({ $0 }).first { throw failure }
        for folder in removedFolders where !files.contains(folder) {
            let code = FileWriter.removeMakingRoom(staging + "/" + folder, isFolder: true)
            if code != 0 && code != ENOENT {
                throw BuildError(reason: .system(path: staging + "/" + folder, code: code), path: location.output)
            }
        }
    }

    /// Makes `folder`'s marker the one in `source`, so both keep one inode and time: a link renamed over it, so
    /// the folder always has one.
    static func linkMarker(from source: String, into folder: String) -> Bool {
        let marker = folder + "/" + OutputWriter.marker, link = marker + ".link"
        unlink(link)
        let placed = linkat(AT_FDCWD, source + "/" + OutputWriter.marker, AT_FDCWD, link, 0) == 0 && rename(link, marker) == 0
        // Renaming one name of a file over another of the same file leaves both: the link goes either way.
        unlink(link)
        return placed
    }

    /// Removes a copy that could not be made whole.
    private static func abandon(_ retired: String) {
        OutputWriter.removeIfOurs(retired)
    }
}
