#if canImport(Glibc)
import Glibc
#elseif canImport(Darwin)
import Darwin
#endif

/// A numeric IPv4 or IPv6 address and a TCP port to listen on.
public struct ListenAddress: Hashable, Sendable, CustomStringConvertible {
    /// The address as written, such as `127.0.0.1` or `::1`.
    public var host: String
    /// The port; 0 asks the system for a free one.
    public var port: UInt16

    /// The loopback addresses served by default: IPv4 and IPv6.
    public static let loopbackHosts = ["127.0.0.1", "::1"]

    /// An address from a numeric host (IPv4 or IPv6, brackets allowed around IPv6), or nil when it is not one.
    public init?(host: String, port: UInt16) {
        var written = host
        if written.hasPrefix("["), written.hasSuffix("]") { written = String(written.dropFirst().dropLast()) }
        var v4 = in_addr()
        var v6 = in6_addr()
        guard inet_pton(AF_INET, written, &v4) == 1 || inet_pton(AF_INET6, written, &v6) == 1 else { return nil }
        self.host = written
        self.port = port
    }

    /// True for an IPv6 address.
    public var isIPv6: Bool { host.contains(":") }

    /// True for an address only this machine can reach (127.0.0.0/8 and ::1).
    public var isLoopback: Bool {
        if isIPv6 {
            var v6 = in6_addr()
            inet_pton(AF_INET6, host, &v6)
            return withUnsafeBytes(of: &v6) { bytes in bytes.prefix(15).allSatisfy { $0 == 0 } && bytes[15] == 1 }
        }
        return host.hasPrefix("127.")
    }

    /// `127.0.0.1:8000` or `[::1]:8000`.
    public var description: String {
        isIPv6 ? "[\(host)]:\(port)" : "\(host):\(port)"
    }

    /// The address of the site served here: `http://127.0.0.1:8000/`.
    public var url: String {
        "http://\(description)/"
    }

    /// The address with another port.
    public func with(port: UInt16) -> ListenAddress {
        var copy = self
        copy.port = port
        return copy
    }
}
