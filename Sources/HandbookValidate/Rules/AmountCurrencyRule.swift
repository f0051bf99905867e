import HandbookModel

/// An amount of money says its currency (grants and open calls).
enum AmountCurrencyRule {
    static let id = "amount-currency"

    static func check(_ fields: DocumentFields, _ reporter: inout Reporter) {
        guard fields.info.type == .funders else { return }
        for listName in ["grants", "open_calls"] {
            for (index, item) in (fields[listName]?.list ?? []).enumerated() {
                guard let entries = item.record, let amount = entries.first(where: { $0.key == "amount" }) else { continue }
                if item["currency"] == nil {
                    reporter.error(id, amount.position, "'\(listName)[\(index + 1)].amount' needs 'currency' (an ISO 4217 code such as GBP)")
                }
            }
        }
    }
}
