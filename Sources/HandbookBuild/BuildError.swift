#if canImport(Glibc)
import Glibc
#elseif canImport(Darwin)
import Darwin
#endif

/// A build that cannot write its output (the content itself is fine, or was never reached).
public struct BuildError: Error, Hashable, Sendable, CustomStringConvertible {
    /// What went wrong.
    public enum Reason: Hashable, Sendable {
        /// The output directory is the content or theme directory.
        case outputIsSource(String)
        /// The output directory contains the content or theme directory, or sits inside the content.
        case outputOverlapsSource(String)
        /// The output directory exists, is not empty and was not made by this tool.
        case outputNotOurs
        /// The output path is a file.
        case outputIsFile
        /// A system call failed.
        case system(path: String, code: Int32)
    }

    /// What went wrong.
    public var reason: Reason
    /// The output path concerned.
    public var path: String

    /// The message shown to the user.
    public var description: String {
        switch reason {
        case .outputIsSource(let what):
            return "\(path): the output directory is the \(what) directory; pass another --output"
        case .outputOverlapsSource(let what):
            return "\(path): the output directory overlaps the \(what) directory; pass an --output outside it"
        case .outputNotOurs:
            return "\(path): the directory is not empty and was not made by handbook (it has no \(OutputWriter.marker)); the build replaces its output entirely, so pass an empty or new --output"
        case .outputIsFile:
            return "\(path): is a file, not a directory; pass another --output"
        case .system(let file, let code):
            return "\(file): \(String(cString: strerror(code)))"
        }
    }
}
