import Foundation
import HandbookModel

/// Time zones are IANA names that Foundation knows.
enum TimeZoneRule: Rule {
    static let id: RuleID = "timezone"
    static let defaultSeverity = Diagnostic.Severity.error
    static let summary = "IANA time zones (Foundation's `TimeZone`)"
    static let known: Set<String> = Set(TimeZone.knownTimeZoneIdentifiers).union(["UTC"])

    static func check(_ text: String, name: String, at position: TextPosition, _ reporter: inout Reporter) -> Bool {
        if known.contains(text) { return true }
        reporter.error(id, position, "'\(text.excerpt)' is not an IANA time zone; " + (Suggestion.closest(to: text, in: known).map { "did you mean '\($0)'?" } ?? "write a name such as Europe/London"))
        return false
    }
}
