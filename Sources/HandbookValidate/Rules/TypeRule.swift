import HandbookModel

/// A value of the wrong shape: a list where text belongs, text where a list belongs, and so on.
enum TypeRule: Rule {
    static let id: RuleID = "type"
    static let defaultSeverity = Diagnostic.Severity.error
    static let summary = "lists are lists, mappings are mappings, booleans are `true`/`false`"

    static func expected(_ what: String, for name: String, got node: YAMLNode, _ reporter: inout Reporter) {
        var fix = ""
        if what == "a list", node.scalarText != nil {
            fix = "; write it as a list, e.g. \(name): [\((node.scalarText ?? "").excerpt)]"
        }
        reporter.error(id, node.position, "'\(name)' must be \(what), not \(node.kindName)\(fix)")
    }

    static func boolean(_ text: String, for name: String, at position: TextPosition, _ reporter: inout Reporter) {
        reporter.error(id, position, "'\(name)' must be true or false, not '\(text.excerpt)'")
    }
}
