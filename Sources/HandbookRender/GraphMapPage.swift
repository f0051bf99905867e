import HandbookModel
import Mustache

/// The network map (`graph/`): the social graph drawn at build time as SVG (each node a link to its
/// entry, coloured by type, sized by its number of links, the most connected labelled), readable without
/// JavaScript; `graph.js` adds zoom, pan, filters and neighbour highlighting. Below it, the same facts as
/// a table of organisations and their relationships, and the graph's data files.
struct GraphMapPage: PageGenerator {
    static let name = "network map"
    static let inputs = OutputInputs.structure
    /// Where the map lives.
    static let path = "graph/"
    /// Its navigation section (the layout loads `graph.js` on it).
    static let section = "graph"
    /// At most this many nodes are drawn (the most connected); beyond it a map is unreadable and heavy.
    static let drawnLimit = 1500
    /// How many of the most connected nodes carry a label.
    static let labelled = 15
    /// At most this many organisations are in the table (the most connected).
    static let tableLimit = 500
    /// The drawing's size, in its own units.
    static let width = 1000.0
    static let height = 680.0

    let site: SiteContext

    func pages() -> [Page] {
        [Page(path: Self.path, section: Self.section)]
    }

    func content(of page: Page, root: String) -> PageContent {
        let graph = site.graph
        let index = site.index
        let degrees = graph.degrees()
        // The most connected first, ties in the site's order; drawn in the site's order.
        let ranked = graph.nodes.indices.sorted { (degrees[$0], $1) > (degrees[$1], $0) }
        let drawn = ranked.prefix(Self.drawnLimit).sorted()
        var slot: [Int: Int] = [:]
        for (position, node) in drawn.enumerated() { slot[node] = position }
        let edges = graph.edges.compactMap { edge -> (Int, Int)? in
            guard let a = slot[edge.source], let b = slot[edge.target] else { return nil }
            return (a, b)
        }
        let points = GraphLayout.fitted(GraphLayout.positions(count: drawn.count, edges: edges),
                                        width: Self.width, height: Self.height, margin: 24)
        let labels = placeLabels(ranked.prefix(Self.labelled).filter { degrees[$0] >= 2 }, slot: slot, points: points, degrees: degrees)
        let nodes = drawn.enumerated().map { position, node -> GraphPicture.Node in
            let entry = graph.nodes[node]
            let descriptor = index.types[entry.reference.type]
            let degree = degrees[node]
            var data = [("type", entry.reference.type.folder)]
            if let country = entry.country { data.append(("country", country)) }
            if !entry.topics.isEmpty { data.append(("topics", entry.topics.joined(separator: " "))) }
            return GraphPicture.Node(
                x: points[position].x, y: points[position].y, radius: Self.radius(degree),
                typeFolder: entry.reference.type.folder, root: root, path: index.links.entity(entry.reference),
                title: "\(entry.name) (\(descriptor.singular), \(Self.connections(degree)))",
                label: labels[node].map { _ in entry.name }, labelLimit: 28, labelOnLeft: labels[node] ?? false, data: data)
        }
        let picture = GraphPicture(width: Self.width, height: Self.height, nodes: nodes,
                                   edges: edges.map { GraphPicture.Edge(a: $0.0, b: $0.1) })
        let svg = picture.svg(attributes: "class=\"graph-map\" aria-labelledby=\"map-heading\" data-graph")

        var counts: [EntityType: Int] = [:]
        for node in drawn { counts[graph.nodes[node].reference.type, default: 0] += 1 }
        let legend: [MustacheValue] = index.types.descriptors.compactMap { descriptor in
            guard let count = counts[descriptor.type] else { return nil }
            return ["label": .string(descriptor.pluralTitle), "className": .string("t-\(descriptor.type.folder)"),
                    "type": .string(descriptor.type.folder), "count": .string(String(count))]
        }
        var countries: Set<String> = []
        var topics: Set<String> = []
        for node in drawn {
            if let country = graph.nodes[node].country { countries.insert(country) }
            topics.formUnion(graph.nodes[node].topics)
        }
        let countryOptions: [MustacheValue] = countries.map { (code: $0, name: Formatting.country($0)) }
            .sorted { ($0.name, $0.code) < ($1.name, $1.code) }
            .map { ["value": .string($0.code), "label": .string($0.name)] }
        let topicOptions: [MustacheValue] = index.settings.topics.filter { topics.contains($0.id) }
            .map { ["value": .string($0.id), "label": .string($0.label)] }

        let organisations = ranked.filter { graph.nodes[$0].reference.type == .organisations }
        let rows: [MustacheValue] = organisations.prefix(Self.tableLimit).map { node in
            let entry = graph.nodes[node]
            let neighbourhood = Neighbourhood(of: node, graph: graph, types: index.types)
            return [
                "name": .string(entry.name), "url": .string(index.links.entity(entry.reference)),
                "country": MustacheValue(entry.country.map(Formatting.country)), "degree": .string(String(degrees[node])),
                "relationships": .list(neighbourhood.groups.map { group in
                    ["label": .string(group.label), "entries": .list(group.nodes.map { other in
                        ["name": .string(graph.nodes[other].name), "url": .string(index.links.entity(graph.nodes[other].reference))]
                    })]
                }),
            ]
        }
        let title = "Network map"
        let description = "The \(index.settings.title)'s social graph: who is a member of, partners with, funds and runs what."
        return PageContent(template: "graph", title: title, description: description, data: ["graph": [
            "svg": .utf8(Array(svg.utf8)),
            "legend": .list(legend),
            "nodeCount": .string(String(graph.nodes.count)),
            "edgeCount": .string(String(graph.edges.count)),
            "drawnCount": .string(String(drawn.count)),
            "isPartial": .bool(drawn.count < graph.nodes.count),
            "countries": .list(countryOptions),
            "topics": .list(topicOptions),
            "rows": .list(rows),
            "hasRows": .bool(!rows.isEmpty),
            "organisationCount": .string(String(organisations.count)),
            "isTablePartial": .bool(rows.count < organisations.count),
            "jsonURL": .string(GraphExports.jsonPath), "graphMLURL": .string(GraphExports.graphMLPath), "gexfURL": .string(GraphExports.gexfPath),
        ]])
    }

    /// Labels for the most connected nodes, most connected first, each on the node's right or else its left,
    /// where it overlaps no label placed before it (a label that fits neither way is left out): node → on the left.
    func placeLabels(_ candidates: [Int], slot: [Int: Int], points: [GraphLayout.Point], degrees: [Int]) -> [Int: Bool] {
        // Boxes in the drawing's units: 13-unit text is about 7 units a character wide and 16 high.
        var placed: [(x0: Double, y0: Double, x1: Double, y1: Double)] = []
        var labels: [Int: Bool] = [:]
        for node in candidates {
            guard let position = slot[node] else { continue }
            let point = points[position]
            let radius = Self.radius(degrees[node])
            let width = Double(GraphPicture.shortened(site.graph.nodes[node].name, to: 28).count) * 7 + 4
            let options = point.x > Self.width * 0.6 ? [true, false] : [false, true]
            for onLeft in options {
                let x0 = onLeft ? point.x - radius - 4 - width : point.x + radius + 2
                let box = (x0: x0, y0: point.y - 9, x1: x0 + width, y1: point.y + 7)
                guard box.x0 >= 0, box.x1 <= Self.width,
                      !placed.contains(where: { $0.x0 < box.x1 && box.x0 < $0.x1 && $0.y0 < box.y1 && box.y0 < $0.y1 }) else { continue }
                placed.append(box)
                labels[node] = onLeft
                break
            }
        }
        return labels
    }

    /// A node's radius: larger the more links it has, within bounds.
    static func radius(_ degree: Int) -> Double {
        min(14, 3.5 + 1.6 * Double(degree).squareRoot())
    }

    /// "1 connection", "5 connections".
    static func connections(_ count: Int) -> String {
        count == 1 ? "1 connection" : "\(count) connections"
    }
}
