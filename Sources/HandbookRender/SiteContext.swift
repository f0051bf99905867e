import HandbookModel
import Mustache

/// What every output generator reads: the indexed entries, the theme, the address the site is published
/// at, and what many pages share, computed once per build (cards, display order, rendered bodies, footer).
/// A class: every generator and every page it renders holds the one context, and a copy of a structure this size
/// retained and later released each of its dozens of tables.
public final class SiteContext: Sendable {
    /// The published entries and their indexes.
    public let index: SiteIndex
    /// The compiled theme.
    public let theme: Theme
    /// The absolute URL the site is published at, ending in `/`.
    public let baseURL: String
    /// Each entry's card, made once, as templates read it.
    let cards: [EntityReference: MustacheValue]
    /// Each entry's name and address (`name`, `url`), by its position in the index, made once: pages list
    /// what links to them with these, tens of thousands a build. Empty when not made up front (`linkItem`).
    let linkItems: [MustacheValue]
    /// Each entry's place in its type's display order, by its position in the index, so a subset sorts in k log k.
    let rank: [Int]
    /// Each type's entries in display order.
    let ordered: [EntityType: [EntityReference]]
    /// Each entry's Markdown body as HTML (headings demoted), rendered once for pages, API and feeds.
    let bodies: RenderedBodies
    /// The events each organisation organises and each topic covers, in display order.
    let eventsByOrganiser: [String: [EntityReference]]
    let eventsByTopic: [String: [EntityReference]]
    /// The social graph, for its exports, map and insights.
    let graph: SocialGraph
    /// What entries share, for each page's "Related" section.
    let related: RelatedEntries
    /// The footer's links: the content's pages in order, and the privacy page.
    let footer: [MustacheValue]
    /// The layout's shared parts: site, navigation per section, footer.
    let layout: PageLayout.Shared
    /// Which fields each type's pages show as facts, and in what order.
    let factPlans: [EntityType: FieldPresenter.Plan]
    /// The links to the repository the content is kept in, when handbook.yml (or the build) names one.
    let contribute: ContributeLinks?
    /// Where templates' names that no context provides are recorded, when a test asks.
    let misses: MissingNames?
    /// The theme's cards (`Theme.cachedPartials`), each rendered once and reused on every list it is on.
    let partials = PartialCache(Theme.cachedPartials)
    /// The last build's search tokens, and where the search index leaves this build's (for a rebuild).
    let searchTokens: SearchTokenStore?
    /// The search index's documents in id order, shared by the token files and the result files.
    let searchDocuments: Background<SearchDocuments>
    /// The search index, started with the preparation in a rebuild that makes few outputs (`everything` false):
    /// it is then most of the build's work, much of it on one core, so it runs beside the rest rather than after.
    let searchIndex: Background<SearchIndex>?

    /// Prepares what the generators share. With `bodies`, entry bodies rendered by an earlier preparation
    /// (with the same bytes) are taken from it instead of being rendered again. With `everything` false (a
    /// rebuild that makes a few pages), bodies and cards are made when first asked for, not all up front.
    /// With `searchTokens`, the search index tokenizes only documents whose text the last build did not.
    public init(index: SiteIndex, theme: Theme, baseURL: String, misses: MissingNames? = nil, bodies bodyCache: MarkdownCache? = nil,
                everything: Bool = true, searchTokens: SearchTokenStore? = nil) {
        self.misses = misses
        self.searchTokens = searchTokens
        let searchDocuments = Background { SearchDocuments(index: index) }
        self.searchDocuments = searchDocuments
        searchIndex = everything ? nil : Background {
            SearchIndex(index: index, order: searchDocuments.value, chunkCount: nil, tokens: searchTokens)
        }
        self.index = index
        self.theme = theme
        self.baseURL = baseURL.hasSuffix("/") ? baseURL : baseURL + "/"
        // The parts are independent: the ones that run on one core (orders, related entries, the graph) go side
        // by side with the ones that spread over every core (cards, bodies).
        let parts = Parallel.tasks(Part.allCases) { part -> Prepared in
            switch part {
            case .cards:
                guard everything else { return .cards([:], []) }
                // Each card's template value is made on every core too; only the table is filled on one.
                let made = Parallel.map(index.entities) { (card: Card(entity: $0, index: index).mustache, link: Self.linkItem($0, index: index)) }
                var cards: [EntityReference: MustacheValue] = [:]
                cards.reserveCapacity(made.count)
                for (entity, item) in zip(index.entities, made) { cards[entity.reference] = item.card }
                return .cards(cards, made.map(\.link))
            case .bodies:
                return .bodies(RenderedBodies(index: index, upFront: everything || bodyCache != nil, cache: bodyCache))
            case .order:
                let order = DisplayOrder(index: index)
                // By the entry's position in the index: looking an entry's place up is then one table read.
                var rank = [Int](repeating: 0, count: index.entities.count)
                var ordered: [EntityType: [EntityReference]] = [:]
                for type in index.types.types {
                    let sorted = order.sorted(type, index.entities(of: type))
                    ordered[type] = sorted.map(\.reference)
                    for (place, entity) in sorted.enumerated() {
                        if let position = index.position(entity.reference) { rank[position] = place }
                    }
                }
                return .order(ordered, rank)
            case .related:
                return .related(RelatedEntries(index: index))
            case .graph:
                return .graph(SocialGraph(index: index))
            }
        }
        var cards: [EntityReference: MustacheValue] = [:], rank: [Int] = [], linkItems: [MustacheValue] = []
        var ordered: [EntityType: [EntityReference]] = [:]
        var bodies: RenderedBodies?, related: RelatedEntries?, graph: SocialGraph?
        for prepared in parts {
            switch prepared {
            case .cards(let made, let links): (cards, linkItems) = (made, links)
            case .bodies(let made): bodies = made
            case .order(let madeOrder, let madeRank): (ordered, rank) = (madeOrder, madeRank)
            case .related(let made): related = made
            case .graph(let made): graph = made
            }
        }
        var footer: [MustacheValue] = []
        for descriptor in index.types.descriptors where !descriptor.isListed {
            footer += (ordered[descriptor.type] ?? []).compactMap { reference in
                index.entity(reference).map { ["label": .string($0.name), "url": .string(index.links.entity(reference))] as MustacheValue }
            }
        }
        if !Self.hasOwnPrivacyPage(index) {
            footer.append(["label": "Privacy", "url": .string(PrivacyPage.path)])
        }
        var eventsByOrganiser: [String: [EntityReference]] = [:]
        var eventsByTopic: [String: [EntityReference]] = [:]
        for reference in ordered[.events] ?? [] {
            guard let event = index.entity(reference) else { continue }
            for organisation in event.references(.organisers) { eventsByOrganiser[organisation.slug, default: []].append(reference) }
            for topic in event.topics { eventsByTopic[topic, default: []].append(reference) }
        }
        self.cards = cards
        self.linkItems = linkItems
        self.rank = rank
        self.ordered = ordered
        self.bodies = bodies!
        self.eventsByOrganiser = eventsByOrganiser
        self.eventsByTopic = eventsByTopic
        self.footer = footer
        self.related = related!
        self.graph = graph!
        let contribute = ContributeLinks(settings: index.settings, baseURL: self.baseURL)
        self.contribute = contribute
        self.layout = PageLayout.Shared(index: index, baseURL: self.baseURL, footer: footer,
                                        contribute: contribute?.shared(types: index.types) ?? .null)
        factPlans = FieldPresenter.plans(for: index.types)
    }

    /// The parts of the preparation that run side by side.
    private enum Part: CaseIterable, Sendable { case cards, bodies, order, related, graph }

    /// A prepared part.
    private enum Prepared: @unchecked Sendable {
        case cards([EntityReference: MustacheValue], [MustacheValue])
        case bodies(RenderedBodies)
        case order([EntityType: [EntityReference]], [Int])
        case related(RelatedEntries)
        case graph(SocialGraph)
    }

    /// True when the content has its own page at the privacy page's address.
    static func hasOwnPrivacyPage(_ index: SiteIndex) -> Bool {
        index.entity(EntityReference(type: .pages, slug: PrivacyPage.slug)) != nil
    }

    /// The path part of the base URL (`/handbook/`), for pages served at any depth such as 404.html.
    var basePath: String {
        Links.basePath(of: baseURL)
    }

    /// The descriptor of a type.
    func descriptor(_ type: EntityType) -> TypeDescriptor {
        index.types[type]
    }

    /// "3 organisations", "1 case study".
    func counted(_ count: Int, _ type: EntityType) -> String {
        let descriptor = descriptor(type)
        return "\(count) \(count == 1 ? descriptor.singular : descriptor.plural)"
    }

    /// The entry's card for a template.
    func card(_ entity: Entity) -> MustacheValue {
        cards[entity.reference] ?? Card(entity: entity, index: index).mustache
    }

    /// References sorted by their type's display order.
    func inDisplayOrder(_ references: [EntityReference]) -> [Entity] {
        positionsInDisplayOrder(references).map { index.entities[$0] }
    }

    /// The index positions of references (those published), sorted by their type's display order.
    func positionsInDisplayOrder(_ references: [EntityReference]) -> [Int] {
        inDisplayOrder(positions: references.compactMap { index.position($0) })
    }

    /// Index positions sorted by their type's display order.
    func inDisplayOrder(positions: [Int]) -> [Int] {
        // Look each rank up once, not twice per comparison.
        positions.map { (rank: rank[$0], position: $0) }.sorted { $0.rank < $1.rank }.map(\.position)
    }

    /// The entry at `position` in the index as a link for a template: its `name` and `url`.
    func linkItem(at position: Int) -> MustacheValue {
        position < linkItems.count ? linkItems[position] : Self.linkItem(index.entities[position], index: index)
    }

    private static func linkItem(_ entity: Entity, index: SiteIndex) -> MustacheValue {
        ["name": .string(entity.name), "url": .string(index.links.entity(entity.reference))]
    }

    /// A vocabulary of handbook.yml (topics, methods) as the list its index page shows: each id's label,
    /// page and how many entries use it.
    func vocabularyList(_ vocabulary: [(id: String, label: String)], page: (String) -> String,
                        uses: [String: [EntityReference]]) -> MustacheValue {
        // In the order of their labels, as a reader looks one up, not as handbook.yml happens to declare them.
        let sorted = vocabulary.map { (item: $0, key: Formatting.sortKey($0.label)) }.sorted { ($0.key, $0.item.id) < ($1.key, $1.item.id) }
        return .list(sorted.map(\.item).map { item in
            ["label": .string(item.label), "url": .string(page(item.id)), "count": .string(String(uses[item.id]?.count ?? 0))]
        })
    }

    /// Entries grouped by type in canonical order, each group in display order, as cards under the type's
    /// name: what a topic's or a method's page lists.
    func groupedByType(_ references: [EntityReference]) -> [MustacheValue] {
        var byType: [EntityType: [EntityReference]] = [:]
        for reference in references { byType[reference.type, default: []].append(reference) }
        let order = DisplayOrder(index: index)
        return index.types.descriptors.compactMap { descriptor in
            guard let members = byType[descriptor.type], !members.isEmpty else { return nil }
            let entries = order.groups(descriptor.type, inDisplayOrder(members)).flatMap(\.entries)
            return ["heading": .string(descriptor.pluralTitle), "count": .string(String(entries.count)),
                    "id": .string("group-" + descriptor.type.folder), "entries": .list(entries.map { card($0) })]
        }
    }

    /// The published events, in display order, that have not ended and are not cancelled.
    func upcomingEvents() -> [Entity] {
        let order = DisplayOrder(index: index)
        return (ordered[.events] ?? []).compactMap { index.entity($0) }.filter { order.isUpcoming($0) && EventStatus(of: $0) != .cancelled }
    }
}
