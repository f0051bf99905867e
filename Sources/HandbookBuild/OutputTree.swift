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

    /// No files and no folders: a first build's old output.
    init() {}

    /// Walks `root`, a level of folders at a time, the folders of a level listed on every core.
    init(scanning root: String) throws(BuildError) {
        var frontier = [""]
        while !frontier.isEmpty {
            let listed = Parallel.map(frontier) { relative in Self.list(root, relative) }
            frontier = []
            for entries in listed {
                switch entries {
                case .failure(let error):
                    throw error
                case .success(let (names, subfolders)):
                    files.formUnion(names)
                    folders.formUnion(subfolders)
                    frontier += subfolders
                }
            }
        }
    }

    /// The files and the folders directly in `relative` (a path under `root`, or empty for the root itself).
    private static func list(_ root: String, _ relative: String) -> Result<(files: [String], folders: [String]), BuildError> {
        let directory = relative.isEmpty ? root : root + "/" + relative
        guard let handle = opendir(directory) else { return .failure(BuildError(reason: .system(path: directory, code: errno), path: directory)) }
        defer { closedir(handle) }
        var files: [String] = [], folders: [String] = []
        while let entry = readdir(handle) {
            let name = withUnsafeBytes(of: entry.pointee.d_name) { raw in
                String(cString: raw.bindMemory(to: CChar.self).baseAddress!)
            }
            if name == "." || name == ".." { continue }
            let path = relative.isEmpty ? name : relative + "/" + name
            var isFolder = Int32(entry.pointee.d_type) == Int32(DT_DIR)
            if Int32(entry.pointee.d_type) == Int32(DT_UNKNOWN) {
                // Some file systems do not fill d_type; lstat answers without following a link.
                var info = stat()
                isFolder = lstat(directory + "/" + name, &info) == 0 && (info.st_mode & S_IFMT) == S_IFDIR
            }
            if isFolder { folders.append(path) } else { files.append(path) }
        }
        return .success((files, folders))
    }
}
