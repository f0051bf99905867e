import HandbookLoad
import HandbookModel

/// A `.md` file in a type folder whose name starts with `.`: the loader skips hidden names, so such an entry
/// would be neither checked nor published without a word. A warning, since editors and tools also make
/// hidden files; `.#name.md` (an Emacs lock) is not reported.
/// The loader reports it (its messages are in HandbookLoad's ContentLoader, which cannot see this module).
enum HiddenFileRule: Rule {
    static let id = RuleID(ContentLoader.Rule.hiddenFile)
    static let defaultSeverity = Diagnostic.Severity.warning
    static let summary = "no hidden `.md` file in a type folder, which would be neither checked nor published"
}
