import Dispatch
import Foundation

/// Runs independent work on every core, keeping results in input order so output never depends on scheduling.
public enum Parallel {
    /// Maps `items` through `transform` concurrently; the result is in the order of `items`.
    public static func map<T: Sendable, R: Sendable>(_ items: [T], _ transform: @Sendable (T) -> R) -> [R] {
        guard items.count > 1 else { return items.map(transform) }
        let slots = Slots<R>(count: items.count)
        defer { slots.release() }
        // Chunks keep the per-iteration overhead small when there are many cheap items.
        let chunk = max(1, items.count / 64)
        let chunks = (items.count + chunk - 1) / chunk
        DispatchQueue.concurrentPerform(iterations: chunks) { c in
            let end = min(items.count, (c + 1) * chunk)
            for index in c * chunk..<end {
                slots.store(transform(items[index]), at: index)
            }
        }
        return slots.collect()
    }
}

extension Parallel {
    /// Runs independent tasks side by side on the global queue; the results are in the order of `items`.
    ///
    /// Unlike `map`, each task may itself call `map` and have it spread over every core: a `map` nested in
    /// another `map` runs serially (libdispatch does not widen a nested `concurrentPerform`), so a long task
    /// left alone at the end would keep one core idle.
    public static func tasks<T: Sendable, R: Sendable>(_ items: [T], _ transform: @escaping @Sendable (T) -> R) -> [R] {
        guard items.count > 1 else { return items.map(transform) }
        let slots = Slots<R>(count: items.count)
        defer { slots.release() }
        let group = DispatchGroup()
        for index in items.indices {
            let item = items[index]
            DispatchQueue.global().async(group: group) {
                slots.store(transform(item), at: index)
            }
        }
        group.wait()
        return slots.collect()
    }
}

extension Parallel {
    /// Runs `work` on this thread while `alongside` runs on a thread of its own, and returns `work`'s result once
    /// both are done: a batch is made while the one before it is handed on (written), so neither waits for the
    /// other. `alongside` gets a thread of its own, not one of the shared queue's: those may all be busy.
    public static func overlapping<R>(_ work: () -> R, alongside: () -> Void) -> R {
        withoutActuallyEscaping(alongside) { alongside in
            let task = HandedTask(alongside)
            let done = DispatchSemaphore(value: 0)
            Thread {
                task.run()
                done.signal()
            }.start()
            let result = work()
            done.wait()
            return result
        }
    }
}

/// A closure handed to one other thread, which runs it and lets go of it while its owner waits: the owner's
/// closure must not outlive the call it was given to.
private final class HandedTask: @unchecked Sendable {
    private var work: (() -> Void)?

    init(_ work: @escaping () -> Void) { self.work = work }

    func run() {
        work?()
        work = nil
    }
}

/// Result slots that concurrent iterations write to; each index is written by exactly one iteration.
private struct Slots<R>: @unchecked Sendable {
    let buffer: UnsafeMutableBufferPointer<R?>

    init(count: Int) {
        buffer = .allocate(capacity: count)
        buffer.initialize(repeating: nil)
    }

    func store(_ value: R, at index: Int) {
        buffer[index] = value
    }

    /// The results, moved out of their slots (left empty): a copy would retain every part of every result here and
    /// release it again when the slots are let go, on the caller's thread, after the work on every core.
    func collect() -> [R] {
        Array(unsafeUninitializedCapacity: buffer.count) { out, initialized in
            for index in buffer.indices { (out.baseAddress! + index).initialize(to: buffer[index].take()!) }
            initialized = buffer.count
        }
    }

    func release() {
        _ = buffer.deinitialize()
        buffer.deallocate()
    }
}

extension Parallel {
    /// Lets go of `value` on another thread, a moment later. A build's tables (every entry, page context and
    /// index) take a noticeable part of a second to free; holding a reference elsewhere until the caller has
    /// dropped its own moves that work off the caller's path (the command reports and exits meanwhile, and a
    /// process that exits first never frees them at all). Whichever side lets go last frees; either is correct.
    public static func release<T>(_ value: T) {
        let box = ReleaseBox(value)
        DispatchQueue.global(qos: .utility).asyncAfter(deadline: .now() + .milliseconds(20)) { box.empty() }
    }
}

/// Holds a value until another thread empties it, so the last reference is dropped there.
private final class ReleaseBox<T>: @unchecked Sendable {
    private var value: T?

    init(_ value: T) { self.value = value }

    func empty() { value = nil }
}

extension Parallel {
    /// `items` in ascending order, as `sorted()` gives them: the two halves sorted side by side, then merged (the first
    /// half's element first among equals). A build's list of written files (15,000 paths sharing long
    /// prefixes) is sorted after every other job has finished, with one core otherwise idle.
    public static func sorted<S: Sequence>(_ items: S) -> [S.Element] where S.Element: Comparable & Sendable {
        let all = Array(items)
        guard all.count >= 4_096 else { return all.sorted() }
        let middle = all.count / 2
        let halves = map([0, 1]) { half in (half == 0 ? all[..<middle] : all[middle...]).sorted() }
        var merged: [S.Element] = []
        merged.reserveCapacity(all.count)
        var a = 0, b = 0
        let first = halves[0], second = halves[1]
        while a < first.count && b < second.count {
            if second[b] < first[a] {
                merged.append(second[b])
                b += 1
            } else {
                merged.append(first[a])
                a += 1
            }
        }
        merged.append(contentsOf: first[a...])
        merged.append(contentsOf: second[b...])
        return merged
    }
}
