import HandbookModel

/// Countries are ISO 3166-1 alpha-2 codes, written in upper case.
enum CountryRule: Rule {
    static let id: RuleID = "country"
    static let defaultSeverity = Diagnostic.Severity.error
    static let summary = "ISO 3166-1 alpha-2 country codes in upper case"

    static func check(_ text: String, name: String, at position: TextPosition, _ reporter: inout Reporter) -> Bool {
        if ISOCodes.countryNames[text] != nil { return true }
        let upper = text.uppercased()
        if ISOCodes.countryNames[upper] != nil {
            reporter.error(id, position, "'\(name)' must be an upper-case ISO 3166-1 code: write '\(upper)'")
        } else if let code = ISOCodes.countryNames.first(where: { $0.value.lowercased() == text.lowercased() })?.key {
            reporter.error(id, position, "'\(name)' must be an ISO 3166-1 code: write '\(code)' for \(text)")
        } else if text == "UK" {
            reporter.error(id, position, "'\(name)': the ISO 3166-1 code of the United Kingdom is 'GB'")
        } else {
            reporter.error(id, position, "'\(text.excerpt)' is not an ISO 3166-1 alpha-2 country code (such as GB, BE, US)")
        }
        return false
    }
}
