import HandbookModel

/// Whole numbers and amounts, with their lower bounds.
enum NumberRule: Rule {
    static let id: RuleID = "number"
    static let defaultSeverity = Diagnostic.Severity.error
    static let summary = "whole numbers and amounts are plain digits (no commas or currency signs) and respect their minimum"

    static func integer(_ text: String, minimum: Int?, name: String, at position: TextPosition, _ reporter: inout Reporter) -> FieldValue? {
        let digits = text.hasPrefix("-") || text.hasPrefix("+") ? text.dropFirst() : Substring(text)
        guard !digits.isEmpty, digits.count <= 18, digits.allSatisfy({ $0.isASCII && $0.isNumber }), let value = Int(text) else {
            reporter.error(id, position, "'\(name)' must be a whole number, not '\(text.excerpt)'")
            return nil
        }
        if let minimum, value < minimum {
            reporter.error(id, position, "'\(name)' must be at least \(minimum), not \(value)")
            return nil
        }
        return .integer(value)
    }

    static func number(_ text: String, minimum: Double?, name: String, at position: TextPosition, _ reporter: inout Reporter) -> FieldValue? {
        let body = text.hasPrefix("-") ? text.dropFirst() : Substring(text)
        let pieces = body.split(separator: ".", omittingEmptySubsequences: false)
        guard (1...2).contains(pieces.count), !pieces[0].isEmpty, pieces[0].count <= 15,
              pieces.allSatisfy({ !$0.isEmpty && $0.allSatisfy { $0.isASCII && $0.isNumber } }),
              let value = Double(text) else {
            reporter.error(id, position, "'\(name)' must be a number such as 25000 or 1250.50 (no commas or currency signs), not '\(text.excerpt)'")
            return nil
        }
        if let minimum, value < minimum {
            reporter.error(id, position, "'\(name)' must be at least \(Int(minimum)), not \(text)")
            return nil
        }
        return .number(text)
    }
}
