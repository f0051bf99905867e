import HandbookModel

/// A rule for ids that must be declared in a vocabulary of handbook.yml (topics, methods): what to call
/// the id and where the declared ones are; the check and its message are shared.
protocol DeclaredIDRule: Rule {
    /// The id in words: "topic", "method".
    static var word: String { get }
    /// The ids handbook.yml declares.
    static func declared(in context: ValidationContext) -> Set<String>
}

extension DeclaredIDRule {
    /// True when `text` is declared; otherwise reports it, with the nearest declared id.
    static func check(_ text: String, context: ValidationContext, at position: TextPosition, _ reporter: inout Reporter) -> Bool {
        // With handbook.yml unreadable, every use would be "undeclared": one error in the file, not hundreds.
        guard context.vocabulariesKnown else { return true }
        let declared = declared(in: context)
        if declared.contains(text) { return true }
        reporter.error(id, position, VocabularyRule.undeclared(text, word: word, declared: declared))
        return false
    }
}
