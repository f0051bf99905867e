import HandbookLoad
import HandbookModel

/// A file or folder where none belongs in the content tree.
/// The loader reports it (its messages are in HandbookLoad's ContentLoader, which cannot see this module).
enum UnknownPathRule: Rule {
    static let id = RuleID(ContentLoader.Rule.unknownPath)
    static let defaultSeverity = Diagnostic.Severity.error
    static let summary = "only `handbook.yml` and the type folders in `content/`; only `.md` files in a type folder"
}
