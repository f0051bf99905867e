/// A date with a time of day and an optional UTC offset, as `YYYY-MM-DDTHH:MM[:SS][Z|±HH:MM]`.
public struct DateTimeValue: Hashable, Sendable, CustomStringConvertible {
    /// The calendar date (always a full date).
    public var date: PartialDate
    /// Hour, 0–23.
    public var hour: Int
    /// Minute, 0–59.
    public var minute: Int
    /// Second, 0–59, or nil when not written.
    public var second: Int?
    /// Minutes east of UTC when an offset was written (`Z` is 0); nil means the event's time zone applies.
    public var offsetMinutes: Int?

    /// Creates a value from its parts; the caller has checked that they name a real time.
    init(date: PartialDate, hour: Int, minute: Int, second: Int?, offsetMinutes: Int?) {
        self.date = date
        self.hour = hour
        self.minute = minute
        self.second = second
        self.offsetMinutes = offsetMinutes
    }

    /// Reads the text; nil when it is not a date-time or names no real date or time.
    public init?(parsing text: String) {
        guard let t = text.firstIndex(of: "T") else { return nil }
        guard let date = PartialDate(parsing: String(text[..<t])), date.isFullDate else { return nil }
        var rest = Substring(text[text.index(after: t)...])
        var offset: Int?
        if rest.hasSuffix("Z") {
            offset = 0
            rest = rest.dropLast()
        } else if rest.count > 6, let sign = rest.dropLast(5).last, sign == "+" || sign == "-" {
            let zone = rest.suffix(5)
            let pieces = zone.split(separator: ":", omittingEmptySubsequences: false)
            guard pieces.count == 2, pieces[0].count == 2, pieces[1].count == 2,
                  let h = PartialDate.digits(pieces[0]), let m = PartialDate.digits(pieces[1]), h <= 14, m < 60 else { return nil }
            offset = (sign == "+" ? 1 : -1) * (h * 60 + m)
            rest = rest.dropLast(6)
        }
        let clock = rest.split(separator: ":", omittingEmptySubsequences: false)
        guard clock.count == 2 || clock.count == 3, clock.allSatisfy({ $0.count == 2 }),
              let hour = PartialDate.digits(clock[0]), let minute = PartialDate.digits(clock[1]),
              hour < 24, minute < 60 else { return nil }
        var second: Int?
        if clock.count == 3 {
            guard let s = PartialDate.digits(clock[2]), s < 60 else { return nil }
            second = s
        }
        self.date = date
        self.hour = hour
        self.minute = minute
        self.second = second
        self.offsetMinutes = offset
    }

    /// The text as it would be written in front matter.
    public var description: String {
        var text = "\(date)T\(PartialDate.pad(hour, 2)):\(PartialDate.pad(minute, 2))"
        if let second { text += ":" + PartialDate.pad(second, 2) }
        if let offsetMinutes {
            if offsetMinutes == 0 {
                text += "Z"
            } else {
                let magnitude = abs(offsetMinutes)
                text += (offsetMinutes > 0 ? "+" : "-") + PartialDate.pad(magnitude / 60, 2) + ":" + PartialDate.pad(magnitude % 60, 2)
            }
        }
        return text
    }
}

#if canImport(FoundationEssentials)
import FoundationEssentials
#else
import Foundation
#endif

extension DateTimeValue {
    /// The moment this names: at its written offset, else as a local time in `timeZone`.
    ///
    /// Dates are proleptic Gregorian, as ISO 8601 and iCalendar read them. Foundation's Gregorian calendar
    /// switches to the Julian one before October 1582, so times with an offset, and any time before 1600 (when
    /// every zone is at its constant local mean time), are counted here instead; later local times go through
    /// the calendar, which settles times in a daylight-saving gap or overlap.
    public func instant(in timeZone: TimeZone) -> Date? {
        let local = Int64(date.daysSince1970) * 86_400 + Int64(hour * 3_600 + minute * 60 + (second ?? 0))
        if let offsetMinutes { return Date(timeIntervalSince1970: TimeInterval(local - Int64(offsetMinutes) * 60)) }
        if date.year < 1600 {
            let offset = timeZone.secondsFromGMT(for: Date(timeIntervalSince1970: TimeInterval(local)))
            return Date(timeIntervalSince1970: TimeInterval(local - Int64(offset)))
        }
        var calendar = Calendar(identifier: .gregorian)
        calendar.timeZone = timeZone
        var components = DateComponents()
        components.year = date.year
        components.month = date.month
        components.day = date.day
        components.hour = hour
        components.minute = minute
        components.second = second ?? 0
        return calendar.date(from: components)
    }
}
