import HandbookModel

/// Positions for a graph's nodes, laid out at build time by forces, as ForceAtlas2 does (the layout of
/// Gephi): linked nodes pull together in proportion to their distance, every node pushes every other away
/// in proportion to both their degrees (so a hub's many links spread out around it), and a pull to the
/// centre that grows with distance keeps separate groups and unlinked nodes in view. The push of far
/// nodes is summed by groups (Barnes and Hut's quadtree), so an iteration costs n log n rather than n²;
/// the start is seeded and the number of iterations fixed, so the same graph always gives the same picture.
struct GraphLayout {
    /// Where a node is.
    struct Point: Equatable {
        var x: Double
        var y: Double
    }

    /// How many rounds the forces are applied.
    static let iterations = 100
    /// A group of nodes is taken as one when its size over its distance is below this.
    static let theta = 1.2
    /// From this many nodes, the pushes are worked out on every core, `chunk` nodes at a time.
    static let parallelFrom = 2000
    static let chunk = 500
    /// The strength of the push between nodes and of the pull to the centre.
    static let repulsion = 1.0
    static let gravity = 0.2

    /// The positions of `count` nodes joined by `edges` (positions in 0..<count; direction ignored).
    static func positions(count: Int, edges: [(Int, Int)], seed: UInt64 = 0x9E37_79B9_7F4A_7C15) -> [Point] {
        guard count > 0 else { return [] }
        let edges = edges.filter { $0.0 != $0.1 && $0.0 >= 0 && $0.1 >= 0 && $0.0 < count && $0.1 < count }
        var mass = [Double](repeating: 1, count: count)
        for (a, b) in edges {
            mass[a] += 1
            mass[b] += 1
        }
        let side = max(1, Double(count).squareRoot()) * 4
        var random = SplitMix64(seed: seed)
        var points = (0..<count).map { _ in Point(x: (random.unit() - 0.5) * side, y: (random.unit() - 0.5) * side) }
        var temperature = side / 4
        let cooling = temperature * 0.97 / Double(iterations)
        var dx = [Double](repeating: 0, count: count)
        var dy = [Double](repeating: 0, count: count)
        var tree = QuadTree()
        var stack: [Int] = []
        for _ in 0..<iterations {
            tree.build(points, mass: mass)
            // Each node's push is independent of the others': large graphs share it out over the cores,
            // in fixed chunks whose results are put back in order, so the picture does not depend on scheduling.
            let pushes: [Point]
            if count >= Self.parallelFrom {
                let snapshot = (tree: tree, points: points, mass: mass)
                pushes = Parallel.map(Array(stride(from: 0, to: count, by: Self.chunk))) { start -> [Point] in
                    var stack: [Int] = []
                    return (start..<min(start + Self.chunk, count)).map { index in
                        snapshot.tree.repulsion(on: index, points: snapshot.points, mass: snapshot.mass, theta: theta, stack: &stack)
                    }
                }.flatMap { $0 }
            } else {
                pushes = (0..<count).map { tree.repulsion(on: $0, points: points, mass: mass, theta: theta, stack: &stack) }
            }
            for index in 0..<count {
                // The pull to the centre (the origin), stronger for heavier nodes and further out.
                dx[index] = pushes[index].x * repulsion - gravity * mass[index] * points[index].x
                dy[index] = pushes[index].y * repulsion - gravity * mass[index] * points[index].y
            }
            for (a, b) in edges {
                let ox = points[a].x - points[b].x
                let oy = points[a].y - points[b].y
                dx[a] -= ox
                dy[a] -= oy
                dx[b] += ox
                dy[b] += oy
            }
            for index in 0..<count {
                // Heavier nodes move less, so hubs settle and their links arrange around them.
                let fx = dx[index] / mass[index], fy = dy[index] / mass[index]
                let length = (fx * fx + fy * fy).squareRoot()
                guard length > 0 else { continue }
                let step = min(length, temperature)
                points[index].x += fx / length * step
                points[index].y += fy / length * step
            }
            temperature -= cooling
        }
        return points
    }

    /// The positions scaled to fit a `width` × `height` box inside `margin`, keeping their proportions.
    static func fitted(_ points: [Point], width: Double, height: Double, margin: Double) -> [Point] {
        guard let first = points.first else { return [] }
        var low = first, high = first
        for point in points {
            low.x = min(low.x, point.x); low.y = min(low.y, point.y)
            high.x = max(high.x, point.x); high.y = max(high.y, point.y)
        }
        let spanX = high.x - low.x, spanY = high.y - low.y
        // A single point, or points in a line, have no extent on one axis: that axis sets no scale.
        let scaleX = spanX > 1e-9 ? (width - 2 * margin) / spanX : Double.infinity
        let scaleY = spanY > 1e-9 ? (height - 2 * margin) / spanY : Double.infinity
        let scale = min(scaleX, scaleY).isFinite ? min(scaleX, scaleY) : 0
        let offsetX = (width - spanX * scale) / 2, offsetY = (height - spanY * scale) / 2
        return points.map { Point(x: offsetX + ($0.x - low.x) * scale, y: offsetY + ($0.y - low.y) * scale) }
    }
}
