import Foundation

/// Names templates asked for that their context did not provide, as `template: dotted.name`; safe to share between threads.
public final class MissingNames: @unchecked Sendable {
    private let lock = NSLock()
    private var names: Set<String> = []

    /// An empty record.
    public init() {}

    /// Every name recorded, sorted.
    public var sorted: [String] {
        lock.lock()
        defer { lock.unlock() }
        return names.sorted()
    }

    func record(_ name: String) {
        lock.lock()
        names.insert(name)
        lock.unlock()
    }
}
