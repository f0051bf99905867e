/// A problem found in user content: what, where, how bad, and which rule found it.
public struct Diagnostic: Hashable, Comparable, Sendable {
    /// How serious a diagnostic is.
    public enum Severity: String, Sendable, Comparable {
        case warning
        case error

        /// Warnings order before errors at the same place.
        public static func < (lhs: Severity, rhs: Severity) -> Bool {
            lhs == .warning && rhs == .error
        }
    }

    /// Error or warning.
    public var severity: Severity
    /// The stable id of the rule that found the problem, such as `unknown-key`.
    public var rule: String
    /// Where the problem is.
    public var location: SourceLocation
    /// What is wrong and, where possible, how to fix it.
    public var message: String

    /// Creates a diagnostic.
    public init(_ severity: Severity, rule: String, at location: SourceLocation, _ message: String) {
        self.severity = severity
        self.rule = rule
        self.location = location
        self.message = message
    }

    /// Creates an error.
    public static func error(_ rule: String, at location: SourceLocation, _ message: String) -> Diagnostic {
        Diagnostic(.error, rule: rule, at: location, message)
    }

    /// Creates a warning.
    public static func warning(_ rule: String, at location: SourceLocation, _ message: String) -> Diagnostic {
        Diagnostic(.warning, rule: rule, at: location, message)
    }

    /// Orders by location, then rule and message, so every run prints the same report.
    public static func < (lhs: Diagnostic, rhs: Diagnostic) -> Bool {
        if lhs.location != rhs.location { return lhs.location < rhs.location }
        if lhs.rule != rhs.rule { return lhs.rule < rhs.rule }
        if lhs.message != rhs.message { return lhs.message < rhs.message }
        return lhs.severity < rhs.severity
    }
}
