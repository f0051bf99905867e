import Dispatch
import HandbookLoad
import HandbookModel
import HandbookRender
import HandbookValidate

/// The pipeline's entry points: load → validate → render → write.
public enum Pipeline {
    /// Loads and validates the tree at `contentPath`. Throws only for the tool's own failures (I/O).
    public static func check(contentPath: String, today: PartialDate, isolated: Bool = false, types: TypeCatalog = .standard) throws(LoadError) -> ValidationResult {
        let tree = try ContentLoader.load(contentPath: contentPath, types: types)
        // The loaded files (every file's YAML nodes) are freed on another thread while the caller reports.
        defer { Parallel.release(tree) }
        return Validator.validate(tree, today: today, isolated: isolated, types: types)
    }

    /// The sector's insights (`check --gaps` prints their to-do list) for checked content: the render stage's
    /// index and social graph made from the validated entries, read and never written.
    public static func insights(of validation: ValidationResult, today: PartialDate, types: TypeCatalog = .standard) -> SectorInsights {
        let index = SiteIndex(settings: validation.settings, entities: validation.entities, today: today, types: types)
        return SectorInsights(index: index, graph: SocialGraph(index: index))
    }

    /// What to build, from where, to where.
    public struct BuildOptions: Sendable {
        /// The content tree.
        public var contentPath: String
        /// The theme directory.
        public var themePath: String
        /// The output directory, replaced when the build succeeds.
        public var outputPath: String
        /// Overrides `base_url` from handbook.yml.
        public var baseURL: String?
        /// Overrides `repository` from handbook.yml.
        public var repository: GitHubRepository?
        /// Fail the build when an internal link or asset reference does not resolve.
        public var checkLinks: Bool
        /// The day "upcoming" counts from.
        public var today: PartialDate
        /// When set (from SOURCE_DATE_EPOCH), every entry's last change is this time instead of its git or file date.
        public var fixedChangeDate: Int64?
        /// The types of entry.
        public var types: TypeCatalog = .standard
        /// The outputs to make.
        public var outputs: [any OutputGenerator.Type] = Outputs.standard
        /// How long before the build began a content file must have last changed for its checked result to be
        /// kept for the next build (`CheckedFiles`), in nanoseconds: a file changed later could change again
        /// within one tick of the file system's clock without its stamp moving. Two seconds covers the coarsest
        /// clocks (FAT's); the tests, which edit files between builds, set 0.
        var settlingTime: Int64 = 2_000_000_000

        /// Creates options.
        public init(contentPath: String, themePath: String, outputPath: String, baseURL: String?, checkLinks: Bool,
                    today: PartialDate, fixedChangeDate: Int64? = nil, types: TypeCatalog = .standard) {
            self.contentPath = contentPath
            self.themePath = themePath
            self.outputPath = outputPath
            self.baseURL = baseURL
            self.checkLinks = checkLinks
            self.today = today
            self.fixedChangeDate = fixedChangeDate
            self.types = types
        }
    }

    /// What a build did.
    public struct BuildReport: Sendable {
        /// The validation of the content (its diagnostics are the build's).
        public var validation: ValidationResult
        /// How many files the site has (0 when the content has errors).
        public var fileCount: Int
        /// Internal links that lead nowhere (only with `checkLinks`).
        public var brokenLinks: [LinkChecker.BrokenLink]
        /// True when the output directory was replaced.
        public var written: Bool
        /// Which files writing the output created, rewrote, left untouched or removed.
        public var changes = OutputChanges()
        /// How many files were kept from the last build without being made again (`RenderPlan`).
        public var keptCount = 0
        /// How many content files were read and checked afresh; a rebuild takes the others from the last build's
        /// records (`CheckedFiles`).
        public var readCount = 0
        /// Seconds spent in each phase, in pipeline order, for `make bench`.
        public var timings: [(phase: String, seconds: Double)] = []
    }

    /// Why a build stopped before or while writing.
    public enum BuildFailure: Error, Sendable, CustomStringConvertible {
        case load(LoadError)
        case theme(ThemeError)
        case output(BuildError)

        /// The message shown to the user.
        public var description: String {
            switch self {
            case .load(let error): return error.description
            case .theme(let error): return error.description
            case .output(let error): return error.description
            }
        }

        /// The message's lines, each shown as one line of the terminal: a theme's problems one a line.
        public var lines: [String] {
            if case .theme(let error) = self { return error.lines }
            return [description]
        }
    }

    /// Checks everything, renders the site and writes what changed into the output directory (see `OutputWriter`); writes nothing when there is an error.
    public static func build(_ options: BuildOptions) throws(BuildFailure) -> BuildReport {
        var clock = PhaseClock()
        do {
            try OutputWriter.checkOutput(options.outputPath, content: options.contentPath, theme: options.themePath)
        } catch {
            throw .output(error)
        }
        // With a fixed date (SOURCE_DATE_EPOCH) nothing says when entries were added, so none is called new.
        let pendingHistory = options.fixedChangeDate == nil ? ChangeHistory.Pending(contentPath: options.contentPath) : nil
        // The output is opened (the old site listed beside its standby) and the theme compiled while the content
        // is read and checked: neither depends on it. A build that stops on the content's errors lets both go.
        let opening = Background { Result { () throws(BuildError) in try OutputSession(output: options.outputPath) } }
        let theming = Background { Result { () throws(BuildFailure) in
            let files = try loadTheme(options)
            return (files: files, theme: try compileTheme(files, options))
        } }
        func abandon() {
            if case .success(let session) = opening.value { session.abandon() }
        }
        // The last build's records of the content files it checked (`CheckedFolder`), kept beside the output. Files
        // are stamped (to be recorded) only where there are records or an output already, that is on a rebuild.
        let location = OutputLocation(options.outputPath)
        let kept = CheckedFolder.read(location.checked, tool: BuildInputs.toolIdentity)
        let stamping = kept != nil || FileSystem.kind(location.output) == .directory
        var frontMatter: [(path: String, digest: ByteDigest)] = []
        // The files' modification times as the loader saw them: an entry's last change where git does not know it.
        var modified: [String: Int64] = [:]
        let loaded = { (tree: LoadedTree) in
            frontMatter = tree.documents.map { ($0.path, $0.frontMatterDigest) }
            guard pendingHistory != nil else { return }
            modified.reserveCapacity(tree.documents.count)
            for index in tree.documents.indices { if let time = tree.documents[index].modified { modified[tree.documents[index].path] = time } }
        }
        var validation: ValidationResult
        var checked: Checked?
        do {
            if stamping {
                (validation, checked) = try loadAndValidate(options, clock: &clock, kept: kept?.files, loaded: loaded)
            } else {
                validation = try loadAndValidate(options, clock: &clock, loaded: loaded)
            }
        } catch {
            abandon()
            throw error
        }
        let readCount = checked?.files.parsed.count ?? frontMatter.count
        guard validation.errorCount == 0 else {
            abandon()
            return BuildReport(validation: validation, fileCount: 0, brokenLinks: [], written: false, readCount: readCount)
        }
        // This build's records are made and the changed shards written beside rendering; the commit waits for them,
        // so they are written under the output's lock.
        let recording = checked.map { checked in
            Background {
                if let records = CheckedFiles(files: checked.files, validation: checked.validation, kept: kept?.files, settled: checked.settled) {
                    CheckedFolder.write(records, to: location.checked, tool: BuildInputs.toolIdentity, kept: kept)
                }
            }
        }
        let themeFiles: ThemeFiles, theme: Theme
        switch theming.value {
        case .success(let made): (themeFiles, theme) = made
        case .failure(let error):
            abandon()
            throw error
        }
        clock.mark("theme")
        date(&validation, history: pendingHistory?.history(paths: validation.entities.map(\.path), modified: modified) ?? [:], options)
        clock.mark("history")
        // Writing starts as soon as the first output is made: each generator's files are compared with the
        // old output and staged as it finishes, and then let go, so the site's bytes are never all held at once.
        let session: OutputSession
        switch opening.value {
        case .success(let opened): session = opened
        case .failure(let error): throw .output(error)
        }
        // What the site is made from, and so what the last build's output still serves, is worked out beside the
        // site's index: neither reads the other. It is digested only for a build that keeps it (with the standby)
        // or compares it with the last one's: a first build into a new folder has neither.
        let baseURL = Self.baseURL(validation, options)
        let (entities, frontMatterDigests) = (validation.entities, frontMatter)
        let planning = Background { () -> (plan: RenderPlan, state: BuildState) in
            var inputs = BuildInputs(options: options, baseURL: baseURL, theme: themeFiles)
            if session.keepsStandby {
                inputs.add(frontMatterDigests)
                inputs.add(entities)
            }
            // The state to keep for the next build, its entries' part encoded now rather than in the commit.
            var state = BuildState(site: inputs.site, entries: inputs.entries, outputs: [:])
            if session.keepsStandby { state.prepareEntries() }
            // What the last build's output was made from says which outputs can be kept as they are (never when
            // links are checked: the check reads every page).
            return (RenderPlan(previous: options.checkLinks ? nil : session.previous, inputs: inputs, entities: entities), state)
        }
        let index = siteIndex(validation, options)
        clock.mark("index")
        let plan = planning.value.plan
        var state = planning.value.state
        let checkedBase = baseURL.hasSuffix("/") ? baseURL : baseURL + "/"
        clock.mark("open the output")
        // A rebuild tokenizes for search only the documents whose text the last build did not (`SearchTokenCache`).
        let searchTokens = session.keepsStandby ? SearchTokenStore(previous: session.searchTokens, encodingFor: BuildInputs.toolIdentity,
                                                                   site: state.site, bodies: { [entries = state.entries] in entries[$0]?.body }) : nil
        let site = SiteContext(index: index, theme: theme, baseURL: baseURL, everything: plan.changed == nil, searchTokens: searchTokens)
        clock.mark("prepare (bodies, cards, order)")
        // The generators are independent: run them side by side (each also spreads its own work), the
        // data outputs (listed last, the costliest) first so the cores stay busy, and time each on its own.
        let outputs = options.outputs
        let made = Parallel.tasks(Array(outputs.indices.reversed())) { index -> (paths: [String], kept: Int, links: [LinkChecker.PageLinks], seconds: Double, failure: BuildError?) in
            let started = DispatchTime.now().uptimeNanoseconds
            var paths: [String] = []
            var links: [LinkChecker.PageLinks] = []
            var failure: BuildError?
            // Each batch is staged as soon as it is made (a generator of many pages hands them over a few hundred
            // at a time), so writing overlaps making and the bytes are freed early.
            let kept = plan.files(of: outputs[index], site: site, session: session) { batch in
                paths += batch.map(\.path)
                if options.checkLinks { links += batch.compactMap(LinkChecker.links(of:)) }
                guard failure == nil else { return }
                do throws(BuildError) {
                    try session.stage(batch)
                } catch {
                    failure = error
                }
            }
            return (paths + kept, kept.count, links, Double(DispatchTime.now().uptimeNanoseconds - started) / 1e9, failure)
        }
        for (output, result) in zip(outputs.reversed(), made) { clock.record(output.name, seconds: result.seconds) }
        clock.mark("render and stage (all outputs, wall)")
        if let failure = made.lazy.compactMap({ $0.failure }).first {
            session.discard()
            throw .output(failure)
        }
        // A theme whose partials run away (nested without end, or expanding millions of times) renders pages cut off
        // at the limits: nothing of such a build is published.
        if let problem = theme.renderProblem {
            session.discard()
            throw .theme(problem)
        }
        let fileCount = made.reduce(0) { $0 + $1.paths.count }
        let keptCount = made.reduce(0) { $0 + $1.kept }
        if options.checkLinks {
            let broken = LinkChecker.broken(made.flatMap { $0.links }, paths: session.stagedPaths, baseURL: checkedBase)
            clock.mark("check links")
            if !broken.isEmpty {
                session.discard()
                return BuildReport(validation: validation, fileCount: fileCount, brokenLinks: broken, written: false, readCount: readCount,
                                   timings: clock.phases)
            }
        }
        let outputChanges: OutputChanges
        do {
            state.outputs = Dictionary(uniqueKeysWithValues: zip(outputs.reversed().map { $0.name }, made.map(\.paths)))
            // The search tokens' bytes were started as soon as the index made them (they are kept only with a standby).
            recording?.value
            outputChanges = try session.commit(keeping: state, searchTokens: { searchTokens?.latestBytes(tool: BuildInputs.toolIdentity) })
        } catch {
            throw .output(error)
        }
        clock.mark("commit")
        let report = BuildReport(validation: validation, fileCount: fileCount, brokenLinks: [], written: true, changes: outputChanges,
                                 keptCount: keptCount, readCount: readCount, timings: clock.phases)
        // The site's tables are freed beside whatever comes next (the report printed, the process ending).
        Parallel.release((site, index, plan, state, session, made, checked))
        return report
    }
}

extension Pipeline {
    /// Reads and compiles the theme.
    static func compileTheme(_ options: BuildOptions) throws(BuildFailure) -> Theme {
        try compileTheme(loadTheme(options), options)
    }

    /// Reads the theme's files.
    static func loadTheme(_ options: BuildOptions) throws(BuildFailure) -> ThemeFiles {
        do {
            return try ThemeLoader.load(options.themePath)
        } catch {
            throw .load(error)
        }
    }

    /// Compiles the theme's files.
    static func compileTheme(_ files: ThemeFiles, _ options: BuildOptions) throws(BuildFailure) -> Theme {
        do {
            return try Theme(files, types: options.types)
        } catch {
            throw .theme(error)
        }
    }

    /// When each entry was added and last changed (one `git log` for the tree); nothing with a fixed date.
    static func history(of validation: ValidationResult, _ options: BuildOptions) -> [String: ChangeHistory.Dates] {
        // With a fixed date (SOURCE_DATE_EPOCH) nothing says when entries were added, so none is called new.
        options.fixedChangeDate == nil
            ? ChangeHistory.history(contentPath: options.contentPath, paths: validation.entities.map(\.path)) : [:]
    }

    /// Gives every entry its dates from `history`, or the fixed date.
    static func date(_ validation: inout ValidationResult, history: [String: ChangeHistory.Dates], _ options: BuildOptions) {
        for index in validation.entities.indices {
            let dates = history[validation.entities[index].path]
            validation.entities[index].lastChanged = options.fixedChangeDate ?? dates?.changed
            validation.entities[index].added = dates?.added
        }
    }

    /// The index of the dated entries, with the options' overrides of handbook.yml.
    static func siteIndex(_ validation: ValidationResult, _ options: BuildOptions) -> SiteIndex {
        var settings = validation.settings
        if let repository = options.repository { settings.repository = repository }
        return SiteIndex(settings: settings, entities: validation.entities, today: options.today, types: options.types)
    }

    /// The address the site is published at: the option's, or the settings'.
    static func baseURL(_ validation: ValidationResult, _ options: BuildOptions) -> String {
        options.baseURL ?? validation.settings.baseURL
    }
}

/// Measures the phases of a build with the monotonic clock.
struct PhaseClock {
    private var last = DispatchTime.now().uptimeNanoseconds
    private(set) var phases: [(phase: String, seconds: Double)] = []

    /// Records a phase timed elsewhere (outputs run side by side), without moving the clock.
    mutating func record(_ phase: String, seconds: Double) {
        phases.append((phase, seconds))
    }

    mutating func mark(_ phase: String) {
        let now = DispatchTime.now().uptimeNanoseconds
        phases.append((phase, Double(now - last) / 1e9))
        last = now
    }
}
