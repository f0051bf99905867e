import HandbookModel

/// Two files of one type whose names differ only in case clash on macOS and Windows.
enum SlugCollisionRule: Rule {
    static let id: RuleID = "slug-collision"
    static let defaultSeverity = Diagnostic.Severity.error
    static let summary = "file names of one type are unique ignoring case"

    static func check(_ documents: [RawDocumentInfo]) -> [Diagnostic] {
        var seen: [String: RawDocumentInfo] = [:]
        var diagnostics: [Diagnostic] = []
        for document in documents {
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
}
