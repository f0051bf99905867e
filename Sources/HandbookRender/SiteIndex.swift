import HandbookModel

/// Indexes built once over the published entries, so every page can ask "who references this?" or
/// "which organisations are in Belgium?" without scanning the whole site again.
public struct SiteIndex: Sendable {
    /// Site settings.
    public let settings: Settings
    /// Published entries (drafts left out), sorted by type and slug.
    public let entities: [Entity]
    /// The day "upcoming" counts from.
    public let today: PartialDate
    private let positions: [EntityReference: Int]
    /// For each entry, the entries whose front matter references it, sorted.
    public let backlinks: [EntityReference: [EntityReference]]
    /// For each type, facet and value: the entries that have it.
    public let facets: [EntityType: [Facet: [String: [EntityReference]]]]
    /// For each topic id, the entries tagged with it.
    public let topics: [String: [EntityReference]]
    private let byType: [EntityType: [Entity]]

    /// Builds the indexes from validated entries; drafts are left out.
    public init(settings: Settings, entities: [Entity], today: PartialDate) {
        let published = entities.filter { !$0.isDraft }.sorted { $0.reference < $1.reference }
        var positions: [EntityReference: Int] = [:]
        for (index, entity) in published.enumerated() { positions[entity.reference] = index }
        var backlinks: [EntityReference: Set<EntityReference>] = [:]
        var facets: [EntityType: [Facet: [String: [EntityReference]]]] = [:]
        var topics: [String: [EntityReference]] = [:]
        for entity in published {
            for target in entity.references where positions[target] != nil && target != entity.reference {
                backlinks[target, default: []].insert(entity.reference)
            }
            for (facet, values) in Self.facetValues(of: entity) {
                for value in values {
                    facets[entity.reference.type, default: [:]][facet, default: [:]][value, default: []].append(entity.reference)
                }
            }
            for topic in entity["topics"]?.list ?? [] {
                if let id = topic.text { topics[id, default: []].append(entity.reference) }
            }
        }
        self.settings = settings
        self.entities = published
        self.today = today
        self.positions = positions
        self.backlinks = backlinks.mapValues { $0.sorted() }
        self.facets = facets
        self.topics = topics
        self.byType = Dictionary(grouping: published) { $0.reference.type }
    }

    /// The published entry with this reference, or nil (missing or a draft).
    public func entity(_ reference: EntityReference) -> Entity? {
        positions[reference].map { entities[$0] }
    }

    /// The published entries of a type, in slug order.
    public func entities(of type: EntityType) -> [Entity] {
        byType[type] ?? []
    }

    /// The `limit` most recently changed entries (pages left out), newest first; the home page and the feeds show them.
    public func recentlyChanged(_ limit: Int) -> [Entity] {
        Array(entities.filter { $0.reference.type != .pages }
            .sorted { ($0.lastChanged ?? 0, $1.reference) > ($1.lastChanged ?? 0, $0.reference) }
            .prefix(limit))
    }

    /// The facet values an entry is listed under.
    public static func facetValues(of entity: Entity) -> [(Facet, [String])] {
        var values: [(Facet, [String])] = []
        if let country = entity.countryCode, ISOCodes.countryNames[country] != nil {
            values.append((.country, [country]))
        }
        if let kind = entity["kind"]?.text { values.append((.kind, [kind])) }
        let topics = (entity["topics"]?.list ?? []).compactMap(\.text)
        if !topics.isEmpty { values.append((.topic, topics)) }
        if let status = entity["status"]?.text { values.append((.status, [status])) }
        return values
    }
}

extension Entity {
    /// The country an entry is in or about: its `country`, or the country part of a policy's
    /// `jurisdiction` (`GB` of `GB-SCT`; `EU`, `UN` and `INT` as they are).
    var countryCode: String? {
        if let country = self["country"]?.text { return country }
        guard let jurisdiction = self["jurisdiction"]?.text else { return nil }
        return String(jurisdiction.prefix { $0 != "-" })
    }
}
