import HandbookModel

/// A topic an entry names is declared under `topics` in handbook.yml.
enum TopicRule: Rule {
    static let id: RuleID = "topic"
    static let defaultSeverity = Diagnostic.Severity.error
    static let summary = "topic ids are declared under `topics` in `handbook.yml`"

    static func check(_ text: String, context: ValidationContext, at position: TextPosition, _ reporter: inout Reporter) -> Bool {
        if context.topicIDs.contains(text) { return true }
        reporter.error(id, position, VocabularyRule.undeclared(text, word: "topic", declared: context.topicIDs))
        return false
    }
}
