import HandbookModel

/// The social graph in the forms network tools open: `api/graph.json` (for scripts and the site's own
/// pages), `api/graph.graphml` (Gephi, Cytoscape, yEd, networkx; attribute keys declared) and
/// `api/graph.gexf` (Gephi's own format, GEXF 1.2). The same nodes and edges in the same order in each.
struct GraphExports: OutputGenerator {
    static let name = "graph exports"
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
        [OutputFile(path: Self.jsonPath, json: json()),
         OutputFile(path: Self.graphMLPath, bytes: graphML()),
         OutputFile(path: Self.gexfPath, bytes: gexf())]
    }

    /// A node's id in graph.json: `<type>/<slug>`.
    static func jsonID(_ node: SocialGraph.Node) -> String {
        "\(node.reference.type.folder)/\(node.reference.slug)"
    }

    /// A node's id in GraphML and GEXF, `<type>:<slug>`: XML name tokens allow no `/`.
    static func xmlID(_ node: SocialGraph.Node) -> String {
        "\(node.reference.type.folder):\(node.reference.slug)"
    }

    func url(_ node: SocialGraph.Node) -> String {
        baseURL + index.links.entity(node.reference)
    }

    /// `{"directed": true, "nodes": [...], "edges": [...]}`.
    func json() -> JSONValue {
        let nodes: [JSONValue] = graph.nodes.map { node in
            var object: [String: JSONValue] = [
                "id": .string(Self.jsonID(node)), "type": .string(node.reference.type.folder), "name": .string(node.name),
                "url": .string(url(node)), "topics": .array(node.topics.map(JSONValue.string)),
            ]
            if let country = node.country { object["country"] = .string(country) }
            return .object(object)
        }
        let edges: [JSONValue] = graph.edges.map { edge in
            var object: [String: JSONValue] = [
                "source": .string(Self.jsonID(graph.nodes[edge.source])), "target": .string(Self.jsonID(graph.nodes[edge.target])),
                "relation": .string(edge.relation), "field": .string(edge.field.rawValue),
            ]
            if let amount = edge.amount { object["amount"] = .number(DataAPI.canonicalNumber(amount)) }
            if let currency = edge.currency { object["currency"] = .string(currency) }
            if let date = edge.date { object["date"] = .string(date) }
            return .object(object)
        }
        return .object(["directed": .bool(true), "nodes": .array(nodes), "edges": .array(edges)])
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

    /// A node's attribute values, in `nodeAttributes` order; nil where it has none. Topics are joined by `;`.
    func values(of node: SocialGraph.Node) -> [String?] {
        [node.reference.type.folder, node.country, node.topics.isEmpty ? nil : node.topics.joined(separator: ";"), url(node)]
    }

    /// An edge's attribute values, in `edgeAttributes` order.
    func values(of edge: SocialGraph.Edge) -> [String?] {
        [edge.relation, edge.field.rawValue, edge.amount.map(DataAPI.canonicalNumber), edge.currency, edge.date]
    }

    /// GraphML 1.0: keys declared for every attribute (`label` is the name, as Gephi reads it), one directed graph.
    func graphML() -> [UInt8] {
        var xml = XMLWriter()
        xml.raw("<?xml version=\"1.0\" encoding=\"UTF-8\"?>\n")
        xml.raw("<graphml xmlns=\"http://graphml.graphdrawing.org/xmlns\" xmlns:xsi=\"http://www.w3.org/2001/XMLSchema-instance\"")
        xml.raw(" xsi:schemaLocation=\"http://graphml.graphdrawing.org/xmlns http://graphml.graphdrawing.org/xmlns/1.0/graphml.xsd\">\n")
        xml.raw("<key id=\"label\" for=\"node\" attr.name=\"label\" attr.type=\"string\"/>\n")
        for attribute in Self.nodeAttributes {
            xml.raw("<key id=\"\(attribute.name)\" for=\"node\" attr.name=\"\(attribute.name)\" attr.type=\"\(attribute.type)\"/>\n")
        }
        for attribute in Self.edgeAttributes {
            xml.raw("<key id=\"\(attribute.name)\" for=\"edge\" attr.name=\"\(attribute.name)\" attr.type=\"\(attribute.type)\"/>\n")
        }
        xml.raw("<graph id=\"handbook\" edgedefault=\"directed\">\n")
        for node in graph.nodes {
            xml.raw("<node id=\"")
            xml.text(Self.xmlID(node))
            xml.raw("\">")
            data(&xml, key: "label", value: node.name)
            for (attribute, value) in zip(Self.nodeAttributes, values(of: node)) {
                if let value { data(&xml, key: attribute.name, value: value) }
            }
            xml.raw("</node>\n")
        }
        for (number, edge) in graph.edges.enumerated() {
            openEdge(&xml, id: "e\(number)", edge)
            xml.raw(">")
            for (attribute, value) in zip(Self.edgeAttributes, values(of: edge)) {
                if let value { data(&xml, key: attribute.name, value: value) }
            }
            xml.raw("</edge>\n")
        }
        xml.raw("</graph>\n</graphml>\n")
        return xml.bytes
    }

    /// `<edge id="…" source="…" target="…"`, the tag left open for more attributes.
    func openEdge(_ xml: inout XMLWriter, id: String, _ edge: SocialGraph.Edge) {
        xml.raw("<edge id=\"\(id)\" source=\"")
        xml.text(Self.xmlID(graph.nodes[edge.source]))
        xml.raw("\" target=\"")
        xml.text(Self.xmlID(graph.nodes[edge.target]))
        xml.raw("\"")
    }

    func data(_ xml: inout XMLWriter, key: String, value: String) {
        xml.raw("<data key=\"\(key)\">")
        xml.text(value)
        xml.raw("</data>")
    }

    /// GEXF 1.2: attributes declared by class, node labels the names, edge labels the relations.
    func gexf() -> [UInt8] {
        var xml = XMLWriter()
        xml.raw("<?xml version=\"1.0\" encoding=\"UTF-8\"?>\n")
        xml.raw("<gexf xmlns=\"http://www.gexf.net/1.2draft\" version=\"1.2\">\n<meta>\n")
        xml.element("creator", "handbook")
        xml.element("description", index.settings.title)
        xml.raw("</meta>\n<graph mode=\"static\" defaultedgetype=\"directed\">\n")
        declare(&xml, "node", Self.nodeAttributes)
        declare(&xml, "edge", Self.edgeAttributes)
        xml.raw("<nodes>\n")
        for node in graph.nodes {
            xml.raw("<node id=\"")
            xml.text(Self.xmlID(node))
            xml.raw("\" label=\"")
            xml.text(node.name)
            xml.raw("\">")
            attributeValues(&xml, values(of: node))
            xml.raw("</node>\n")
        }
        xml.raw("</nodes>\n<edges>\n")
        for (number, edge) in graph.edges.enumerated() {
            openEdge(&xml, id: String(number), edge)
            xml.raw(" label=\"")
            xml.text(edge.relation)
            xml.raw("\">")
            attributeValues(&xml, values(of: edge))
            xml.raw("</edge>\n")
        }
        xml.raw("</edges>\n</graph>\n</gexf>\n")
        return xml.bytes
    }

    func declare(_ xml: inout XMLWriter, _ kind: String, _ attributes: [Attribute]) {
        xml.raw("<attributes class=\"\(kind)\">\n")
        for (number, attribute) in attributes.enumerated() {
            xml.raw("<attribute id=\"\(number)\" title=\"\(attribute.name)\" type=\"\(attribute.type)\"/>\n")
        }
        xml.raw("</attributes>\n")
    }

    /// `<attvalues>` with one `<attvalue>` per value given (attribute ids are positions in the declaration).
    func attributeValues(_ xml: inout XMLWriter, _ values: [String?]) {
        guard values.contains(where: { $0 != nil }) else { return }
        xml.raw("<attvalues>")
        for (number, value) in values.enumerated() {
            guard let value else { continue }
            xml.raw("<attvalue for=\"\(number)\" value=\"")
            xml.text(value)
            xml.raw("\"/>")
        }
        xml.raw("</attvalues>")
    }
}
