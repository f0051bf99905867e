import HandbookModel

/// Currencies are ISO 4217 codes.
enum CurrencyRule: Rule {
    static let id: RuleID = "currency"
    static let defaultSeverity = Diagnostic.Severity.error
    static let summary = "ISO 4217 currency codes"

    static func check(_ text: String, name: String, at position: TextPosition, _ reporter: inout Reporter) -> Bool {
        if ISOCodes.currencyNames[text] != nil { return true }
        let hint = ISOCodes.currencyNames[text.uppercased()] != nil ? "write '\(text.uppercased())'"
            : "use an ISO 4217 code such as GBP, EUR or USD"
        reporter.error(id, position, "'\(text.excerpt)' is not an ISO 4217 currency code; \(hint)")
        return false
    }
}
