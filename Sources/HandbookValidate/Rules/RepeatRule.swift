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
        switch RepeatFrequency(of: rule) {
        case .monthly: return start.addingMonths(steps).year
        case .weekly: return PartialDate(daysSince1970: start.daysSince1970 + steps * 7).year
        }
    }

    static func pastTheLastYear(_ year: Int) -> String {
        "'repeat' runs past the year \(PartialDate.maximumYear) (its last meeting would be in \(year)); lower 'count' or 'interval'"
    }
}
