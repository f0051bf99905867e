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
        let texts = items.map { $0.scalarText?.trimmingSpaces ?? "" }
        // A list holds a handful of items: each is compared with those before it, not hashed into a table (a table
        // for every list cost a tenth of `check`); a long list gets one.
        if texts.count <= 16 {
            for index in 1..<texts.count where !texts[index].isEmpty {
                if let earlier = texts[..<index].firstIndex(of: texts[index]) { report(texts[index], index, earlier, items, name, &reporter) }
            }
            return
        }
        var first: [String: Int] = [:]
        for (index, text) in texts.enumerated() where !text.isEmpty {
            if let earlier = first[text] { report(text, index, earlier, items, name, &reporter) } else { first[text] = index }
        }
    }

    private static func report(_ text: String, _ index: Int, _ earlier: Int, _ items: [YAMLNode], _ name: String, _ reporter: inout Reporter) {
        reporter.error(id, items[index].position, "'\(name)\(FieldReader.itemSuffix(index))' repeats '\(text)' (item \(earlier + 1)); remove the repeat")
    }
}
