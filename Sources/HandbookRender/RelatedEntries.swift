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
        /// The related entry …
        public var entity: Entity
        /// … and its position in the site index.
        public var position: Int
        /// What the two share.
        public var shared: [Shared]
    }

    private let index: SiteIndex
    /// What each published entry has that others may share, by its position in `index.entities`.
    private let features: [[Shared]]
    /// For each shared thing, the positions of the entries that have it, ascending …
    private let holders: [[Int]]
    /// … and for each published entry, where in `holders` each of its `features` is: a page walks its lists
    /// without hashing its things again.
    private let holderLists: [[Int]]
    /// Score tables, one per page being worked on at a time.
    private let scratch = ScratchPool()

    /// Indexes what the published entries share; pages (types not listed) take no part.
    public init(index: SiteIndex) {
        self.index = index
        var features: [[Shared]] = []
        features.reserveCapacity(index.entities.count)
        // Each shared thing's list: an entry's found by the entry's position, the others by the thing.
        var slots: [Shared: Int] = [:]
        var entrySlots = [Int](repeating: -1, count: index.entities.count)
        var holders: [[Int]] = []
        var holderLists: [[Int]] = []
        holderLists.reserveCapacity(index.entities.count)
        for (position, entity) in index.entities.enumerated() {
            let own = index.types[entity.reference.type].isListed ? Self.features(of: entity, index: index) : []
            var lists: [Int] = []
            lists.reserveCapacity(own.count)
            for (feature, entry) in own {
                var slot = entry >= 0 ? entrySlots[entry] : (slots[feature] ?? -1)
                if slot < 0 {
                    slot = holders.count
                    if entry >= 0 { entrySlots[entry] = slot } else { slots[feature] = slot }
                    holders.append([])
                }
                holders[slot].append(position)
                lists.append(slot)
            }
            features.append(own.map(\.shared))
            holderLists.append(lists)
        }
        self.features = features
        self.holders = holders
        self.holderLists = holderLists
    }

    /// What an entry has that others may share, each once, in a fixed order, with the position of a shared entry
    /// (−1 for other things). Most entries have a few: repeats are found by looking through them, and hashed only
    /// once there are many (an entry naming hundreds).
    static func features(of entity: Entity, index: SiteIndex) -> [(shared: Shared, entry: Int)] {
        var found: [(shared: Shared, entry: Int)] = []
        var seen: Set<Shared>?
        func add(_ feature: Shared, entry: Int = -1) {
            if seen == nil && found.count == 16 { seen = Set(found.map(\.shared)) }
            if seen == nil ? !found.contains(where: { $0.shared == feature }) : seen!.insert(feature).inserted {
                found.append((feature, entry))
            }
        }
        for target in entity.references where target != entity.reference {
            if let position = index.position(target) { add(.entry(target), entry: position) }
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
        let references = entity.references, backlinks = index.backlinks[reference] ?? []
        var linked: [Int] = []
        linked.reserveCapacity(references.count + backlinks.count)
        for other in references { if let position = index.position(other) { linked.append(position) } }
        for other in backlinks { if let position = index.position(other) { linked.append(position) } }
        let own = features[me]
        // Every candidate's score in a table by position, kept between pages and cleared through the list of
        // positions touched: the cost is the length of the lists walked, whatever their number.
        let table = scratch.take(count: index.entities.count)
        defer { scratch.give(table) }
        var touched: [Int] = []
        swap(&touched, &table.touched)
        // The best `limit`, best first (a higher rank, then a lower position).
        var best: [(position: Int, score: Score)] = []
        best.reserveCapacity(Self.limit + 1)
        // The linked entries are marked in the table (and unmarked after), so a candidate is ruled out by one read.
        for position in linked { table.scores[position].linked = true }
        defer { for position in linked { table.scores[position].linked = false } }
        // Through a pointer: the table is a class's, and each access to it would otherwise be checked.
        table.scores.withUnsafeMutableBufferPointer { scores in
            for (bit, feature) in own.prefix(64).enumerated() {
                let list = holders[holderLists[me][bit]]
                guard list.count > 1, list.count <= Self.commonest else { continue }
                // Rarer things count more: the weight over log2 of how many entries share it.
                let rarity = Double(feature.weight) / log2(Double(list.count) + 1)
                for position in list {
                    if scores[position].shared == 0 { touched.append(position) }
                    scores[position].add(bit: bit, weight: feature.weight, rarity: rarity)
                }
            }
            for position in touched {
                let score = scores[position]
                scores[position].clear()
                guard position != me, score.weight >= Self.threshold, !score.linked else { continue }
                func above(_ other: (position: Int, score: Score)) -> Bool {
                    score.rank > other.score.rank || (score.rank == other.score.rank && position < other.position)
                }
                guard best.count < Self.limit || above(best[best.count - 1]) else { continue }
                var slot = best.count
                while slot > 0 && above(best[slot - 1]) { slot -= 1 }
                best.insert((position, score), at: slot)
                if best.count > Self.limit { best.removeLast() }
            }
        }
        touched.removeAll(keepingCapacity: true)
        swap(&touched, &table.touched)
        return best.map { item in
            // What the two share, heaviest first and in the entry's own order among equals, read from the score's
            // bits rather than by filtering every thing the entry has.
            var shared: [Int] = []
            shared.reserveCapacity(item.score.shared.nonzeroBitCount)
            var bits = item.score.shared
            while bits != 0 {
                shared.append(bits.trailingZeroBitCount)
                bits &= bits - 1
            }
            shared.sort { own[$0].weight != own[$1].weight ? own[$0].weight > own[$1].weight : $0 < $1 }
            return Match(entity: index.entities[item.position], position: item.position, shared: shared.map { own[$0] })
        }
    }

    /// A table of scores by position, all zero between uses, and the positions a use touched.
    final class Scratch {
        var scores: [Score]
        var touched: [Int] = []

        init(count: Int) { scores = [Score](repeating: Score(), count: count) }
    }

    /// Tables handed to one page at a time: as many as pages are worked on at once.
    final class ScratchPool: @unchecked Sendable {
        private let lock = NSLock()
        private var free: [Scratch] = []

        func take(count: Int) -> Scratch {
            lock.lock()
            defer { lock.unlock() }
            if let table = free.popLast(), table.scores.count == count { return table }
            return Scratch(count: count)
        }

        func give(_ table: Scratch) {
            lock.lock()
            free.append(table)
            lock.unlock()
        }
    }

    /// What a candidate shares with the page's entry so far.
    struct Score {
        var rank = 0.0
        var weight = 0
        /// Bit i set: shares the page's entry's i-th thing.
        var shared: UInt64 = 0
        /// True while the page's entry names or is named by this one (not related: already linked).
        var linked = false

        /// Zero again, but still marked linked while the page is being worked on.
        mutating func clear() {
            rank = 0
            weight = 0
            shared = 0
        }

        mutating func add(bit: Int, weight: Int, rarity: Double) {
            rank += rarity
            self.weight += weight
            shared |= 1 << UInt64(bit)
        }
    }
}
