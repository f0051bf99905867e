#if canImport(Glibc)
import Glibc
#elseif canImport(Darwin)
import Darwin
#endif

/// Writes a file's bytes with POSIX calls, which cost less per file than Foundation's. The build's output
/// (through `OutputWriter`, which also makes the folders and swaps them in) and `handbook new` write through it.
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
#elseif canImport(Darwin)
private let systemWrite = Darwin.write
#endif
