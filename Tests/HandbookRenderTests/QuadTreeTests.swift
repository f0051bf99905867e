@testable import HandbookRender
import Testing

@Suite struct QuadTreeTests {
    /// Points scattered by a seeded generator, some in clusters (so the tree is deep in places and has empty
    /// quadrants), with masses from 1 to 5.
    static func scattered(_ count: Int) -> (points: [GraphLayout.Point], mass: [Double]) {
        var random = SplitMix64(seed: 7)
        var points: [GraphLayout.Point] = []
        for index in 0..<count {
            let spread = index % 3 == 0 ? 2.0 : 200.0
            points.append(GraphLayout.Point(x: (random.unit() - 0.5) * spread, y: (random.unit() - 0.5) * spread))
        }
        return (points, (0..<count).map { Double(1 + $0 % 5) })
    }

    /// The push on `index` summed over every other point: what the tree approximates.
    static func direct(_ index: Int, _ points: [GraphLayout.Point], _ mass: [Double]) -> GraphLayout.Point {
        var force = GraphLayout.Point(x: 0, y: 0)
        for other in points.indices where other != index {
            let px = points[index].x - points[other].x, py = points[index].y - points[other].y
            let push = mass[index] * mass[other] / (px * px + py * py)
            force.x += px * push
            force.y += py * push
        }
        return force
    }

    @Test func openingEveryCellGivesTheDirectSum() {
        let (points, mass) = Self.scattered(300)
        var tree = QuadTree()
        tree.build(points, mass: mass)
        var stack: [Int] = []
        for index in points.indices {
            let pushed = tree.repulsion(on: index, points: points, mass: mass, theta: 0, stack: &stack)
            let expected = Self.direct(index, points, mass)
            let scale = max(1, (expected.x * expected.x + expected.y * expected.y).squareRoot())
            #expect(abs(pushed.x - expected.x) <= 1e-9 * scale && abs(pushed.y - expected.y) <= 1e-9 * scale, "point \(index)")
        }
    }

    @Test func farCellsTakenWholeStayCloseToTheDirectSum() {
        let (points, mass) = Self.scattered(300)
        var tree = QuadTree()
        tree.build(points, mass: mass)
        var stack: [Int] = []
        var error = 0.0, total = 0.0
        for index in points.indices {
            let pushed = tree.repulsion(on: index, points: points, mass: mass, theta: GraphLayout.theta, stack: &stack)
            let expected = Self.direct(index, points, mass)
            error += ((pushed.x - expected.x) * (pushed.x - expected.x) + (pushed.y - expected.y) * (pushed.y - expected.y)).squareRoot()
            total += (expected.x * expected.x + expected.y * expected.y).squareRoot()
        }
        #expect(error / total < 0.1)
    }

    @Test func aRebuiltTreeForgetsTheOldPoints() {
        let (points, mass) = Self.scattered(200)
        var tree = QuadTree()
        tree.build(points, mass: mass)
        let fewer = Array(points.prefix(50)), lighter = Array(mass.prefix(50))
        tree.build(fewer, mass: lighter)
        var stack: [Int] = []
        let pushed = tree.repulsion(on: 10, points: fewer, mass: lighter, theta: 0, stack: &stack)
        let expected = Self.direct(10, fewer, lighter)
        #expect(abs(pushed.x - expected.x) <= 1e-9 * max(1, abs(expected.x)) && abs(pushed.y - expected.y) <= 1e-9 * max(1, abs(expected.y)))
    }
}
