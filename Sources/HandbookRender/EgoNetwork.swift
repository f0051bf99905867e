import Foundation
import HandbookModel

/// An entry's neighbourhood drawn small: the entry in the middle and its direct links around it, each
/// labelled with its name and the relationship ("Member of"). It repeats the page's lists as a picture,
/// so it is hidden from screen readers and its links are left out of the tab order.
struct EgoNetwork {
    /// At most this many neighbours are drawn; the page's lists hold the rest.
    static let limit = 12
    /// With fewer links than this, the links are drawn in a column rather than round the entry.
    static let least = 3
    /// Names longer than this are shortened in the drawing (the full name is in the link's title).
    static let labelLength = 22
    static let width = 560.0
    static let height = 330.0

    /// The drawing for an entry, or nil when it has no links. `root` leads back to the site root.
    static func svg(for reference: EntityReference, site: SiteContext, root: String) -> (svg: [UInt8], shown: Int, total: Int)? {
        let graph = site.graph
        guard let position = graph.position(of: reference) else { return nil }
        let links = Neighbourhood(of: position, graph: graph, types: site.index.types).links
        guard !links.isEmpty else { return nil }
        let shown = Array(links.prefix(limit))
        // One or two links: a short drawing, the entry on the left and its links in a column on the right.
        // More: the links round an ellipse about the entry.
        let few = shown.count < least
        let height = few ? 50 + 50 * Double(shown.count) : Self.height
        let centre = GraphLayout.Point(x: few ? width * 0.3 : width / 2, y: height / 2)
        // Room on either side for a label of `labelLength` wide letters (170 cut "European Movement Int…" at the left).
        let (rx, ry) = (width / 2 - 190, height / 2 - 40)
        var nodes: [GraphPicture.Node] = []
        nodes.reserveCapacity(shown.count + 1)
        nodes.append(node(graph.nodes[position], at: centre, radius: 9, caption: nil, site: site, root: root))
        for (number, link) in shown.enumerated() {
            let point: GraphLayout.Point
            if few {
                point = GraphLayout.Point(x: width * 0.55, y: 50 + 50 * Double(number))
            } else {
                // Evenly round an ellipse, starting at the top.
                let angle = -Double.pi / 2 + 2 * Double.pi * Double(number) / Double(shown.count)
                point = GraphLayout.Point(x: centre.x + rx * cos(angle), y: centre.y + ry * sin(angle))
            }
            nodes.append(node(graph.nodes[link.node], at: point, radius: 6, caption: link.label, site: site, root: root))
            nodes[nodes.count - 1].labelOnLeft = point.x < centre.x - 1
        }
        nodes[0].label = nil
        let picture = GraphPicture(width: width, height: height, nodes: nodes,
                                   edges: (1..<nodes.count).map { GraphPicture.Edge(a: 0, b: $0) })
        return (picture.svgBytes(attributes: "class=\"ego-map\" aria-hidden=\"true\" focusable=\"false\""), shown.count, links.count)
    }

    static func node(_ entry: SocialGraph.Node, at point: GraphLayout.Point, radius: Double, caption: String?,
                     site: SiteContext, root: String) -> GraphPicture.Node {
        return GraphPicture.Node(x: point.x, y: point.y, radius: radius, typeFolder: entry.reference.type.folder,
                                 root: root, path: site.index.links.entity(at: entry.position), title: entry.name, label: entry.name,
                                 labelLimit: labelLength, caption: caption, unfocusable: true)
    }
}
