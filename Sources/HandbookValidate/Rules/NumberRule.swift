import HandbookModel

/// Whole numbers and amounts, with their bounds.
///
/// The bounds are what keeps every output's arithmetic in range: a whole number has at most 18 digits (it fits
/// a 64-bit integer), some fields set a maximum (`repeat.count`, `repeat.interval`, `sequence`, which calendars
/// read as a 32-bit number), and an amount has at most 15 significant digits, before and after the point
/// together, exact in a double for readers of the JSON files, and at most `fractionLimit` after it.
enum NumberRule: Rule {
    static let id: RuleID = "number"
    static let defaultSeverity = Diagnostic.Severity.error
    static let summary = "whole numbers and amounts are plain digits (no commas or currency signs) within their bounds"

    /// The most digits after an amount's decimal point: no currency has more minor units (ISO 4217's largest is 4).
    static let fractionLimit = 4
    /// The most digits before an amount's decimal point, and the most significant digits before and after it together.
    static let wholeLimit = 15

    static func integer(_ text: String, minimum: Int?, maximum: Int? = nil, name: String, at position: TextPosition, _ reporter: inout Reporter) -> FieldValue? {
        let digits = text.hasPrefix("-") || text.hasPrefix("+") ? text.dropFirst() : Substring(text)
        guard !digits.isEmpty, digits.count <= 18, digits.allSatisfy({ $0.isASCII && $0.isNumber }), let value = Int(text) else {
            reporter.error(id, position, "'\(name)' must be a whole number of at most 18 digits, not '\(text.excerpt)'")
            return nil
        }
        if let minimum, value < minimum {
            reporter.error(id, position, "'\(name)' must be at least \(minimum), not \(value)")
            return nil
        }
        if let maximum, value > maximum {
            reporter.error(id, position, "'\(name)' must be at most \(maximum), not \(value); write a smaller number")
            return nil
        }
        return .integer(value)
    }

    static func number(_ text: String, minimum: Double?, name: String, at position: TextPosition, _ reporter: inout Reporter) -> FieldValue? {
        let body = text.hasPrefix("-") ? text.dropFirst() : Substring(text)
        let pieces = body.split(separator: ".", omittingEmptySubsequences: false)
        guard (1...2).contains(pieces.count), !pieces[0].isEmpty,
              pieces.allSatisfy({ !$0.isEmpty && $0.allSatisfy { $0.isASCII && $0.isNumber } }) else {
            reporter.error(id, position, "'\(name)' must be a number such as 25000 or 1250.50 (no commas or currency signs), not '\(text.excerpt)'")
            return nil
        }
        if pieces[0].count > wholeLimit {
            reporter.error(id, position, "'\(name)' has \(pieces[0].count) digits before the decimal point; the limit is \(wholeLimit)")
            return nil
        }
        if pieces.count == 2 && pieces[1].count > fractionLimit {
            reporter.error(id, position, "'\(name)' has \(pieces[1].count) digits after the decimal point; the limit is \(fractionLimit) (no currency has smaller units): round it")
            return nil
        }
        // A double keeps 15 significant digits exactly: a reader of the JSON files that takes numbers as doubles
        // (most do) must read back the amount as written, so the digits before and after the point count together.
        let significant = pieces[0].drop { $0 == "0" }.count + (pieces.count == 2 ? pieces[1].count : 0)
        if significant > wholeLimit {
            reporter.error(id, position, "'\(name)' has \(significant) significant digits; the limit is \(wholeLimit) in all, before and after the point (more would not read back exactly as a JSON number): round it")
            return nil
        }
        if let minimum, let value = Double(text), value < minimum {
            reporter.error(id, position, "'\(name)' must be at least \(Int(minimum)), not \(text)")
            return nil
        }
        return .number(text)
    }
}
