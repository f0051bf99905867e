import Dispatch
import HandbookModel
import Testing

/// `Parallel`'s results keep their order, and `overlapping` really runs its two parts at once.
@Suite struct ParallelTests {
    @Test func mapKeepsTheOrderOfItsItems() {
        let items = Array(0..<1_000)
        #expect(Parallel.map(items) { $0 * 2 } == items.map { $0 * 2 })
    }

    /// Sorting in two halves gives what `sorted()` gives: short and long lists (split from 4,096 on), odd lengths,
    /// repeated values, and paths sharing long prefixes.
    @Test func sortedInHalvesIsSorted() {
        var generator = SystemRandomNumberGenerator()
        for count in [0, 1, 2, 4_095, 4_096, 4_097, 6_001] {
            let numbers = (0..<count).map { _ in Int.random(in: 0..<(count / 3 + 1), using: &generator) }
            #expect(Parallel.sorted(numbers) == numbers.sorted(), "\(count) numbers")
        }
        let paths = Set((0..<6_000).map { "organisations/org-\($0 * 7919 % 6_000)/index.html" } + ["a", "organisations", "z"])
        #expect(Parallel.sorted(paths) == paths.sorted())
        let descending = Array((0..<5_000).reversed())
        #expect(Parallel.sorted(descending) == Array(0..<5_000))
    }

    @Test func overlappingGivesTheWorksResultOnceBothHaveRun() {
        let ran = Counter()
        let result = Parallel.overlapping({ 42 }, alongside: { ran.add() })
        #expect(result == 42)
        #expect(ran.value == 1)
    }

    /// Each part waits for a sign from the other: run one after the other, the first would wait out its timeout.
    @Test func overlappingRunsBothPartsAtOnce() {
        let fromWork = DispatchSemaphore(value: 0), fromAlongside = DispatchSemaphore(value: 0)
        let sawAlongside = Parallel.overlapping({ () -> Bool in
            fromWork.signal()
            return fromAlongside.wait(timeout: .now() + 10) == .success
        }, alongside: {
            fromAlongside.signal()
            #expect(fromWork.wait(timeout: .now() + 10) == .success)
        })
        #expect(sawAlongside)
    }

    /// The part run alongside may mutate what its caller owns: the call returns only after it has finished.
    @Test func overlappingReturnsAfterThePartAlongsideHasFinished() {
        var delivered: [Int] = []
        for batch in 0..<20 {
            _ = Parallel.overlapping({ batch }, alongside: { delivered.append(batch) })
        }
        #expect(delivered == Array(0..<20))
    }
}

/// A count several threads may add to.
private final class Counter: @unchecked Sendable {
    private let lock = DispatchSemaphore(value: 1)
    private var count = 0

    var value: Int {
        lock.wait()
        defer { lock.signal() }
        return count
    }

    func add() {
        lock.wait()
        count += 1
        lock.signal()
    }
}
