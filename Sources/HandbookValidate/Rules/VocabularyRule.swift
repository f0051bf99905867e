import HandbookModel

/// The ids declared under `topics` and `methods` in handbook.yml must be slugs; a use of one must be declared.
enum VocabularyRule: Rule {
    static let id: RuleID = "vocabulary"
    static let defaultSeverity = Diagnostic.Severity.error
    static let summary = "the topic and method ids declared in `handbook.yml` are slugs"

    /// Checks a topic or method used by an entry; the problem is reported under `TopicRule` or `MethodRule`.
    static func check(_ text: String, kind: FieldKind, context: ValidationContext, at position: TextPosition, _ reporter: inout Reporter) -> Bool {
        kind == .topic ? TopicRule.check(text, context: context, at: position, &reporter)
            : MethodRule.check(text, context: context, at: position, &reporter)
    }

    static func checkDeclaredID(_ id: String, at position: TextPosition, _ reporter: inout Reporter) -> Bool {
        if SlugRule.isValid(id) { return true }
        reporter.error(self.id, position, "'\(id)' is not a valid id; use lower-case letters, digits and single hyphens, such as 'citizens-assemblies'")
        return false
    }

    /// The message for an undeclared id, shared by topics and methods: `word` is "topic" or "method".
    static func undeclared(_ text: String, word: String, declared: Set<String>) -> String {
        let hint = Suggestion.closest(to: text, in: declared).map { "did you mean '\($0)'? " } ?? ""
        return "unknown \(word) '\(text.excerpt)'; \(hint)declare it under '\(word)s' in handbook.yml or use a declared id"
    }
}
