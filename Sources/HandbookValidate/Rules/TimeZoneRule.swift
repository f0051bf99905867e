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
        reporter.error(id, position, "'\(text.excerpt)' " + refusal(text))
        return false
    }

    /// Why a name is refused, and what to write instead.
    static func refusal(_ text: String) -> String {
        if text.hasPrefix("Etc/") {
            // IANA's Etc/ zones are fixed offsets, with the sign reversed (Etc/GMT+5 is UTC−5): a place's own zone
            // says what readers expect, summer time included.
            if utcNames.contains(text) { return "is another name for UTC; write UTC" }
            return "is a fixed offset (IANA's Etc/ zones reverse the sign: Etc/GMT+5 is UTC−5); write the place's own zone, such as Europe/London, or UTC"
        }
        if TimeZone(identifier: text) != nil {
            return "is an old name IANA keeps for old systems; write the place's own zone, such as America/New_York"
        }
        return "is not an IANA time zone; " + (Suggestion.closest(to: text, in: known).map { "did you mean '\($0)'?" } ?? "write a name such as Europe/London")
    }

    /// IANA's names of UTC under `Etc/`.
    static let utcNames: Set<String> = ["Etc/UTC", "Etc/UCT", "Etc/Universal", "Etc/Zulu", "Etc/GMT", "Etc/GMT0", "Etc/GMT+0", "Etc/GMT-0", "Etc/Greenwich"]
}
