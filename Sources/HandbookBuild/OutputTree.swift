import HandbookModel
#if canImport(Glibc)
import Glibc
#elseif canImport(Darwin)
import Darwin
#endif

/// The files and folders of an existing output directory, by path relative to it, read with POSIX calls.
///
/// Symbolic links are listed as files and never followed, so nothing outside the output is ever compared or
/// removed through one.
struct OutputTree {
    /// Everything that is not a folder: regular files, links and the rest.
    var files: Set<String> = []
    /// Every folder below the root.
    var folders: Set<String> = []
    /// The inode of every file, as the folder lists it: two trees whose files have the same inodes share them.
    var inodes: [String: UInt64] = [:]
    /// With `stamping`, the latest status-change time of any file, in nanoseconds since 1970: a file written
    /// in place (which keeps its inode) moves it.
    var newestChange: Int64 = 0

    /// Folders in the order they can be removed: deepest first.
    static func deepestFirst(_ folders: some Collection<String>) -> [String] {
        folders.sorted { ($0.split(separator: "/").count, $0) > ($1.split(separator: "/").count, $1) }
    }

    /// Folders in the order they can be made: parents first.
    static func shallowestFirst(_ folders: some Collection<String>) -> [String] {
        folders.sorted { $0.count < $1.count }
    }

    /// No files and no folders: a first build's old output.
    init() {}

    /// Leaves out the folder `folder` (a path at the top) and everything in it.
    mutating func remove(under folder: String) {
        guard folders.remove(folder) != nil else { return }
        let inside = folder + "/"
        files = files.filter { !$0.hasPrefix(inside) }
        folders = folders.filter { !$0.hasPrefix(inside) }
        for path in inodes.keys where path.hasPrefix(inside) { inodes[path] = nil }
    }

    /// Walks `root`, a level of folders at a time, the folders of a level listed on every core; `expected` is about
    /// how many files it holds, when known (its tables are made that size at once).
    init(scanning root: String, stamping: Bool = false, expected: Int = 0) throws(BuildError) {
        files.reserveCapacity(expected)
        inodes.reserveCapacity(expected)
        // Folders are opened relative to the root's descriptor: the kernel walks only the path inside the output.
        let rootDescriptor = open(root, O_RDONLY | O_DIRECTORY | O_CLOEXEC)
        guard rootDescriptor >= 0 else { throw BuildError(reason: .system(path: root, code: errno), path: root) }
        defer { close(rootDescriptor) }
        var frontier = [""]
        while !frontier.isEmpty {
            let listed = Parallel.map(frontier) { relative in Self.list(root, rootDescriptor, relative, stamping: stamping) }
            frontier = []
            for entries in listed {
                switch entries {
                case .failure(let error):
                    throw error
                case .success(let (names, subfolders, newest)):
                    newestChange = max(newestChange, newest)
                    for (name, inode) in names {
                        files.insert(name)
                        inodes[name] = inode
                    }
                    folders.formUnion(subfolders)
                    frontier += subfolders
                }
            }
        }
    }

    /// The files and the folders directly in `relative` (a path under `root`, or empty for the root itself).
    private static func list(_ root: String, _ rootDescriptor: Int32, _ relative: String, stamping: Bool)
        -> Result<(files: [(String, UInt64)], folders: [String], newest: Int64), BuildError> {
        let directory = relative.isEmpty ? root : root + "/" + relative
        let descriptor = openat(rootDescriptor, relative.isEmpty ? "." : relative, O_RDONLY | O_DIRECTORY | O_NOFOLLOW | O_CLOEXEC)
        guard descriptor >= 0, let handle = fdopendir(descriptor) else {
            let code = errno
            if descriptor >= 0 { close(descriptor) }
            return .failure(BuildError(reason: .system(path: directory, code: code), path: directory))
        }
        defer { closedir(handle) }
        var files: [(String, UInt64)] = [], folders: [String] = []
        var newest: Int64 = 0
        while let entry = readdir(handle) {
            let name = withUnsafeBytes(of: entry.pointee.d_name) { raw in
                String(validatingCString: raw.bindMemory(to: CChar.self).baseAddress!)
            }
            guard let name else {
                // Made a String, such a name would be another name: every later step would name a file that is not there.
                let shown = withUnsafeBytes(of: entry.pointee.d_name) { raw in String(cString: raw.bindMemory(to: CChar.self).baseAddress!) }
                return .failure(BuildError(reason: .nameNotUTF8(directory + "/" + shown), path: root))
            }
            if name == "." || name == ".." { continue }
            let path = relative.isEmpty ? name : relative + "/" + name
            var isFolder = Int32(entry.pointee.d_type) == Int32(DT_DIR)
            if Int32(entry.pointee.d_type) == Int32(DT_UNKNOWN) {
                // Some file systems do not fill d_type; fstatat answers without following a link.
                var info = stat()
                isFolder = fstatat(dirfd(handle), name, &info, AT_SYMLINK_NOFOLLOW) == 0 && (info.st_mode & S_IFMT) == S_IFDIR
            }
            if isFolder {
                folders.append(path)
                continue
            }
            files.append((path, UInt64(entry.pointee.d_ino)))
            if stamping {
                var info = stat()
                if fstatat(dirfd(handle), name, &info, AT_SYMLINK_NOFOLLOW) == 0 {
                    #if canImport(Darwin)
                    let changed = Int64(info.st_ctimespec.tv_sec) * 1_000_000_000 + Int64(info.st_ctimespec.tv_nsec)
                    #else
                    let changed = Int64(info.st_ctim.tv_sec) * 1_000_000_000 + Int64(info.st_ctim.tv_nsec)
                    #endif
                    newest = max(newest, changed)
                }
            }
        }
        return .success((files, folders, newest))
    }
}
