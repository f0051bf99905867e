import HandbookModel

/// A policy's stages are in date order and the last stage's status is the policy's status.
enum PolicyStagesRule: DocumentRule {
    static let id: RuleID = "policy-stages"
    static let defaultSeverity = Diagnostic.Severity.error
    static let summary = "stages in date order; the last stage's status equals `status`"

    static func check(_ fields: DocumentFields, context: ValidationContext, _ reporter: inout Reporter) {
        guard fields.info.type == .policies, let stages = fields[.stages]?.list, !stages.isEmpty else { return }
        var previous: PartialDate?
        for (index, stage) in stages.enumerated() {
            guard case .date(let date)? = stage[.date] else { continue }
            if let previous, date < previous {
                let position = stage.record?.first { $0.key == FieldName.date.rawValue }?.position ?? fields.position(.stages)
                reporter.error(id, position, "stage \(index + 1) (\(date)) is dated before stage \(index) (\(previous)); list stages oldest first")
            }
            previous = date
        }
        if let last = stages.last?[.status]?.text, let status = fields[.status]?.text, last != status {
            reporter.error(id, fields.position(.status), "'status' is '\(status)' but the last stage's status is '\(last)'; they must match")
        }
    }
}
