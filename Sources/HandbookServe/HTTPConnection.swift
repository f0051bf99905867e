import Dispatch
#if canImport(Glibc)
import Glibc
#elseif canImport(Darwin)
import Darwin
#endif

/// One client connection, served on its own thread: reads requests one after another (kept alive, or
/// pipelined), each within the limits and timeouts, hands each to the handler and writes its response.
struct HTTPConnection {
    let fd: Int32
    let limits: HTTPLimits
    let handler: @Sendable (HTTPRequest) -> HTTPResponse
    let date: HTTPDate
    /// True once the server is stopping: answer the request in hand, then close.
    let stopping: @Sendable () -> Bool

    /// What waiting for bytes gave.
    private enum Received {
        case bytes, closed, timedOut
    }

    /// Serves requests until the client closes, a timeout or error ends the connection, or the server stops.
    func serve() {
        var buffer: [UInt8] = []
        buffer.reserveCapacity(4096)
        while !stopping() {
            // Between requests the idle timeout runs; once a request has begun, the request timeout.
            var deadline = Self.deadline(buffer.isEmpty ? limits.idleTimeout : limits.requestTimeout)
            var started = !buffer.isEmpty
            var parsed: (request: HTTPRequest, length: Int)?
            while parsed == nil {
                switch HTTPRequestParser.parse(buffer[...], limits: limits) {
                case .complete(let request, let length):
                    parsed = (request, length)
                case .refused(let status):
                    refuse(status)
                    return
                case .incomplete:
                    switch receive(into: &buffer, until: deadline) {
                    case .bytes:
                        if !started {
                            started = true
                            deadline = Self.deadline(limits.requestTimeout)
                        }
                    case .closed:
                        return
                    case .timedOut:
                        // A client that began a request and stalled is told so; an idle one is just closed.
                        if started { refuse(408) }
                        return
                    }
                }
            }
            guard let (request, headLength) = parsed else { return }
            guard request.contentLength <= limits.bodyBytes else {
                refuse(413)
                return
            }
            // The server takes no body, but reads one to keep the connection in step.
            while buffer.count < headLength + request.contentLength {
                switch receive(into: &buffer, until: deadline) {
                case .bytes: continue
                case .closed: return
                case .timedOut:
                    refuse(408)
                    return
                }
            }
            buffer.removeFirst(headLength + request.contentLength)
            let response = handler(request)
            let keepAlive = request.keepsAlive && !response.closesConnection && response.stream == nil && !stopping()
            guard write(response, keepAlive: keepAlive, withBody: request.method != "HEAD") else { return }
            if let stream = response.stream, request.method != "HEAD" {
                stream { bytes in bytes.withUnsafeBytes { SocketCalls.sendAll(fd, $0) } }
                return
            }
            if !keepAlive { return }
        }
    }

    /// Writes a response's head and (unless HEAD) body in one send.
    private func write(_ response: HTTPResponse, keepAlive: Bool, withBody: Bool) -> Bool {
        var bytes = response.head(keepAlive: keepAlive, date: date.now())
        if withBody && response.stream == nil && response.status != 304 { bytes += response.body }
        return bytes.withUnsafeBytes { SocketCalls.sendAll(fd, $0) }
    }

    /// Answers a request that cannot be served with its status, then closes gently: the client's unread
    /// bytes are drained for a moment, so closing does not reset the connection before it reads the answer.
    private func refuse(_ status: Int) {
        var response = HTTPResponse.text(status, HTTPResponse.reason(status))
        response.closesConnection = true
        _ = write(response, keepAlive: false, withBody: true)
        SocketCalls.shutdown(fd, both: false)
        var drained = 0
        var scratch = [UInt8](repeating: 0, count: 4096)
        let until = Self.deadline(0.5)
        while drained < 256 * 1024 {
            let left = Int64(until) - Int64(DispatchTime.now().uptimeNanoseconds)
            guard left > 0, SocketCalls.waitReadable(fd, milliseconds: Int32(left / 1_000_000)) else { return }
            let count = scratch.withUnsafeMutableBytes { SocketCalls.receive(fd, into: $0.baseAddress!, count: $0.count) }
            if count <= 0 { return }
            drained += count
        }
    }

    /// Waits for bytes until `deadline` and appends them.
    private func receive(into buffer: inout [UInt8], until deadline: UInt64) -> Received {
        let left = Int64(deadline) - Int64(DispatchTime.now().uptimeNanoseconds)
        guard left > 0 else { return .timedOut }
        guard SocketCalls.waitReadable(fd, milliseconds: Int32(min(left / 1_000_000 + 1, Int64(Int32.max)))) else { return .timedOut }
        let old = buffer.count
        buffer.append(contentsOf: repeatElement(0, count: 16 * 1024))
        let count = buffer.withUnsafeMutableBytes { SocketCalls.receive(fd, into: $0.baseAddress! + old, count: 16 * 1024) }
        buffer.removeLast(16 * 1024 - max(count, 0))
        if count < 0 && errno == EINTR { return .bytes }
        return count > 0 ? .bytes : .closed
    }

    /// The monotonic time `seconds` from now, in nanoseconds.
    private static func deadline(_ seconds: Double) -> UInt64 {
        DispatchTime.now().uptimeNanoseconds + UInt64(max(seconds, 0) * 1e9)
    }
}
