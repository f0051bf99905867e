import HandbookModel

/// Two files of one type whose names differ only in case clash on macOS and Windows.
enum SlugCollisionRule {
    static let id = "slug-collision"

    static func check(_ documents: [RawDocumentInfo]) -> [Diagnostic] {
        var seen: [String: RawDocumentInfo] = [:]
        var diagnostics: [Diagnostic] = []
        for document in documents {
            let key = document.type.folder + "/" + document.slug.lowercased()
            if let first = seen[key] {
                diagnostics.append(.error(id, at: SourceLocation(path: document.path, line: 1, column: 1),
                    "'\(document.slug).md' differs from '\(first.slug).md' only in case; they clash on macOS and Windows: rename one"))
            } else {
                seen[key] = document
            }
        }
        return diagnostics
    }
}
