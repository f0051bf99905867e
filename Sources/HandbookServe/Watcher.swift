import Dispatch
import Foundation

/// Where changes under a set of folders come from: inotify on Linux, a scan of the tree elsewhere.
protocol ChangeSource: AnyObject {
    /// Paths changed since the last call, waiting at most `timeout` seconds for the first; empty when none.
    func changes(timeout: Double) -> Set<String>
    /// Wakes a waiting `changes` call and releases the source.
    func close()
}

/// Watches folders (recursively, new folders included) and reports changed paths after a quiet moment,
/// so several saves in quick succession make one report. Reports come one at a time, on the watcher's
/// own thread; changes during a report are gathered for the next.
public final class Watcher: @unchecked Sendable {
    private let source: ChangeSource
    private let quiet: Double
    private let longest: Double
    private let onChange: @Sendable (Set<String>) -> Void
    private let lock = NSLock()
    private var stopped = false
    private let done = DispatchSemaphore(value: 0)

    /// True when the kernel reports changes (inotify); false when the tree is scanned.
    public let isNative: Bool

    /// Watches `roots`. A report waits until no change came for `quiet` seconds, or `longest` seconds after
    /// the first change, whichever is sooner; `polling` forces the scan (tests; systems without inotify).
    public init(roots: [String], quiet: Double = 0.05, longest: Double = 0.25, polling: Bool = false,
                onChange: @escaping @Sendable (Set<String>) -> Void) {
        #if os(Linux)
        if !polling, let inotify = InotifySource(roots: roots) {
            source = inotify
            isNative = true
        } else {
            source = PollingSource(roots: roots)
            isNative = false
        }
        #else
        source = PollingSource(roots: roots)
        isNative = false
        #endif
        self.quiet = quiet
        self.longest = longest
        self.onChange = onChange
    }

    /// Starts watching on a thread of its own.
    public func start() {
        let thread = Thread { [self] in
            run()
            done.signal()
        }
        thread.name = "handbook serve: watcher"
        thread.start()
    }

    /// Stops watching and waits for a report in progress to end.
    public func stop() {
        lock.lock()
        let wasStopped = stopped
        stopped = true
        lock.unlock()
        guard !wasStopped else { return }
        source.close()
        done.wait()
    }

    private var isStopped: Bool {
        lock.lock()
        defer { lock.unlock() }
        return stopped
    }

    private func run() {
        var pending: Set<String> = []
        var first: UInt64 = 0
        var last: UInt64 = 0
        while !isStopped {
            let now = Self.now()
            // With nothing pending, wait long; otherwise until the quiet moment (or the longest wait) is over.
            let timeout = pending.isEmpty ? 1.0 : max(0, min(Double(last) / 1e9 + quiet, Double(first) / 1e9 + longest) - Double(now) / 1e9)
            let changed = source.changes(timeout: timeout)
            if isStopped { return }
            let after = Self.now()
            if !changed.isEmpty {
                if pending.isEmpty { first = after }
                last = after
                pending.formUnion(changed)
            }
            guard !pending.isEmpty else { continue }
            if Double(after - last) / 1e9 >= quiet || Double(after - first) / 1e9 >= longest {
                let report = pending
                pending = []
                onChange(report)
            }
        }
    }

    private static func now() -> UInt64 {
        DispatchTime.now().uptimeNanoseconds
    }
}
