import HandbookModel

/// The sector's social graph: the published entries of listed types as nodes, and each name one entry
/// gives another in a relationship field as a directed edge of that field's relation (`member-of`,
/// `funds`, …, declared with the schemas). Built once; the graph exports, and later the map and the
/// insights, read it.
public struct SocialGraph: Sendable {
    /// An entry as a node.
    public struct Node: Sendable {
        /// The entry.
        public var reference: EntityReference
        /// Its name or title.
        public var name: String
        /// The country it is in or about (`country`, or the country part of a policy's jurisdiction).
        public var country: String?
        /// Its topic ids.
        public var topics: [String]
        /// Its position in the site index.
        public var position: Int
    }

    /// One entry naming another: `source` names `target` in `field`.
    public struct Edge: Sendable {
        /// The node that names, by position in `nodes`.
        public var source: Int
        /// The node named.
        public var target: Int
        /// The field's relation, read from the source (`member-of`).
        public var relation: String
        /// The top-level field the name is written in.
        public var field: FieldName
        /// The type whose field it is: the source node's, or a role's (a funder that is also an organisation here
        /// writes its funders' fields on its owner's node).
        public var fieldType: EntityType
        /// For a grant: its amount as written, currency and date, where given.
        public var amount: String?
        public var currency: String?
        public var date: String?
    }

    /// The nodes, in the site's order (type, then slug).
    public let nodes: [Node]
    /// The edges, by source node, then in schema field order, then as written.
    public let edges: [Edge]
    /// The edges touching each node, by position in `edges`, in edge order.
    public let incident: [[Int]]
    /// The site index, whose positions `nodeOf` is by.
    private let index: SiteIndex
    /// By an entry's position in the site index, its node's position in `nodes` (a role's is its owner's), or −1:
    /// looked up by position, not hashed by reference.
    private let nodeOf: [Int]

    /// Builds the graph from the published entries; content pages take no part.
    public init(index: SiteIndex) {
        var nodes: [Node] = []
        var nodeOf = [Int](repeating: -1, count: index.entities.count)
        for (position, entity) in index.entities.enumerated()
        where index.types[entity.reference.type].isListed && index.roleOwners[entity.reference] == nil {
            nodeOf[position] = nodes.count
            nodes.append(Node(reference: entity.reference, name: entity.name, country: entity.countryCode, topics: entity.topics,
                              position: position))
        }
        // A role (a funder that is also an organisation here) is its owner's node: its links start and end there.
        for (role, owner) in index.roleOwners {
            if let role = index.position(role), let owner = index.position(owner) { nodeOf[role] = nodeOf[owner] }
        }
        var edges: [Edge] = []
        for (position, entity) in index.entities.enumerated() {
            let source = nodeOf[position]
            guard source >= 0 else { continue }
            for field in index.types[entity.reference.type].fields {
                guard let relation = field.relation, let value = entity[field.name] else { continue }
                Self.forEachNamed(in: value) { target, grant in
                    guard let named = index.position(target), nodeOf[named] >= 0, nodeOf[named] != source else { return }
                    edges.append(Edge(source: source, target: nodeOf[named], relation: relation, field: field.name,
                                      fieldType: entity.reference.type,
                                      amount: grant?[.amount].flatMap(Self.numberText), currency: grant?[.currency]?.text,
                                      date: grant?[.date].flatMap(Self.dateText)))
                }
            }
        }
        var incident = [[Int]](repeating: [], count: nodes.count)
        for (position, edge) in edges.enumerated() {
            incident[edge.source].append(position)
            incident[edge.target].append(position)
        }
        self.nodes = nodes
        self.edges = edges
        self.incident = incident
        self.index = index
        self.nodeOf = nodeOf
    }

    /// How many entries each node is linked to, either way, by position in `nodes`: two links between the same
    /// pair (an organisation's funder that also lists a grant to it) count once, as the insights count them.
    public func degrees() -> [Int] {
        let undirected = UndirectedGraph(self)
        return nodes.indices.map { undirected.degree($0) }
    }

    /// An entry's position in `nodes`, or nil (a content page, or not published).
    public func position(of reference: EntityReference) -> Int? {
        index.position(reference).flatMap { nodeOf[$0] >= 0 ? nodeOf[$0] : nil }
    }

    /// Calls `body` with each entry a field's value names, and the innermost record it is named in (a grant), as
    /// written.
    static func forEachNamed(in value: FieldValue, record: FieldValue? = nil, _ body: (EntityReference, FieldValue?) -> Void) {
        switch value {
        case .reference(let reference): body(reference, record)
        case .list(let items): for item in items { forEachNamed(in: item, record: record, body) }
        case .record(let entries): for entry in entries { forEachNamed(in: entry.value, record: value, body) }
        default: break
        }
    }

    /// A number field's value as written.
    static func numberText(_ value: FieldValue) -> String? {
        switch value {
        case .number(let text): return text
        case .integer(let number): return String(number)
        default: return nil
        }
    }

    /// A date field's value as written.
    static func dateText(_ value: FieldValue) -> String? {
        switch value {
        case .date(let date): return date.description
        default: return value.text
        }
    }
}
