import Foundation
import Synchronization

/// What renders recorded going wrong (a render cut short, a text written raw): the first, and all of them; safe to share
/// between threads.
final class Overruns: @unchecked Sendable {
    private let lock = NSLock()
    private var recorded: String?
    private var every: Set<String> = []
    /// Set with the first record, read without the lock where every expansion asks.
    private let flag = Atomic<Bool>(false)

    /// Whether anything was recorded (a relaxed read: a render that sees it late expands a little more, no harm).
    var happened: Bool { flag.load(ordering: .relaxed) }

    /// Everything recorded, sorted.
    var all: [String] {
        lock.lock()
        defer { lock.unlock() }
        return every.sorted()
    }

    var first: String? {
        lock.lock()
        defer { lock.unlock() }
        return recorded
    }

    /// Not inlined: in the render loop, the compiler began its access checks for `recorded` at every call of the
    /// loop's function, recorded or not (0.3 % more instructions a build).
    @inline(never)
    func record(_ what: String) {
        lock.lock()
        if recorded == nil { recorded = what }
        every.insert(what)
        lock.unlock()
        flag.store(true, ordering: .relaxed)
    }
}
