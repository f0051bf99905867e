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
        // (group, node) pairs already listed, kept once a group is long: a hub's thousands of members are each
        // checked in constant time, while the few links of most entries are checked against the group itself.
        var listed: Set<SIMD2<Int>> = []
        // The words of each (type, field, direction) met so far: a node's edges come from a few fields, and a hub's
        // thousands of edges need not each search a schema.
        var words: [(type: EntityType, field: FieldName, outgoing: Bool, label: String)] = []
        for edgePosition in graph.incident[position] {
            // The edge's fields read in place: a copy would retain its texts.
            let source = graph.edges[edgePosition].source, field = graph.edges[edgePosition].field
            let outgoing = source == position
            let other = outgoing ? graph.edges[edgePosition].target : source
            // The type whose field made the edge, which a role's is not its node's.
            let sourceType = graph.edges[edgePosition].fieldType
            let label: String
            if let known = words.first(where: { $0.outgoing == outgoing && $0.type == sourceType && $0.field == field }) {
                label = known.label
            } else {
                let schema = types[sourceType].fields.first { $0.name == field }
                label = outgoing ? (schema?.label ?? graph.edges[edgePosition].relation) : (schema?.inverseLabel ?? types[sourceType].pluralTitle)
                words.append((sourceType, field, outgoing, label))
            }
            // Groups are the few relationships a node has: found by looking through them.
            let slot = groups.firstIndex { $0.label == label } ?? groups.count
            if slot == groups.count { groups.append((label, [])) }
            let members = groups[slot].nodes.count
            if members < Self.shortGroup {
                if !groups[slot].nodes.contains(other) { groups[slot].nodes.append(other) }
            } else {
                if members == Self.shortGroup { for node in groups[slot].nodes { listed.insert(SIMD2(slot, node)) } }
                if listed.insert(SIMD2(slot, other)).inserted { groups[slot].nodes.append(other) }
            }
        }
        self.groups = groups
    }

    /// Up to this many members, a group is searched for a repeated node; from it on, a set is kept.
    static let shortGroup = 32

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
