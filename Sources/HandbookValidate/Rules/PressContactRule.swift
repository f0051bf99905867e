import HandbookModel

/// Press contacts: an organisation or an outlet, and consent recorded when it is the basis (sources are required by the schema).
enum PressContactRule: DocumentRule {
    static let id: RuleID = "press-contact"
    static let defaultSeverity = Diagnostic.Severity.error
    static let summary = "an `organisation` or an `outlet`; `consent_date` with `basis: consent`; a warning when there is neither `email` nor `phone`"

    static func check(_ fields: DocumentFields, context: ValidationContext, _ reporter: inout Reporter) {
        guard fields.info.type == .pressContacts else { return }
        if !fields.isWritten(.organisation) && !fields.isWritten(.outlet) {
            reporter.error(id, fields.start, "a press contact needs 'organisation' (an organisation slug) or 'outlet' (a publication)")
        }
        if fields[.basis]?.text == ContactBasis.consent.rawValue && !fields.isWritten(.consentDate) {
            reporter.error(id, fields.position(.basis), "'basis: consent' needs 'consent_date': when the person agreed to be listed (YYYY-MM-DD)")
        }
        if !fields.isWritten(.email) && !fields.isWritten(.phone) {
            reporter.warning(id, fields.start, "this press contact has neither 'email' nor 'phone'")
        }
    }
}
