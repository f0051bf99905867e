import HandbookModel

/// A required field is missing or empty, or a list has too few items.
enum RequiredFieldRule {
    static let id = "required"

    static func missing(_ field: FieldSchema, in context: String, at position: TextPosition, _ reporter: inout Reporter) {
        reporter.error(id, position, "'\(context)\(field.name)' is required: \(field.summary)")
    }

    static func empty(_ field: FieldSchema, in context: String, at position: TextPosition, _ reporter: inout Reporter) {
        reporter.error(id, position, "'\(context)\(field.name)' is required but empty: \(field.summary)")
    }

    static func tooFew(_ name: String, minimum: Int, at position: TextPosition, _ reporter: inout Reporter) {
        reporter.error(id, position, "'\(name)' needs at least \(minimum == 1 ? "one item" : "\(minimum) items")")
    }
}
