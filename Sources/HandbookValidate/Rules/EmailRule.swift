import HandbookModel

/// Emails are `local@domain.tld`.
enum EmailRule: Rule {
    static let id: RuleID = "email"
    static let defaultSeverity = Diagnostic.Severity.error
    static let summary = "email addresses are `local@domain.tld`"

    static func check(_ text: String, name: String, at position: TextPosition, _ reporter: inout Reporter) -> Bool {
        if isValid(text) { return true }
        reporter.error(id, position, "'\(name)' must be an email address like press@example.org, not '\(text.excerpt)'")
        return false
    }

    static func isValid(_ text: String) -> Bool {
        let parts = text.split(separator: "@", omittingEmptySubsequences: false)
        guard parts.count == 2, !parts[0].isEmpty, parts[0].count <= 64 else { return false }
        let localAllowed = "abcdefghijklmnopqrstuvwxyzABCDEFGHIJKLMNOPQRSTUVWXYZ0123456789.!#$%&'*+/=?^_`{|}~-"
        guard parts[0].allSatisfy({ localAllowed.contains($0) }), !parts[0].hasPrefix("."), !parts[0].hasSuffix("."),
              !parts[0].contains("..") else { return false }
        let labels = parts[1].split(separator: ".", omittingEmptySubsequences: false)
        guard labels.count >= 2, let tld = labels.last, tld.count >= 2, tld.allSatisfy({ $0.isASCII && $0.isLetter }) else { return false }
        return labels.allSatisfy { label in
            !label.isEmpty && label.count <= 63 && !label.hasPrefix("-") && !label.hasSuffix("-")
                && label.allSatisfy { $0.isASCII && ($0.isLetter || $0.isNumber || $0 == "-") }
        }
    }
}
