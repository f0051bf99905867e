import HandbookModel

/// Fields with a fixed set of values.
enum ChoiceRule: Rule {
    static let id: RuleID = "enum"
    static let defaultSeverity = Diagnostic.Severity.error
    static let summary = "fixed values (`kind`, `status`, `selection`, …) with a suggestion"

    static func check(_ text: String, options: [String], name: String, at position: TextPosition, _ reporter: inout Reporter) -> Bool {
        if options.contains(text) { return true }
        let hint = Suggestion.closest(to: text, in: options).map { "did you mean '\($0)'? " } ?? ""
        reporter.error(id, position, "'\(text.excerpt)' is not a valid \(name); \(hint)use one of: \(options.joined(separator: ", "))")
        return false
    }
}
