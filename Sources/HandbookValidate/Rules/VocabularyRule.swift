import HandbookModel

/// Topic and method ids must be declared in handbook.yml; declared ids must be slugs.
enum VocabularyRule {
    static let topicID = "topic"
    static let methodID = "method"
    static let declarationID = "vocabulary"

    static func check(_ text: String, kind: FieldKind, context: ValidationContext, at position: TextPosition, _ reporter: inout Reporter) -> Bool {
        let isTopic = kind == .topic
        let declared = isTopic ? context.topicIDs : context.methodIDs
        if declared.contains(text) { return true }
        let word = isTopic ? "topic" : "method"
        let hint = Suggestion.closest(to: text, in: declared).map { "did you mean '\($0)'? " } ?? ""
        reporter.error(isTopic ? topicID : methodID, position,
                       "unknown \(word) '\(text.excerpt)'; \(hint)declare it under '\(word)s' in handbook.yml or use a declared id")
        return false
    }

    static func checkDeclaredID(_ id: String, at position: TextPosition, _ reporter: inout Reporter) -> Bool {
        if SlugRule.isValid(id) { return true }
        reporter.error(declarationID, position, "'\(id)' is not a valid id; use lower-case letters, digits and single hyphens, such as 'citizens-assemblies'")
        return false
    }
}
