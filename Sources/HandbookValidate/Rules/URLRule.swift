import Foundation
import HandbookModel

/// URLs are absolute http or https addresses.
enum URLRule: Rule {
    static let id: RuleID = "url"
    static let defaultSeverity = Diagnostic.Severity.error
    static let summary = "absolute `http`/`https` URLs with a host name"

    static func check(_ text: String, name: String, at position: TextPosition, _ reporter: inout Reporter) -> Bool {
        if let problem = problem(text) {
            reporter.error(id, position, "'\(name)' \(problem)")
            return false
        }
        return true
    }

    /// What is wrong with a URL, or nil when it is an absolute http(s) URL with a host.
    static func problem(_ text: String) -> String? {
        let lower = text.lowercased()
        guard lower.hasPrefix("http://") || lower.hasPrefix("https://") else {
            if lower.contains(":") && !lower.hasPrefix("www.") {
                return "must be an http or https URL; '\(text.prefix(60))' uses another scheme"
            }
            return "must be an absolute URL starting with https:// or http://, e.g. https://\(text.prefix(60))"
        }
        if text.unicodeScalars.contains(where: { $0 == " " || $0.value < 0x20 || $0 == "\"" || $0 == "<" || $0 == ">" }) {
            return "must not contain spaces, quotes or angle brackets; encode them (%20)"
        }
        guard let components = URLComponents(string: text), let host = components.host, !host.isEmpty else {
            return "is not a valid URL: '\(text.prefix(80))'"
        }
        guard host.contains(".") || host.hasPrefix("[") || host == "localhost" else {
            return "needs a full host name such as example.org, not '\(host)'"
        }
        return nil
    }
}
