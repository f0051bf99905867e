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
        guard let value = text.withContiguousUTF8(Self.parse) else { return nil }
        self = value
    }

    /// `YYYY-MM-DDTHH:MM[:SS][Z|±HH:MM]` in UTF-8 (ASCII only, each part of its exact width), or nil.
    static func parse(_ bytes: UnsafeBufferPointer<UInt8>) -> DateTimeValue? {
        guard let t = bytes.firstIndex(of: UInt8(ascii: "T")),
              let date = PartialDate.parts(UnsafeBufferPointer(rebasing: bytes[..<t])), let month = date.month, let day = date.day
        else { return nil }
        let start = t + 1
        var end = bytes.count
        var offset: Int?
        if end > start && bytes[end - 1] == UInt8(ascii: "Z") {
            offset = 0
            end -= 1
        } else if end - start > 6, bytes[end - 6] == UInt8(ascii: "+") || bytes[end - 6] == UInt8(ascii: "-") {
            guard bytes[end - 3] == UInt8(ascii: ":"), let h = PartialDate.number(bytes, at: end - 5, width: 2),
                  let m = PartialDate.number(bytes, at: end - 2, width: 2), h <= 14, m < 60 else { return nil }
            offset = (bytes[end - 6] == UInt8(ascii: "+") ? 1 : -1) * (h * 60 + m)
            end -= 6
        }
        // `HH:MM` or `HH:MM:SS`.
        let length = end - start
        guard length == 5 || length == 8, bytes[start + 2] == UInt8(ascii: ":"),
              let hour = PartialDate.number(bytes, at: start, width: 2), let minute = PartialDate.number(bytes, at: start + 3, width: 2),
              hour < 24, minute < 60 else { return nil }
        var second: Int?
        if length == 8 {
            guard bytes[start + 5] == UInt8(ascii: ":"), let s = PartialDate.number(bytes, at: start + 6, width: 2), s < 60 else { return nil }
            second = s
        }
        return DateTimeValue(date: PartialDate(year: date.year, month: month, day: day), hour: hour, minute: minute, second: second,
                             offsetMinutes: offset)
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
