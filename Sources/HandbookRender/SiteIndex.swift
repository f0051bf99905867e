import HandbookModel

/// Indexes built once over the published entries, so every page can ask "who references this?" or
/// "which organisations are in Belgium?" without scanning the whole site again. A class: the pages and tables
/// that keep it hold one reference, not a copy of its dozen tables.
public final class SiteIndex: Sendable {
    /// Site settings.
    public let settings: Settings
    /// Published entries (drafts left out), sorted by type and slug.
    public let entities: [Entity]
    /// The day "upcoming" counts from.
    public let today: PartialDate
    /// The types of entry, as descriptors.
    public let types: TypeCatalog
    /// Where each page lives.
    public let links: Links
    private let positions: [EntityReference: Int]
    /// Each entry's name folded for sorting (see `Formatting.sortKey`), in the order of `entities`.
    private let sortKeys: [String]
    /// For each entry, the entries whose front matter references it, sorted.
    public let backlinks: [EntityReference: [EntityReference]]
    /// For each entry, who references it through which field (the relationship read the other way).
    public let inbound: [EntityReference: [Inbound]]
    /// For each type, facet and value: the entries that have it.
    public let facets: [EntityType: [Facet: [String: [EntityReference]]]]
    /// For each topic id, the entries tagged with it.
    public let topics: [String: [EntityReference]]
    /// For each method id, the entries (case studies) that used it.
    public let methods: [String: [EntityReference]]
    private let byType: [EntityType: [Entity]]
    /// Entries that are a role of another published entry (see `TypeDescriptor.roleField`), and that entry.
    public let roleOwners: [EntityReference: EntityReference]
    /// For each entry, the entries that are roles of it, sorted.
    public let roles: [EntityReference: [EntityReference]]

    /// The walks over the entries that build the indexes, side by side.
    private enum Walk: CaseIterable, Sendable { case references, facets, sortKeys, roles }

    /// What a walk made.
    private enum Walked: Sendable {
        case references([EntityReference: [EntityReference]], [EntityReference: [Inbound]])
        case facets([EntityType: [Facet: [String: [EntityReference]]]], [String: [EntityReference]], [String: [EntityReference]])
        case sortKeys([String])
        case roles([EntityReference: EntityReference], [EntityReference: [EntityReference]], Links, [EntityType: [Entity]])
    }

    /// Builds the indexes from validated entries; drafts are left out.
    public init(settings: Settings, entities: [Entity], today: PartialDate, types: TypeCatalog = .standard) {
        let published = entities.filter { !$0.isDraft }.sorted { $0.reference < $1.reference }
        var positionTable: [EntityReference: Int] = [:]
        positionTable.reserveCapacity(published.count)
        for (index, entity) in published.enumerated() { positionTable[entity.reference] = index }
        let positions = positionTable
        // Three independent walks over the entries, side by side: references, facets, names for sorting.
        let parts = Parallel.tasks(Walk.allCases) { walk -> Walked in
            switch walk {
            case .references:
                // What each entry names, found on every core; then gathered by the entry named, and each list put
                // in order once (sorted, repeats dropped) rather than kept in sets as it grows.
                // Targets by position: gathered in an array, not a table hashed once a link. Positions follow the
                // references' order, so sorting by the source's position is sorting by the source.
                let named = Parallel.map(Array(published.indices)) { position -> [(target: Int, link: Inbound)] in
                    let entity = published[position]
                    var found: [(target: Int, link: Inbound)] = []
                    for entry in entity.fields {
                        Entity.forEachReference(in: entry.value) { target in
                            guard target != entity.reference, let targetPosition = positions[target] else { return }
                            found.append((targetPosition, Inbound(source: entity.reference, field: FieldName(entry.key), sourcePosition: position)))
                        }
                    }
                    return found
                }
                var gathered = [[Inbound]](repeating: [], count: published.count)
                for found in named { for (target, link) in found { gathered[target].append(link) } }
                // Each entry's links put in order on every core; only the tables are filled on one.
                let ordered = Parallel.map(gathered) { links -> (inbound: [Inbound], sources: [EntityReference]) in
                    guard !links.isEmpty else { return ([], []) }
                    let sorted = links.sorted { ($0.sourcePosition, $0.field.rawValue) < ($1.sourcePosition, $1.field.rawValue) }
                    var unique: [Inbound] = []
                    unique.reserveCapacity(sorted.count)
                    for link in sorted where !(unique.last.map { $0.sourcePosition == link.sourcePosition && $0.field == link.field } ?? false) {
                        unique.append(link)
                    }
                    var sources: [EntityReference] = []
                    var last = -1
                    for link in unique where link.sourcePosition != last {
                        sources.append(link.source)
                        last = link.sourcePosition
                    }
                    return (unique, sources)
                }
                var backlinks: [EntityReference: [EntityReference]] = [:], inbound: [EntityReference: [Inbound]] = [:]
                for (target, made) in ordered.enumerated() where !made.inbound.isEmpty {
                    inbound[published[target].reference] = made.inbound
                    backlinks[published[target].reference] = made.sources
                }
                return .references(backlinks, inbound)
            case .facets:
                var facets: [EntityType: [Facet: [String: [EntityReference]]]] = [:]
                var topics: [String: [EntityReference]] = [:]
                var methods: [String: [EntityReference]] = [:]
                for entity in published {
                    for (facet, values) in Self.facetValues(of: entity, types: types) {
                        for value in values {
                            facets[entity.reference.type, default: [:]][facet, default: [:]][value, default: []].append(entity.reference)
                        }
                    }
                    for id in entity.topics { topics[id, default: []].append(entity.reference) }
                    for id in entity.texts(.methods) { methods[id, default: []].append(entity.reference) }
                }
                return .facets(facets, topics, methods)
            case .sortKeys:
                // Folding through Foundation costs microseconds a name: fold each once, on every core.
                return .sortKeys(Parallel.map(published) { Formatting.sortKey($0.name) })
            case .roles:
                var roleOwners: [EntityReference: EntityReference] = [:]
                var roles: [EntityReference: [EntityReference]] = [:]
                for entity in published {
                    guard let field = types[entity.reference.type].roleField, case .reference(let owner)? = entity[field],
                          positions[owner] != nil, types[owner.type].roleField == nil else { continue }
                    // The rule `same-body` reports a second role of one type for the same entry; the first is kept.
                    guard !(roles[owner] ?? []).contains(where: { $0.type == entity.reference.type }) else { continue }
                    roleOwners[entity.reference] = owner
                    roles[owner, default: []].append(entity.reference)
                }
                let links = Links(types: types, roleOwners: roleOwners, entries: published.map(\.reference))
                return .roles(roleOwners, roles, links, Dictionary(grouping: published) { $0.reference.type })
            }
        }
        var backlinks: [EntityReference: [EntityReference]] = [:], inbound: [EntityReference: [Inbound]] = [:]
        var facets: [EntityType: [Facet: [String: [EntityReference]]]] = [:]
        var topics: [String: [EntityReference]] = [:], methods: [String: [EntityReference]] = [:]
        var sortKeys: [String] = []
        var roleOwners: [EntityReference: EntityReference] = [:], roles: [EntityReference: [EntityReference]] = [:]
        var links = Links(types: types), byType: [EntityType: [Entity]] = [:]
        for part in parts {
            switch part {
            case .references(let madeBacklinks, let madeInbound): (backlinks, inbound) = (madeBacklinks, madeInbound)
            case .facets(let madeFacets, let madeTopics, let madeMethods): (facets, topics, methods) = (madeFacets, madeTopics, madeMethods)
            case .sortKeys(let made): sortKeys = made
            case .roles(let madeOwners, let madeRoles, let madeLinks, let madeByType): (roleOwners, roles, links, byType) = (madeOwners, madeRoles, madeLinks, madeByType)
            }
        }
        self.roleOwners = roleOwners
        self.roles = roles
        self.settings = settings
        self.entities = published
        self.today = today
        self.types = types
        self.links = links
        self.positions = positions
        self.sortKeys = sortKeys
        self.backlinks = backlinks
        self.inbound = inbound
        self.facets = facets
        self.topics = topics
        self.methods = methods
        self.byType = byType
    }

    /// The published entry with this reference, or nil (missing or a draft).
    public func entity(_ reference: EntityReference) -> Entity? {
        positions[reference].map { entities[$0] }
    }

    /// A published entry's position in `entities`, or nil.
    public func position(_ reference: EntityReference) -> Int? {
        positions[reference]
    }

    /// A published entry's name folded for sorting: case, accents and width ignored.
    public func sortKey(_ entity: Entity) -> String {
        positions[entity.reference].map { sortKeys[$0] } ?? Formatting.sortKey(entity.name)
    }

    /// The published entries of a type, in slug order.
    public func entities(of type: EntityType) -> [Entity] {
        byType[type] ?? []
    }

    /// The `limit` most recently changed entries of listed types, newest first; the home page and the feeds show
    /// them. A role is not an entry of its own to readers, so it is left out (its owner stands for it).
    public func recentlyChanged(_ limit: Int) -> [Entity] {
        Array(entities.filter { types[$0.reference.type].isListed && roleOwners[$0.reference] == nil }
            .sorted { ($0.lastChanged ?? 0, $1.reference) > ($1.lastChanged ?? 0, $0.reference) }
            .prefix(limit))
    }

    /// The facet values an entry is listed under, for the facets its type offers.
    public static func facetValues(of entity: Entity, types: TypeCatalog) -> [(Facet, [String])] {
        types[entity.reference.type].facets.compactMap { facet in
            let values = facet.values(of: entity)
            return values.isEmpty ? nil : (facet, values)
        }
    }

    /// The descriptor of an entry's type.
    public func descriptor(_ reference: EntityReference) -> TypeDescriptor {
        types[reference.type]
    }
}

/// One entry naming another in one of its fields: `source` names the entry through `field`.
public struct Inbound: Hashable, Sendable {
    /// The entry that names it.
    public var source: EntityReference
    /// The field it is named in (a top-level field; a grant's recipient is named in `grants`).
    public var field: FieldName
    /// The source's position in the index (`entities`), so pages listing it need not look it up.
    public var sourcePosition: Int
}
