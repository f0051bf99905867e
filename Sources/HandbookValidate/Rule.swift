import HandbookModel

/// A check the tool makes: its stable id, how serious its problems are, and what it checks.
/// Every rule is listed in `RuleRegistry.all`; its messages are written in its own file.
public protocol Rule: Sendable {
    /// The id every diagnostic of this rule carries.
    static var id: RuleID { get }
    /// The severity of its problems (a rule may report a lesser one for a milder case).
    static var defaultSeverity: Diagnostic.Severity { get }
    /// What it checks, in a phrase, as the rule table in the docs says it.
    static var summary: String { get }
}

extension Rule {
    /// A diagnostic of this rule at `location`, with the rule's default severity unless `severity` is given.
    public static func diagnostic(at location: SourceLocation, _ message: String, severity: Diagnostic.Severity? = nil) -> Diagnostic {
        Diagnostic(severity ?? defaultSeverity, rule: id.rawValue, at: location, message)
    }
}
