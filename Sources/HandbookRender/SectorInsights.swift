import HandbookModel

/// What the handbook says about the sector as a whole, for the librarian and for funders: where its
/// organisations are and what they do, the topics and countries it covers on one side only, grants
/// totalled per currency, the to-do list (isolated organisations, one-way partnerships), how connected
/// the social graph is, its most central organisations, and who asks for and offers what.
///
/// Pure data, made once from the site's indexes and its social graph; `InsightsPage` shows it and
/// `handbook check --gaps` prints its to-do list. Every list is in a fixed order (ties broken by name,
/// then slug), so the same content always gives the same insights.
public struct SectorInsights: Sendable {
    /// A value (a country code, a kind, a topic id) and how many organisations have it.
    public struct Tally: Sendable, Equatable {
        /// The value, as written in the content.
        public var value: String
        /// How many organisations have it.
        public var count: Int
    }

    /// A topic or country, with how many organisations and case studies have it.
    public struct Coverage: Sendable, Equatable {
        /// The topic id or country code.
        public var value: String
        /// How many organisations have it.
        public var organisations: Int
        /// How many case studies have it.
        public var caseStudies: Int
    }

    /// Grants counted under one funder, topic or country: how many, and their total in each currency.
    public struct GrantTally<Key: Hashable & Sendable>: Sendable {
        /// The funder, the topic id or the country code.
        public var key: Key
        /// How many grants, those without an amount included.
        public var count: Int
        /// The sum of the amounts in each currency, by currency code; currencies are never added together.
        public var totals: [(currency: String, total: DecimalSum)]
    }

    /// One organisation naming another as a partner that does not name it back.
    public struct Partnership: Sendable, Equatable {
        /// The organisation that names the other in `partners`.
        public var from: EntityReference
        /// The organisation named, whose `partners` do not name `from`.
        public var to: EntityReference
    }

    /// An organisation's place in the graph.
    public struct Central: Sendable, Equatable {
        /// The organisation.
        public var reference: EntityReference
        /// How many entries it is joined to, either way.
        public var degree: Int
        /// Its normalised betweenness centrality (see `Centrality`).
        public var betweenness: Double
    }

    /// How many published organisations there are.
    public let organisationCount: Int
    /// Organisations by country (`country`, `INT` included): most first, then by name.
    public let organisationsByCountry: [Tally]
    /// Organisations by kind: most first, then by kind.
    public let organisationsByKind: [Tally]
    /// Organisations by topic (each counts under every topic it has): most first, then by label.
    public let organisationsByTopic: [Tally]
    /// How many organisations give no kind.
    public let organisationsWithoutKind: Int
    /// How many organisations give no topic.
    public let organisationsWithoutTopic: Int
    /// Every declared topic, in the order `handbook.yml` gives, with its organisations and case studies.
    public let topicCoverage: [Coverage]
    /// Every country that organisations or case studies have, by name.
    public let countryCoverage: [Coverage]
    /// Grants to published organisations by funder: most grants first, then by name.
    public let grantsByFunder: [GrantTally<EntityReference>]
    /// Grants by the recipient's topics (a grant counts under each of them): most first, then by label.
    public let grantsByTopic: [GrantTally<String>]
    /// Grants by the recipient's country: most first, then by name.
    public let grantsByCountry: [GrantTally<String>]
    /// Organisations with no relationship to any other entry, either way, by name.
    public let isolated: [EntityReference]
    /// Partnerships named on one side only, by the naming organisation's name, then the named one's.
    public let oneWayPartnerships: [Partnership]
    /// The connected components' sizes, largest first, with how many components have each size.
    public let componentSizes: [(size: Int, count: Int)]
    /// The members of the small components (`smallComponentLimit` entries or fewer, at least two, not the
    /// largest), in site order; single entries are counted in `componentSizes` only.
    public let smallComponents: [[EntityReference]]
    /// Every organisation joined to something, most central first: by betweenness, then degree, then name.
    public let centralOrganisations: [Central]
    /// True when the betweenness is exact, false when it was estimated from pivots.
    public let betweennessIsExact: Bool
    /// How many source entries the betweenness was summed over.
    public let betweennessSources: Int
    /// How many entries the graph has.
    public let nodeCount: Int
    /// Who asks for what, and who offers it.
    public let matchmaking: Matchmaking

    /// The most entries a component may have to be listed member by member.
    public static let smallComponentLimit = 5

    /// Works everything out from the site's indexes and its social graph.
    public init(index: SiteIndex, graph: SocialGraph) {
        let organisations = index.entities(of: .organisations)
        let facets = index.facets[.organisations] ?? [:]
        let caseStudyFacets = index.facets[.caseStudies] ?? [:]
        let countryName = { (code: String) in Formatting.sortKey(Formatting.country(code)) }
        let topicLabels = Dictionary(index.settings.topics.map { ($0.id, Formatting.sortKey($0.label)) }, uniquingKeysWith: { first, _ in first })
        let topicName = { (id: String) in topicLabels[id] ?? id }
        organisationCount = organisations.count
        organisationsByCountry = Self.tallies(facets[.country], label: countryName)
        organisationsByKind = Self.tallies(facets[.kind], label: { $0 })
        organisationsByTopic = Self.tallies(facets[.topic], label: topicName)
        organisationsWithoutKind = organisations.count - organisationsByKind.reduce(0) { $0 + $1.count }
        organisationsWithoutTopic = organisations.reduce(0) { $0 + ($1.topics.isEmpty ? 1 : 0) }
        topicCoverage = index.settings.topics.map { topic in
            Coverage(value: topic.id, organisations: facets[.topic]?[topic.id]?.count ?? 0,
                     caseStudies: caseStudyFacets[.topic]?[topic.id]?.count ?? 0)
        }
        let countries = Set((facets[.country] ?? [:]).keys).union((caseStudyFacets[.country] ?? [:]).keys)
        countryCoverage = countries.map { (code: $0, name: countryName($0)) }.sorted { ($0.name, $0.code) < ($1.name, $1.code) }.map(\.code).map { code in
            Coverage(value: code, organisations: facets[.country]?[code]?.count ?? 0, caseStudies: caseStudyFacets[.country]?[code]?.count ?? 0)
        }

        // The lists below name organisations and funders in name order: rank those nodes by name once, so
        // sorting thousands of partnerships compares numbers, not strings.
        let ranked = (0..<graph.nodes.count).filter { [.organisations, .funders].contains(graph.nodes[$0].reference.type) }
            .map { node in (node: node, key: index.entity(graph.nodes[node].reference).map { index.sortKey($0) } ?? graph.nodes[node].name) }
            .sorted { ($0.key, graph.nodes[$0.node].reference.slug) < ($1.key, graph.nodes[$1.node].reference.slug) }
        // A constant once filled: the comparisons below read it millions of times without exclusivity checks.
        let nameRank = {
            var rank = [Int](repeating: Int.max, count: graph.nodes.count)
            for (place, item) in ranked.enumerated() { rank[item.node] = place }
            return rank
        }()
        let byName = { (a: Int, b: Int) in (nameRank[a], a) < (nameRank[b], b) }
        var byFunder: [Int: GrantCounter] = [:]
        var byTopic: [String: GrantCounter] = [:]
        var byCountry: [String: GrantCounter] = [:]
        var partners: Set<Int> = []
        for edge in graph.edges {
            switch edge.field {
            case .grants:
                // The amount is read once and added to each tally the grant counts in.
                let grant = GrantCounter.Grant(edge)
                byFunder[edge.source, default: GrantCounter()].add(grant)
                let recipient = graph.nodes[edge.target]
                for topic in Set(recipient.topics) { byTopic[topic, default: GrantCounter()].add(grant) }
                if let country = recipient.country { byCountry[country, default: GrantCounter()].add(grant) }
            case .partners:
                partners.insert(edge.source * graph.nodes.count + edge.target)
            default:
                break
            }
        }
        grantsByFunder = Self.ranked(byFunder) { nameRank[$0] }
            .map { GrantTally(key: graph.nodes[$0.key].reference, count: $0.count, totals: $0.totals) }
        let topicOrder = Self.order(byTopic.keys, label: topicName)
        grantsByTopic = Self.ranked(byTopic) { topicOrder[$0] ?? 0 }
        let countryOrder = Self.order(byCountry.keys, label: countryName)
        grantsByCountry = Self.ranked(byCountry) { countryOrder[$0] ?? 0 }

        let undirected = UndirectedGraph(graph)
        let isOrganisation = { (node: Int) in graph.nodes[node].reference.type == .organisations }
        isolated = (0..<graph.nodes.count).filter { isOrganisation($0) && undirected.degree($0) == 0 }
            .sorted(by: byName).map { graph.nodes[$0].reference }
        oneWayPartnerships = partners.filter { pair in
            let (from, to) = (pair / graph.nodes.count, pair % graph.nodes.count)
            return !partners.contains(to * graph.nodes.count + from)
        }
        .map { (from: $0 / graph.nodes.count, to: $0 % graph.nodes.count) }
        .sorted { $0.from != $1.from ? byName($0.from, $1.from) : byName($0.to, $1.to) }
        .map { Partnership(from: graph.nodes[$0.from].reference, to: graph.nodes[$0.to].reference) }

        let components = undirected.components()
        var sizes: [Int: Int] = [:]
        for component in components { sizes[component.count, default: 0] += 1 }
        componentSizes = sizes.sorted { $0.key > $1.key }.map { (size: $0.key, count: $0.value) }
        smallComponents = components.dropFirst().filter { (2...Self.smallComponentLimit).contains($0.count) }
            .map { $0.map { graph.nodes[$0].reference } }

        let centrality = Centrality(undirected)
        centralOrganisations = (0..<graph.nodes.count).filter { isOrganisation($0) && centrality.degree[$0] > 0 }
            .sorted { a, b in
                let (first, second) = ((centrality.betweenness[a], centrality.degree[a]), (centrality.betweenness[b], centrality.degree[b]))
                return first != second ? first > second : byName(a, b)
            }
            .map { Central(reference: graph.nodes[$0].reference, degree: centrality.degree[$0], betweenness: centrality.betweenness[$0]) }
        betweennessIsExact = centrality.isExact
        betweennessSources = centrality.sources
        nodeCount = graph.nodes.count
        matchmaking = Matchmaking(index: index)
    }

    /// Topics with organisations but no case study.
    public var topicsWithoutCaseStudies: [Coverage] { topicCoverage.filter { $0.organisations > 0 && $0.caseStudies == 0 } }
    /// Topics with case studies but no organisation.
    public var topicsWithoutOrganisations: [Coverage] { topicCoverage.filter { $0.caseStudies > 0 && $0.organisations == 0 } }
    /// Countries with organisations but no case study; `INT` (international bodies) is left out, as a case
    /// study always happens in a country.
    public var countriesWithoutCaseStudies: [Coverage] {
        countryCoverage.filter { $0.organisations > 0 && $0.caseStudies == 0 && $0.value != Jurisdictions.international }
    }
    /// Countries with case studies but no organisation.
    public var countriesWithoutOrganisations: [Coverage] { countryCoverage.filter { $0.caseStudies > 0 && $0.organisations == 0 } }

    /// A facet's values with their counts, most first, then by label.
    static func tallies(_ values: [String: [EntityReference]]?, label: (String) -> String) -> [Tally] {
        (values ?? [:]).map { (tally: Tally(value: $0.key, count: $0.value.count), label: label($0.key)) }
            .sorted { ($1.tally.count, $0.label, $0.tally.value) < ($0.tally.count, $1.label, $1.tally.value) }
            .map(\.tally)
    }

    /// The counters as tallies, most grants first, then by `order` (a rank: distinct keys, distinct ranks).
    static func ranked<Key>(_ counters: [Key: GrantCounter], order: (Key) -> Int) -> [GrantTally<Key>] {
        counters.map { entry in
            (tally: GrantTally(key: entry.key, count: entry.value.count, totals: entry.value.totals.sorted { $0.key < $1.key }.map { ($0.key, $0.value) }),
             rank: order(entry.key))
        }
        .sorted { ($1.tally.count, $0.rank) < ($0.tally.count, $1.rank) }
        .map(\.tally)
    }

    /// Each value's rank by its label (made once per value, as folding a name is slow), then by the value.
    static func order(_ values: some Sequence<String>, label: (String) -> String) -> [String: Int] {
        let sorted = values.map { (value: $0, label: label($0)) }.sorted { ($0.label, $0.value) < ($1.label, $1.value) }
        return Dictionary(uniqueKeysWithValues: sorted.enumerated().map { ($0.element.value, $0.offset) })
    }
}

/// Grants counted as they are read: how many, and the exact sum per currency.
struct GrantCounter {
    /// A grant's amount and currency, read once; nil when it gives no amount (or no currency).
    struct Grant {
        var money: (currency: String, amount: DecimalSum)?

        init(_ edge: SocialGraph.Edge) {
            if let text = edge.amount, let currency = edge.currency, let amount = DecimalSum(text) { money = (currency, amount) }
        }
    }

    var count = 0
    var totals: [String: DecimalSum] = [:]

    /// Counts a grant; its amount joins its currency's total when both are given.
    mutating func add(_ grant: Grant) {
        count += 1
        if let money = grant.money { totals[money.currency, default: DecimalSum()].add(money.amount) }
    }
}
