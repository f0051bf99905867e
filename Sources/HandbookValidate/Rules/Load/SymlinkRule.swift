import HandbookLoad
import HandbookModel

/// A symbolic link that leads outside the content tree.
/// The loader reports it (its messages are in HandbookLoad's ContentLoader, which cannot see this module).
enum SymlinkRule: Rule {
    static let id = RuleID(ContentLoader.Rule.symlink)
    static let defaultSeverity = Diagnostic.Severity.error
    static let summary = "symbolic links must stay inside the content tree"
}
