@testable import HandbookRender
import Testing

/// Degree and betweenness against networkx. Every expected value below was printed by networkx 3.6.1:
///
///     python3 -c 'import networkx as nx; G = nx.path_graph(5); print(nx.betweenness_centrality(G, normalized=True))'
///
/// (and `nx.star_graph(5)`, `nx.barbell_graph(4, 2)`, `nx.krackhardt_kite_graph()`; the sampled case is
/// `nx.betweenness_centrality_subset(G, [0, 4, 7], list(G), normalized=False)` scaled by 2 · n/k / ((n−1)(n−2))).
@Suite struct CentralityTests {
    static let barbell = [(0, 1), (0, 2), (0, 3), (1, 2), (1, 3), (2, 3), (3, 4), (4, 5), (5, 6), (6, 7), (6, 8), (6, 9), (7, 8), (7, 9), (8, 9)]

    func expectClose(_ got: [Double], _ expected: [Double], sourceLocation: SourceLocation = #_sourceLocation) {
        #expect(got.count == expected.count, sourceLocation: sourceLocation)
        for (a, b) in zip(got, expected) {
            #expect(abs(a - b) < 1e-12, "\(got) is not \(expected)", sourceLocation: sourceLocation)
        }
    }

    @Test func aPath() {
        let centrality = Centrality(UndirectedGraph(nodeCount: 5, edges: [(0, 1), (1, 2), (2, 3), (3, 4)]))
        expectClose(centrality.betweenness, [0.0, 0.5, 0.6666666666666666, 0.5, 0.0])
        #expect(centrality.degree == [1, 2, 2, 2, 1])
        #expect(centrality.isExact)
    }

    @Test func aStar() {
        let centrality = Centrality(UndirectedGraph(nodeCount: 6, edges: [(0, 1), (0, 2), (0, 3), (0, 4), (0, 5)]))
        expectClose(centrality.betweenness, [1.0, 0.0, 0.0, 0.0, 0.0, 0.0])
        #expect(centrality.degree == [5, 1, 1, 1, 1, 1])
    }

    @Test func aBarbell() {
        let centrality = Centrality(UndirectedGraph(nodeCount: 10, edges: Self.barbell))
        expectClose(centrality.betweenness, [0.0, 0.0, 0.0, 0.5, 0.5555555555555556, 0.5555555555555556, 0.5, 0.0, 0.0, 0.0])
        #expect(centrality.degree == [3, 3, 3, 4, 2, 2, 4, 3, 3, 3])
    }

    @Test func theKrackhardtKite() {
        let edges = [(0, 1), (0, 2), (0, 3), (0, 5), (1, 3), (1, 4), (1, 6), (2, 3), (2, 5), (3, 4), (3, 5), (3, 6), (4, 6), (5, 6), (5, 7), (6, 7), (7, 8), (8, 9)]
        expectClose(Centrality(UndirectedGraph(nodeCount: 10, edges: edges)).betweenness,
                    [0.023148148148148143, 0.023148148148148143, 0.0, 0.10185185185185183, 0.0, 0.23148148148148148,
                     0.23148148148148148, 0.38888888888888884, 0.2222222222222222, 0.0])
    }

    @Test func directionsRepeatsAndLoopsDoNotCount() {
        // The path again, each link written both ways and twice, with a loop: the same undirected graph.
        let edges = [(0, 1), (1, 0), (1, 2), (2, 1), (2, 3), (3, 2), (3, 4), (4, 3), (0, 1), (2, 2)]
        let centrality = Centrality(UndirectedGraph(nodeCount: 5, edges: edges))
        expectClose(centrality.betweenness, [0.0, 0.5, 0.6666666666666666, 0.5, 0.0])
        #expect(centrality.degree == [1, 2, 2, 2, 1])
    }

    @Test func separateComponentsAndTinyGraphs() {
        let centrality = Centrality(UndirectedGraph(nodeCount: 6, edges: [(0, 1), (1, 2), (2, 0), (3, 4)]))
        #expect(centrality.betweenness == [0, 0, 0, 0, 0, 0])
        #expect(centrality.degree == [2, 2, 2, 1, 1, 0])
        #expect(Centrality(UndirectedGraph(nodeCount: 2, edges: [(0, 1)])).betweenness == [0, 0])
        #expect(Centrality(UndirectedGraph(nodeCount: 0, edges: [])).betweenness == [])
    }

    @Test func sampledSourcesScaleToTheWholeGraph() {
        let centrality = Centrality(UndirectedGraph(nodeCount: 10, edges: Self.barbell), sources: [0, 4, 7])
        expectClose(centrality.betweenness, [0.0, 0.0, 0.0, 0.5555555555555556, 0.4166666666666667, 0.6018518518518519, 0.5555555555555556, 0.0, 0.0, 0.0])
        #expect(!centrality.isExact && centrality.sources == 3)
    }

    @Test func pivotsAreFixedDistinctAndBounded() {
        let pivots = Centrality.pivots(count: 50, of: 1_000)
        #expect(pivots == Centrality.pivots(count: 50, of: 1_000))
        #expect(Set(pivots).count == 50 && pivots == pivots.sorted() && pivots.allSatisfy { (0..<1_000).contains($0) })
        #expect(Centrality.pivots(count: 5, of: 5) == [0, 1, 2, 3, 4])
        #expect(Centrality.pivotCount(nodes: Centrality.exactLimit, links: 10_000) == Centrality.exactLimit)
        #expect(Centrality.pivotCount(nodes: 10_000, links: 30_000) == 71)
        #expect(Centrality.pivotCount(nodes: 1_000_000, links: 3_000_000) == Centrality.minimumPivots)
    }

    @Test func aSampledGraphIsDeterministic() {
        // A long cycle with chords, sampled with few pivots (a debug build is slow): the same numbers every time.
        let count = 3_000
        let edges = (0..<count).flatMap { [($0, ($0 + 1) % count), ($0, ($0 * 7 + 3) % count)] }
        let graph = UndirectedGraph(nodeCount: count, edges: edges)
        let first = Centrality(graph, pivots: 40)
        #expect(!first.isExact && first.sources == 40)
        #expect(first.betweenness == Centrality(graph, pivots: 40).betweenness)
        #expect(first.betweenness.allSatisfy { $0 >= 0 && $0 <= 1 })
    }

    @Test func componentsAreLargestFirst() {
        let graph = UndirectedGraph(nodeCount: 8, edges: [(6, 7), (0, 1), (2, 3), (3, 4)])
        #expect(graph.components() == [[2, 3, 4], [0, 1], [6, 7], [5]])
    }
}
