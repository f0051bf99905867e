import HandbookModel

/// Who asks the sector for what and who offers it: organisations' `asks` and `offers`, matched by topic,
/// so a hub can introduce an organisation asking for something to those on the same topic that offer
/// something. Every ask and every offer appears once in `topics`, `unmatchedOffers` or `asksWithoutTopic`,
/// or in more than one topic's group when its organisation has several topics.
public struct Matchmaking: Sendable {
    /// One organisation's ask or offer, as written.
    public struct Item: Sendable, Equatable {
        /// The organisation.
        public var organisation: EntityReference
        /// What it asks for or offers.
        public var text: String
    }

    /// A topic with at least one ask: the asks of its organisations next to their offers.
    public struct TopicGroup: Sendable, Equatable {
        /// The topic id.
        public var topic: String
        /// What organisations on the topic ask for, by organisation name, then as written.
        public var asks: [Item]
        /// What organisations on the topic offer, in the same order.
        public var offers: [Item]
    }

    /// The topics with asks, in the order `handbook.yml` declares them.
    public let topics: [TopicGroup]
    /// Offers of organisations none of whose topics has an ask (nobody on their topics has asked yet).
    public let unmatchedOffers: [Item]
    /// Asks of organisations with no topic, which no topic can match.
    public let asksWithoutTopic: [Item]

    /// Gathers the asks and offers of the published organisations.
    public init(index: SiteIndex) {
        // Only organisations that ask or offer something take part; most give neither.
        let organisations = index.entities(of: .organisations)
            .filter { $0[.asks] != nil || $0[.offers] != nil }
            .map { (key: index.sortKey($0), entity: $0) }
            .sorted { ($0.key, $0.entity.reference.slug) < ($1.key, $1.entity.reference.slug) }
            .map(\.entity)
        var asks: [String: [Item]] = [:]
        var offers: [String: [Item]] = [:]
        var asksWithoutTopic: [Item] = []
        for organisation in organisations {
            let items = { (field: FieldName) in organisation.texts(field).map { Item(organisation: organisation.reference, text: $0) } }
            let (asked, offered) = (items(.asks), items(.offers))
            if organisation.topics.isEmpty { asksWithoutTopic += asked }
            for topic in organisation.topics {
                asks[topic, default: []] += asked
                offers[topic, default: []] += offered
            }
        }
        topics = index.settings.topics.compactMap { topic in
            guard let asked = asks[topic.id], !asked.isEmpty else { return nil }
            return TopicGroup(topic: topic.id, asks: asked, offers: offers[topic.id] ?? [])
        }
        let asked = Set(topics.map(\.topic))
        unmatchedOffers = organisations.filter { !$0.topics.contains(where: asked.contains) }
            .flatMap { organisation in organisation.texts(.offers).map { Item(organisation: organisation.reference, text: $0) } }
        self.asksWithoutTopic = asksWithoutTopic
    }
}
