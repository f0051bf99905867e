/// The identity of a kind of entry: its folder under `content/` and its place in the canonical order.
///
/// Everything else the tool knows about a type (its fields, names in words, pages, search, JSON-LD)
/// lives in its `TypeDescriptor`; the standard types are declared one per file under `Types/` and
/// listed once in `TypeCatalog.standard`.
public struct EntityType: Hashable, Comparable, Sendable, CustomStringConvertible {
    /// The folder under `content/`, which is also the API name.
    public let folder: String
    /// The type's place in the canonical order (folders, API, JSON Schemas, backlink groups).
    public let rank: Int

    /// Creates a type identity.
    public init(folder: String, rank: Int) {
        self.folder = folder
        self.rank = rank
    }

    /// The folder name.
    public var description: String { folder }

    /// Types are the same when their ranks and folders are (a catalog's ranks are unique, so the rank,
    /// compared first, usually decides).
    public static func == (lhs: EntityType, rhs: EntityType) -> Bool { lhs.rank == rhs.rank && lhs.folder == rhs.folder }

    /// Hashes the rank alone: every entry's reference is hashed again and again in the indexes, and an
    /// integer costs a fraction of a string.
    public func hash(into hasher: inout Hasher) { hasher.combine(rank) }

    /// Orders by rank, then folder.
    public static func < (lhs: EntityType, rhs: EntityType) -> Bool {
        lhs.rank != rhs.rank ? lhs.rank < rhs.rank : lhs.folder < rhs.folder
    }
}
