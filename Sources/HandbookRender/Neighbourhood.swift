import HandbookModel

/// A node's direct links in the social graph, each with the relationship in the node's own words: the
/// field's label when the node names the other ("Member of"), its inverse label when the other names the
/// node ("Members"), as the entry pages' lists say them.
struct Neighbourhood {
    /// One link: the other node and the relationship's words.
    struct Link {
        var node: Int
        var label: String
    }

    /// The relationships grouped under their words (in order of first appearance), each group's nodes in edge order.
    let groups: [(label: String, nodes: [Int])]

    /// The links of the node at `position`.
    init(of position: Int, graph: SocialGraph, types: TypeCatalog) {
        var groups: [(label: String, nodes: [Int])] = []
        var slots: [String: Int] = [:]
        // (group, node) pairs already listed: a hub's thousands of members are each checked in constant time.
        var listed: Set<SIMD2<Int>> = []
        // The words of each (type, field, direction) met so far: a node's edges come from a few fields, and a hub's
        // thousands of edges need not each search a schema.
        var words: [(type: EntityType, field: FieldName, outgoing: Bool, label: String)] = []
        for edgePosition in graph.incident[position] {
            let edge = graph.edges[edgePosition]
            let outgoing = edge.source == position
            let other = outgoing ? edge.target : edge.source
            let sourceType = graph.nodes[edge.source].reference.type
            let label: String
            if let known = words.first(where: { $0.outgoing == outgoing && $0.type == sourceType && $0.field == edge.field }) {
                label = known.label
            } else {
                let field = types[sourceType].fields.first { $0.name == edge.field }
                label = outgoing ? (field?.label ?? edge.relation) : (field?.inverseLabel ?? types[sourceType].pluralTitle)
                words.append((sourceType, edge.field, outgoing, label))
            }
            let slot = slots[label] ?? groups.count
            if slot == groups.count {
                slots[label] = slot
                groups.append((label, []))
            }
            if listed.insert(SIMD2(slot, other)).inserted { groups[slot].nodes.append(other) }
        }
        self.groups = groups
    }

    /// Every linked node once, with the words of its first relationship.
    var links: [Link] {
        var seen: Set<Int> = []
        var links: [Link] = []
        for group in groups {
            for node in group.nodes where seen.insert(node).inserted { links.append(Link(node: node, label: group.label)) }
        }
        return links
    }
}
