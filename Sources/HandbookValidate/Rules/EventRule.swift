import HandbookModel

/// Events: somewhere to be (a location or an online link), and a repeat rule that makes sense.
enum EventRule {
    static let locationID = "event-location"
    static let repeatID = "repeat"

    static func check(_ fields: DocumentFields, _ reporter: inout Reporter) {
        guard fields.info.type == .events else { return }
        if !fields.isWritten(.location) && !fields.isWritten(.online) {
            reporter.error(locationID, fields.start, "an event needs 'location' (where it takes place) or 'online' (a URL to join), or both")
        }
        guard let repeatRule = fields[.repeat] else { return }
        let position = fields.position(.repeat)
        if repeatRule[.until] != nil && repeatRule[.count] != nil {
            reporter.error(repeatID, position, "'repeat' takes 'until' or 'count', not both")
        }
        if case .date(let until)? = repeatRule[.until], let start = startDate(fields[.start]), until < start {
            reporter.error(repeatID, position, "'repeat.until' (\(until)) is before the event's start (\(start))")
        }
    }

    static func startDate(_ value: FieldValue?) -> PartialDate? {
        switch value {
        case .date(let date)?: return date
        case .dateTime(let dateTime)?: return dateTime.date
        default: return nil
        }
    }
}
