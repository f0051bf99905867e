#if canImport(Glibc)
import Glibc
#elseif canImport(Darwin)
import Darwin
#endif

#if canImport(Glibc)
private let socketBind = Glibc.bind
#else
private let socketBind = Darwin.bind
#endif

/// A listening TCP socket on one address, non-blocking so the accept loop never waits in `accept`.
final class Listener: @unchecked Sendable {
    /// The socket.
    let fd: Int32
    /// The address with the port actually bound (the system's choice when 0 was asked for).
    let address: ListenAddress

    private init(fd: Int32, address: ListenAddress) {
        self.fd = fd
        self.address = address
    }

    /// Listens on every host at one port: the first host picks the port when `port` is 0, the others
    /// take the same. A host whose address family this machine lacks (no IPv6) is skipped when `optional`.
    static func open(hosts: [String], port: UInt16, optional: Set<String> = [], backlog: Int32 = 128) throws(ServeError) -> [Listener] {
        var listeners: [Listener] = []
        var chosen = port
        for host in hosts {
            guard let address = ListenAddress(host: host, port: chosen) else {
                throw ServeError(.addressUnavailable, address: ListenAddress(host: "127.0.0.1", port: chosen)!)
            }
            do {
                let listener = try open(address, backlog: backlog)
                chosen = listener.address.port
                listeners.append(listener)
            } catch where optional.contains(host) && error.reason == .addressUnavailable {
                continue
            } catch {
                for listener in listeners { listener.close() }
                throw error
            }
        }
        return listeners
    }

    /// Binds and listens on one address.
    static func open(_ address: ListenAddress, backlog: Int32) throws(ServeError) -> Listener {
        let family = address.isIPv6 ? AF_INET6 : AF_INET
        let fd = socket(family, SocketCalls.stream, 0)
        guard fd >= 0 else {
            throw ServeError(errno == EAFNOSUPPORT ? .addressUnavailable : .system(call: "socket", code: errno), address: address)
        }
        SocketCalls.setCloseOnExec(fd)
        // A restarted server may bind while old connections linger in TIME_WAIT; on Linux this does not let
        // two servers listen on one port.
        SocketCalls.setOption(fd, SOL_SOCKET, SO_REUSEADDR, 1)
        if address.isIPv6 { SocketCalls.setOption(fd, Int32(IPPROTO_IPV6), IPV6_V6ONLY, 1) }
        let bound: Int32
        if address.isIPv6 {
            var socketAddress = sockaddr_in6()
            socketAddress.sin6_family = sa_family_t(AF_INET6)
            socketAddress.sin6_port = address.port.bigEndian
            inet_pton(AF_INET6, address.host, &socketAddress.sin6_addr)
            bound = bind(fd, to: &socketAddress)
        } else {
            var socketAddress = sockaddr_in()
            socketAddress.sin_family = sa_family_t(AF_INET)
            socketAddress.sin_port = address.port.bigEndian
            inet_pton(AF_INET, address.host, &socketAddress.sin_addr)
            bound = bind(fd, to: &socketAddress)
        }
        guard bound == 0 else {
            let code = errno
            SocketCalls.close(fd)
            switch code {
            case EADDRINUSE: throw ServeError(.addressInUse, address: address)
            case EADDRNOTAVAIL, EAFNOSUPPORT: throw ServeError(.addressUnavailable, address: address)
            case EACCES: throw ServeError(.permissionDenied, address: address)
            default: throw ServeError(.system(call: "bind", code: code), address: address)
            }
        }
        guard listen(fd, backlog) == 0 else {
            let code = errno
            SocketCalls.close(fd)
            throw ServeError(code == EADDRINUSE ? .addressInUse : .system(call: "listen", code: code), address: address)
        }
        SocketCalls.setBlocking(fd, false)
        return Listener(fd: fd, address: address.with(port: boundPort(fd) ?? address.port))
    }

    /// The first port from `start` (up to 100 further) on which every host can listen, for the message
    /// that suggests one when the asked port is taken.
    static func nextFreePort(after start: UInt16, hosts: [String], optional: Set<String>) -> UInt16? {
        var port = Int(start) + 1
        while port <= min(Int(UInt16.max), Int(start) + 100) {
            if let listeners = try? open(hosts: hosts, port: UInt16(port), optional: optional) {
                for listener in listeners { listener.close() }
                return UInt16(port)
            }
            port += 1
        }
        return nil
    }

    /// Binds to a `sockaddr_in` or `sockaddr_in6`.
    private static func bind<Address>(_ fd: Int32, to address: inout Address) -> Int32 {
        withUnsafePointer(to: &address) { pointer in
            pointer.withMemoryRebound(to: sockaddr.self, capacity: 1) { socketBind(fd, $0, socklen_t(MemoryLayout<Address>.size)) }
        }
    }

    /// The port the socket is bound to.
    private static func boundPort(_ fd: Int32) -> UInt16? {
        var storage = sockaddr_storage()
        var length = socklen_t(MemoryLayout<sockaddr_storage>.size)
        let result = withUnsafeMutablePointer(to: &storage) { pointer in
            pointer.withMemoryRebound(to: sockaddr.self, capacity: 1) { getsockname(fd, $0, &length) }
        }
        guard result == 0 else { return nil }
        let family = Int32(storage.ss_family)
        return withUnsafePointer(to: &storage) { pointer -> UInt16 in
            if family == AF_INET6 {
                return pointer.withMemoryRebound(to: sockaddr_in6.self, capacity: 1) { UInt16(bigEndian: $0.pointee.sin6_port) }
            }
            return pointer.withMemoryRebound(to: sockaddr_in.self, capacity: 1) { UInt16(bigEndian: $0.pointee.sin_port) }
        }
    }

    /// Stops listening.
    func close() {
        SocketCalls.close(fd)
    }
}
