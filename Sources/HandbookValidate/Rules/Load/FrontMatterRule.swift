import HandbookLoad
import HandbookModel

/// A missing or unclosed `---` line around the front matter.
/// The loader reports it (its messages are in HandbookLoad's ContentLoader, which cannot see this module).
enum FrontMatterRule: Rule {
    static let id = RuleID(ContentLoader.Rule.frontMatter)
    static let defaultSeverity = Diagnostic.Severity.error
    static let summary = "a file starts with a `---` line and its front matter is closed by another"
}
