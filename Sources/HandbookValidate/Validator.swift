import HandbookModel
import HandbookLoad

/// The outcome of validating a content tree: typed entities, settings and every problem found.
public struct ValidationResult: Sendable {
    /// Settings from handbook.yml, with defaults for what is missing.
    public var settings: Settings
    /// Every entry whose front matter could be read, drafts included, sorted by type and slug.
    public var entities: [Entity]
    /// Every problem, sorted by file and position.
    public var diagnostics: [Diagnostic]
    /// How many files were read.
    public var fileCount: Int

    /// The number of errors.
    public var errorCount: Int { diagnostics.lazy.filter { $0.severity == .error }.count }
    /// The number of warnings.
    public var warningCount: Int { diagnostics.lazy.filter { $0.severity == .warning }.count }
    /// True when a content file could not be read (`io`): an I/O error, which exits with status 2, not 1.
    public var hasIOErrors: Bool { diagnostics.contains { $0.rule == IORule.id.rawValue } }
}

/// Checks a loaded tree against the type descriptors: schemas, cross-field rules and references.
public enum Validator {
    /// Validates `tree`; `today` decides which review dates are stale; `isolated` adds warnings for
    /// organisations with no link in or out (for pull requests).
    /// With a `cache`, documents whose paths are not in `changed` (read again since the last validation) take
    /// their kept result when nothing else they depend on changed.
    public static func validate(_ tree: LoadedTree, today: PartialDate, isolated: Bool = false, types: TypeCatalog = .standard,
                                cache: ValidationCache? = nil, changed: Set<String> = []) -> ValidationResult {
        let (settings, settingsDiagnostics) = SettingsRule.read(tree.settings, path: tree.settingsPath, today: today)
        var slugs: [EntityType: Set<String>] = [:]
        // By position: iterating the documents would copy (retain and release) every part of each.
        for index in tree.documents.indices { slugs[tree.documents[index].type, default: []].insert(tree.documents[index].slug) }
        // handbook.yml there but not read (a YAML error, a folder or a pipe in its place) is reported by the load.
        let settingsUnreadable = tree.settings == nil && tree.diagnostics.contains { $0.location.path == tree.settingsPath }
        var made = ValidationContext(settings: settings, today: today, slugs: slugs, types: types, vocabulariesKnown: !settingsUnreadable)
        made.unlistedTypes = tree.unlistedTypes
        let context = made

        cache?.begin(ValidationCache.key(of: tree, today: today, types: types))
        let results = Parallel.map(tree.documents) { document in
            if let cache, !changed.contains(document.path), let kept = cache.result(document.path) { return kept }
            return check(document, context: context)
        }
        cache?.finish(tree.documents.map(\.path), results)

        var diagnostics = tree.diagnostics + settingsDiagnostics
        if let node = tree.settings {
            var reporter = Reporter(path: tree.settingsPath)
            checkCharacters(node, &reporter)
            diagnostics += reporter.diagnostics
        }
        var entities: [Entity] = []
        entities.reserveCapacity(results.count)
        for result in results {
            diagnostics.append(contentsOf: result.diagnostics)
            if let entity = result.entity { entities.append(entity) }
        }
        diagnostics.append(contentsOf: SlugCollisionRule.check(tree.documents.map { RawDocumentInfo(type: $0.type, slug: $0.slug, path: $0.path) }))
        entities.sort { $0.reference < $1.reference }
        diagnostics.append(contentsOf: SameBodyRule.check(entities, types: types))
        if isolated { diagnostics.append(contentsOf: IsolatedOrganisationRule.check(entities)) }
        diagnostics.sort()
        return ValidationResult(settings: settings, entities: entities, diagnostics: diagnostics, fileCount: tree.fileCount)
    }

    /// The rules on characters (`control-character`, `bidi-control`), which nearly every front matter passes: one walk
    /// of its texts with both tests first, and the rules, which name each field, only when one may report.
    static func checkCharacters(_ node: YAMLNode, _ reporter: inout Reporter) {
        guard FrontMatterTexts.any(in: node, { ControlCharacterRule.mayReport($0) || BidiControlRule.mayReport($0) }) else { return }
        ControlCharacterRule.check(node, &reporter)
        BidiControlRule.check(node, &reporter)
    }

    /// Checks one document on its own against the context (every rule that needs only this file and the index).
    public static func check(_ document: RawDocument, context: ValidationContext) -> (entity: Entity?, diagnostics: [Diagnostic]) {
        var reporter = Reporter(path: document.path)
        let info = RawDocumentInfo(type: document.type, slug: document.slug, path: document.path)
        SlugRule.check(info, types: context.types, &reporter)
        ControlCharacterRule.check(body: document.body, line: document.bodyLine, &reporter)
        BidiControlRule.check(body: document.body, line: document.bodyLine, &reporter)
        guard let frontMatter = document.frontMatter else {
            if let partial = document.partialFrontMatter {
                // What can be told of the keys that read: their characters and values, not what is missing (it may be
                // in the field that did not read), nor the rules that weigh fields together.
                checkCharacters(partial, &reporter)
                let reader = FieldReader(context: context, entry: EntityReference(type: document.type, slug: document.slug))
                _ = reader.readMapping(partial, schema: context.types[document.type].fields, prefix: "", requiring: false, &reporter)
            }
            return (nil, reporter.diagnostics)
        }
        checkCharacters(frontMatter, &reporter)
        let descriptor = context.types[document.type]
        let reader = FieldReader(context: context, entry: EntityReference(type: document.type, slug: document.slug))
        let entries = reader.readMapping(frontMatter, schema: descriptor.fields, prefix: "", &reporter)
        let fields = DocumentFields(info: info, entries: entries, start: frontMatter.position, raw: frontMatter)
        for rule in RuleRegistry.documentRules {
            rule.check(fields, context: context, &reporter)
        }
        let entity = Entity(reference: EntityReference(type: document.type, slug: document.slug), path: document.path,
                            fields: entries, body: document.body, bodyLine: document.bodyLine, nameField: descriptor.nameField)
        return (entity, reporter.diagnostics)
    }
}
