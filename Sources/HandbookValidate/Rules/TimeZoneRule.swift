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
        // Foundation's list holds ICU's canonical names, which lag behind IANA's (it has Asia/Calcutta, not
        // Asia/Kolkata): a name of the Area/Location form the system's database reads is a time zone too.
        if text.contains("/") && !text.hasPrefix("Etc/") && TimeZone(identifier: text) != nil { return true }
        reporter.error(id, position, "'\(text.excerpt)' is not an IANA time zone; " + (Suggestion.closest(to: text, in: known).map { "did you mean '\($0)'?" } ?? "write a name such as Europe/London"))
        return false
    }
}
