/// A quadtree over weighted points, kept in flat arrays and rebuilt each round of the layout, that sums
/// the push of far groups of nodes as one (Barnes and Hut): each node's repulsion costs log n, not n.
struct QuadTree {
    /// A square of the tree: its size, centre of mass, mass, and either children or its points.
    private struct Cell {
        var size: Double
        var x: Double
        var y: Double
        var mass: Double
        /// The first of its children in `cells`, which follow one another in quadrant order.
        var children: Int
        /// How many children it has: its quadrants that hold points (an empty one pushes nothing, so it is not
        /// made), none for a leaf.
        var childCount: Int
        /// Its points, `order[start..<start + count]`.
        var start: Int
        var count: Int
    }

    private var cells: [Cell] = []
    private var order: [Int] = []
    private var scratch: [Int] = []
    /// Deeper than this, points share a leaf: only nodes on (almost) one spot get there.
    private static let maximumDepth = 24

    /// Rebuilds the tree over `points`.
    mutating func build(_ points: [GraphLayout.Point], mass: [Double]) {
        cells.removeAll(keepingCapacity: true)
        order = Array(points.indices)
        scratch = order
        guard let first = points.first else { return }
        var low = first, high = first
        for point in points {
            low.x = min(low.x, point.x); low.y = min(low.y, point.y)
            high.x = max(high.x, point.x); high.y = max(high.y, point.y)
        }
        let size = max(high.x - low.x, high.y - low.y, 1e-6)
        cells.append(Cell(size: size, x: 0, y: 0, mass: 0, children: 0, childCount: 0, start: 0, count: points.count))
        split(0, originX: low.x, originY: low.y, points: points, mass: mass, depth: 0)
    }

    /// Fills cell `index` (its range of `order` set): its centre of mass, and children when it holds more than one point.
    private mutating func split(_ index: Int, originX: Double, originY: Double, points: [GraphLayout.Point], mass: [Double], depth: Int) {
        let start = cells[index].start, count = cells[index].count, size = cells[index].size
        let half = size / 2
        let middleX = originX + half, middleY = originY + half
        // The centre of mass, and how many points fall in each quadrant (q = (right ? 1 : 0) + (lower ? 2 : 0)),
        // in one pass through the buffers: the tree is built again every round of the layout.
        var sumX = 0.0, sumY = 0.0, total = 0.0
        var counts = (0, 0, 0, 0)
        points.withUnsafeBufferPointer { points in
            mass.withUnsafeBufferPointer { mass in
                order.withUnsafeBufferPointer { order in
                    for slot in start..<(start + count) {
                        let point = order[slot]
                        let weight = mass[point], at = points[point]
                        sumX += at.x * weight
                        sumY += at.y * weight
                        total += weight
                        switch (at.x >= middleX, at.y >= middleY) {
                        case (false, false): counts.0 += 1
                        case (true, false): counts.1 += 1
                        case (false, true): counts.2 += 1
                        case (true, true): counts.3 += 1
                        }
                    }
                }
            }
        }
        cells[index].x = sumX / total
        cells[index].y = sumY / total
        cells[index].mass = total
        guard count > 1, depth < Self.maximumDepth else { return }
        // Sort the range into the four quadrants (counting sort through `scratch`).
        let firsts = (start, start + counts.0, start + counts.0 + counts.1, start + counts.0 + counts.1 + counts.2)
        var next = firsts
        points.withUnsafeBufferPointer { points in
            order.withUnsafeMutableBufferPointer { order in
                scratch.withUnsafeMutableBufferPointer { scratch in
                    for slot in start..<(start + count) {
                        let point = order[slot]
                        switch (points[point].x >= middleX, points[point].y >= middleY) {
                        case (false, false): scratch[next.0] = point; next.0 += 1
                        case (true, false): scratch[next.1] = point; next.1 += 1
                        case (false, true): scratch[next.2] = point; next.2 += 1
                        case (true, true): scratch[next.3] = point; next.3 += 1
                        }
                    }
                    for slot in start..<(start + count) { order[slot] = scratch[slot] }
                }
            }
        }
        // The quadrants that hold points, appended one by one in quadrant order (no array made for them: a tree is
        // split a thousand times a round), then filled in the same order.
        let firstChild = cells.count
        for q in 0..<4 where Self.element(q, of: counts) > 0 {
            cells.append(Cell(size: half, x: 0, y: 0, mass: 0, children: 0, childCount: 0, start: Self.element(q, of: firsts),
                              count: Self.element(q, of: counts)))
        }
        cells[index].children = firstChild
        cells[index].childCount = cells.count - firstChild
        var child = firstChild
        for q in 0..<4 where Self.element(q, of: counts) > 0 {
            split(child, originX: originX + (q & 1 == 1 ? half : 0), originY: originY + (q & 2 == 2 ? half : 0),
                  points: points, mass: mass, depth: depth + 1)
            child += 1
        }
    }

    /// Element `q` of a quadrant's four numbers.
    @inline(__always)
    private static func element(_ q: Int, of numbers: (Int, Int, Int, Int)) -> Int {
        switch q {
        case 0: return numbers.0
        case 1: return numbers.1
        case 2: return numbers.2
        default: return numbers.3
        }
    }

    /// The push on point `index` from every other point, mass × mass / distance each, a far cell's points
    /// taken as their total mass at their centre.
    /// `stack` is scratch space the caller keeps between calls, so a query allocates nothing.
    func repulsion(on index: Int, points: [GraphLayout.Point], mass: [Double], theta: Double, stack: inout [Int]) -> GraphLayout.Point {
        var force = GraphLayout.Point(x: 0, y: 0)
        guard !cells.isEmpty else { return force }
        // A walk down a tree no deeper than `maximumDepth` holds at most three siblings a level and four children.
        let most = 4 * (Self.maximumDepth + 2)
        if stack.count < most { stack = [Int](repeating: 0, count: most) }
        // Through the buffers: this loop is the layout's whole cost, and each array access would be checked.
        cells.withUnsafeBufferPointer { cells in
            order.withUnsafeBufferPointer { order in
                points.withUnsafeBufferPointer { points in
                    mass.withUnsafeBufferPointer { mass in
                        stack.withUnsafeMutableBufferPointer { stack in
                            let point = points[index], own = mass[index]
                            var depth = 1
                            stack[0] = 0
                            while depth > 0 {
                                depth -= 1
                                let cell = cells[stack[depth]]
                                let ox = point.x - cell.x, oy = point.y - cell.y
                                let d2 = ox * ox + oy * oy
                                if cell.childCount > 0 && cell.size * cell.size >= theta * theta * d2 {
                                    for child in cell.children..<(cell.children + cell.childCount) {
                                        stack[depth] = child
                                        depth += 1
                                    }
                                } else if cell.childCount > 0 {
                                    // Far enough: the whole cell pushes as one, m·M/d along the line from its centre.
                                    let push = own * cell.mass / max(d2, 1e-12)
                                    force.x += ox * push
                                    force.y += oy * push
                                } else {
                                    for slot in cell.start..<(cell.start + cell.count) {
                                        let other = order[slot]
                                        guard other != index else { continue }
                                        var px = point.x - points[other].x, py = point.y - points[other].y
                                        var pd2 = px * px + py * py
                                        if pd2 < 1e-12 {
                                            // Two nodes on one spot: part them along a direction fixed by their positions in the list.
                                            px = Double((index &* 7 &+ other) % 13) - 6 + 0.5
                                            py = Double((index &* 5 &+ other) % 11) - 5 + 0.5
                                            pd2 = px * px + py * py
                                        }
                                        // m·m'/d along the unit vector: (p/d)·(m·m'/d) = p·m·m'/d².
                                        let push = own * mass[other] / pd2
                                        force.x += px * push
                                        force.y += py * push
                                    }
                                }
                            }
                        }
                    }
                }
            }
        }
        return force
    }
}
