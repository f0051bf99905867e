import HandbookLoad
import HandbookModel
import HandbookValidate
#if canImport(Glibc)
import Glibc
#elseif canImport(Darwin)
import Darwin
#endif

/// The load and validate stages as a build runs them: afresh, from `serve`'s in-memory caches, or from the last
/// build's records of the content files (`CheckedFiles`).
extension Pipeline {
    /// Loads and validates the content. The loaded tree (YAML nodes of every file) is released when this
    /// returns, before rendering starts, so it does not add to the build's peak memory.
    /// With a `cache`, only files changed since its last load are read, parsed and validated.
    static func loadAndValidate(_ options: BuildOptions, clock: inout PhaseClock, cache: PreviewCache? = nil,
                                loaded: (LoadedTree) -> Void = { _ in }) throws(BuildFailure) -> ValidationResult {
        let tree: LoadedTree
        do {
            tree = try ContentLoader.load(contentPath: options.contentPath, types: options.types, cache: cache?.files)
        } catch {
            throw .load(error)
        }
        return validate(tree, options, clock: &clock, files: cache?.files, validation: cache?.validation, loaded: loaded)
    }

    /// Validates a loaded tree (with `validation`'s kept results for the files `files` did not read again), after
    /// timing the load and handing the tree to `loaded`. The tree (YAML nodes of every file) is freed beside the
    /// build, not before its next phase.
    private static func validate(_ tree: LoadedTree, _ options: BuildOptions, clock: inout PhaseClock, files: LoadCache?,
                                 validation: ValidationCache?, loaded: (LoadedTree) -> Void) -> ValidationResult {
        clock.mark("load")
        loaded(tree)
        let result = Validator.validate(tree, today: options.today, types: options.types,
                                        cache: validation, changed: files.map { Set($0.parsed.keys) } ?? [])
        clock.mark("validate")
        Parallel.release(tree)
        return result
    }

    /// What a load and validation from the last build's records leave to make this build's records from.
    struct Checked: Sendable {
        /// The files as stamped and loaded.
        var files: LoadCache
        /// Their checked results.
        var validation: ValidationCache
        /// Files that changed at or after this moment (nanoseconds since 1970) are not recorded.
        var settled: Int64
    }

    /// Loads and validates the content as `loadAndValidate(_:clock:cache:loaded:)` does, starting from the last
    /// build's records (`kept`) when given: a file whose stamp is unchanged is neither read nor checked again while
    /// what its checks depend on is the same. Gives the validation, and what to make this build's records from.
    static func loadAndValidate(_ options: BuildOptions, clock: inout PhaseClock, kept: CheckedFiles?,
                                loaded: (LoadedTree) -> Void) throws(BuildFailure) -> (validation: ValidationResult, checked: Checked) {
        var now = timespec()
        clock_gettime(CLOCK_REALTIME, &now)
        let started = Int64(now.tv_sec) * 1_000_000_000 + Int64(now.tv_nsec)
        var caches = kept?.caches ?? (files: LoadCache(), validation: ValidationCache())
        var tree: LoadedTree
        do {
            tree = try ContentLoader.load(contentPath: options.contentPath, types: options.types, cache: caches.files)
            if let kept, !kept.records.isEmpty, ValidationCache.key(of: tree, today: options.today, types: options.types) != kept.context {
                // Something every check reads changed: the kept files' front matter, which was not read, is needed.
                caches = (files: LoadCache(), validation: ValidationCache())
                tree = try ContentLoader.load(contentPath: options.contentPath, types: options.types, cache: caches.files)
            }
        } catch {
            throw .load(error)
        }
        let validation = validate(tree, options, clock: &clock, files: caches.files, validation: caches.validation, loaded: loaded)
        return (validation, Checked(files: caches.files, validation: caches.validation, settled: started - options.settlingTime))
    }
}
