import HandbookModel

/// A method an entry names is declared under `methods` in handbook.yml.
enum MethodRule: Rule {
    static let id: RuleID = "method"
    static let defaultSeverity = Diagnostic.Severity.error
    static let summary = "method ids are declared under `methods` in `handbook.yml`"

    static func check(_ text: String, context: ValidationContext, at position: TextPosition, _ reporter: inout Reporter) -> Bool {
        if context.methodIDs.contains(text) { return true }
        reporter.error(id, position, VocabularyRule.undeclared(text, word: "method", declared: context.methodIDs))
        return false
    }
}
