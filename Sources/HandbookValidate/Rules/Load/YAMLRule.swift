import HandbookLoad
import HandbookModel

/// YAML outside the subset the tool reads, or not YAML at all.
/// The loader reports it (its messages are in HandbookLoad's ContentLoader, which cannot see this module).
enum YAMLRule: Rule {
    static let id = RuleID(ContentLoader.Rule.yaml)
    static let defaultSeverity = Diagnostic.Severity.error
    static let summary = "the YAML subset of SPEC; anchors, aliases, tags, directives, several documents and complex keys are rejected"
}
