import HandbookModel

/// Collects the diagnostics for one file.
public struct Reporter: Sendable {
    /// The file's path as shown to the user.
    public let path: String
    /// What has been found so far.
    public private(set) var diagnostics: [Diagnostic] = []

    /// Creates a reporter for a file.
    public init(path: String) {
        self.path = path
    }

    /// Records an error at a position in the file.
    public mutating func error(_ rule: String, _ position: TextPosition, _ message: String) {
        diagnostics.append(.error(rule, at: SourceLocation(path: path, position: position), message))
    }

    /// Records a warning at a position in the file.
    public mutating func warning(_ rule: String, _ position: TextPosition, _ message: String) {
        diagnostics.append(.warning(rule, at: SourceLocation(path: path, position: position), message))
    }
}
