import HandbookModel

/// Events: somewhere to be (a location or an online link), and a repeat rule that makes sense (reported as `RepeatRule`).
enum EventRule: DocumentRule {
    static let id: RuleID = "event-location"
    static let defaultSeverity = Diagnostic.Severity.error
    static let summary = "an event has a `location` or an `online` link"

    static func check(_ fields: DocumentFields, context: ValidationContext, _ reporter: inout Reporter) {
        guard fields.info.type == .events else { return }
        if !fields.isWritten(.location) && !fields.isWritten(.online) {
            reporter.error(id, fields.start, "an event needs 'location' (where it takes place) or 'online' (a URL to join), or both")
        }
        guard let repeatRule = fields[.repeat] else { return }
        let position = fields.position(.repeat)
        if repeatRule[.until] != nil && repeatRule[.count] != nil {
            reporter.error(RepeatRule.id, position, RepeatRule.untilAndCount)
        }
        // The day it starts is the same in any time zone, so the zone does not matter here.
        if case .date(let until)? = repeatRule[.until], let start = Moment(fields[.start], zone: context.settings.timezone)?.date, until < start {
            reporter.error(RepeatRule.id, position, RepeatRule.untilBeforeStart(until, start))
        }
        if case .integer(let count)? = repeatRule[.count], let start = Moment(fields[.start], zone: context.settings.timezone)?.date,
           let last = RepeatRule.lastYear(start: start, count: count, rule: repeatRule), last > PartialDate.maximumYear {
            reporter.error(RepeatRule.id, position, RepeatRule.pastTheLastYear(last))
        }
    }
}
