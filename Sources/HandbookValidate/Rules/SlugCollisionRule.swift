import HandbookModel

/// Two files of one type whose names differ only in case clash on macOS and Windows.
enum SlugCollisionRule: Rule {
    static let id: RuleID = "slug-collision"
    static let defaultSeverity = Diagnostic.Severity.error
    static let summary = "file names of one type are unique ignoring case"

    static func check(_ documents: [RawDocumentInfo]) -> [Diagnostic] {
        // Two names that differ only in case cannot both be in lower case: with no capital (or non-ASCII letter)
        // in any name, nothing clashes, and the check costs one look at each name's bytes. Otherwise only the
        // names with one, and the names they lower to, are compared, in the documents' order.
        var lowered: [EntityType: Set<String>] = [:]
        for document in documents where mayHaveCapitals(document.slug) {
            lowered[document.type, default: []].insert(document.slug.lowercased())
        }
        guard !lowered.isEmpty else { return [] }
        var seen: [String: RawDocumentInfo] = [:]
        var diagnostics: [Diagnostic] = []
        for document in documents {
            guard let names = lowered[document.type], mayHaveCapitals(document.slug) || names.contains(document.slug) else { continue }
            let key = document.type.folder + "/" + document.slug.lowercased()
            if let first = seen[key] {
                diagnostics.append(diagnostic(at: SourceLocation(path: document.path, line: 1, column: 1),
                    "'\(document.slug).md' differs from '\(first.slug).md' only in case; they clash on macOS and Windows: rename one"))
            } else {
                seen[key] = document
            }
        }
        return diagnostics
    }

    /// True when a name has an ASCII capital, or a byte beyond ASCII (whose lower case is left to `lowercased()`).
    private static func mayHaveCapitals(_ slug: String) -> Bool {
        slug.utf8.contains { $0 &- UInt8(ascii: "A") < 26 || $0 >= 0x80 }
    }
}
