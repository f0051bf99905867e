import HandbookModel

/// File names make slugs: lower-case ASCII letters, digits and single hyphens, 1–80 characters.
enum SlugRule: Rule {
    static let id: RuleID = "slug"
    static let defaultSeverity = Diagnostic.Severity.error
    static let summary = "file names are lower-case ASCII letters, digits and single hyphens (1–80) and not a name the site uses itself"

    static func isValid(_ slug: String) -> Bool {
        Slug.isValid(slug)
    }

    /// Names the site uses for its own pages: filter pages inside each type, and top-level sections beside pages.
    static let reservedInTypes: Set<String> = Set(Facet.allCases.map { "by-" + $0.rawValue })
    /// Sections of the site that are not types of entry: every top-level folder a build writes that is not a
    /// type's (`ReservedNamesTests` builds a site and checks that each is here or `replaceable`).
    static let siteSections: Set<String> = ["topics", "methods", "search", "assets", "api", "feed", "404", "graph", "insights"]
    /// Sections a page of the content may take, replacing the theme's: `pages/privacy.md`.
    static let replaceable: Set<String> = ["privacy"]

    /// The slugs an entry of `type` may not take: the site's sections beside pages at the root, filter pages in a type.
    static func reserved(in type: EntityType, types: TypeCatalog) -> Set<String> {
        types[type].urlFolder.isEmpty ? siteSections.union(types.types.map(\.folder)) : reservedInTypes
    }

    static func check(_ document: RawDocumentInfo, types: TypeCatalog, _ reporter: inout Reporter) {
        let atRoot = types[document.type].urlFolder.isEmpty
        if reserved(in: document.type, types: types).contains(document.slug) {
            reporter.error(id, TextPosition(line: 1, column: 1),
                "'\(document.slug)' is used by the site itself (\(atRoot ? "a section's address" : "a filter page")); rename the file")
            return
        }
        guard !isValid(document.slug) else { return }
        reporter.error(id, TextPosition(line: 1, column: 1),
            "the file name '\(document.slug).md' is not a valid slug; rename it to '\(suggested(document.slug)).md' (lower-case letters, digits and single hyphens, at most 80 characters)")
    }

    static func suggested(_ text: String) -> String {
        let slug = Slug.make(from: text)
        return slug.isEmpty ? "entry" : slug
    }
}

/// The identity of a document, as document rules see it.
struct RawDocumentInfo {
    var type: EntityType
    var slug: String
    var path: String
}
