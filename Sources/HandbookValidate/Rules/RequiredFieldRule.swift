import HandbookModel

/// A required field is missing or empty, or a list has too few items.
enum RequiredFieldRule: Rule {
    static let id: RuleID = "required"
    static let defaultSeverity = Diagnostic.Severity.error
    static let summary = "required fields are present and not empty; lists have their minimum number of items"

    static func missing(_ field: FieldSchema, in context: String, at position: TextPosition, _ reporter: inout Reporter) {
        reporter.error(id, position, "'\(context)\(field.name)' is required: \(field.summary)")
    }

    static func empty(_ field: FieldSchema, in context: String, at position: TextPosition, _ reporter: inout Reporter) {
        reporter.error(id, position, "'\(context)\(field.name)' is required but empty: \(field.summary)")
    }

    static func tooFew(_ name: String, minimum: Int, at position: TextPosition, _ reporter: inout Reporter) {
        reporter.error(id, position, "'\(name)' needs at least \(minimum == 1 ? "one item" : "\(minimum) items")")
    }

    /// A vocabulary entry (a topic or method id) written without its label.
    static func noLabel(_ name: String, at position: TextPosition, _ reporter: inout Reporter) {
        reporter.error(id, position, "'\(name)' needs a label: the words readers see")
    }
}
