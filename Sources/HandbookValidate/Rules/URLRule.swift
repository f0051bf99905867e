import HandbookModel

/// URLs are absolute http or https addresses.
enum URLRule: Rule {
    static let id: RuleID = "url"
    static let defaultSeverity = Diagnostic.Severity.error
    static let summary = "absolute `http`/`https` URLs with a valid host name and port"

    static func check(_ text: String, name: String, at position: TextPosition, _ reporter: inout Reporter) -> Bool {
        if let problem = problem(text) {
            reporter.error(id, position, "'\(name)' \(problem)")
            return false
        }
        return true
    }

    /// What is wrong with a URL, or nil when it is an absolute http(s) URL with a valid host (`WebAddress`).
    static func problem(_ text: String) -> String? {
        WebAddress.problem(text)
    }
}
