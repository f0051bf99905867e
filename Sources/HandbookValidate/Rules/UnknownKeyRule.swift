import HandbookModel

/// A key the type does not define, with a "did you mean" for near misses.
enum UnknownKeyRule: Rule {
    static let id: RuleID = "unknown-key"
    static let defaultSeverity = Diagnostic.Severity.error
    static let summary = "every key is a field of the type, with \"did you mean\" for near misses"

    static func report(_ key: String, in context: String, known: [String], at position: TextPosition, _ reporter: inout Reporter) {
        let hint = Suggestion.closest(to: key, in: known).map { "; did you mean '\($0)'?" }
            ?? "; known fields: \(known.joined(separator: ", "))"
        reporter.error(id, position, "unknown field '\(context)\(key.excerpt)'\(hint)")
    }
}
