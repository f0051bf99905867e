import HandbookModel

/// A topic an entry names is declared under `topics` in handbook.yml.
enum TopicRule: DeclaredIDRule {
    static let id: RuleID = "topic"
    static let defaultSeverity = Diagnostic.Severity.error
    static let summary = "topic ids are declared under `topics` in `handbook.yml`"
    static let word = "topic"

    static func declared(in context: ValidationContext) -> Set<String> { context.topicIDs }
}
