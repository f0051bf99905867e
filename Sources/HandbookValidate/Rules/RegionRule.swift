import HandbookModel

/// Regions: an ISO 3166-2 code of the entry's country, or free text.
enum RegionRule: Rule {
    static let id: RuleID = "region"
    static let defaultSeverity = Diagnostic.Severity.error
    static let summary = "a region shaped like an ISO 3166-2 code is a real one (other regions are free text)"

    /// True when the text is shaped like an ISO 3166-2 code (`GB-SCT`), so it is checked as one.
    static func looksLikeCode(_ text: String) -> Bool {
        let parts = text.split(separator: "-", omittingEmptySubsequences: false)
        return parts.count == 2 && parts[0].count == 2 && parts[0].allSatisfy { $0.isASCII && $0.isUppercase }
            && (1...3).contains(parts[1].count) && parts[1].allSatisfy { $0.isASCII && ($0.isUppercase || $0.isNumber) }
    }

    static func check(_ text: String, name: String, at position: TextPosition, _ reporter: inout Reporter) -> Bool {
        guard looksLikeCode(text) else { return true }
        if ISOCodes.subdivisionNames[text] != nil { return true }
        reporter.error(id, position, "'\(text.excerpt)' is not an ISO 3166-2 subdivision code; use a code from ISO 3166-2 (such as GB-SCT) or write the region's name")
        return false
    }
}
