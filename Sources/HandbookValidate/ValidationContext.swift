import HandbookModel

/// What every rule may consult: the settings, today's date and which entries exist.
public struct ValidationContext: Sendable {
    /// Settings from handbook.yml (defaults where it is missing or wrong).
    public var settings: Settings
    /// The day stale-review warnings count from.
    public var today: PartialDate
    /// The slugs of every entry, by type, drafts included.
    public var slugs: [EntityType: Set<String>]
    /// The types of entry, as descriptors.
    public var types: TypeCatalog
    /// Declared topic ids.
    public var topicIDs: Set<String>
    /// Declared method ids.
    public var methodIDs: Set<String>
    /// False when handbook.yml is there but could not be read: what it declares is unknown, so no topic or
    /// method is reported as undeclared (the file's own error is, once).
    public var vocabulariesKnown: Bool
    /// The types whose folder could not be listed: which of their entries exist is unknown, so no reference to
    /// one is reported (the folder's own `io` error is, once).
    public var unlistedTypes: Set<EntityType> = []

    /// Creates a context.
    public init(settings: Settings, today: PartialDate, slugs: [EntityType: Set<String>], types: TypeCatalog = .standard,
                vocabulariesKnown: Bool = true) {
        self.settings = settings
        self.types = types
        self.today = today
        self.slugs = slugs
        self.topicIDs = Set(settings.topics.map(\.id))
        self.methodIDs = Set(settings.methods.map(\.id))
        self.vocabulariesKnown = vocabulariesKnown
    }
}
