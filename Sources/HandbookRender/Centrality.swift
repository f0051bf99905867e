import HandbookModel

/// How central each node of an undirected graph is: its degree, and its betweenness centrality (the share
/// of shortest paths between other nodes that pass through it), normalised as networkx's
/// `betweenness_centrality(G, normalized=True)` normalises it.
///
/// Betweenness is computed with Brandes' algorithm (2001), one breadth-first search per source node, which
/// costs nodes × (nodes + links). Up to `exactLimit` nodes every node is a source and the values are exact.
/// Above it, only `pivotCount(nodes:)` sources are used (Brandes and Pich's pivot sampling, as networkx's
/// `k` argument does) and the sums are scaled by nodes ÷ pivots; the pivots are drawn by a fixed-seed
/// generator, so the same graph always gives the same numbers.
public struct Centrality: Sendable {
    /// The largest graph whose betweenness is exact: 2,500 nodes take about 0.05 s on one core.
    public static let exactLimit = 2_500
    /// The work the sampled computation allows, in source nodes × nodes: about as much as an exact
    /// computation at `exactLimit`, so a larger graph costs no more time than that, whatever its size.
    static let sampledWork = exactLimit * exactLimit

    /// Each node's degree: how many distinct nodes it is joined to.
    public let degree: [Int]
    /// Each node's normalised betweenness centrality, between 0 and 1.
    public let betweenness: [Double]
    /// How many source nodes the betweenness was summed over: every node when exact, else the pivots.
    public let sources: Int

    /// True when every node was a source, so the betweenness is exact.
    public var isExact: Bool { sources == degree.count }

    /// The number of pivots for a graph of `nodes` nodes: every node up to `exactLimit`, else as many as
    /// `sampledWork` allows, but never fewer than 100.
    public static func pivotCount(nodes: Int) -> Int {
        nodes <= exactLimit ? nodes : min(nodes, max(100, sampledWork / nodes))
    }

    /// Computes both centralities; `pivots` (default `pivotCount(nodes:)`) sets how many sources are used.
    public init(_ graph: UndirectedGraph, pivots: Int? = nil) {
        let count = min(graph.nodeCount, max(0, pivots ?? Self.pivotCount(nodes: graph.nodeCount)))
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
            var brandes = Brandes(graph)
            var sum = [Double](repeating: 0, count: count)
            var source = slice
            while source < chosen.count {
                brandes.accumulate(from: chosen[source], into: &sum)
                source += slices
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

/// One worker's state for Brandes' algorithm: arrays sized to the graph, reset after each source only
/// where that source's search reached, so a search costs what it visits.
private struct Brandes {
    let offsets: [Int32]
    let neighbours: [Int32]
    /// Distance from the source, -1 where not reached.
    var distance: [Int32]
    /// Number of shortest paths from the source.
    var paths: [Double]
    /// Dependency of the source on each node.
    var dependency: [Double]
    /// The nodes reached, in order of distance (the search's queue, read backwards afterwards).
    var order: [Int32]

    init(_ graph: UndirectedGraph) {
        offsets = graph.offsets
        neighbours = graph.neighbours
        distance = [Int32](repeating: -1, count: graph.nodeCount)
        paths = [Double](repeating: 0, count: graph.nodeCount)
        dependency = [Double](repeating: 0, count: graph.nodeCount)
        order = []
        order.reserveCapacity(graph.nodeCount)
    }

    /// Adds, for every node other than `source`, the source's dependency on it to `sum`.
    mutating func accumulate(from source: Int, into sum: inout [Double]) {
        order.removeAll(keepingCapacity: true)
        distance.withUnsafeMutableBufferPointer { distance in
            paths.withUnsafeMutableBufferPointer { paths in
                dependency.withUnsafeMutableBufferPointer { dependency in
                    offsets.withUnsafeBufferPointer { offsets in
                        neighbours.withUnsafeBufferPointer { neighbours in
                            distance[source] = 0
                            paths[source] = 1
                            order.append(Int32(source))
                            var head = 0
                            while head < order.count {
                                let node = Int(order[head])
                                head += 1
                                let next = distance[node] + 1
                                for edge in Int(offsets[node])..<Int(offsets[node + 1]) {
                                    let neighbour = Int(neighbours[edge])
                                    if distance[neighbour] < 0 {
                                        distance[neighbour] = next
                                        order.append(Int32(neighbour))
                                    }
                                    if distance[neighbour] == next { paths[neighbour] += paths[node] }
                                }
                            }
                            // Back from the farthest nodes: each passes its dependency to the neighbours one
                            // step nearer the source in proportion to their shortest paths (no predecessor lists:
                            // they are the neighbours at distance - 1).
                            for position in stride(from: order.count - 1, through: 0, by: -1) {
                                let node = Int(order[position])
                                let coefficient = (1 + dependency[node]) / paths[node]
                                let previous = distance[node] - 1
                                for edge in Int(offsets[node])..<Int(offsets[node + 1]) {
                                    let neighbour = Int(neighbours[edge])
                                    if distance[neighbour] == previous { dependency[neighbour] += paths[neighbour] * coefficient }
                                }
                                if node != source { sum[node] += dependency[node] }
                            }
                            for node in order {
                                distance[Int(node)] = -1
                                paths[Int(node)] = 0
                                dependency[Int(node)] = 0
                            }
                        }
                    }
                }
            }
        }
    }
}

/// SplitMix64 (Steele, Lea and Flood, 2014): a tiny generator whose sequence is fixed by its seed, for
/// pivots that are the same on every machine and every run.
struct SplitMix64 {
    private var state: UInt64

    init(seed: UInt64) {
        state = seed
    }

    mutating func next() -> UInt64 {
        state &+= 0x9E37_79B9_7F4A_7C15
        var z = state
        z = (z ^ (z >> 30)) &* 0xBF58_476D_1CE5_E4B9
        z = (z ^ (z >> 27)) &* 0x94D0_49BB_1331_11EB
        return z ^ (z >> 31)
    }
}
