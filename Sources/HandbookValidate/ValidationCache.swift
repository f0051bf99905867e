import Foundation
import HandbookModel

/// Each document's validation, kept between validations of the same tree (for `handbook serve`): while the
/// settings, today and the set of entries are what they were, a document that was not read again gives the
/// same result, so only the changed ones are checked. A change to handbook.yml, a new or removed entry, or
/// another day checks everything again.
public final class ValidationCache: @unchecked Sendable {
    /// What every document's result depends on besides the document itself.
    private struct Context: Equatable {
        var settings: YAMLNode?
        var today: PartialDate
        var slugs: [EntityType: Set<String>]
        var types: [EntityType]
    }

    private let lock = NSLock()
    private var context: Context?
    private var results: [String: (entity: Entity?, diagnostics: [Diagnostic])] = [:]
    private var reused = 0

    /// An empty cache: the first validation checks every document.
    public init() {}

    /// How many documents the last validation took from the cache.
    public var reusedCount: Int {
        lock.lock()
        defer { lock.unlock() }
        return reused
    }

    /// Starts a validation: forgets every result when the context changed.
    func begin(settings: YAMLNode?, today: PartialDate, slugs: [EntityType: Set<String>], types: TypeCatalog) {
        let now = Context(settings: settings, today: today, slugs: slugs, types: types.types)
        lock.lock()
        if context != now {
            context = now
            results = [:]
        }
        reused = 0
        lock.unlock()
    }

    /// The kept result for an unchanged document, if any.
    func result(_ path: String) -> (entity: Entity?, diagnostics: [Diagnostic])? {
        lock.lock()
        defer { lock.unlock() }
        let kept = results[path]
        if kept != nil { reused += 1 }
        return kept
    }

    /// Ends a validation: keeps its results, and only those (removed files are forgotten).
    func finish(_ paths: [String], _ made: [(entity: Entity?, diagnostics: [Diagnostic])]) {
        var kept: [String: (entity: Entity?, diagnostics: [Diagnostic])] = [:]
        kept.reserveCapacity(paths.count)
        for (path, result) in zip(paths, made) { kept[path] = result }
        lock.lock()
        results = kept
        lock.unlock()
    }
}
