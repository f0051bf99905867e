/// A place in the content tree: a file path and a position inside it.
public struct SourceLocation: Hashable, Comparable, Sendable {
    /// The file's path as shown to the user (relative to the working directory where possible).
    public var path: String
    /// The position inside the file.
    public var position: TextPosition

    /// Creates a location from a path and a position.
    public init(path: String, position: TextPosition) {
        self.path = path
        self.position = position
    }

    /// Creates a location from a path, line and column.
    public init(path: String, line: Int, column: Int) {
        self.init(path: path, position: TextPosition(line: line, column: column))
    }

    /// The 1-based line.
    public var line: Int { position.line }
    /// The 1-based column.
    public var column: Int { position.column }

    /// Orders by path, then position, so reports read file by file, top to bottom.
    public static func < (lhs: SourceLocation, rhs: SourceLocation) -> Bool {
        if lhs.path != rhs.path { return lhs.path < rhs.path }
        return lhs.position < rhs.position
    }
}
