#if canImport(Glibc)
import Glibc
#elseif canImport(Darwin)
import Darwin
#endif

/// Reads, writes and removes files with POSIX calls, which cost less per file than Foundation's. The build's
/// output (through `OutputWriter`, which decides what to write and commits it) and `handbook new` go through it.
public enum FileWriter {
    /// Why a write failed.
    public struct Failure: Error, Hashable, Sendable, CustomStringConvertible {
        /// What went wrong.
        public enum Reason: Hashable, Sendable {
            /// The file exists and the caller asked never to overwrite.
            case exists
            /// A system call failed.
            case system(code: Int32)
        }

        /// What went wrong.
        public var reason: Reason
        /// The path concerned.
        public var path: String

        /// The message shown to the user.
        public var description: String {
            switch reason {
            case .exists:
                return "\(path) already exists; the tool never overwrites an entry: pick another name or edit the file"
            case .system(let code):
                return "\(path): \(String(cString: strerror(code)))"
            }
        }
    }

    /// Creates `path` with `contents`, failing if it exists (O_EXCL), and creates missing parent folders.
    public static func createNew(_ path: String, contents: String) throws(Failure) {
        try makeDirectories(parentOf: path)
        let fd = open(path, O_WRONLY | O_CREAT | O_EXCL, 0o644)
        guard fd >= 0 else {
            throw Failure(reason: errno == EEXIST ? .exists : .system(code: errno), path: path)
        }
        defer { close(fd) }
        try writeAll(fd, Array(contents.utf8), path: path)
    }

    /// Writes every byte to an open file, retrying short writes and interruptions.
    static func writeAll(_ fd: Int32, _ bytes: [UInt8], path: String) throws(Failure) {
        var written = 0
        while written < bytes.count {
            let count = bytes.withUnsafeBytes { buffer in
                systemWrite(fd, buffer.baseAddress! + written, bytes.count - written)
            }
            if count < 0 {
                if errno == EINTR { continue }
                throw Failure(reason: .system(code: errno), path: path)
            }
            written += count
        }
    }

    /// Creates or truncates `path` and writes `bytes`; with `sync`, waits until they are on the disk.
    static func replace(_ path: String, _ bytes: [UInt8], sync: Bool = false) throws(Failure) {
        let fd = open(path, O_WRONLY | O_CREAT | O_TRUNC | O_CLOEXEC, 0o644)
        guard fd >= 0 else { throw Failure(reason: .system(code: errno), path: path) }
        defer { close(fd) }
        try writeAll(fd, bytes, path: path)
        if sync && fsync(fd) != 0 { throw Failure(reason: .system(code: errno), path: path) }
    }

    /// Creates or truncates `path`, relative to the open folder `directory`, and writes `bytes`; `folder` names the
    /// folder in a failure's path.
    static func replace(_ path: String, in directory: Int32, _ bytes: [UInt8], naming folder: String) throws(Failure) {
        let fd = openat(directory, path, O_WRONLY | O_CREAT | O_TRUNC | O_CLOEXEC, 0o644)
        guard fd >= 0 else { throw Failure(reason: .system(code: errno), path: folder + "/" + path) }
        defer { close(fd) }
        try writeAll(fd, bytes, path: folder + "/" + path)
    }

    /// True when `path` is a regular file holding exactly `bytes`: the size is compared first, so most changed
    /// files cost an `open` and an `fstat`, and only a file of the same size is read. A link is never followed,
    /// and O_NONBLOCK keeps a FIFO left in the output from blocking the open.
    static func holds(_ path: String, _ bytes: [UInt8]) -> Bool {
        let fd = open(path, O_RDONLY | O_NOFOLLOW | O_NONBLOCK | O_CLOEXEC)
        guard fd >= 0 else { return false }
        defer { close(fd) }
        var info = stat()
        guard fstat(fd, &info) == 0, (info.st_mode & S_IFMT) == S_IFREG, Int(info.st_size) == bytes.count else { return false }
        // One byte more than expected is asked for, so a file that grew since fstat does not pass as equal.
        let capacity = bytes.count + 1
        let buffer = UnsafeMutableRawPointer.allocate(byteCount: capacity, alignment: 16)
        defer { buffer.deallocate() }
        var filled = 0
        while filled < capacity {
            let count = systemRead(fd, buffer + filled, capacity - filled)
            if count < 0 {
                if errno == EINTR { continue }
                return false
            }
            if count == 0 { break }
            filled += count
        }
        guard filled == bytes.count else { return false }
        return bytes.withUnsafeBytes { expected in
            filled == 0 || memcmp(expected.baseAddress!, buffer, filled) == 0
        }
    }

    /// Creates a folder; one that already exists is fine.
    static func makeDirectory(_ path: String) throws(Failure) {
        if mkdir(path, 0o755) != 0 && errno != EEXIST { throw Failure(reason: .system(code: errno), path: path) }
    }

    /// Makes the folder `path`, relative to the open folder `directory`, unless it exists; `folder` names the
    /// folder in a failure's path.
    static func makeDirectory(_ path: String, in directory: Int32, naming folder: String) throws(Failure) {
        if mkdirat(directory, path, 0o755) != 0 && errno != EEXIST { throw Failure(reason: .system(code: errno), path: folder + "/" + path) }
    }

    /// Removes a file, or a folder and everything in it, without following links.
    @discardableResult
    static func removeTree(_ path: String) -> Bool {
        var info = stat()
        guard lstat(path, &info) == 0 else { return errno == ENOENT }
        guard (info.st_mode & S_IFMT) == S_IFDIR else { return unlink(path) == 0 || errno == ENOENT }
        var descriptor = open(path, O_RDONLY | O_DIRECTORY | O_NOFOLLOW | O_CLOEXEC)
        if descriptor < 0 && errno == EACCES {
            // A folder made unreadable by hand: the tool's to remove all the same.
            chmod(path, (info.st_mode & 0o7777) | 0o700)
            descriptor = open(path, O_RDONLY | O_DIRECTORY | O_NOFOLLOW | O_CLOEXEC)
        }
        guard descriptor >= 0 else { return false }
        removeContents(of: descriptor)
        close(descriptor)
        let code = removeMakingRoom(path, isFolder: true)
        return code == 0 || code == ENOENT
    }

    /// Removes a file (or, `isFolder`, an empty folder), making the folder holding it writable first when it was made
    /// read-only by hand (`chmod 555`): the folder is the tool's (in its output or beside it), and what is removed from
    /// it is the tool's to remove. Returns `errno`, or 0.
    static func removeMakingRoom(_ path: String, isFolder: Bool = false) -> Int32 {
        func remove() -> Int32 { (isFolder ? rmdir(path) : unlink(path)) == 0 ? 0 : errno }
        let code = remove()
        guard code == EACCES, makeParentWritable(of: path) else { return code }
        return remove()
    }

    /// Gives the owner write and search permission on the folder holding `path`; true when it has them now (another
    /// thread removing from the same folder may have given them since this one was refused: the removal is tried again).
    private static func makeParentWritable(of path: String) -> Bool {
        guard let slash = path.lastIndex(of: "/") else { return false }
        let parent = slash == path.startIndex ? "/" : String(path[..<slash])
        var info = stat()
        guard stat(parent, &info) == 0 else { return false }
        return info.st_mode & 0o300 == 0o300 || chmod(parent, (info.st_mode & 0o7777) | 0o700) == 0
    }

    /// Removes everything in the open folder `descriptor`, each entry by its name's bytes as the folder lists it:
    /// a name that is not UTF-8 (put there by hand) would not survive being made a String and back.
    private static func removeContents(of descriptor: Int32) {
        // A folder made read-only by hand (`chmod 555`): its entries can go only once it is writable.
        var info = stat()
        if fstat(descriptor, &info) == 0 && info.st_mode & 0o300 != 0o300 { fchmod(descriptor, (info.st_mode & 0o7777) | 0o700) }
        let listing = dup(descriptor)
        guard listing >= 0, let handle = fdopendir(listing) else {
            if listing >= 0 { close(listing) }
            return
        }
        var names: [[CChar]] = []
        while let entry = readdir(handle) {
            let name = withUnsafeBytes(of: entry.pointee.d_name) { raw in
                Array(raw.bindMemory(to: CChar.self).prefix { $0 != 0 }) + [0]
            }
            if name != [46, 0] && name != [46, 46, 0] { names.append(name) }
        }
        closedir(handle)
        for name in names where unlinkat(descriptor, name, 0) != 0 && (errno == EISDIR || errno == EPERM) {
            var child = openat(descriptor, name, O_RDONLY | O_DIRECTORY | O_NOFOLLOW | O_CLOEXEC)
            if child < 0 && errno == EACCES {
                // Unreadable: a folder (unlinking it said so, and a link would have gone), made readable to be emptied.
                fchmodat(descriptor, name, 0o700, 0)
                child = openat(descriptor, name, O_RDONLY | O_DIRECTORY | O_NOFOLLOW | O_CLOEXEC)
            }
            guard child >= 0 else { continue }
            removeContents(of: child)
            close(child)
            unlinkat(descriptor, name, AT_REMOVEDIR)
        }
    }

    /// Flushes a folder's entries (names created or renamed in it) to the disk.
    static func syncDirectory(_ path: String) throws(Failure) {
        let fd = open(path, O_RDONLY | O_DIRECTORY | O_CLOEXEC)
        guard fd >= 0 else { throw Failure(reason: .system(code: errno), path: path) }
        defer { close(fd) }
        if fsync(fd) != 0 { throw Failure(reason: .system(code: errno), path: path) }
    }

    static func makeDirectories(parentOf path: String) throws(Failure) {
        guard let slash = path.lastIndex(of: "/") else { return }
        let parent = String(path[..<slash])
        guard !parent.isEmpty else { return }
        var info = stat()
        if stat(parent, &info) == 0 { return }
        try makeDirectories(parentOf: parent)
        if mkdir(parent, 0o755) != 0 && errno != EEXIST {
            throw Failure(reason: .system(code: errno), path: parent)
        }
    }
}

#if canImport(Glibc)
private let systemWrite = Glibc.write
private let systemRead = Glibc.read
#elseif canImport(Darwin)
private let systemWrite = Darwin.write
private let systemRead = Darwin.read
#endif
