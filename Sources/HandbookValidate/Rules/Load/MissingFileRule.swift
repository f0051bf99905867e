import HandbookLoad
import HandbookModel

/// A required file (handbook.yml) is missing.
/// The loader reports it (its messages are in HandbookLoad's ContentLoader, which cannot see this module).
enum MissingFileRule: Rule {
    static let id = RuleID(ContentLoader.Rule.missingFile)
    static let defaultSeverity = Diagnostic.Severity.error
    static let summary = "`content/handbook.yml` exists"
}
