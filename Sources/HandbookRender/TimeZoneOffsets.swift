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
        value.instant(in: timeZone)
    }
}
