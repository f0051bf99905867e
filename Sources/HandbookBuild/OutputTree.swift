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

    /// Walks `root`.
    init(scanning root: String) throws(BuildError) {
        try walk(root, relative: "")
    }

    private mutating func walk(_ directory: String, relative: String) throws(BuildError) {
        guard let handle = opendir(directory) else { throw BuildError(reason: .system(path: directory, code: errno), path: directory) }
        defer { closedir(handle) }
        var subfolders: [String] = []
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
            if isFolder {
                folders.insert(path)
                subfolders.append(name)
            } else {
                files.insert(path)
            }
        }
        for name in subfolders {
            try walk(directory + "/" + name, relative: relative.isEmpty ? name : relative + "/" + name)
        }
    }
}
