import Mustache

/// A node-link drawing as inline SVG: lines for edges under linked circles for nodes, some labelled. The
/// network map and each organisation's neighbourhood are drawn with it; colours come from the theme's
/// stylesheet through each node's class (`t-<type folder>`), so the drawing holds no colour of its own.
struct GraphPicture {
    /// A node to draw.
    struct Node {
        /// Where it is, in the drawing's units.
        var x: Double
        var y: Double
        var radius: Double
        /// Classes for the theme: `node t-organisations`.
        var className: String
        /// Where it links to, relative to the page.
        var href: String
        /// What a screen reader and a tooltip say: its name and what it is.
        var title: String
        /// Text drawn beside it, or nil.
        var label: String?
        /// A second, smaller line under the label ("Member of").
        var caption: String?
        /// Whether the label goes on the node's left (text ending at the node) rather than its right.
        var labelOnLeft = false
        /// `data-` attributes for the page's script, names without the prefix.
        var data: [(String, String)] = []
        /// Whether the link is left out of the tab order (the page lists the same links as text).
        var unfocusable = false
    }

    /// An edge between nodes, by position in the node list.
    struct Edge {
        var a: Int
        var b: Int
        var className = "edge"
    }

    var width: Double
    var height: Double
    var nodes: [Node]
    var edges: [Edge]

    /// The `<svg>` element. `attributes` are written as they are (role, labels, classes).
    func svg(attributes: String) -> String {
        var xml = XMLWriter()
        xml.raw("<svg xmlns=\"http://www.w3.org/2000/svg\" viewBox=\"0 0 \(Self.number(width)) \(Self.number(height))\" \(attributes)>")
        xml.raw("<g class=\"edges\">")
        for edge in edges {
            let a = nodes[edge.a], b = nodes[edge.b]
            xml.raw("<line class=\"\(edge.className)\" x1=\"\(Self.number(a.x))\" y1=\"\(Self.number(a.y))\" x2=\"\(Self.number(b.x))\" y2=\"\(Self.number(b.y))\" data-a=\"\(edge.a)\" data-b=\"\(edge.b)\"/>")
        }
        xml.raw("</g><g class=\"nodes\">")
        for (position, node) in nodes.enumerated() {
            xml.raw("<a class=\"\(node.className)\" href=\"")
            xml.text(node.href)
            xml.raw("\" data-node=\"\(position)\"")
            for (name, value) in node.data {
                xml.raw(" data-\(name)=\"")
                xml.text(value)
                xml.raw("\"")
            }
            if node.unfocusable { xml.raw(" tabindex=\"-1\"") }
            xml.raw(" aria-label=\"")
            xml.text(node.title)
            xml.raw("\"><title>")
            xml.text(node.title)
            xml.raw("</title><circle cx=\"\(Self.number(node.x))\" cy=\"\(Self.number(node.y))\" r=\"\(Self.number(node.radius))\"/>")
            if let label = node.label {
                let right = !node.labelOnLeft
                let x = node.x + (right ? 1 : -1) * (node.radius + 4)
                xml.raw("<text x=\"\(Self.number(x))\" y=\"\(Self.number(node.y + 4))\" text-anchor=\"\(right ? "start" : "end")\">")
                xml.text(label)
                if let caption = node.caption {
                    xml.raw("<tspan class=\"caption\" x=\"\(Self.number(x))\" dy=\"14\">")
                    xml.text(caption)
                    xml.raw("</tspan>")
                }
                xml.raw("</text>")
            }
            xml.raw("</a>")
        }
        xml.raw("</g></svg>")
        return String(decoding: xml.bytes, as: UTF8.self)
    }

    /// A name cut to `limit` characters with an ellipsis, for a label; the full name is in the node's title.
    static func shortened(_ name: String, to limit: Int) -> String {
        name.count > limit ? String(name.prefix(limit - 1)) + "…" : name
    }

    /// A coordinate with one decimal, no trailing zero: short, and the same on every machine.
    static func number(_ value: Double) -> String {
        let tenths = Int((value * 10).rounded())
        let sign = tenths < 0 ? "-" : ""
        let magnitude = abs(tenths)
        return magnitude % 10 == 0 ? "\(sign)\(magnitude / 10)" : "\(sign)\(magnitude / 10).\(magnitude % 10)"
    }
}
