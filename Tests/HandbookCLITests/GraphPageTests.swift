import Foundation
import Testing

/// The network map and the organisations' neighbourhood drawings on the built fixture site.
@Suite struct GraphPageTests {
    func page(_ path: String) throws -> String {
        String(decoding: try #require(DataOutputTests.site[path], "no \(path)"), as: UTF8.self)
    }

    @Test func theMapLinksEveryNodeToItsPage() throws {
        let html = try page("graph/index.html")
        let data = try #require(DataOutputTests.site["api/graph.json"])
        let graph = try #require(try JSONSerialization.jsonObject(with: data) as? [String: Any])
        let nodes = try #require(graph["nodes"] as? [[String: Any]])
        for node in nodes {
            let id = try #require(node["id"] as? String)
            #expect(html.contains("href=\"../\(id)/\" data-node="), "\(id) is not drawn")
        }
        let edges = try #require(graph["edges"] as? [[String: Any]])
        #expect(html.components(separatedBy: "<line class=\"edge\"").count - 1 == edges.count)
        // Readable without JavaScript: the drawing is in the page, the controls wait for the script.
        #expect(html.contains("<svg xmlns=\"http://www.w3.org/2000/svg\" viewBox=\"0 0 1000 680\" class=\"graph-map\""))
        #expect(html.contains("data-graph-controls hidden"))
        #expect(html.contains("assets/graph.js"))
    }

    @Test func theMapIsDrawnTheSameWayOnEveryBuild() throws {
        let directory = try TemporaryDirectory()
        defer { directory.cleanUp() }
        _ = buildFixture(into: directory.path + "/again")
        let again = try String(contentsOfFile: directory.path + "/again/graph/index.html", encoding: .utf8)
        #expect(again == (try page("graph/index.html")))
    }

    @Test func theTableListsOrganisationsByConnections() throws {
        let html = try page("graph/index.html")
        let table = try #require(html.components(separatedBy: "<tbody>").dropFirst().first?.components(separatedBy: "</tbody>").first)
        let names = table.matches(of: try Regex(#"<tr>\n<td><a href="[^"]*">([^<]*)</a>"#)).map { String($0.output[1].substring ?? "") }
        // The trust has eight links (a speaker at the festival it organises, named in the report), the lab four (part of the trust, partner, commissioner, opponent of the bill), the network one.
        #expect(names == ["Example Assembly Trust", "Example Lab", "Example Network"])
        #expect(table.contains("<span class=\"relationship-label\">Member of:</span>"))
    }

    @Test func anOrganisationPageDrawsItsNeighbourhood() throws {
        let html = try page("organisations/example-trust/index.html")
        let svg = try #require(html.components(separatedBy: "<svg").dropFirst().first?.components(separatedBy: "</svg>").first)
        #expect(svg.contains("class=\"ego-map\" aria-hidden=\"true\""))
        // The drawing repeats the lists, so its links stay out of the tab order.
        #expect(svg.components(separatedBy: "<a ").count - 1 == svg.components(separatedBy: "tabindex=\"-1\"").count - 1)
        #expect(svg.contains(">Example Network<tspan class=\"caption\""))
        #expect(svg.contains("Member of</tspan>"))
        // The fund both funds the trust and is named as its funder: drawn once, with the first relationship.
        #expect(svg.contains("Funded by</tspan>") && !svg.contains("Grants from</tspan>"))
        // Two links: a short drawing, the links in a column beside the organisation.
        #expect(try page("organisations/example-network/index.html").contains("viewBox=\"0 0 560 150\" class=\"ego-map\""))
        // Entries of other types have no drawing.
        #expect(!(try page("case-studies/example-assembly/index.html")).contains("ego-map"))
    }
}
