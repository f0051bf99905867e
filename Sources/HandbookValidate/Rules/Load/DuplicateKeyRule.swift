import HandbookLoad
import HandbookModel

/// A key given twice in one mapping.
/// The loader reports it (its messages are in HandbookLoad's ContentLoader, which cannot see this module).
enum DuplicateKeyRule: Rule {
    static let id = RuleID(ContentLoader.Rule.duplicateKey)
    static let defaultSeverity = Diagnostic.Severity.error
    static let summary = "a key given twice in one mapping"
}
