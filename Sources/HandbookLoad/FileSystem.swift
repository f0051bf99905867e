#if canImport(Glibc)
import Glibc
#elseif canImport(Darwin)
import Darwin
#endif

/// The few POSIX calls the loader needs: on a tree of thousands of small files they cost several times
/// less than Foundation's `FileManager` and `Data(contentsOf:)`, which allocate and bridge per call.
public enum FileSystem {
    /// What a path is, without following a final symbolic link.
    public enum Kind: Sendable {
        case file, directory, symbolicLink, other, missing
    }

    /// The kind of the item at `path` (lstat).
    public static func kind(_ path: String) -> Kind {
        var info = stat()
        guard lstat(path, &info) == 0 else { return .missing }
        switch info.st_mode & S_IFMT {
        case S_IFREG: return .file
        case S_IFDIR: return .directory
        case S_IFLNK: return .symbolicLink
        default: return .other
        }
    }

    /// The kind of the item a path leads to, following links (stat).
    public static func targetKind(_ path: String) -> Kind {
        var info = stat()
        guard stat(path, &info) == 0 else { return .missing }
        switch info.st_mode & S_IFMT {
        case S_IFREG: return .file
        case S_IFDIR: return .directory
        default: return .other
        }
    }

    /// True when following the links of `path` never ends (`a` → `b` → `a`, or a link to itself).
    public static func isLinkLoop(_ path: String) -> Bool {
        var info = stat()
        return stat(path, &info) != 0 && errno == ELOOP
    }

    /// The canonical absolute path with every link resolved, or nil.
    public static func realPath(_ path: String) -> String? {
        guard let resolved = realpath(path, nil) else { return nil }
        defer { free(resolved) }
        return String(cString: resolved)
    }

    /// True when `name`, as a listing of `folder` gave it, names nothing there because the name on the disk is not
    /// UTF-8: the listing reads such bytes as U+FFFD, and the name it makes is another one.
    public static func isMisreadName(_ name: String, in folder: String) -> Bool {
        name.unicodeScalars.contains("\u{FFFD}") && kind(folder + "/" + name) == .missing
    }

    /// The names in a directory, sorted, without `.` and `..`.
    public static func list(_ path: String) throws(LoadError) -> [String] {
        try entries(path).map(\.name)
    }

    /// The names in a directory, sorted, without `.` and `..`, each with its kind as the directory says it
    /// (`d_type`, no link followed), or nil where the file system does not say: a walk of thousands of files
    /// then needs no `lstat` per file.
    public static func entries(_ path: String) throws(LoadError) -> [(name: String, kind: Kind?)] {
        guard let dir = opendir(path) else { throw LoadError(.unreadableDirectory(code: errno), path: path) }
        defer { closedir(dir) }
        var entries: [(name: String, kind: Kind?)] = []
        while let entry = readdir(dir) {
            let name = withUnsafeBytes(of: entry.pointee.d_name) { raw in
                String(cString: raw.bindMemory(to: CChar.self).baseAddress!)
            }
            guard name != "." && name != ".." else { continue }
            let kind: Kind?
            switch Int32(entry.pointee.d_type) {
            case Int32(DT_REG): kind = .file
            case Int32(DT_DIR): kind = .directory
            case Int32(DT_LNK): kind = .symbolicLink
            case Int32(DT_UNKNOWN): kind = nil
            default: kind = .other
            }
            entries.append((name, kind))
        }
        return entries.sorted { $0.name < $1.name }
    }

    /// Reads a whole regular file into bytes. Anything else (a FIFO, a device) is refused rather than read: a
    /// FIFO swapped in after the tree walk saw a file would otherwise block the run forever.
    public static func read(_ path: String) throws(LoadError) -> [UInt8] {
        try readWithTime(path).bytes
    }

    /// Reads a whole regular file as `read(_:)` does, with its modification time in whole seconds (`stat`'s).
    public static func readWithTime(_ path: String) throws(LoadError) -> (bytes: [UInt8], modified: Int64) {
        try readWithTime(path, in: workingDirectory, path: path)
    }

    /// What `readWithTime(_:in:path:)` reads a path relative to when it is given no open folder.
    static let workingDirectory = AT_FDCWD

    /// The folder at `path`, opened to read files relative to it; nil when it cannot be. Closed with `closeFolder(_:)`.
    static func openFolder(_ path: String) -> Int32? {
        let descriptor = systemOpen(path, O_RDONLY | O_DIRECTORY | O_CLOEXEC)
        return descriptor >= 0 ? descriptor : nil
    }

    /// Closes a folder opened with `openFolder(_:)`.
    static func closeFolder(_ descriptor: Int32) {
        _ = systemClose(descriptor)
    }

    /// Reads the file `name`, relative to the open folder `directory` (or to the working directory, `AT_FDCWD`), and
    /// its modification time; `path` names it in an error. Opened relative to its folder, the kernel looks up only
    /// its name, not every folder above it again for every file.
    static func readWithTime(_ name: String, in directory: Int32, path: String) throws(LoadError) -> (bytes: [UInt8], modified: Int64) {
        // O_NONBLOCK makes opening a FIFO return at once; for a regular file it changes nothing.
        let fd = openat(directory, name, O_RDONLY | O_NONBLOCK | O_CLOEXEC)
        guard fd >= 0 else { throw LoadError(.unreadableFile(code: errno), path: path) }
        defer { close(fd) }
        var info = stat()
        guard fstat(fd, &info) == 0 else { throw LoadError(.unreadableFile(code: errno), path: path) }
        guard (info.st_mode & S_IFMT) == S_IFREG else { throw LoadError(.notAFile, path: path) }
        // Read straight into uninitialised bytes, one more than the size said: a file that fills them grew since.
        let expected = max(Int(info.st_size), 0)
        var failure: Int32 = 0
        var bytes = [UInt8](unsafeUninitializedCapacity: expected + 1) { buffer, initialized in
            initialized = 0
            while initialized < buffer.count {
                let count = systemRead(fd, buffer.baseAddress! + initialized, buffer.count - initialized)
                if count < 0 {
                    if errno == EINTR { continue }
                    failure = errno
                    return
                }
                if count == 0 { return }
                initialized += count
            }
        }
        guard failure == 0 else { throw LoadError(.unreadableFile(code: failure), path: path) }
        if bytes.count > expected {
            var block = [UInt8](repeating: 0, count: 65_536)
            while true {
                let count = block.withUnsafeMutableBytes { systemRead(fd, $0.baseAddress!, $0.count) }
                if count < 0 {
                    if errno == EINTR { continue }
                    throw LoadError(.unreadableFile(code: errno), path: path)
                }
                if count == 0 { break }
                bytes.append(contentsOf: block[..<count])
            }
        }
        #if canImport(Darwin)
        return (bytes, Int64(info.st_mtimespec.tv_sec))
        #else
        return (bytes, Int64(info.st_mtim.tv_sec))
        #endif
    }

    /// The text of an errno value.
    public static func describe(errno code: Int32) -> String {
        String(cString: strerror(code))
    }
}

#if canImport(Glibc)
private let systemRead = Glibc.read
#elseif canImport(Darwin)
private let systemRead = Darwin.read
#endif

/// The C library's `open` and `close`, under names that `FileSystem`'s own methods do not hide.
private func systemOpen(_ path: String, _ flags: Int32) -> Int32 {
    #if canImport(Glibc)
    Glibc.open(path, flags)
    #else
    Darwin.open(path, flags)
    #endif
}

private func systemClose(_ descriptor: Int32) -> Int32 {
    #if canImport(Glibc)
    Glibc.close(descriptor)
    #else
    Darwin.close(descriptor)
    #endif
}
