/// Positions for a graph's nodes, laid out at build time by forces (Fruchterman and Reingold's): linked
/// nodes pull together, every node pushes away the nodes near it, and a weak pull to the centre keeps
/// separate groups in view. Repulsion is counted only between nodes in neighbouring cells of a grid, so an
/// iteration costs time linear in the graph; the start is seeded and the number of iterations fixed, so
/// the same graph always gives the same picture.
struct GraphLayout {
    /// Where a node is, in a square of side `sqrt(n)` (one unit is the ideal distance between neighbours).
    struct Point: Equatable {
        var x: Double
        var y: Double
    }

    /// How many rounds the forces are applied.
    static let iterations = 150
    /// The ideal distance between linked nodes.
    static let ideal = 1.0

    /// The positions of `count` nodes joined by `edges` (positions in 0..<count; direction ignored).
    static func positions(count: Int, edges: [(Int, Int)], seed: UInt64 = 0x9E37_79B9_7F4A_7C15) -> [Point] {
        guard count > 0 else { return [] }
        let side = max(1, Double(count).squareRoot()) * ideal * 2
        var random = SplitMix64(seed: seed)
        var points = (0..<count).map { _ in Point(x: random.unit() * side, y: random.unit() * side) }
        let k = ideal
        let cell = 2 * k
        let columns = max(1, Int((side * 2 / cell).rounded(.up)))
        var temperature = side / 8
        let cooling = temperature / Double(iterations + 1)
        let centre = Point(x: side / 2, y: side / 2)
        var dx = [Double](repeating: 0, count: count)
        var dy = [Double](repeating: 0, count: count)
        // Counting sort into grid cells: `starts[c]..<starts[c+1]` indexes `order` for cell c.
        var cellOf = [Int](repeating: 0, count: count)
        var starts = [Int](repeating: 0, count: columns * columns + 1)
        var order = [Int](repeating: 0, count: count)
        for _ in 0..<iterations {
            for index in 0..<count {
                dx[index] = 0
                dy[index] = 0
            }
            for index in 0..<starts.count { starts[index] = 0 }
            for (index, point) in points.enumerated() {
                let column = min(columns - 1, max(0, Int((point.x + side / 2) / cell)))
                let row = min(columns - 1, max(0, Int((point.y + side / 2) / cell)))
                cellOf[index] = row * columns + column
                starts[cellOf[index] + 1] += 1
            }
            for index in 0..<(starts.count - 1) { starts[index + 1] += starts[index] }
            var filled = starts
            for index in 0..<count {
                order[filled[cellOf[index]]] = index
                filled[cellOf[index]] += 1
            }
            // Repulsion k²/d from every node within 2k, found in the 3×3 cells around.
            for index in 0..<count {
                let row = cellOf[index] / columns, column = cellOf[index] % columns
                for r in max(0, row - 1)...min(columns - 1, row + 1) {
                    for c in max(0, column - 1)...min(columns - 1, column + 1) {
                        let cellIndex = r * columns + c
                        for slot in starts[cellIndex]..<starts[cellIndex + 1] {
                            let other = order[slot]
                            guard other != index else { continue }
                            var ox = points[index].x - points[other].x
                            var oy = points[index].y - points[other].y
                            var distance = (ox * ox + oy * oy).squareRoot()
                            if distance > cell { continue }
                            if distance < 1e-6 {
                                // Two nodes on one spot: part them along a direction fixed by their positions in the list.
                                ox = Double((index &* 7 &+ other) % 13) - 6 + 0.5
                                oy = Double((index &* 5 &+ other) % 11) - 5 + 0.5
                                distance = (ox * ox + oy * oy).squareRoot()
                            }
                            let force = k * k / distance
                            dx[index] += ox / distance * force
                            dy[index] += oy / distance * force
                        }
                    }
                }
            }
            // Attraction d²/k along every edge.
            for (a, b) in edges where a != b && a < count && b < count {
                let ox = points[a].x - points[b].x
                let oy = points[a].y - points[b].y
                let distance = max(1e-6, (ox * ox + oy * oy).squareRoot())
                let force = distance * distance / k
                dx[a] -= ox / distance * force
                dy[a] -= oy / distance * force
                dx[b] += ox / distance * force
                dy[b] += oy / distance * force
            }
            // A weak pull to the centre, so unlinked nodes and small groups stay near the rest.
            for index in 0..<count {
                dx[index] -= (points[index].x - centre.x) * 0.05
                dy[index] -= (points[index].y - centre.y) * 0.05
                let length = (dx[index] * dx[index] + dy[index] * dy[index]).squareRoot()
                guard length > 0 else { continue }
                let step = min(length, temperature)
                points[index].x += dx[index] / length * step
                points[index].y += dy[index] / length * step
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
