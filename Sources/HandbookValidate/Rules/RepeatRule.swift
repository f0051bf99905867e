import HandbookModel

/// An event's `repeat` makes sense: it ends by `until` or by `count`, not both, and not before the event starts.
/// `EventRule` runs the check, as it reads the event's fields; the rule and its messages are declared here.
enum RepeatRule: Rule {
    static let id: RuleID = "repeat"
    static let defaultSeverity = Diagnostic.Severity.error
    static let summary = "`repeat` takes `until` or `count`, not both, and `until` is not before the start"

    static let untilAndCount = "'repeat' takes 'until' or 'count', not both"

    static func untilBeforeStart(_ until: PartialDate, _ start: PartialDate) -> String {
        "'repeat.until' (\(until)) is before the event's start (\(start))"
    }
}
