import Foundation
import HandbookModel

/// For each entry, the entries that share something with it (an entry both name, a region, a country, a
/// method, a topic) without already being linked to it: the "Related" section of its page.
///
/// Built once as lists of the entries that have each shared thing; a page walks only its own entry's
/// lists, so the cost is linear in the site. Rarer things count more (a shared region of ten entries says
/// more than a shared country of a thousand), and a thing more than `commonest` entries share is skipped:
/// it says little, and skipping it keeps one page's work bounded at 100,000 entries.
public struct RelatedEntries: Sendable {
    /// How many related entries a page shows at most.
    public static let limit = 5
    /// Things shared by more entries than this are not walked.
    public static let commonest = 500
    /// The least total weight of what two entries share for them to count as related: a shared entry or
    /// region is enough; a single topic, method or country is not.
    public static let threshold = 2

    /// Something entries can share.
    public enum Shared: Hashable, Sendable {
        /// Both entries name this entry (an organisation, a funder, a resource).
        case entry(EntityReference)
        /// Both are in this region (an ISO 3166-2 code or the text as written).
        case region(String)
        /// Both are in or about this country.
        case country(String)
        /// Both used this method.
        case method(String)
        /// Both are tagged with this topic.
        case topic(String)

        /// How much sharing it says about two entries.
        public var weight: Int {
            switch self {
            case .entry: return 3
            case .region: return 2
            case .country, .method, .topic: return 1
            }
        }
    }

    /// One related entry and what it shares with the page's entry, the weightiest first.
    public struct Match: Sendable {
        /// The related entry.
        public var entity: Entity
        /// What the two share.
        public var shared: [Shared]
    }

    private let index: SiteIndex
    /// What each published entry has that others may share, by its position in `index.entities`.
    private let features: [[Shared]]
    /// For each shared thing, the positions of the entries that have it, ascending.
    private let holders: [Shared: [Int]]

    /// Indexes what the published entries share; pages (types not listed) take no part.
    public init(index: SiteIndex) {
        self.index = index
        var features: [[Shared]] = []
        features.reserveCapacity(index.entities.count)
        var holders: [Shared: [Int]] = [:]
        for (position, entity) in index.entities.enumerated() {
            let own = index.types[entity.reference.type].isListed ? Self.features(of: entity, index: index) : []
            for feature in own { holders[feature, default: []].append(position) }
            features.append(own)
        }
        self.features = features
        self.holders = holders
    }

    /// What an entry has that others may share, each once, in a fixed order.
    static func features(of entity: Entity, index: SiteIndex) -> [Shared] {
        var found: [Shared] = []
        var seen: Set<Shared> = []
        func add(_ feature: Shared) {
            if seen.insert(feature).inserted { found.append(feature) }
        }
        for target in entity.references where target != entity.reference && index.entity(target) != nil {
            add(.entry(target))
        }
        if let region = entity[.region]?.text {
            add(.region(region))
        } else if let jurisdiction = entity[.jurisdiction]?.text, jurisdiction.contains("-") {
            add(.region(jurisdiction))
        }
        if let country = entity.countryCode { add(.country(country)) }
        for method in entity.texts(.methods) { add(.method(method)) }
        for topic in entity.topics { add(.topic(topic)) }
        return found
    }

    /// The entries related to one, best first: at most `limit`, none it names or is named by.
    public func related(to reference: EntityReference) -> [Match] {
        guard let me = index.position(reference), let entity = index.entity(reference) else { return [] }
        // Positions, so a candidate is checked without reading its entry (a page meets thousands of them).
        var linked: Set<Int> = []
        for other in entity.references { if let position = index.position(other) { linked.insert(position) } }
        for other in index.backlinks[reference] ?? [] { if let position = index.position(other) { linked.insert(position) } }
        let own = features[me]
        // The lists are ascending: merging them meets each candidate once, with all it shares, and needs no
        // table of scores (a dictionary of thousands of candidates per page was most of this function's time).
        var lists: [[Int]] = []
        var shares: [(bit: Int, weight: Int, rarity: Double)] = []
        for (bit, feature) in own.prefix(64).enumerated() {
            guard let list = holders[feature], list.count > 1, list.count <= Self.commonest else { continue }
            lists.append(list)
            // Rarer things count more: the weight over log2 of how many entries share it.
            shares.append((bit, feature.weight, Double(feature.weight) / log2(Double(list.count) + 1)))
        }
        var heads = [Int](repeating: 0, count: lists.count)
        // The best `limit` so far, best first: (position, score).
        var best: [(position: Int, score: Score)] = []
        best.reserveCapacity(Self.limit + 1)
        while true {
            var next = Int.max
            for number in lists.indices where heads[number] < lists[number].count {
                next = min(next, lists[number][heads[number]])
            }
            guard next != Int.max else { break }
            var score = Score()
            for number in lists.indices where heads[number] < lists[number].count && lists[number][heads[number]] == next {
                score.add(bit: shares[number].bit, weight: shares[number].weight, rarity: shares[number].rarity)
                heads[number] += 1
            }
            guard next != me, score.weight >= Self.threshold, !linked.contains(next) else { continue }
            // Candidates come in ascending position, so a later one ranks above an equal earlier one only when
            // its rank is higher: higher rank first, then lower position.
            guard best.count < Self.limit || score.rank > best[best.count - 1].score.rank else { continue }
            var slot = best.count
            while slot > 0 && score.rank > best[slot - 1].score.rank { slot -= 1 }
            best.insert((next, score), at: slot)
            if best.count > Self.limit { best.removeLast() }
        }
        return best.map { item in
            let shared = own.prefix(64).enumerated()
                .filter { item.score.shared & (1 << UInt64($0.offset)) != 0 }
                .sorted { ($0.element.weight, $1.offset) > ($1.element.weight, $0.offset) }
                .map(\.element)
            return Match(entity: index.entities[item.position], shared: shared)
        }
    }

    /// What a candidate shares with the page's entry so far.
    struct Score {
        var rank = 0.0
        var weight = 0
        /// Bit i set: shares the page's entry's i-th thing.
        var shared: UInt64 = 0

        mutating func add(bit: Int, weight: Int, rarity: Double) {
            rank += rarity
            self.weight += weight
            shared |= 1 << UInt64(bit)
        }
    }
}
