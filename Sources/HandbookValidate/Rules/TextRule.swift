import HandbookModel

/// Text fields: no longer than their limit.
enum TextRule: Rule {
    static let id: RuleID = "text-length"
    static let defaultSeverity = Diagnostic.Severity.error
    static let summary = "text limits such as `summary` ≤ 300 characters"

    static func check(_ text: String, maxLength: Int?, name: String, at position: TextPosition, _ reporter: inout Reporter) {
        // No more bytes than the limit is no more characters either: most texts are decided without counting them.
        guard let maxLength, text.utf8.count > maxLength else { return }
        let count = text.count
        if count > maxLength {
            reporter.error(id, position, "'\(name)' is \(count) characters long; the limit is \(maxLength)")
        }
    }
}
