import HandbookModel

/// A content file after loading: where it is, its parsed front matter and its body, not yet validated.
public struct RawDocument: Sendable {
    /// The entry's type, from its folder.
    public var type: EntityType
    /// The file name without `.md`.
    public var slug: String
    /// The path shown in diagnostics.
    public var path: String
    /// The parsed front matter (a mapping), or nil when it could not be read (a diagnostic says why).
    public var frontMatter: YAMLNode?
    /// When the front matter is not YAML the handbook reads (a diagnostic says where), its top-level keys that
    /// read on their own (`YAMLParser.parseKeys`): checked, so that one field's syntax error does not hide the
    /// others' problems, but never made into an entry.
    public var partialFrontMatter: YAMLNode?
    /// The Markdown body.
    public var body: [UInt8]
    /// The line on which the body starts.
    public var bodyLine: Int
    /// A digest of the front matter's bytes: a rebuild compares it with the last build's to know whether anything
    /// but bodies changed (`BuildState`).
    public var frontMatterDigest = ByteDigest()
    /// The file's modification time in whole seconds as the loader saw it (reading or stamping the file), or nil
    /// for a document not read from a file: an entry's last change when git does not know the file, so the
    /// build need not ask the file system again.
    public var modified: Int64?

    /// Creates a raw document.
    public init(type: EntityType, slug: String, path: String, frontMatter: YAMLNode?, body: [UInt8], bodyLine: Int) {
        self.type = type
        self.slug = slug
        self.path = path
        self.frontMatter = frontMatter
        self.body = body
        self.bodyLine = bodyLine
    }
}

/// Everything the loader read from a content tree.
public struct LoadedTree: Sendable {
    /// The parsed `handbook.yml` (a mapping), or nil when missing or unreadable.
    public var settings: YAMLNode?
    /// The path of `handbook.yml` as shown in diagnostics.
    public var settingsPath: String
    /// Every content file, sorted by type and slug.
    public var documents: [RawDocument]
    /// Problems found while loading.
    public var diagnostics: [Diagnostic]
    /// How many files were read.
    public var fileCount: Int
    /// A digest of `handbook.yml`'s bytes (the empty digest when it is missing or unreadable): what a kept
    /// validation compares instead of the parsed settings (`ValidationCache`).
    public var settingsDigest = ByteDigest()
    /// The types whose folder could not be listed (an `io` error says so): their entries are unknown, so references
    /// to them are not judged.
    public var unlistedTypes: Set<EntityType> = []

    /// Creates a loaded tree (the loader makes them; tests and fuzzers build small ones).
    public init(settings: YAMLNode?, settingsPath: String, documents: [RawDocument], diagnostics: [Diagnostic], fileCount: Int) {
        self.settings = settings
        self.settingsPath = settingsPath
        self.documents = documents
        self.diagnostics = diagnostics
        self.fileCount = fileCount
    }
}
