/// The social graph with directions, relations and repeats dropped: two entries are neighbours when either
/// names the other, however often. Components and centrality are read on this graph, as network tools
/// read an undirected simple graph (networkx's `Graph(G)`).
///
/// Stored as compressed adjacency lists (offsets into one array of neighbours, each list ascending), so
/// a breadth-first search touches two flat arrays and no dictionary.
public struct UndirectedGraph: Sendable {
    /// How many nodes; nodes are `0..<nodeCount`.
    public let nodeCount: Int
    /// Where each node's neighbours start in `neighbours`; `offsets[nodeCount]` is their total.
    let offsets: [Int32]
    /// Every node's neighbours, node after node, each list ascending and without repeats.
    let neighbours: [Int32]

    /// The undirected form of the social graph, its nodes in the same positions.
    public init(_ graph: SocialGraph) {
        self.init(nodeCount: graph.nodes.count, edges: graph.edges.map { ($0.source, $0.target) })
    }

    /// A graph of `nodeCount` nodes joined by `edges`, in either direction; loops and repeats are dropped.
    public init(nodeCount: Int, edges: [(Int, Int)]) {
        // Each pair once, smaller end first, sorted: that also leaves every adjacency list ascending.
        var pairs = edges.compactMap { edge -> Int? in
            let (low, high) = edge.0 < edge.1 ? edge : (edge.1, edge.0)
            return low == high ? nil : low * nodeCount + high
        }
        pairs.sort()
        var degree = [Int32](repeating: 0, count: nodeCount + 1)
        var previous = -1
        var unique: [Int] = []
        unique.reserveCapacity(pairs.count)
        for pair in pairs where pair != previous {
            unique.append(pair)
            degree[pair / nodeCount] += 1
            degree[pair % nodeCount] += 1
            previous = pair
        }
        var offsets = [Int32](repeating: 0, count: nodeCount + 1)
        for node in 0..<nodeCount { offsets[node + 1] = offsets[node] + degree[node] }
        var next = offsets
        var neighbours = [Int32](repeating: 0, count: Int(offsets[nodeCount]))
        for pair in unique {
            let low = pair / nodeCount
            let high = pair % nodeCount
            neighbours[Int(next[low])] = Int32(high)
            next[low] += 1
            neighbours[Int(next[high])] = Int32(low)
            next[high] += 1
        }
        self.nodeCount = nodeCount
        self.offsets = offsets
        self.neighbours = neighbours
    }

    /// How many links join two nodes (each pair once).
    public var linkCount: Int { neighbours.count / 2 }

    /// How many distinct nodes `node` is joined to.
    public func degree(_ node: Int) -> Int {
        Int(offsets[node + 1] - offsets[node])
    }

    /// The nodes joined to `node`, ascending.
    public func neighbours(of node: Int) -> ArraySlice<Int32> {
        neighbours[Int(offsets[node])..<Int(offsets[node + 1])]
    }

    /// The connected components, each a list of nodes ascending; the largest first, then by their first node.
    public func components() -> [[Int]] {
        var component = [Int](repeating: -1, count: nodeCount)
        var found: [[Int]] = []
        var queue: [Int] = []
        for start in 0..<nodeCount where component[start] < 0 {
            component[start] = found.count
            queue.removeAll(keepingCapacity: true)
            queue.append(start)
            var head = 0
            while head < queue.count {
                let node = queue[head]
                head += 1
                for neighbour in neighbours(of: node) where component[Int(neighbour)] < 0 {
                    component[Int(neighbour)] = found.count
                    queue.append(Int(neighbour))
                }
            }
            found.append(queue.sorted())
        }
        // Components were found in order of their first node, so a stable sort by size keeps that order within a size.
        return found.enumerated().sorted { ($0.element.count, $1.offset) > ($1.element.count, $0.offset) }.map(\.element)
    }
}
