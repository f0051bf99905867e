import HandbookModel
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
        /// The folder of its type, for the theme's classes `node t-<folder>`.
        var typeFolder: String
        /// Where it links to, relative to the page: `root` (back to the site's root), then `path` from there.
        /// Written one after the other, so no address is put together for a node drawn once.
        var root: String
        var path: String
        /// What a screen reader and a tooltip say: its name and what it is.
        var title: String
        /// Text drawn beside it, or nil, cut to `labelLimit` characters (`shortened`) as it is written.
        var label: String?
        var labelLimit = Int.max
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
        String(decoding: svgBytes(attributes: attributes), as: UTF8.self)
    }

    /// The `<svg>` element as UTF-8, for a template value that takes bytes as they are (`MustacheValue.utf8`).
    func svgBytes(attributes: String) -> [UInt8] {
        // Written as bytes, numbers included: an organisation's page draws one, so this runs once per page.
        var xml = XMLWriter(capacity: 512 + 512 * nodes.count + 128 * edges.count)
        xml.raw("<svg xmlns=\"http://www.w3.org/2000/svg\" viewBox=\"0 0 ")
        xml.number(width)
        xml.raw(" ")
        xml.number(height)
        xml.raw("\" ")
        xml.raw(string: attributes)
        xml.raw("><g class=\"edges\">")
        for edge in edges {
            // The ends' coordinates only: copying a node would retain each of its texts.
            xml.raw("<line class=\"")
            xml.raw(string: edge.className)
            xml.raw("\"")
            xml.attribute("x1", number: nodes[edge.a].x)
            xml.attribute("y1", number: nodes[edge.a].y)
            xml.attribute("x2", number: nodes[edge.b].x)
            xml.attribute("y2", number: nodes[edge.b].y)
            xml.attribute("data-a", integer: edge.a)
            xml.attribute("data-b", integer: edge.b)
            xml.raw("/>")
        }
        xml.raw("</g><g class=\"nodes\">")
        for position in nodes.indices {
            // Fields read in place: a copy of the node would retain each of its texts.
            xml.raw("<a class=\"node t-")
            xml.raw(string: nodes[position].typeFolder)
            xml.raw("\" href=\"")
            xml.text(nodes[position].root)
            xml.text(nodes[position].path)
            xml.raw("\"")
            xml.attribute("data-node", integer: position)
            for (name, value) in nodes[position].data {
                xml.raw(" data-")
                xml.raw(string: name)
                xml.raw("=\"")
                xml.text(value)
                xml.raw("\"")
            }
            if nodes[position].unfocusable { xml.raw(" tabindex=\"-1\"") }
            xml.raw(" aria-label=\"")
            // Escaped once, then copied: the name is written twice.
            let title = xml.count
            xml.text(nodes[position].title)
            let titleEnd = xml.count
            xml.raw("\"><title>")
            xml.repeatWritten(title..<titleEnd)
            xml.raw("</title><circle")
            xml.attribute("cx", number: nodes[position].x)
            xml.attribute("cy", number: nodes[position].y)
            xml.attribute("r", number: nodes[position].radius)
            xml.raw("/>")
            if let label = nodes[position].label {
                let right = !nodes[position].labelOnLeft
                let x = nodes[position].x + (right ? 1 : -1) * (nodes[position].radius + 4)
                xml.raw("<text")
                xml.attribute("x", number: x)
                xml.attribute("y", number: nodes[position].y + 4)
                if right { xml.raw(" text-anchor=\"start\">") } else { xml.raw(" text-anchor=\"end\">") }
                xml.text(label, shortenedTo: nodes[position].labelLimit)
                if let caption = nodes[position].caption {
                    xml.raw("<tspan class=\"caption\"")
                    xml.attribute("x", number: x)
                    xml.raw(" dy=\"14\">")
                    xml.text(caption)
                    xml.raw("</tspan>")
                }
                xml.raw("</text>")
            }
            xml.raw("</a>")
        }
        xml.raw("</g></svg>")
        return xml.bytes
    }

    /// A coordinate as the drawing writes it (`XMLWriter.number`): one decimal, no trailing zero.
    static func number(_ value: Double) -> String {
        var xml = XMLWriter()
        xml.number(value)
        return String(decoding: xml.bytes, as: UTF8.self)
    }

    /// A name cut to `limit` characters with an ellipsis, for a label; the full name is in the node's title.
    static func shortened(_ name: String, to limit: Int) -> String {
        switch cut(name, to: limit) {
        case .whole: return name
        case .bytes(let count): return String(decoding: name.utf8.prefix(count), as: UTF8.self) + "…"
        case .characters(let count): return String(name.prefix(count)) + "…"
        }
    }

    /// Where `shortened` cuts a name: nowhere, after a number of bytes, or after a number of characters.
    enum Cut: Equatable {
        case whole
        case bytes(Int)
        case characters(Int)
    }

    /// Where a name is cut to `limit` characters, an ellipsis then taking the last place.
    static func cut(_ name: String, to limit: Int) -> Cut {
        // No more bytes than the limit is no more characters either: most names are decided without counting them.
        if name.utf8.count <= limit { return .whole }
        // Printable ASCII is one character a byte: cut by bytes, without grouping characters.
        if name.withUTF8Bytes({ ControlCharacters.isPrintableASCII($0) }) { return .bytes(limit - 1) }
        return name.count > limit ? .characters(limit - 1) : .whole
    }
}
