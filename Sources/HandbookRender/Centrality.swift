import HandbookModel

/// How central each node of an undirected graph is: its degree, and its betweenness centrality (the share
/// of shortest paths between other nodes that pass through it), normalised as networkx's
/// `betweenness_centrality(G, normalized=True)` normalises it.
///
/// Betweenness is computed with Brandes' algorithm (2001), one breadth-first search per source node, each
/// costing about nodes + 2 × links steps. Up to `exactLimit` nodes every node is a source and the values
/// are exact. Above it only `pivotCount(nodes:links:)` sources are used (Brandes and Pich's pivot
/// sampling, as networkx's `k` argument does) and the sums are scaled by nodes ÷ pivots; the pivots are
/// drawn by a fixed-seed generator, so the same graph always gives the same numbers.
public struct Centrality: Sendable {
    /// The largest graph whose betweenness is exact. At a handbook's usual density (three links an entry)
    /// 2,000 nodes cost 2,000 × 14,000 = 28 million steps, about 0.1 s on one core.
    public static let exactLimit = 2_000
    /// The steps a sampled computation may take: as many pivots as fit, so a larger graph costs about
    /// 0.03 s on one core whatever its size (10,000 nodes and 30,000 links take 71 pivots).
    public static let sampledSteps = 5_000_000
    /// The fewest pivots a sample takes, however large the graph.
    public static let minimumPivots = 50

    /// Each node's degree: how many distinct nodes it is joined to.
    public let degree: [Int]
    /// Each node's normalised betweenness centrality, between 0 and 1.
    public let betweenness: [Double]
    /// How many source nodes the betweenness was summed over: every node when exact, else the pivots.
    public let sources: Int

    /// True when every node was a source, so the betweenness is exact.
    public var isExact: Bool { sources == degree.count }

    /// The number of sources for a graph: every node up to `exactLimit`, else as many as `sampledSteps`
    /// allows, but never fewer than `minimumPivots`.
    public static func pivotCount(nodes: Int, links: Int) -> Int {
        nodes <= exactLimit ? nodes : min(nodes, max(minimumPivots, sampledSteps / (nodes + 2 * links)))
    }

    /// Computes both centralities; `pivots` (default `pivotCount(nodes:links:)`) sets how many sources are used.
    public init(_ graph: UndirectedGraph, pivots: Int? = nil) {
        let count = min(graph.nodeCount, max(0, pivots ?? Self.pivotCount(nodes: graph.nodeCount, links: graph.linkCount)))
        self.init(graph, sources: Self.pivots(count: count, of: graph.nodeCount))
    }

    /// Computes both centralities with the betweenness summed over `chosen` (distinct nodes) and scaled
    /// to stand for every node.
    init(_ graph: UndirectedGraph, sources chosen: [Int]) {
        let count = graph.nodeCount
        degree = (0..<count).map(graph.degree)
        sources = chosen.count
        // Sources are split into a fixed number of slices, whatever the machine's cores, and the slices'
        // sums added in slice order, so the floating-point result does not depend on scheduling.
        let slices = 8
        let parts = Parallel.map(Array(0..<slices)) { slice -> [Double] in
            let brandes = Brandes(graph)
            var sum = [Double](repeating: 0, count: count)
            sum.withUnsafeMutableBufferPointer { sum in
                for source in stride(from: slice, to: chosen.count, by: slices) { brandes.accumulate(from: chosen[source], into: sum) }
            }
            return sum
        }
        var total = [Double](repeating: 0, count: count)
        for part in parts {
            for node in 0..<count { total[node] += part[node] }
        }
        // networkx's rescaling for an undirected graph, normalised: 1 / ((n - 1)(n - 2)), times n / k when
        // k pivots stand for n sources. Each pair is counted from both ends, which that scale accounts for.
        if count > 2 && !chosen.isEmpty {
            let scale = Double(count) / Double(chosen.count) / (Double(count - 1) * Double(count - 2))
            for node in 0..<count { total[node] *= scale }
        }
        betweenness = total
    }

    /// The sources: every node in order, or `count` distinct nodes drawn with a fixed seed, ascending.
    static func pivots(count: Int, of nodes: Int) -> [Int] {
        guard count < nodes else { return Array(0..<nodes) }
        var order = Array(0..<nodes)
        var random = SplitMix64(seed: 0x68616E64626F6F6B) // "handbook"
        // A partial Fisher–Yates shuffle: the first `count` places are a uniform sample.
        for place in 0..<count {
            let pick = place + Int(random.next() % UInt64(nodes - place))
            order.swapAt(place, pick)
        }
        return order.prefix(count).sorted()
    }
}

/// One worker's state for Brandes' algorithm: buffers sized to the graph, allocated once and reset after
/// each source only where that source's search reached, so a search costs what it visits. Raw buffers,
/// not arrays, because this loop is the whole cost of the insights: no bounds or uniqueness checks in it.
private final class Brandes {
    let offsets: [Int32]
    let neighbours: [Int32]
    /// Distance from the source, -1 where not reached.
    let distance: UnsafeMutableBufferPointer<Int32>
    /// Number of shortest paths from the source.
    let paths: UnsafeMutableBufferPointer<Double>
    /// Dependency of the source on each node.
    let dependency: UnsafeMutableBufferPointer<Double>
    /// The nodes reached, in order of distance (the search's queue, read backwards afterwards).
    let order: UnsafeMutableBufferPointer<Int32>

    init(_ graph: UndirectedGraph) {
        offsets = graph.offsets
        neighbours = graph.neighbours
        distance = .allocate(capacity: graph.nodeCount)
        distance.initialize(repeating: -1)
        paths = .allocate(capacity: graph.nodeCount)
        paths.initialize(repeating: 0)
        dependency = .allocate(capacity: graph.nodeCount)
        dependency.initialize(repeating: 0)
        order = .allocate(capacity: graph.nodeCount)
        order.initialize(repeating: 0)
    }

    deinit {
        distance.deallocate()
        paths.deallocate()
        dependency.deallocate()
        order.deallocate()
    }

    /// Adds, for every node other than `source`, the source's dependency on it to `sum`.
    func accumulate(from source: Int, into sum: UnsafeMutableBufferPointer<Double>) {
        let (distance, paths, dependency, order) = (distance, paths, dependency, order)
        offsets.withUnsafeBufferPointer { offsets in
            neighbours.withUnsafeBufferPointer { neighbours in
                distance[source] = 0
                paths[source] = 1
                order[0] = Int32(source)
                var head = 0
                var tail = 1
                while head < tail {
                    let node = Int(order[head])
                    head += 1
                    let next = distance[node] + 1
                    let count = paths[node]
                    for edge in Int(offsets[node])..<Int(offsets[node + 1]) {
                        let neighbour = Int(neighbours[edge])
                        var reached = distance[neighbour]
                        if reached < 0 {
                            reached = next
                            distance[neighbour] = next
                            order[tail] = Int32(neighbour)
                            tail += 1
                        }
                        // Added without a branch (adding 0 changes nothing): which neighbours are one step
                        // further is unpredictable, and a mispredicted branch costs more than the addition.
                        paths[neighbour] += reached == next ? count : 0
                    }
                }
                // Back from the farthest nodes: each passes its dependency to the neighbours one step nearer
                // the source in proportion to their shortest paths (no predecessor lists: they are the
                // neighbours at distance - 1). The source itself, first in the order, passes nothing on.
                var position = tail - 1
                while position > 0 {
                    let node = Int(order[position])
                    position -= 1
                    let coefficient = (1 + dependency[node]) / paths[node]
                    let previous = distance[node] - 1
                    for edge in Int(offsets[node])..<Int(offsets[node + 1]) {
                        let neighbour = Int(neighbours[edge])
                        dependency[neighbour] += distance[neighbour] == previous ? paths[neighbour] * coefficient : 0
                    }
                    sum[node] += dependency[node]
                }
                for position in 0..<tail {
                    let node = Int(order[position])
                    distance[node] = -1
                    paths[node] = 0
                    dependency[node] = 0
                }
            }
        }
    }
}
