import Foundation

/// Work started on a thread of its own, whose result is taken later: waiting on it only if it is not done.
/// A thread of its own, not a worker of `Parallel`, so work that waits (on `git`, on the file system) never
/// holds a core the build's parallel parts need.
public final class Background<Value>: @unchecked Sendable {
    private let done = DispatchSemaphore(value: 0)
    private var result: Value?

    /// Starts `work`.
    public init(_ work: @escaping @Sendable () -> Value) {
        let thread = Thread { [self] in
            result = work()
            done.signal()
        }
        thread.start()
    }

    /// The result, once the work has finished.
    public var value: Value {
        done.wait()
        done.signal()
        return result!
    }
}
