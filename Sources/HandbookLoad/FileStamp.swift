#if canImport(Glibc)
import Glibc
#elseif canImport(Darwin)
import Darwin
#endif

/// What `stat` says about a file that changes when its bytes do: size, modification time to the nanosecond,
/// inode and change time. Two equal stamps mean the file need not be read again (a save replaces the
/// inode or moves the times; editors that write in place still move the modification time).
public struct FileStamp: Hashable, Sendable {
    /// The size in bytes.
    public var size: Int64
    /// The modification time, in nanoseconds since 1970.
    public var modified: Int64
    /// The status change time, in nanoseconds since 1970 (moves on rename and on `touch`).
    public var changed: Int64
    /// The inode number (a save through a new file and a rename gives a new one).
    public var inode: UInt64

    /// A stamp from its parts (as read back from a record of a previous run).
    public init(size: Int64, modified: Int64, changed: Int64, inode: UInt64) {
        self.size = size
        self.modified = modified
        self.changed = changed
        self.inode = inode
    }

    /// The stamp of the file a path leads to (links followed), or nil when it cannot be read.
    public init?(path: String) {
        var info = stat()
        guard stat(path, &info) == 0 else { return nil }
        size = Int64(info.st_size)
        inode = UInt64(info.st_ino)
        #if canImport(Darwin)
        modified = Int64(info.st_mtimespec.tv_sec) * 1_000_000_000 + Int64(info.st_mtimespec.tv_nsec)
        changed = Int64(info.st_ctimespec.tv_sec) * 1_000_000_000 + Int64(info.st_ctimespec.tv_nsec)
        #else
        modified = Int64(info.st_mtim.tv_sec) * 1_000_000_000 + Int64(info.st_mtim.tv_nsec)
        changed = Int64(info.st_ctim.tv_sec) * 1_000_000_000 + Int64(info.st_ctim.tv_nsec)
        #endif
    }

    /// The modification time in whole seconds, as change dates are kept: `stat`'s seconds (rounded down, before
    /// 1970 too).
    public var modifiedSeconds: Int64 {
        let (seconds, rest) = modified.quotientAndRemainder(dividingBy: 1_000_000_000)
        return rest < 0 ? seconds - 1 : seconds
    }
}
