import Foundation
import HandbookBuild
import HandbookModel
import HandbookServe
import HandbookTestSupport
#if canImport(Glibc)
import Glibc
#elseif canImport(Darwin)
import Darwin
#endif

/// A response as a test reads it off the socket.
struct Reply {
    var status: Int
    var headers: [String: String]
    var body: [UInt8]

    var text: String { String(decoding: body, as: UTF8.self) }

    func header(_ name: String) -> String? { headers[name.lowercased()] }
}

/// A raw TCP client on the loopback, so tests send exactly the bytes they mean (no client library
/// normalises a path or adds a header).
final class TestClient {
    let fd: Int32
    private var buffer: [UInt8] = []

    /// Connects to `port` on `host` (127.0.0.1 by default), or on ::1.
    init(port: UInt16, ipv6: Bool = false, host: String = "127.0.0.1") throws {
        fd = socket(ipv6 ? AF_INET6 : AF_INET, Self.stream, 0)
        var timeout = timeval()
        timeout.tv_sec = 10
        setsockopt(fd, SOL_SOCKET, SO_RCVTIMEO, &timeout, socklen_t(MemoryLayout<timeval>.size))
        let connected: Int32
        if ipv6 {
            var address = sockaddr_in6()
            address.sin6_family = sa_family_t(AF_INET6)
            address.sin6_port = port.bigEndian
            inet_pton(AF_INET6, "::1", &address.sin6_addr)
            connected = withUnsafePointer(to: &address) { $0.withMemoryRebound(to: sockaddr.self, capacity: 1) { connect(fd, $0, socklen_t(MemoryLayout<sockaddr_in6>.size)) } }
        } else {
            var address = sockaddr_in()
            address.sin_family = sa_family_t(AF_INET)
            address.sin_port = port.bigEndian
            inet_pton(AF_INET, host, &address.sin_addr)
            connected = withUnsafePointer(to: &address) { $0.withMemoryRebound(to: sockaddr.self, capacity: 1) { connect(fd, $0, socklen_t(MemoryLayout<sockaddr_in>.size)) } }
        }
        guard connected == 0 else {
            close(fd)
            throw ClientError(message: "connect failed: \(String(cString: strerror(errno)))")
        }
    }

    deinit { close(fd) }

    #if canImport(Glibc)
    static let stream = Int32(SOCK_STREAM.rawValue)
    #else
    static let stream = SOCK_STREAM
    #endif

    struct ClientError: Error, CustomStringConvertible {
        var message: String
        var description: String { message }
    }

    /// Sends bytes as they are.
    func send(_ text: String) {
        send(Array(text.utf8))
    }

    func send(_ bytes: [UInt8]) {
        var sent = 0
        while sent < bytes.count {
            let count = bytes.withUnsafeBytes { Foundation.send(fd, $0.baseAddress! + sent, bytes.count - sent, 0) }
            if count <= 0 { return }
            sent += count
        }
    }

    /// Sends a GET (or another method) for `target` with a loopback Host.
    func request(_ method: String = "GET", _ target: String, headers: [String] = []) {
        send("\(method) \(target) HTTP/1.1\r\nHost: 127.0.0.1\r\n" + headers.map { $0 + "\r\n" }.joined() + "\r\n")
    }

    /// Reads one response; `head` for a response to HEAD (no body whatever the length says).
    func reply(head: Bool = false) throws -> Reply {
        var headEnd: Int?
        while headEnd == nil {
            if let found = find([13, 10, 13, 10]) {
                headEnd = found
            } else if try !fill() {
                throw ClientError(message: "closed before a whole head: \(String(decoding: buffer, as: UTF8.self))")
            }
        }
        let headText = String(decoding: buffer[..<headEnd!], as: UTF8.self)
        buffer.removeFirst(headEnd! + 4)
        var lines = headText.components(separatedBy: "\r\n")
        let statusLine = lines.removeFirst().split(separator: " ")
        var headers: [String: String] = [:]
        for line in lines {
            guard let colon = line.firstIndex(of: ":") else { continue }
            headers[line[..<colon].lowercased()] = line[line.index(after: colon)...].trimmingCharacters(in: .whitespaces)
        }
        let status = Int(statusLine[1]) ?? 0
        var body: [UInt8] = []
        if let length = headers["content-length"].flatMap(Int.init), !head, status != 304 {
            while buffer.count < length {
                guard try fill() else { throw ClientError(message: "closed in the body") }
            }
            body = Array(buffer[..<length])
            buffer.removeFirst(length)
        } else if headers["content-length"] == nil && !head && status != 304 {
            while try fill() {}
            body = buffer
            buffer = []
        }
        return Reply(status: status, headers: headers, body: body)
    }

    /// Reads until the server closes; true when it did within the client's timeout (10 s).
    func closedByServer() -> Bool {
        while true {
            guard let more = try? fill() else { return false }
            if !more { return true }
        }
    }

    /// Reads bytes as they come until `marker` has arrived; false when the connection ends first.
    func waitFor(_ marker: String) -> Bool {
        while find(Array(marker.utf8)) == nil {
            guard let more = try? fill(), more else { return false }
        }
        return true
    }

    /// Everything received and not yet read as a reply.
    var received: String { String(decoding: buffer, as: UTF8.self) }

    /// Reads more bytes: false at the end of the stream; throws on a timeout.
    private func fill() throws -> Bool {
        var chunk = [UInt8](repeating: 0, count: 65536)
        let count = chunk.withUnsafeMutableBytes { recv(fd, $0.baseAddress!, $0.count, 0) }
        if count < 0 {
            if errno == EAGAIN || errno == EWOULDBLOCK { throw ClientError(message: "timed out") }
            return false
        }
        if count == 0 { return false }
        buffer += chunk[..<count]
        return true
    }

    private func find(_ pattern: [UInt8]) -> Int? {
        guard buffer.count >= pattern.count else { return nil }
        for index in 0...(buffer.count - pattern.count) where buffer[index] == pattern[0] {
            if Array(buffer[index..<(index + pattern.count)]) == pattern { return index }
        }
        return nil
    }
}
