import HandbookModel
import Mustache

/// The social graph in the forms network tools open: `api/graph.json` (for scripts and the site's own
/// pages), `api/graph.graphml` (Gephi, Cytoscape, yEd, networkx; attribute keys declared) and
/// `api/graph.gexf` (Gephi's own format, GEXF 1.2). The same nodes and edges in the same order in each.
/// Written straight into bytes, each node's ids and address and each edge's values worked out once: at
/// 10,000 entries the three files are some 20 MB.
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

    /// The three forms, made side by side (a rebuild that makes them waits for them alone).
    func files() -> [OutputFile] {
        let encoded = Encoded(graph: graph, index: index, baseURL: baseURL)
        return Parallel.map([0, 1, 2]) { file($0, encoded) }
    }

    /// The three forms one after another, each handed on as soon as it is made: in a whole build the other outputs
    /// keep the cores busy meanwhile, and the 20 MB of the three are never all held at once.
    func files(in deliver: ([OutputFile]) -> Void) {
        let encoded = Encoded(graph: graph, index: index, baseURL: baseURL)
        for form in 0..<3 { deliver([file(form, encoded)]) }
    }

    /// Form number `form`: the JSON, the GraphML, the GEXF.
    private func file(_ form: Int, _ encoded: Encoded) -> OutputFile {
        switch form {
        case 0: return OutputFile(path: Self.jsonPath, bytes: json(encoded))
        case 1: return OutputFile(path: Self.graphMLPath, bytes: graphML(encoded))
        default: return OutputFile(path: Self.gexfPath, bytes: gexf(encoded))
        }
    }

    /// Each node's ids and attribute values, and each edge's, worked out once for all three forms.
    struct Encoded {
        /// `"<type>/<slug>"` as a JSON string, quotes included.
        var jsonIDs: [[UInt8]] = []
        /// `<type>:<slug>`, escaped for XML (name tokens allow no `/`).
        var xmlIDs: [[UInt8]] = []
        /// Each node's attribute values in `nodeAttributes` order; nil where it has none.
        var values: [[String?]] = []
        /// Each edge's attribute values in `edgeAttributes` order (the amount in its canonical form).
        var edgeValues: [[String?]] = []

        init(graph: SocialGraph, index: SiteIndex, baseURL: String) {
            jsonIDs.reserveCapacity(graph.nodes.count)
            xmlIDs.reserveCapacity(graph.nodes.count)
            values.reserveCapacity(graph.nodes.count)
            for node in graph.nodes {
                let folder = node.reference.type.folder
                var json: [UInt8] = []
                JSONString.append("\(folder)/\(node.reference.slug)", to: &json)
                jsonIDs.append(json)
                var xml: [UInt8] = []
                HTML.escape("\(folder):\(node.reference.slug)", into: &xml)
                xmlIDs.append(xml)
                values.append([folder, node.country, node.topics.isEmpty ? nil : node.topics.joined(separator: ";"),
                               baseURL + index.links.entity(at: node.position)])
            }
            edgeValues = graph.edges.map { edge in
                [edge.relation, edge.field.rawValue, edge.amount.map(DataAPI.canonicalNumber), edge.currency, edge.date]
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
    /// Where the amount is in an edge's values.
    static let amountSlot = 2

    /// `{"directed": true, "edges": [...], "nodes": [...]}`, keys in sorted order as the rest of the API.
    func json(_ encoded: Encoded) -> [UInt8] {
        var out: [UInt8] = []
        out.reserveCapacity(graph.nodes.count * 200 + graph.edges.count * 120)
        // Each key is written with its quotes and colon from bytes made once, after a comma unless it is first.
        let keys = Keys()
        func key(_ bytes: [UInt8], first: Bool = false) {
            if !first { out.append(UInt8(ascii: ",")) }
            out += bytes
        }
        out += Array("{\"directed\":true,\"edges\":[".utf8)
        for position in graph.edges.indices {
            if position > 0 { out.append(UInt8(ascii: ",")) }
            out.append(UInt8(ascii: "{"))
            // Fields read in place: an edge copied out of the array would retain its texts.
            var first = true
            if let amount = encoded.edgeValues[position][Self.amountSlot] {
                key(keys.amount, first: true)
                out += Array(amount.utf8)
                first = false
            }
            if let currency = graph.edges[position].currency {
                key(keys.currency, first: first)
                JSONString.append(currency, to: &out)
                first = false
            }
            if let date = graph.edges[position].date {
                key(keys.date, first: first)
                JSONString.append(date, to: &out)
                first = false
            }
            key(keys.field, first: first)
            JSONString.append(graph.edges[position].field.rawValue, to: &out)
            key(keys.relation)
            JSONString.append(graph.edges[position].relation, to: &out)
            key(keys.source)
            out += encoded.jsonIDs[graph.edges[position].source]
            key(keys.target)
            out += encoded.jsonIDs[graph.edges[position].target]
            out.append(UInt8(ascii: "}"))
        }
        out += Array("],\"nodes\":[".utf8)
        for position in graph.nodes.indices {
            if position > 0 { out.append(UInt8(ascii: ",")) }
            out.append(UInt8(ascii: "{"))
            var first = true
            if let country = graph.nodes[position].country {
                key(keys.country, first: true)
                JSONString.append(country, to: &out)
                first = false
            }
            key(keys.id, first: first)
            out += encoded.jsonIDs[position]
            key(keys.name)
            JSONString.append(graph.nodes[position].name, to: &out)
            key(keys.topics)
            out.append(UInt8(ascii: "["))
            for number in graph.nodes[position].topics.indices {
                if number > 0 { out.append(UInt8(ascii: ",")) }
                JSONString.append(graph.nodes[position].topics[number], to: &out)
            }
            out.append(UInt8(ascii: "]"))
            key(keys.type)
            JSONString.append(graph.nodes[position].reference.type.folder, to: &out)
            key(keys.url)
            JSONString.append(encoded.values[position][3] ?? "", to: &out)
            out.append(UInt8(ascii: "}"))
        }
        out += Array("]}\n".utf8)
        return out
    }

    /// The JSON form's keys as bytes, `"name":`.
    struct Keys {
        let amount = Self.quoted("amount"), currency = Self.quoted("currency"), date = Self.quoted("date")
        let field = Self.quoted("field"), relation = Self.quoted("relation"), source = Self.quoted("source")
        let target = Self.quoted("target"), country = Self.quoted("country"), id = Self.quoted("id")
        let name = Self.quoted("name"), topics = Self.quoted("topics"), type = Self.quoted("type"), url = Self.quoted("url")

        static func quoted(_ key: String) -> [UInt8] {
            Array("\"\(key)\":".utf8)
        }
    }

    /// GraphML 1.0: keys declared for every attribute (`label` is the name, as Gephi reads it), one directed graph.
    func graphML(_ encoded: Encoded) -> [UInt8] {
        var xml = XMLWriter(capacity: Self.capacity(nodes: graph.nodes.count, edges: graph.edges.count))
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
        for position in graph.nodes.indices {
            xml.raw("<node id=\"")
            xml.append(encoded: encoded.xmlIDs[position])
            xml.raw("\">")
            xml.append(encoded: label)
            xml.text(graph.nodes[position].name)
            xml.raw("</data>")
            for (key, value) in zip(nodeKeys, encoded.values[position]) {
                guard let value else { continue }
                xml.append(encoded: key)
                xml.text(value)
                xml.raw("</data>")
            }
            xml.raw("</node>\n")
        }
        for number in graph.edges.indices {
            openEdge(&xml, prefix: "e", number, encoded)
            xml.raw(">")
            for (key, value) in zip(edgeKeys, encoded.edgeValues[number]) {
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

    /// Room for an XML export of the graph, asked for once: grown by doubling from a little, an export of megabytes
    /// was copied into a larger buffer at each of a dozen steps. About 260 and 210 bytes a node and an edge in GEXF,
    /// a little less in GraphML; an estimate only, as names vary (past it, the buffer grows as before).
    static func capacity(nodes: Int, edges: Int) -> Int {
        4096 + 320 * nodes + 240 * edges
    }

    /// `<edge id="…" source="…" target="…"`, the tag left open for more attributes.
    func openEdge(_ xml: inout XMLWriter, prefix: StaticString, _ number: Int, _ encoded: Encoded) {
        xml.raw("<edge id=\"")
        xml.raw(prefix)
        xml.integer(number)
        xml.raw("\" source=\"")
        xml.append(encoded: encoded.xmlIDs[graph.edges[number].source])
        xml.raw("\" target=\"")
        xml.append(encoded: encoded.xmlIDs[graph.edges[number].target])
        xml.raw("\"")
    }

    /// GEXF 1.2: attributes declared by class, node labels the names, edge labels the relations.
    func gexf(_ encoded: Encoded) -> [UInt8] {
        var xml = XMLWriter(capacity: Self.capacity(nodes: graph.nodes.count, edges: graph.edges.count))
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
        for position in graph.nodes.indices {
            xml.raw("<node id=\"")
            xml.append(encoded: encoded.xmlIDs[position])
            xml.raw("\" label=\"")
            xml.attribute(graph.nodes[position].name)
            xml.raw("\">")
            attributeValues(&xml, encoded.values[position], nodeValues)
            xml.raw("</node>\n")
        }
        xml.raw("</nodes>\n<edges>\n")
        for number in graph.edges.indices {
            openEdge(&xml, prefix: "", number, encoded)
            xml.raw(" label=\"")
            xml.text(graph.edges[number].relation)
            xml.raw("\">")
            attributeValues(&xml, encoded.edgeValues[number], edgeValues)
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
