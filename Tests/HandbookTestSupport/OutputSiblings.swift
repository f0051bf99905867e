import Foundation

/// What a build leaves beside its output folder: the standby copy (`.<name>.standby`) is expected, and must be a
/// second name for every file of the output, and so are the records of the content (`.<name>.checked`); anything
/// else is a leftover.
public enum OutputSiblings {
    /// The names in `directory` other than the output's standby and the records of its content (`.<name>.checked`), sorted.
    public static func leftovers(in directory: String, output name: String = "site", ignoring: Set<String> = []) -> [String] {
        ((try? FileManager.default.contentsOfDirectory(atPath: directory)) ?? [])
            .filter { $0 != "." + name + ".standby" && $0 != "." + name + ".checked" && !ignoring.contains($0) }.sorted()
    }

    /// The file in the standby that says what its site was made from (`BuildState.fileName`).
    public static let stateName = ".handbook-output-state"
    /// The file in the standby that keeps the last build's search tokens (`Standby.searchFileName`).
    public static let searchName = ".handbook-output-search"

    /// True when there is no standby beside `output`, or when it holds exactly the output's files and folders, each
    /// file the same inode as the output's (and the build's state and search tokens besides).
    public static func standbyIsACopy(of output: String) -> Bool {
        let url = URL(fileURLWithPath: output)
        let standby = url.deletingLastPathComponent().appendingPathComponent("." + url.lastPathComponent + ".standby").path
        guard FileManager.default.fileExists(atPath: standby) else { return true }
        var copy = inodes(standby)
        copy[stateName] = nil
        copy[searchName] = nil
        return copy == inodes(output)
    }

    /// Every path below `root` with its inode (0 for a folder).
    static func inodes(_ root: String) -> [String: UInt64] {
        var result: [String: UInt64] = [:]
        guard let walker = FileManager.default.enumerator(atPath: root) else { return result }
        while let path = walker.nextObject() as? String {
            var info = stat()
            guard lstat(root + "/" + path, &info) == 0 else { continue }
            result[path] = (info.st_mode & S_IFMT) == S_IFDIR ? 0 : UInt64(info.st_ino)
        }
        return result
    }
}
