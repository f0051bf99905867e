import HandbookModel

/// Dates must be real calendar dates in the forms SPEC allows, in years 0001–9999.
///
/// Year 0000 does not exist in the calendars that read the outputs (iCalendar, schema.org, Python's `datetime`
/// reading the JSON), so it is refused here rather than written into a file no reader accepts; four digits
/// already keep years at or below 9999.
enum DateRule: Rule {
    static let id: RuleID = "date"
    static let defaultSeverity = Diagnostic.Severity.error
    static let summary = "real calendar dates in years 0001–9999: `YYYY-MM-DD`, or `YYYY`/`YYYY-MM` where allowed, or date-times with optional seconds and offset"

    static func read(_ text: String, kind: FieldKind, name: String, at position: TextPosition, _ reporter: inout Reporter) -> FieldValue? {
        guard let value = parse(text, kind: kind, name: name, at: position, &reporter) else { return nil }
        let year: Int
        switch value {
        case .date(let date): year = date.year
        case .dateTime(let dateTime): year = dateTime.date.year
        default: return value
        }
        guard year >= YearRange.first else {
            reporter.error(id, position, "'\(name)' is in year 0000, which no calendar has; years run from 0001 to 9999")
            return nil
        }
        // A time with an offset is written in UTC (iCalendar), which its offset may push out of the years.
        if case .dateTime(let dateTime) = value, let offset = dateTime.offsetMinutes {
            let minute = dateTime.hour * 60 + dateTime.minute - offset
            let first = PartialDate(year: YearRange.first, month: 1, day: 1), last = PartialDate(year: YearRange.last, month: 12, day: 31)
            if (dateTime.date == first && minute < 0) || (dateTime.date == last && minute >= 24 * 60) {
                reporter.error(id, position, "'\(name)' (\(dateTime)) falls outside years 0001–9999 in UTC; use a later or earlier time, or another offset")
                return nil
            }
        }
        return value
    }

    private static func parse(_ text: String, kind: FieldKind, name: String, at position: TextPosition, _ reporter: inout Reporter) -> FieldValue? {
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
