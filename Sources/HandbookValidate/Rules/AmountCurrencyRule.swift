import HandbookModel

/// An amount of money says its currency (grants and open calls).
enum AmountCurrencyRule: DocumentRule {
    static let id: RuleID = "amount-currency"
    static let defaultSeverity = Diagnostic.Severity.error
    static let summary = "every grant or call amount names its currency"

    static func check(_ fields: DocumentFields, context: ValidationContext, _ reporter: inout Reporter) {
        guard fields.info.type == .funders, let pairs = fields.raw.pairs else { return }
        // Read the file as written: an invalid currency is reported by its own rule, not again here.
        for listName in [FieldName.grants, .openCalls] {
            guard let items = pairs.first(where: { $0.key == listName.rawValue })?.value.items else { continue }
            for (index, item) in items.enumerated() {
                guard let entries = item.pairs, let amount = entries.first(where: { $0.key == FieldName.amount.rawValue && !$0.value.isNull }) else { continue }
                if !entries.contains(where: { $0.key == FieldName.currency.rawValue && !$0.value.isNull }) {
                    reporter.error(id, amount.keyPosition, "'\(listName)\(FieldReader.itemSuffix(index)).amount' needs 'currency' (an ISO 4217 code such as GBP)")
                }
            }
        }
    }
}
