import Foundation
import HandbookModel

/// `end` is not before `start` (case studies and events), written in the same form for events.
enum DateOrderRule: DocumentRule {
    static let id: RuleID = "date-order"
    static let defaultSeverity = Diagnostic.Severity.error
    static let summary = "`end` is not before `start` (event times compared in the event's time zone)"

    static func check(_ fields: DocumentFields, context: ValidationContext, _ reporter: inout Reporter) {
        let zone = fields[.timezone]?.text ?? context.settings.timezone
        guard let start = Moment(fields[.start], zone: zone), let end = Moment(fields[.end], zone: zone) else { return }
        let position = fields.position(.end)
        switch (start, end) {
        case (.time(let s, _), .time(let e, _)):
            if let sDate = instant(s, zone: zone), let eDate = instant(e, zone: zone), eDate < sDate {
                reporter.error(id, position, "'end' (\(end)) is before 'start' (\(start))")
            }
        case (.time, _):
            reporter.error(id, position, "'start' has a time but 'end' is a date; write 'end' as YYYY-MM-DDTHH:MM")
        case (_, .time):
            reporter.error(id, position, "'start' is a date (an all-day event) but 'end' has a time; write 'end' as YYYY-MM-DD or give 'start' a time")
        default:
            if end.date.isCertainlyBefore(start.date) {
                reporter.error(id, position, "'end' (\(end)) is before 'start' (\(start))")
            }
        }
    }

    /// The moment a date-time names, using its offset or else the time zone.
    static func instant(_ value: DateTimeValue, zone: String) -> Date? {
        TimeZone(identifier: zone).flatMap { value.instant(in: $0) }
    }
}
