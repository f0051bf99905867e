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
        /// The output path is a symbolic link that leads nowhere.
        case outputIsLink
        /// Another build holds the output's lock.
        case busy
        /// A folder named like the writer's staging folder is in the way and was not made by this tool.
        case stagingNotOurs(String)
        /// Something that is not the tool's empty lock file has the lock file's name.
        case lockNotOurs(String)
        /// A file of the site has a path that is empty, absolute, climbs out (`..`) or names the marker.
        case unsafePath(String)
        /// The site has two files at one path, or a file where another file needs a folder.
        case conflictingPaths(String)
        /// The folder that would hold the output does not exist.
        case parentMissing(String)
        /// A system call failed.
        case system(path: String, code: Int32)
        /// The output is the current directory, or holds it.
        case outputHoldsWorkingDirectory
        /// The old output holds a name that is not UTF-8 (shown with U+FFFD), which no build makes.
        case nameNotUTF8(String)
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
        case .outputIsLink:
            return "\(path): is a symbolic link to something that does not exist; make the folder it points to, or pass another --output"
        case .busy:
            return "\(path): another handbook build is writing this output; run again when it has finished"
        case .stagingNotOurs(let staging):
            return "\(staging): is in the way of the build's staging folder and was not made by handbook; move it elsewhere"
        case .lockNotOurs(let lock):
            return "\(lock): has the name handbook locks the output with, and is not its lock file (an empty file); move it elsewhere"
        case .unsafePath(let file):
            return "\(path): the site has a file at '\(file)', which is not a path inside the output; rename the theme asset or entry that makes it"
        case .conflictingPaths(let file):
            return "\(path): the site has a file at '\(file)' that is also a folder of other files, or made twice; rename the theme asset or entry that makes it"
        case .parentMissing(let parent):
            return "\(path): the folder that would hold the output, \(parent), does not exist; create it (mkdir -p \(parent)) or pass another --output"
        case .system(let file, let code):
            return "\(file): \(String(cString: strerror(code)))" + (Self.fix(for: code).map { "; " + $0 } ?? "")
        case .outputHoldsWorkingDirectory:
            return "\(path): is the folder this build runs in, or holds it; a build replaces its output whole, so pass a folder "
                + "beside or below it (such as --output output)"
        case .nameNotUTF8(let file):
            return "\(file): this name in the output is not UTF-8 (U+FFFD stands for the bytes that are not), so no build made it; "
                + "remove it, then build again"
        }
    }

    /// What to do about a failed system call, for the errors a user can act on; nil for the others.
    static func fix(for code: Int32) -> String? {
        switch code {
        case EROFS: return "the file system is read-only: pass an --output on one that can be written"
        case EACCES, EPERM: return "the user running the build lacks the permission: give it read and write access to the output and the folder holding it, or pass another --output"
        case ENOSPC, EDQUOT: return "the disk (or this user's quota) is full: free some space and build again"
        case ENAMETOOLONG: return "a path of the site is too long for this file system: shorten the entry's file name or the output's path"
        case EMFILE, ENFILE: return "too many files are open: raise the limit (ulimit -n) and build again"
        default: return nil
        }
    }
}
