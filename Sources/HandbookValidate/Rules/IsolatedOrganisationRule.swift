import HandbookModel

/// An organisation that nothing links to and that links to nothing: the social graph has no edge for it.
/// A warning, reported on pull requests so reviewers can ask for its networks, partners or funders.
public enum IsolatedOrganisationRule: Rule {
    /// The rule id.
    public static let id: RuleID = "isolated"
    /// A warning: the entry is valid, the graph merely misses it.
    public static let defaultSeverity = Diagnostic.Severity.warning
    /// What it checks.
    public static let summary = "an organisation that nothing links to and that links to nothing (with `--isolated`, and on GitHub pull requests)"

    /// Warnings for every published organisation with no reference in or out.
    public static func check(_ entities: [Entity]) -> [Diagnostic] {
        var linked: Set<EntityReference> = []
        for entity in entities where !entity.isDraft {
            let references = entity.references.filter { $0 != entity.reference }
            if !references.isEmpty { linked.insert(entity.reference) }
            linked.formUnion(references)
        }
        return entities.filter { $0.reference.type == .organisations && !$0.isDraft && !linked.contains($0.reference) }.map { entity in
            diagnostic(at: SourceLocation(path: entity.path, line: 1, column: 1),
                       "nothing links to '\(entity.reference.slug)' and it links to nothing; add its networks, partners or funders, or reference it from a case study, event or resource")
        }
    }
}
