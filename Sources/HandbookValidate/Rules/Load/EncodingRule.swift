import HandbookLoad
import HandbookModel

/// Bytes that are not UTF-8.
/// The loader reports it (its messages are in HandbookLoad's ContentLoader, which cannot see this module).
enum EncodingRule: Rule {
    static let id = RuleID(ContentLoader.Rule.encoding)
    static let defaultSeverity = Diagnostic.Severity.error
    static let summary = "files are UTF-8 (a BOM and CRLF line ends are fine)"
}
