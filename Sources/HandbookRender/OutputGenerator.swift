import HandbookModel

/// One kind of output of the build: made from the prepared site, it gives the files it contributes.
/// Every output is one generator listed once in `Outputs.standard`; the build runs the list.
public protocol OutputGenerator: Sendable {
    /// The name shown in build timings (`HANDBOOK_TIMINGS=1`).
    static var name: String { get }
    /// A generator for this site.
    init(site: SiteContext)
    /// The files this output contributes.
    func files() -> [OutputFile]
    /// The same files in batches, each handed to `deliver` as soon as it is made: a large output is written
    /// while the rest of it is made, and each batch's bytes are freed once written.
    func files(in deliver: ([OutputFile]) -> Void)
    /// What its files are made from, so that a rebuild knows when it may keep them (`.everything` unless said).
    static var inputs: OutputInputs { get }
    /// For `.entryPages`: only the files that show any of these entries (all others are as the last build made them).
    func files(showing changed: ChangedEntries) -> [OutputFile]
    /// For `.everythingComparedByItself`: the files that differ from the last build's, and the paths of the others.
    func filesKeepingUnchanged() -> (made: [OutputFile], kept: [String])
}

/// What an output's files are made from, beyond the site's structure (every file's front matter, the settings,
/// the theme, the build's options and the day each entry last changed), which every output may read.
public enum OutputInputs: Sendable {
    /// Nothing more: the files are the same whenever the structure is.
    case structure
    /// Also the exact times every entry was added and last changed, and no body.
    case dates
    /// Each file shows a few entries, with their bodies and exact change times (an entry's page, and the roles
    /// shown on it; a block of the API's details): a file changes only with those of the entries it shows, and
    /// `files(showing:)` makes the files that show given entries.
    case entryPages
    /// Entries' bodies or exact change times anywhere: made again on every build.
    case everything
    /// As `everything`, but the generator knows which of its files are the same as the last build made them
    /// (from digests that build kept): `filesKeepingUnchanged()` makes only the others.
    case everythingComparedByItself
}

extension OutputGenerator {
    /// Made again on every build unless the generator says otherwise.
    public static var inputs: OutputInputs { .everything }

    /// Only `.entryPages` generators make part of their files.
    public func files(showing changed: ChangedEntries) -> [OutputFile] { files() }

    /// Every file made, none kept, unless the generator knows better.
    public func filesKeepingUnchanged() -> (made: [OutputFile], kept: [String]) { (files(), []) }

    /// One batch unless the generator makes its files a batch at a time.
    public func files(in deliver: ([OutputFile]) -> Void) { deliver(files()) }
}

/// The entries whose body, or whose exact change times, differ from the last build's.
public struct ChangedEntries: Sendable {
    /// Entries whose body changed.
    public var bodies: Set<EntityReference>
    /// Entries whose exact times of adding or last change changed.
    public var dates: Set<EntityReference>

    /// Creates the sets.
    public init(bodies: Set<EntityReference>, dates: Set<EntityReference>) {
        self.bodies = bodies
        self.dates = dates
    }

    /// Entries with either change.
    public var all: Set<EntityReference> { bodies.union(dates) }
}

/// Every output of the site, each listed once.
public enum Outputs {
    /// The HTML pages, in the order the sitemap lists them.
    static let pages: [any PageGenerator.Type] = [
        HomePage.self, TopicIndexPage.self, SearchPage.self, NotFoundPage.self, PrivacyPage.self,
        ListPages.self, EntityPages.self, TopicPages.self, MethodIndexPage.self, MethodPages.self, GraphMapPage.self,
        InsightsPage.self,
    ]

    /// Everything the build writes, in the order it runs them.
    public static let standard: [any OutputGenerator.Type] = pages + [
        ThemeAssets.self, Sitemap.self, DataAPI.self, GraphExports.self, JSONSchemaExport.self, GrantsExport.self, FeedsExport.self,
        Calendars.self, SearchResults.self, SearchFiles.self,
    ]
}
