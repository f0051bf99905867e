import Foundation
import HandbookModel

/// Offsets of local times in IANA time zones, from the system's time-zone database (Foundation).
public enum TimeZoneOffsets {
    /// The UTC offset, in minutes, that applies at a local date-time in `zone`.
    public static func offsetMinutes(of value: DateTimeValue, in zone: String) -> Int? {
        guard let timeZone = TimeZone(identifier: zone), let instant = instant(of: value, in: timeZone) else { return nil }
        return timeZone.secondsFromGMT(for: instant) / 60
    }

    /// The moment a local date-time names in a time zone (or at its written offset).
    public static func instant(of value: DateTimeValue, in timeZone: TimeZone) -> Date? {
        var calendar = Calendar(identifier: .gregorian)
        if let offset = value.offsetMinutes {
            guard let fixed = TimeZone(secondsFromGMT: offset * 60) else { return nil }
            calendar.timeZone = fixed
        } else {
            calendar.timeZone = timeZone
        }
        var components = DateComponents()
        components.year = value.date.year
        components.month = value.date.month
        components.day = value.date.day
        components.hour = value.hour
        components.minute = value.minute
        components.second = value.second ?? 0
        return calendar.date(from: components)
    }
}
