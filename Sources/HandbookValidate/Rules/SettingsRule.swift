import HandbookModel

/// handbook.yml: its fields, and a base URL that ends in '/' with no query, fragment or user.
enum SettingsRule: Rule {
    static let id: RuleID = "settings"
    static let defaultSeverity = Diagnostic.Severity.error
    static let summary = "`base_url` ends in `/` and has no query, fragment or user, and its scheme and host are lower-case ASCII"

    static func read(_ node: YAMLNode?, path: String, today: PartialDate) -> (Settings, [Diagnostic]) {
        var settings = Settings()
        guard let node else { return (settings, []) }
        var reporter = Reporter(path: path)
        let bootstrap = ValidationContext(settings: settings, today: today, slugs: [:])
        let fields = FieldReader(context: bootstrap).readMapping(node, schema: Schemas.settings, prefix: "", &reporter)
        for field in fields {
            switch (FieldName(field.key), field.value) {
            case (.title, .text(let text)): settings.title = text
            case (.description, .text(let text)): settings.description = text
            case (.baseURL, .text(let text)):
                // The field reader has checked it as a URL; a base URL also takes no query, fragment or user.
                if let problem = WebAddress.baseURLProblem(text) {
                    reporter.error(id, valuePosition(node, field), "'base_url' \(problem)")
                } else if text.hasSuffix("/") {
                    settings.baseURL = text
                } else {
                    reporter.error(id, field.position, "'base_url' must end in '/': write '\(text)/'")
                }
            case (.language, .text(let text)): settings.language = text
            case (.timezone, .text(let text)): settings.timezone = text
            case (.reviewAfterMonths, .integer(let months)): settings.reviewAfterMonths = months
            case (.repository, .text(let text)):
                settings.repository = RepositoryRule.repository(text, at: valuePosition(node, field), &reporter)
            case (.branch, .text(let text)):
                if RepositoryRule.checkBranch(text, at: valuePosition(node, field), &reporter) { settings.branch = text }
            case (.topics, .record(let entries)): settings.topics = entries.compactMap { entry in entry.value.text.map { (entry.key, $0) } }
            case (.methods, .record(let entries)): settings.methods = entries.compactMap { entry in entry.value.text.map { (entry.key, $0) } }
            default: break
            }
        }
        return (settings, reporter.diagnostics)
    }

    /// Where a field's value was written (its key's position when it cannot be found).
    static func valuePosition(_ node: YAMLNode, _ field: FieldEntry) -> TextPosition {
        node.pairs?.first { $0.key == field.key }?.value.position ?? field.position
    }
}
