import HandbookModel

/// An event's `repeat` makes sense: it ends by `until` or by `count`, not both, and not before the event starts.
/// `EventRule` runs the check, as it reads the event's fields; the rule and its messages are declared here.
enum RepeatRule: Rule {
    static let id: RuleID = "repeat"
    static let defaultSeverity = Diagnostic.Severity.error
    static let summary = "`repeat` takes `until` or `count`, not both, `until` is not before the start, and it ends by the year 9999"

    static let untilAndCount = "'repeat' takes 'until' or 'count', not both"

    static func untilBeforeStart(_ until: PartialDate, _ start: PartialDate) -> String {
        "'repeat.until' (\(until)) is before the event's start (\(start))"
    }

    /// The year of the last meeting of a rule that ends by `count`, from the first meeting's day.
    static func lastYear(start: PartialDate, count: Int, rule: FieldValue) -> Int? {
        guard count > 0 else { return nil }
        let interval: Int
        if case .integer(let every)? = rule[.interval] { interval = every } else { interval = 1 }
        // Both are bounded (`count` ≤ 1000, `interval` ≤ 100): no overflow.
        let steps = (count - 1) * max(1, interval)
        let month = start.month ?? 1
        switch RepeatFrequency(of: rule) {
        case .monthly:
            return (start.year * 12 + month - 1 + steps) / 12
        case .weekly:
            return civilYear(ofDay: dayNumber(year: start.year, month: month, day: start.day ?? 1) + steps * 7)
        }
    }

    /// Days since 1970-01-01 of a proleptic Gregorian date (Hinnant's `days_from_civil`).
    static func dayNumber(year: Int, month: Int, day: Int) -> Int {
        let y = month <= 2 ? year - 1 : year
        let era = (y >= 0 ? y : y - 399) / 400
        let yearOfEra = y - era * 400
        let dayOfYear = (153 * (month + (month > 2 ? -3 : 9)) + 2) / 5 + day - 1
        let dayOfEra = yearOfEra * 365 + yearOfEra / 4 - yearOfEra / 100 + dayOfYear
        return era * 146_097 + dayOfEra - 719_468
    }

    /// The year of a day counted as `dayNumber` counts it (Hinnant's `civil_from_days`).
    static func civilYear(ofDay number: Int) -> Int {
        let z = number + 719_468
        let era = (z >= 0 ? z : z - 146_096) / 146_097
        let dayOfEra = z - era * 146_097
        let yearOfEra = (dayOfEra - dayOfEra / 1460 + dayOfEra / 36524 - dayOfEra / 146_096) / 365
        let dayOfYear = dayOfEra - (365 * yearOfEra + yearOfEra / 4 - yearOfEra / 100)
        let shifted = (5 * dayOfYear + 2) / 153
        let month = shifted < 10 ? shifted + 3 : shifted - 9
        return yearOfEra + era * 400 + (month <= 2 ? 1 : 0)
    }

    static func pastTheLastYear(_ year: Int) -> String {
        "'repeat' runs past the year \(PartialDate.maximumYear) (its last meeting would be in \(year)); lower 'count' or 'interval'"
    }
}
