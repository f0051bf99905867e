import HandbookModel

/// Languages are BCP 47 tags.
enum LanguageRule: Rule {
    static let id: RuleID = "language"
    static let defaultSeverity = Diagnostic.Severity.error
    static let summary = "BCP 47 language tags"

    static func check(_ text: String, name: String, at position: TextPosition, _ reporter: inout Reporter) -> Bool {
        let parts = text.split(separator: "-", omittingEmptySubsequences: false)
        let valid = (2...3).contains(parts[0].count) && parts[0].allSatisfy { $0.isASCII && $0.isLetter }
            && parts.dropFirst().allSatisfy { (1...8).contains($0.count) && $0.allSatisfy { $0.isASCII && ($0.isLetter || $0.isNumber) } }
        if valid { return true }
        reporter.error(id, position, "'\(text.excerpt)' is not a BCP 47 language tag such as en-GB")
        return false
    }
}
