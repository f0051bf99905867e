import Dispatch
import Foundation
#if canImport(Glibc)
import Glibc
#elseif canImport(Darwin)
import Darwin
#endif

/// An HTTP/1.1 server on the system's sockets: one thread accepts on every listening address, and each
/// connection is served on a thread of its own, up to `HTTPLimits.connections` at once (one more is
/// answered 503 and closed). `stop()` closes everything and waits for the threads.
public final class HTTPServer: @unchecked Sendable {
    /// The addresses listened on, with the ports bound.
    public let addresses: [ListenAddress]
    private let listeners: [Listener]
    private let limits: HTTPLimits
    private let handler: @Sendable (HTTPRequest) -> HTTPResponse
    private let date = HTTPDate()
    private let lock = NSLock()
    private var open: Set<Int32> = []
    private var stopped = false
    private var started = false
    private let connections = DispatchGroup()
    private let acceptDone = DispatchSemaphore(value: 0)
    /// A pipe whose write end wakes the accept loop to stop.
    private var wake: [Int32] = [-1, -1]

    /// Listens on `hosts` at `port` (0: a free port, the same for every host); hosts in `optional` are
    /// skipped when the machine lacks their address family. Requests go to `handler` once `start()` runs.
    public init(hosts: [String], port: UInt16, optional: Set<String> = [], limits: HTTPLimits = HTTPLimits(),
                handler: @escaping @Sendable (HTTPRequest) -> HTTPResponse) throws(ServeError) {
        listeners = try Listener.open(hosts: hosts, port: port, optional: optional)
        addresses = listeners.map(\.address)
        self.limits = limits
        self.handler = handler
        _ = pipe(&wake)
        for fd in wake { SocketCalls.setCloseOnExec(fd) }
    }

    /// The first port after `port` (up to 100 further) on which every host can listen, to suggest one when
    /// `port` is taken.
    public static func freePort(after port: UInt16, hosts: [String], optional: Set<String> = []) -> UInt16? {
        Listener.nextFreePort(after: port, hosts: hosts, optional: optional)
    }

    /// How many connections are open now.
    public var openConnections: Int {
        lock.lock()
        defer { lock.unlock() }
        return open.count
    }

    /// Starts accepting connections on a thread of its own.
    public func start() {
        // A client that leaves mid-response must not kill the process (macOS has no MSG_NOSIGNAL).
        signal(SIGPIPE, SIG_IGN)
        lock.lock()
        started = true
        lock.unlock()
        let thread = Thread { [self] in
            acceptLoop()
            acceptDone.signal()
        }
        thread.name = "handbook serve: accept"
        thread.start()
    }

    /// Stops accepting, ends every connection (streams included) and waits for their threads, at most a
    /// few seconds. Safe to call more than once.
    public func stop() {
        lock.lock()
        let wasStopped = stopped
        stopped = true
        let connected = open
        let accepting = started
        lock.unlock()
        guard !wasStopped else { return }
        var byte: UInt8 = 1
        _ = write(wake[1], &byte, 1)
        if accepting { _ = acceptDone.wait(timeout: .now() + 5) }
        for listener in listeners { listener.close() }
        for fd in connected { SocketCalls.shutdown(fd, both: true) }
        _ = connections.wait(timeout: .now() + 5)
        SocketCalls.close(wake[0])
        SocketCalls.close(wake[1])
    }

    private var isStopped: Bool {
        lock.lock()
        defer { lock.unlock() }
        return stopped
    }

    private func acceptLoop() {
        var descriptors = listeners.map { pollfd(fd: $0.fd, events: Int16(POLLIN), revents: 0) }
        descriptors.append(pollfd(fd: wake[0], events: Int16(POLLIN), revents: 0))
        while !isStopped {
            let ready = poll(&descriptors, nfds_t(descriptors.count), -1)
            if ready < 0 {
                if errno == EINTR { continue }
                return
            }
            if descriptors.last!.revents != 0 { return }
            for index in listeners.indices where descriptors[index].revents != 0 {
                while let fd = acceptOne(listeners[index].fd) { admit(fd) }
            }
        }
    }

    /// One pending connection, or nil when there is none left (the listener does not block).
    private func acceptOne(_ listener: Int32) -> Int32? {
        while true {
            let fd = accept(listener, nil, nil)
            if fd >= 0 { return fd }
            if errno == EINTR || errno == ECONNABORTED { continue }
            return nil
        }
    }

    /// Serves a new connection on its own thread, or answers 503 when the cap is reached.
    private func admit(_ fd: Int32) {
        SocketCalls.prepareConnection(fd, writeTimeout: limits.writeTimeout)
        lock.lock()
        let full = open.count >= limits.connections || stopped
        if !full { open.insert(fd) }
        lock.unlock()
        if full {
            // Answered on the accept thread, briefly: the write is small and bounded by a short timeout.
            SocketCalls.setTimeout(fd, SO_SNDTIMEO, seconds: 0.5)
            var response = HTTPResponse.text(503, "Too many connections; try again.", headers: [("Retry-After", "1")])
            response.closesConnection = true
            var bytes = response.head(keepAlive: false, date: date.now())
            bytes += response.body
            _ = bytes.withUnsafeBytes { SocketCalls.sendAll(fd, $0) }
            SocketCalls.shutdown(fd, both: false)
            SocketCalls.close(fd)
            return
        }
        connections.enter()
        let connection = HTTPConnection(fd: fd, limits: limits, handler: handler, date: date, stopping: { [weak self] in self?.isStopped ?? true })
        let thread = Thread { [self] in
            connection.serve()
            lock.lock()
            open.remove(fd)
            lock.unlock()
            SocketCalls.close(fd)
            connections.leave()
        }
        thread.name = "handbook serve: connection"
        thread.start()
    }
}
