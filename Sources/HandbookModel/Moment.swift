/// When something happens, as front matter can say it: a year or month, a whole day, or a local time
/// in a time zone (with a written UTC offset if there is one). Every reader of `start`, `end`, a
/// repeat's `until` or a grant's date goes through this one type.
public enum Moment: Hashable, Sendable, CustomStringConvertible {
    /// A year or a year and month (`2020`, `2020-11`): a case study that started "in 2020".
    case partial(PartialDate)
    /// A whole day (`2020-11-20`): an all-day event.
    case day(PartialDate)
    /// A time of day in an IANA time zone; `time.offsetMinutes`, when written, overrides the zone.
    case time(DateTimeValue, zone: String)

    /// Reads a date or date-time value; `zone` is the time zone times without an offset are in.
    public init?(_ value: FieldValue?, zone: String) {
        switch value {
        case .date(let date)?: self = date.isFullDate ? .day(date) : .partial(date)
        case .dateTime(let time)?: self = .time(time, zone: zone)
        default: return nil
        }
    }

    /// The calendar date (partial for `.partial`).
    public var date: PartialDate {
        switch self {
        case .partial(let date), .day(let date): return date
        case .time(let time, _): return time.date
        }
    }

    /// True for a local time (not a whole day or a partial date).
    public var hasTime: Bool {
        if case .time = self { return true }
        return false
    }

    /// As written in front matter: `2020-11`, `2020-11-20`, `2020-11-20T18:30`, `2020-11-20T18:30+01:00`.
    /// Sorting these strings orders moments by day, all-day before timed on the same day.
    public var description: String {
        switch self {
        case .partial(let date), .day(let date): return date.description
        case .time(let time, _): return time.description
        }
    }
}

/// When an entry happens: its `start`, its `end` if any, in its time zone (its `timezone` field, or the
/// handbook's default).
public struct Timespan: Hashable, Sendable {
    /// The start.
    public var start: Moment
    /// The end, if given.
    public var end: Moment?
    /// The time zone local times are in.
    public var zone: String

    /// The entry's time span, or nil when it has no `start`.
    public init?(of entity: Entity, defaultZone: String) {
        let zone = entity[.timezone]?.text ?? defaultZone
        guard let start = Moment(entity[.start], zone: zone) else { return nil }
        self.start = start
        self.end = Moment(entity[.end], zone: zone)
        self.zone = zone
    }

    /// The last day it covers: the end's date, else the start's.
    public var lastDate: PartialDate {
        (end ?? start).date
    }

    /// The end, when it is on a different day or at a time, for "from … to …" ranges; nil when it adds nothing.
    public var distinctEnd: Moment? {
        guard let end, end != start else { return nil }
        return end
    }
}
