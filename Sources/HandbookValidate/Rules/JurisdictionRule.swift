import HandbookModel

/// Jurisdictions of policies: a country, a subdivision, or EU, UN, INT.
enum JurisdictionRule: Rule {
    static let id: RuleID = "jurisdiction"
    static let defaultSeverity = Diagnostic.Severity.error
    static let summary = "an ISO 3166-1 or ISO 3166-2 code, or EU, UN, INT"

    static func check(_ text: String, name: String, at position: TextPosition, _ reporter: inout Reporter) -> Bool {
        if Jurisdictions.all.contains(text) || ISOCodes.countryNames[text] != nil || ISOCodes.subdivisionNames[text] != nil {
            return true
        }
        reporter.error(id, position, "'\(text.excerpt)' is not a jurisdiction; use an ISO 3166-1 code (GB), an ISO 3166-2 code (GB-SCT), or EU, UN, INT")
        return false
    }
}
