import HandbookModel

/// Telephone numbers: digits with the usual separators, an optional leading `+`.
enum PhoneRule: Rule {
    static let id: RuleID = "phone"
    static let defaultSeverity = Diagnostic.Severity.error
    static let summary = "telephone numbers of digits and separators"

    static func check(_ text: String, name: String, at position: TextPosition, _ reporter: inout Reporter) -> Bool {
        let allowed = Set("0123456789 +-().")
        let digits = text.filter(\.isNumber).count
        if text.allSatisfy({ allowed.contains($0) }) && (6...20).contains(digits) && !text.dropFirst().contains("+") {
            return true
        }
        reporter.error(id, position, "'\(name)' must be a telephone number such as +44 20 7946 0000, not '\(text.excerpt)'")
        return false
    }
}
