import HandbookModel
import Mustache

/// The social graph in the forms network tools open: `api/graph.json` (for scripts and the site's own
/// pages), `api/graph.graphml` (Gephi, Cytoscape, yEd, networkx; attribute keys declared) and
/// `api/graph.gexf` (Gephi's own format, GEXF 1.2). The same nodes and edges in the same order in each.
/// Written straight into bytes, each node's ids and address encoded once: at 10,000 entries the three
/// files are some 20 MB.
struct GraphExports: OutputGenerator {
    static let name = "graph exports"
    static let inputs = OutputInputs.structure
    /// Where each form is written.
    static let jsonPath = "api/graph.json"
    static let graphMLPath = "api/graph.graphml"
    static let gexfPath = "api/graph.gexf"

    let graph: SocialGraph
    let index: SiteIndex
    let baseURL: String

    init(site: SiteContext) {
        graph = site.graph
        index = site.index
        baseURL = site.baseURL
    }

    func files() -> [OutputFile] {
        let encoded = EncodedNodes(graph: graph, index: index, baseURL: baseURL)
        return Parallel.map([0, 1, 2]) { form -> OutputFile in
            switch form {
            case 0: return OutputFile(path: Self.jsonPath, bytes: json(encoded))
            case 1: return OutputFile(path: Self.graphMLPath, bytes: graphML(encoded))
            default: return OutputFile(path: Self.gexfPath, bytes: gexf(encoded))
            }
        }
    }

    /// Each node's ids and attribute values, encoded once for all three forms.
    struct EncodedNodes {
        /// `"<type>/<slug>"` as a JSON string, quotes included.
        var jsonIDs: [[UInt8]] = []
        /// `<type>:<slug>`, escaped for XML (name tokens allow no `/`).
        var xmlIDs: [[UInt8]] = []
        /// Each node's attribute values in `nodeAttributes` order; nil where it has none.
        var values: [[String?]] = []

        init(graph: SocialGraph, index: SiteIndex, baseURL: String) {
            for node in graph.nodes {
                let folder = node.reference.type.folder
                var json: [UInt8] = []
                JSONString.append("\(folder)/\(node.reference.slug)", to: &json)
                jsonIDs.append(json)
                var xml: [UInt8] = []
                HTML.escape("\(folder):\(node.reference.slug)", into: &xml)
                xmlIDs.append(xml)
                values.append([folder, node.country, node.topics.isEmpty ? nil : node.topics.joined(separator: ";"),
                               baseURL + index.links.entity(node.reference)])
            }
        }
    }

    /// An attribute of nodes or edges, declared once and written in both XML forms.
    struct Attribute {
        var name: String
        /// GraphML's `attr.type`; GEXF's `type` is the same word for these.
        var type: String
    }

    static let nodeAttributes = [Attribute(name: "type", type: "string"), Attribute(name: "country", type: "string"),
                                 Attribute(name: "topics", type: "string"), Attribute(name: "url", type: "string")]
    static let edgeAttributes = [Attribute(name: "relation", type: "string"), Attribute(name: "field", type: "string"),
                                 Attribute(name: "amount", type: "double"), Attribute(name: "currency", type: "string"),
                                 Attribute(name: "date", type: "string")]

    /// An edge's attribute values, in `edgeAttributes` order.
    static func values(of edge: SocialGraph.Edge) -> [String?] {
        [edge.relation, edge.field.rawValue, edge.amount.map(DataAPI.canonicalNumber), edge.currency, edge.date]
    }

    /// `{"directed": true, "edges": [...], "nodes": [...]}`, keys in sorted order as the rest of the API.
    func json(_ encoded: EncodedNodes) -> [UInt8] {
        var out: [UInt8] = []
        out.reserveCapacity(graph.nodes.count * 200 + graph.edges.count * 120)
        // A key's quotes and colon are written with it from the program's constants: no text is made for each.
        func key(_ name: StaticString, first: Bool = false) {
            if !first { out.append(UInt8(ascii: ",")) }
            out.append(UInt8(ascii: "\""))
            out.append(contentsOf: UnsafeBufferPointer(start: name.utf8Start, count: name.utf8CodeUnitCount))
            out.append(UInt8(ascii: "\""))
            out.append(UInt8(ascii: ":"))
        }
        out += Array("{\"directed\":true,\"edges\":[".utf8)
        for (position, edge) in graph.edges.enumerated() {
            if position > 0 { out.append(UInt8(ascii: ",")) }
            out.append(UInt8(ascii: "{"))
            var first = true
            if let amount = edge.amount {
                key("amount", first: true)
                out += Array(DataAPI.canonicalNumber(amount).utf8)
                first = false
            }
            if let currency = edge.currency {
                key("currency", first: first)
                JSONString.append(currency, to: &out)
                first = false
            }
            if let date = edge.date {
                key("date", first: first)
                JSONString.append(date, to: &out)
                first = false
            }
            key("field", first: first)
            JSONString.append(edge.field.rawValue, to: &out)
            key("relation")
            JSONString.append(edge.relation, to: &out)
            key("source")
            out += encoded.jsonIDs[edge.source]
            key("target")
            out += encoded.jsonIDs[edge.target]
            out.append(UInt8(ascii: "}"))
        }
        out += Array("],\"nodes\":[".utf8)
        for (position, node) in graph.nodes.enumerated() {
            if position > 0 { out.append(UInt8(ascii: ",")) }
            out.append(UInt8(ascii: "{"))
            var first = true
            if let country = node.country {
                key("country", first: true)
                JSONString.append(country, to: &out)
                first = false
            }
            key("id", first: first)
            out += encoded.jsonIDs[position]
            key("name")
            JSONString.append(node.name, to: &out)
            key("topics")
            out.append(UInt8(ascii: "["))
            for (number, topic) in node.topics.enumerated() {
                if number > 0 { out.append(UInt8(ascii: ",")) }
                JSONString.append(topic, to: &out)
            }
            out.append(UInt8(ascii: "]"))
            key("type")
            JSONString.append(node.reference.type.folder, to: &out)
            key("url")
            JSONString.append(encoded.values[position][3] ?? "", to: &out)
            out.append(UInt8(ascii: "}"))
        }
        out += Array("]}\n".utf8)
        return out
    }

    /// GraphML 1.0: keys declared for every attribute (`label` is the name, as Gephi reads it), one directed graph.
    func graphML(_ encoded: EncodedNodes) -> [UInt8] {
        var xml = XMLWriter()
        xml.raw("<?xml version=\"1.0\" encoding=\"UTF-8\"?>\n")
        xml.raw("<graphml xmlns=\"http://graphml.graphdrawing.org/xmlns\" xmlns:xsi=\"http://www.w3.org/2001/XMLSchema-instance\"")
        xml.raw(" xsi:schemaLocation=\"http://graphml.graphdrawing.org/xmlns http://graphml.graphdrawing.org/xmlns/1.0/graphml.xsd\">\n")
        xml.raw("<key id=\"label\" for=\"node\" attr.name=\"label\" attr.type=\"string\"/>\n")
        for attribute in Self.nodeAttributes {
            xml.raw(string: "<key id=\"\(attribute.name)\" for=\"node\" attr.name=\"\(attribute.name)\" attr.type=\"\(attribute.type)\"/>\n")
        }
        for attribute in Self.edgeAttributes {
            xml.raw(string: "<key id=\"\(attribute.name)\" for=\"edge\" attr.name=\"\(attribute.name)\" attr.type=\"\(attribute.type)\"/>\n")
        }
        xml.raw("<graph id=\"handbook\" edgedefault=\"directed\">\n")
        let label = Array("<data key=\"label\">".utf8)
        let nodeKeys = Self.nodeAttributes.map { Array("<data key=\"\($0.name)\">".utf8) }
        let edgeKeys = Self.edgeAttributes.map { Array("<data key=\"\($0.name)\">".utf8) }
        for (position, node) in graph.nodes.enumerated() {
            xml.raw("<node id=\"")
            xml.append(encoded: encoded.xmlIDs[position])
            xml.raw("\">")
            xml.append(encoded: label)
            xml.text(node.name)
            xml.raw("</data>")
            for (key, value) in zip(nodeKeys, encoded.values[position]) {
                guard let value else { continue }
                xml.append(encoded: key)
                xml.text(value)
                xml.raw("</data>")
            }
            xml.raw("</node>\n")
        }
        for (number, edge) in graph.edges.enumerated() {
            openEdge(&xml, id: "e\(number)", edge, encoded)
            xml.raw(">")
            for (key, value) in zip(edgeKeys, Self.values(of: edge)) {
                guard let value else { continue }
                xml.append(encoded: key)
                xml.text(value)
                xml.raw("</data>")
            }
            xml.raw("</edge>\n")
        }
        xml.raw("</graph>\n</graphml>\n")
        return xml.bytes
    }

    /// `<edge id="…" source="…" target="…"`, the tag left open for more attributes.
    func openEdge(_ xml: inout XMLWriter, id: String, _ edge: SocialGraph.Edge, _ encoded: EncodedNodes) {
        xml.raw("<edge id=\"")
        xml.raw(string: id)
        xml.raw("\" source=\"")
        xml.append(encoded: encoded.xmlIDs[edge.source])
        xml.raw("\" target=\"")
        xml.append(encoded: encoded.xmlIDs[edge.target])
        xml.raw("\"")
    }

    /// GEXF 1.2: attributes declared by class, node labels the names, edge labels the relations.
    func gexf(_ encoded: EncodedNodes) -> [UInt8] {
        var xml = XMLWriter()
        xml.raw("<?xml version=\"1.0\" encoding=\"UTF-8\"?>\n")
        xml.raw("<gexf xmlns=\"http://www.gexf.net/1.2draft\" version=\"1.2\">\n<meta>\n")
        xml.element("creator", "handbook")
        xml.element("description", index.settings.title)
        xml.raw("</meta>\n<graph mode=\"static\" defaultedgetype=\"directed\">\n")
        declare(&xml, "node", Self.nodeAttributes)
        declare(&xml, "edge", Self.edgeAttributes)
        let nodeValues = Self.nodeAttributes.indices.map { Array("<attvalue for=\"\($0)\" value=\"".utf8) }
        let edgeValues = Self.edgeAttributes.indices.map { Array("<attvalue for=\"\($0)\" value=\"".utf8) }
        xml.raw("<nodes>\n")
        for (position, node) in graph.nodes.enumerated() {
            xml.raw("<node id=\"")
            xml.append(encoded: encoded.xmlIDs[position])
            xml.raw("\" label=\"")
            xml.attribute(node.name)
            xml.raw("\">")
            attributeValues(&xml, encoded.values[position], nodeValues)
            xml.raw("</node>\n")
        }
        xml.raw("</nodes>\n<edges>\n")
        for (number, edge) in graph.edges.enumerated() {
            openEdge(&xml, id: String(number), edge, encoded)
            xml.raw(" label=\"")
            xml.text(edge.relation)
            xml.raw("\">")
            attributeValues(&xml, Self.values(of: edge), edgeValues)
            xml.raw("</edge>\n")
        }
        xml.raw("</edges>\n</graph>\n</gexf>\n")
        return xml.bytes
    }

    func declare(_ xml: inout XMLWriter, _ kind: String, _ attributes: [Attribute]) {
        xml.raw(string: "<attributes class=\"\(kind)\">\n")
        for (number, attribute) in attributes.enumerated() {
            xml.raw(string: "<attribute id=\"\(number)\" title=\"\(attribute.name)\" type=\"\(attribute.type)\"/>\n")
        }
        xml.raw("</attributes>\n")
    }

    /// `<attvalues>` with one `<attvalue>` per value given (attribute ids are positions in the declaration).
    func attributeValues(_ xml: inout XMLWriter, _ values: [String?], _ openings: [[UInt8]]) {
        guard values.contains(where: { $0 != nil }) else { return }
        xml.raw("<attvalues>")
        for (number, value) in values.enumerated() {
            guard let value else { continue }
            xml.append(encoded: openings[number])
            xml.attribute(value)
            xml.raw("\"/>")
        }
        xml.raw("</attvalues>")
    }
}
