/// A failure of the tool itself while reading the content tree (not a problem in the content).
public struct LoadError: Error, Hashable, Sendable, CustomStringConvertible {
    /// What went wrong.
    public enum Reason: Hashable, Sendable {
        /// The content directory does not exist or is not a directory.
        case contentDirectoryMissing
        /// A directory could not be listed.
        case unreadableDirectory(code: Int32)
        /// A file could not be opened or read.
        case unreadableFile(code: Int32)
        /// A path that should be a file is a FIFO, socket, device or folder.
        case notAFile
        /// The theme directory has no templates/ folder.
        case themeMissing
    }

    /// What went wrong.
    public var reason: Reason
    /// The path concerned.
    public var path: String

    /// Creates an error.
    public init(_ reason: Reason, path: String) {
        self.reason = reason
        self.path = path
    }

    /// The message shown to the user.
    public var description: String {
        switch reason {
        case .contentDirectoryMissing where FileSystem.targetKind(path) == .file:
            return "\(path): is a file, not a content directory; pass the folder that holds handbook.yml and the type folders as --content"
        case .contentDirectoryMissing:
            return "\(path): no such content directory; run from the handbook's root or pass --content DIR"
        case .unreadableDirectory(let code):
            return "\(path): cannot list the directory (\(FileSystem.describe(errno: code)))"
        case .unreadableFile(let code):
            return "\(path): cannot read the file (\(FileSystem.describe(errno: code)))"
        case .notAFile:
            return "\(path): not a regular file (a FIFO, socket, device or folder); replace it with a file"
        case .themeMissing:
            return "\(path): not a theme (no templates/ folder); pass --theme DIR"
        }
    }
}
