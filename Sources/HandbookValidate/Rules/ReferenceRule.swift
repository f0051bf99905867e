import HandbookModel

/// References name an existing entry of the right type, other than the entry itself.
enum ReferenceRule: Rule {
    static let id: RuleID = "reference"
    static let defaultSeverity = Diagnostic.Severity.error
    static let summary = "references name an existing entry of the right type, not the entry itself"

    static func check(_ slug: String, type: EntityType, name: String, context: ValidationContext, naming entry: EntityReference? = nil,
                      at position: TextPosition, _ reporter: inout Reporter) -> Bool {
        let slugs = context.slugs[type] ?? []
        if let entry, entry.type == type, entry.slug == slug {
            // A link from an entry to itself says nothing, and the social graph has no such edge to draw.
            reporter.error(id, position, "'\(name)' names this entry itself; an entry is linked to others only, so remove '\(slug.excerpt)'")
            return false
        }
        if slugs.contains(slug) || context.unlistedTypes.contains(type) { return true }
        if let other = context.types.types.first(where: { $0 != type && context.slugs[$0]?.contains(slug) == true }) {
            let wanted = context.types[type].singular
            let found = context.types[other].singular
            reporter.error(id, position, "'\(name)' must name \(article(wanted)) \(wanted), but '\(slug.excerpt)' is \(article(found)) \(found) (\(contentFolder(of: reporter.path))\(other.folder)/\(slug).md)")
            return false
        }
        let hint = Suggestion.closest(to: slug, in: slugs).map { "did you mean '\($0)'? " } ?? ""
        reporter.error(id, position, "'\(name)' names '\(slug.excerpt)', but there is no \(contentFolder(of: reporter.path))\(type.folder)/\(slug).md; \(hint)check the spelling or add the entry")
        return false
    }

    /// The content folder (with its final `/`) of the entry at `path`, written as the entry's own path is:
    /// every entry is `<content>/<type folder>/<slug>.md`.
    static func contentFolder(of path: String) -> String {
        var parts = path.split(separator: "/", omittingEmptySubsequences: false)
        guard parts.count >= 3 else { return "" }
        parts.removeLast(2)
        return parts.joined(separator: "/") + "/"
    }

    static func article(_ word: String) -> String {
        ["a", "e", "i", "o", "u"].contains(word.prefix(1)) ? "an" : "a"
    }
}
