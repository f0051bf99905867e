import HandbookModel

/// `reviewed` (and a press contact's `verified`) older than `review_after_months` asks for a new check.
enum StaleReviewRule: DocumentRule {
    static let id: RuleID = "stale-review"
    static let defaultSeverity = Diagnostic.Severity.warning
    static let summary = "`reviewed` or a press contact's `verified` is older than `review_after_months`"

    static func check(_ fields: DocumentFields, context: ValidationContext, _ reporter: inout Reporter) {
        let months = context.settings.reviewAfterMonths
        for key in [FieldName.reviewed, .verified] {
            guard case .date(let date)? = fields[key] else { continue }
            if isDue(date, months: months, today: context.today) {
                reporter.warning(id, fields.position(key),
                    "'\(key)' is \(date), more than \(months) months ago; check the entry and update the date")
            }
        }
    }

    /// True when `date` plus `months` is before `today`.
    static func isDue(_ date: PartialDate, months: Int, today: PartialDate) -> Bool {
        date.addingMonths(months) < today
    }
}
