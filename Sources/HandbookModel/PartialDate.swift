/// A year, a year and month, or a full calendar date, as front matter writes them (`2020`, `2020-11`, `2020-11-20`).
public struct PartialDate: Hashable, Comparable, Sendable, CustomStringConvertible {
    /// The last year a date may fall in: every output writes years as four digits.
    public static let maximumYear = 9999

    /// The year.
    public var year: Int
    /// The month, 1–12, or nil for a year alone.
    public var month: Int?
    /// The day of the month, or nil for a year or a month.
    public var day: Int?

    /// Creates a date; the caller has checked that it exists in the calendar.
    public init(year: Int, month: Int? = nil, day: Int? = nil) {
        self.year = year
        self.month = month
        self.day = day
    }

    /// Reads `YYYY`, `YYYY-MM` or `YYYY-MM-DD`; nil when the text is not one of those or names no real date.
    public init?(parsing text: String) {
        guard let parts = text.withContiguousUTF8(Self.parts) else { return nil }
        self.init(year: parts.year, month: parts.month, day: parts.day)
    }

    /// The year, month and day of `YYYY`, `YYYY-MM` or `YYYY-MM-DD` in UTF-8 (ASCII digits only, each part of its
    /// exact width, a real month and day), or nil. Read in bytes: every date of every entry is parsed when it is
    /// checked, and splitting the text into characters cost a hundred times as much.
    static func parts(_ bytes: UnsafeBufferPointer<UInt8>) -> (year: Int, month: Int?, day: Int?)? {
        let count = bytes.count
        guard count == 4 || count == 7 || count == 10, let year = number(bytes, at: 0, width: 4) else { return nil }
        guard count > 4 else { return (year, nil, nil) }
        guard bytes[4] == UInt8(ascii: "-"), let month = number(bytes, at: 5, width: 2), (1...12).contains(month) else { return nil }
        guard count > 7 else { return (year, month, nil) }
        guard bytes[7] == UInt8(ascii: "-"), let day = number(bytes, at: 8, width: 2),
              (1...Self.daysIn(month: month, year: year)).contains(day) else { return nil }
        return (year, month, day)
    }

    /// The number written by the `width` ASCII digits at `start` of `bytes`, or nil when one is not a digit.
    static func number(_ bytes: UnsafeBufferPointer<UInt8>, at start: Int, width: Int) -> Int? {
        var value = 0
        for index in start..<(start + width) {
            let digit = bytes[index] &- UInt8(ascii: "0")
            guard digit < 10 else { return nil }
            value = value * 10 + Int(digit)
        }
        return value
    }

    /// True when year, month and day are all given.
    public var isFullDate: Bool { day != nil }

    /// `YYYY`, `YYYY-MM` or `YYYY-MM-DD`.
    public var description: String {
        // Written as digits into a few bytes: every page, card, feed item and API entry prints a date. Years
        // outside 0–9999 (which `check` refuses) are printed as numbers, padded to four digits.
        guard (0...9999).contains(year), month != nil || day == nil, (month ?? 1) >= 0, (month ?? 1) < 100, (day ?? 1) >= 0, (day ?? 1) < 100 else {
            var text = Self.pad(year, 4)
            if let month { text += "-" + Self.pad(month, 2) }
            if let day { text += "-" + Self.pad(day, 2) }
            return text
        }
        var bytes: (UInt64, UInt64) = (0, 0)
        return withUnsafeMutableBytes(of: &bytes) { bytes in
            func put(_ value: Int, _ width: Int, at position: Int) {
                var rest = value
                for place in (position..<position + width).reversed() {
                    bytes[place] = UInt8(ascii: "0") + UInt8(rest % 10)
                    rest /= 10
                }
            }
            put(year, 4, at: 0)
            var count = 4
            if let month {
                bytes[4] = UInt8(ascii: "-")
                put(month, 2, at: 5)
                count = 7
                if let day {
                    bytes[7] = UInt8(ascii: "-")
                    put(day, 2, at: 8)
                    count = 10
                }
            }
            return String(decoding: UnsafeRawBufferPointer(rebasing: bytes[..<count]), as: UTF8.self)
        }
    }

    /// Orders by the earliest day each date can mean.
    public static func < (lhs: PartialDate, rhs: PartialDate) -> Bool {
        (lhs.year, lhs.month ?? 0, lhs.day ?? 0) < (rhs.year, rhs.month ?? 0, rhs.day ?? 0)
    }

    /// True when `self` is certainly before `other`, comparing only the precision both give.
    public func isCertainlyBefore(_ other: PartialDate) -> Bool {
        if year != other.year { return year < other.year }
        guard let month, let otherMonth = other.month else { return false }
        if month != otherMonth { return month < otherMonth }
        guard let day, let otherDay = other.day else { return false }
        return day < otherDay
    }

    /// The number of days in a month of the proleptic Gregorian calendar.
    public static func daysIn(month: Int, year: Int) -> Int {
        switch month {
        case 2: return (year % 4 == 0 && year % 100 != 0) || year % 400 == 0 ? 29 : 28
        case 4, 6, 9, 11: return 30
        default: return 31
        }
    }

    /// The days from 1970-01-01 to this date (month and day taken as 1 when not given), in the proleptic
    /// Gregorian calendar: the inverse of a Unix day number.
    public var daysSince1970: Int {
        // Days-from-civil (Howard Hinnant's algorithm): no calendar object, no Julian cutover.
        let month = self.month ?? 1, day = self.day ?? 1
        let year = self.year - (month <= 2 ? 1 : 0)
        let era = (year >= 0 ? year : year - 399) / 400
        let yoe = year - era * 400
        let doy = (153 * (month > 2 ? month - 3 : month + 9) + 2) / 5 + day - 1
        let doe = yoe * 365 + yoe / 4 - yoe / 100 + doy
        return era * 146_097 + doe - 719_468
    }

    /// The date `days` days after 1970-01-01 (before it when negative): the inverse of `daysSince1970`.
    public init(daysSince1970 days: Int) {
        // Civil-from-days (Howard Hinnant's algorithm), so no calendar or locale is involved.
        let z = days + 719_468
        let era = (z >= 0 ? z : z - 146_096) / 146_097
        let doe = z - era * 146_097
        let yoe = (doe - doe / 1_460 + doe / 36_524 - doe / 146_096) / 365
        let doy = doe - (365 * yoe + yoe / 4 - yoe / 100)
        let mp = (5 * doy + 2) / 153
        let day = doy - (153 * mp + 2) / 5 + 1
        let month = mp < 10 ? mp + 3 : mp - 9
        self.init(year: yoe + era * 400 + (month <= 2 ? 1 : 0), month: month, day: day)
    }

    /// The date `months` months later (day clamped to the month's length).
    public func addingMonths(_ months: Int) -> PartialDate {
        let index = year * 12 + ((month ?? 1) - 1) + months
        let newYear = index / 12
        let newMonth = index % 12 + 1
        let newDay = day.map { min($0, Self.daysIn(month: newMonth, year: newYear)) }
        return PartialDate(year: newYear, month: month == nil ? nil : newMonth, day: newDay)
    }

    /// `value`'s digits, with zeros in front up to `width` (`pad(7, 4)` is `0007`).
    public static func pad(_ value: Int, _ width: Int) -> String {
        let text = String(value)
        return String(repeating: "0", count: max(0, width - text.count)) + text
    }
}
