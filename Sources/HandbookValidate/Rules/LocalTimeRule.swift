import Foundation
import HandbookModel

/// An event's time written without an offset is a time on the clocks of its time zone, so it must be one those
/// clocks show: not in the hour skipped when summer time begins (`01:30` on the day London goes from 01:00 to
/// 02:00), which would be published as one time on the page and another in calendars.
enum LocalTimeRule: DocumentRule {
    static let id: RuleID = "local-time"
    static let defaultSeverity = Diagnostic.Severity.error
    static let summary = "an event's local times exist in its time zone (none in the hour skipped when summer time begins)"

    static func check(_ fields: DocumentFields, context: ValidationContext, _ reporter: inout Reporter) {
        guard fields.info.type == .events else { return }
        let zone = fields[.timezone]?.text ?? context.settings.timezone
        guard let timeZone = TimeZone(identifier: zone) else { return }
        for name in [FieldName.start, .end] {
            guard case .dateTime(let time)? = fields[name], time.offsetMinutes == nil, let shown = shownTime(of: time, in: timeZone),
                  shown != (time.hour, time.minute) else { continue }
            reporter.error(id, fields.position(name), "'\(name.rawValue)' (\(time)) is not a time in \(zone): its clocks skip it when summer "
                + "time begins (they go to \(String(format: "%02d:%02d", shown.hour, shown.minute))); write the time the clocks show, or give an offset")
        }
    }

    /// The hour and minute the zone's clocks show at the moment a local time is read as, or nil when it cannot be
    /// worked out. Equal to the time written, except in a skipped hour.
    static func shownTime(of time: DateTimeValue, in timeZone: TimeZone) -> (hour: Int, minute: Int)? {
        guard let instant = time.instant(in: timeZone) else { return nil }
        let local = Int64(instant.timeIntervalSince1970.rounded(.down)) + Int64(timeZone.secondsFromGMT(for: instant))
        let secondOfDay = Int(((local % 86_400) + 86_400) % 86_400)
        return (secondOfDay / 3_600, secondOfDay % 3_600 / 60)
    }
}
