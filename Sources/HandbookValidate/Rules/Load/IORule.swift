import HandbookLoad
import HandbookModel

/// A file or folder that could not be read.
/// The loader reports it (its messages are in HandbookLoad's ContentLoader, which cannot see this module).
enum IORule: Rule {
    static let id = RuleID(ContentLoader.Rule.io)
    static let defaultSeverity = Diagnostic.Severity.error
    static let summary = "every file and folder of the content tree can be read"
}
