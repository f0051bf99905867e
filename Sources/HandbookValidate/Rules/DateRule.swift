import HandbookModel

/// Dates must be real calendar dates in the forms SPEC allows.
enum DateRule: Rule {
    static let id: RuleID = "date"
    static let defaultSeverity = Diagnostic.Severity.error
    static let summary = "real calendar dates: `YYYY-MM-DD`, or `YYYY`/`YYYY-MM` where allowed, or date-times with optional seconds and offset"

    static func read(_ text: String, kind: FieldKind, name: String, at position: TextPosition, _ reporter: inout Reporter) -> FieldValue? {
        switch kind {
        case .date:
            if let date = PartialDate(parsing: text), date.isFullDate { return .date(date) }
            reporter.error(id, position, "'\(name)' must be a real date written YYYY-MM-DD, not '\(text.excerpt)'")
        case .partialDate:
            if let date = PartialDate(parsing: text) { return .date(date) }
            reporter.error(id, position, "'\(name)' must be a real date written YYYY, YYYY-MM or YYYY-MM-DD, not '\(text.excerpt)'")
        case .year:
            if let date = PartialDate(parsing: text), date.month == nil { return .date(date) }
            reporter.error(id, position, "'\(name)' must be a year written YYYY, not '\(text.excerpt)'")
        case .dateOrDateTime:
            if let date = PartialDate(parsing: text), date.isFullDate { return .date(date) }
            if let dateTime = DateTimeValue(parsing: text) { return .dateTime(dateTime) }
            reporter.error(id, position, "'\(name)' must be a date (YYYY-MM-DD) or a date and time (YYYY-MM-DDTHH:MM, optionally with :SS and Z or ±HH:MM), not '\(text.excerpt)'")
        default:
            break
        }
        return nil
    }
}
