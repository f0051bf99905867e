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

    /// Records an error of the rule with id `rule` at a position in the file.
    public mutating func error(_ rule: RuleID, _ position: TextPosition, _ message: String) {
        diagnostics.append(.error(rule.rawValue, at: SourceLocation(path: path, position: position), message))
    }

    /// Records a warning of the rule with id `rule` at a position in the file.
    public mutating func warning(_ rule: RuleID, _ position: TextPosition, _ message: String) {
        diagnostics.append(.warning(rule.rawValue, at: SourceLocation(path: path, position: position), message))
    }
}
