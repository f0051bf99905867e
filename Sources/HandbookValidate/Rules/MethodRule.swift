import HandbookModel

/// A method an entry names is declared under `methods` in handbook.yml.
enum MethodRule: DeclaredIDRule {
    static let id: RuleID = "method"
    static let defaultSeverity = Diagnostic.Severity.error
    static let summary = "method ids are declared under `methods` in `handbook.yml`"
    static let word = "method"

    static func declared(in context: ValidationContext) -> Set<String> { context.methodIDs }
}
