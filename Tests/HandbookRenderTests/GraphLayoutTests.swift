@testable import HandbookRender
import Testing

@Suite struct GraphLayoutTests {
    /// Two triangles joined by one edge, and a node on its own.
    let edges = [(0, 1), (1, 2), (2, 0), (3, 4), (4, 5), (5, 3), (2, 3)]

    @Test func theSameGraphGivesTheSamePicture() {
        let first = GraphLayout.positions(count: 7, edges: edges)
        let second = GraphLayout.positions(count: 7, edges: edges)
        #expect(first == second)
        #expect(first.allSatisfy { $0.x.isFinite && $0.y.isFinite })
    }

    @Test func anotherSeedGivesAnotherStart() {
        #expect(GraphLayout.positions(count: 7, edges: edges, seed: 1) != GraphLayout.positions(count: 7, edges: edges, seed: 2))
    }

    @Test func linkedNodesEndUpCloserThanUnlinkedOnes() {
        let points = GraphLayout.positions(count: 7, edges: edges)
        func distance(_ a: Int, _ b: Int) -> Double {
            let dx = points[a].x - points[b].x, dy = points[a].y - points[b].y
            return (dx * dx + dy * dy).squareRoot()
        }
        let linked = edges.map { distance($0.0, $0.1) }.reduce(0, +) / Double(edges.count)
        let across = [distance(0, 4), distance(1, 5), distance(0, 5), distance(1, 4)].reduce(0, +) / 4
        #expect(linked < across)
        // No two nodes on one spot.
        for a in 0..<7 { for b in (a + 1)..<7 { #expect(distance(a, b) > 0.1) } }
    }

    @Test func nodesOnOneSpotArePartedWithoutNaN() {
        // Every node linked to every other pulls them together; repulsion must still part them.
        var clique: [(Int, Int)] = []
        for a in 0..<30 { for b in (a + 1)..<30 { clique.append((a, b)) } }
        let points = GraphLayout.positions(count: 30, edges: clique)
        #expect(points.allSatisfy { $0.x.isFinite && $0.y.isFinite })
        #expect(Set(points.map { "\(GraphPicture.number($0.x)),\(GraphPicture.number($0.y))" }).count > 20)
    }

    @Test func fittedPointsStayInsideTheMargin() {
        let fitted = GraphLayout.fitted(GraphLayout.positions(count: 7, edges: edges), width: 1000, height: 600, margin: 20)
        #expect(fitted.allSatisfy { $0.x >= 19.999 && $0.x <= 980.001 && $0.y >= 19.999 && $0.y <= 580.001 })
        #expect(GraphLayout.fitted([GraphLayout.Point(x: 5, y: 5)], width: 100, height: 100, margin: 10).first == GraphLayout.Point(x: 50, y: 50))
        #expect(GraphLayout.positions(count: 0, edges: []).isEmpty)
    }

    @Test func coordinatesHaveOneDecimalAtMost() {
        #expect(GraphPicture.number(12.0) == "12")
        #expect(GraphPicture.number(12.34) == "12.3")
        #expect(GraphPicture.number(-0.05) == "-0.1")
        #expect(GraphPicture.number(-3.96) == "-4")
        #expect(GraphPicture.number(-0.04) == "0")
        #expect(GraphPicture.number(0) == "0")
        #expect(GraphPicture.number(1234567.89) == "1234567.9")
    }

    /// Numbers and counts in attributes are written name, quotes and value together: each piece in place.
    @Test func attributesHoldTheirNumbersWhole() {
        var xml = XMLWriter()
        xml.raw("<circle")
        xml.attribute("cx", number: -12.46)
        xml.attribute("r", number: 6)
        xml.attribute("data-node", integer: 0)
        xml.attribute("data-a", integer: 9_876_543_210)
        xml.raw("/>")
        #expect(String(decoding: xml.bytes, as: UTF8.self) == "<circle cx=\"-12.5\" r=\"6\" data-node=\"0\" data-a=\"9876543210\"/>")
    }

    @Test func namesInTheDrawingAreEscaped() {
        let node = GraphPicture.Node(x: 1, y: 2, radius: 3, typeFolder: "organisations", root: "../", path: "a/?x=1&y=2",
                                     title: "A <b>\"quoted\"</b> & co", label: "A <b>", caption: "Member of", data: [("country", "G\"B")])
        let svg = GraphPicture(width: 10, height: 10, nodes: [node], edges: []).svg(attributes: "class=\"x\"")
        #expect(svg.contains("<a class=\"node t-organisations\""))
        #expect(svg.contains("aria-label=\"A &lt;b&gt;&quot;quoted&quot;&lt;/b&gt; &amp; co\""))
        #expect(svg.contains("<title>A &lt;b&gt;&quot;quoted&quot;&lt;/b&gt; &amp; co</title>"))
        #expect(svg.contains("href=\"../a/?x=1&amp;y=2\""))
        #expect(svg.contains("data-country=\"G&quot;B\""))
        #expect(!svg.contains("<b>"))
        #expect(GraphPicture.shortened("Democracy R&D network of organisations", to: 10) == "Democracy…")
    }

    /// A label cut as it is written reads as the shortened name written whole: ASCII cut by bytes, other text by
    /// characters, escaped either way.
    @Test func aLabelCutAsItIsWrittenIsTheShortenedName() {
        let names = ["Short", "Democracy R&D network of <organisations>", "Démocratie participative européenne et locale",
                     "Exactly ten", "0123456789", "Ørsted \"quoted\" & co of somewhere long", "Line\rbreak in a long name here"]
        for name in names {
            for limit in [5, 10, 22, 28] {
                var cut = XMLWriter()
                cut.text(name, shortenedTo: limit)
                var whole = XMLWriter()
                whole.text(GraphPicture.shortened(name, to: limit))
                #expect(cut.bytes == whole.bytes, "\(name) to \(limit)")
            }
        }
    }
}
