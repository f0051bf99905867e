import HandbookModel

/// A list names each item once.
enum DuplicateItemRule: Rule {
    static let id: RuleID = "duplicate-item"
    static let defaultSeverity = Diagnostic.Severity.error
    static let summary = "a list of values (references, topics, aliases, links) gives each one once"

    /// Reports every item of `items` (a list's) that repeats an earlier one; records and lists are not compared
    /// (two grants may be alike).
    static func check(_ items: [YAMLNode], name: String, _ reporter: inout Reporter) {
        guard items.count > 1 else { return }
        var first: [String: Int] = [:]
        for (index, item) in items.enumerated() {
            guard let text = item.scalarText?.trimmingSpaces, !text.isEmpty else { continue }
            if let earlier = first[text] {
                reporter.error(id, item.position, "'\(name)\(FieldReader.itemSuffix(index))' repeats '\(text)' (item \(earlier + 1)); remove the repeat")
            } else {
                first[text] = index
            }
        }
    }
}
