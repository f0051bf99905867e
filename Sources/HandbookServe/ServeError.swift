/// Why the server could not start listening: a failure of the tool, not of the content.
public struct ServeError: Error, Hashable, Sendable, CustomStringConvertible {
    /// What went wrong.
    public enum Reason: Hashable, Sendable {
        /// Another program listens on the port.
        case addressInUse
        /// The address is not one of this machine's.
        case addressUnavailable
        /// The port needs privileges the tool does not have (ports below 1024).
        case permissionDenied
        /// Any other failure of a socket call, with its errno.
        case system(call: String, code: Int32)
    }

    /// What went wrong.
    public var reason: Reason
    /// The address it happened on.
    public var address: ListenAddress

    /// Creates an error.
    public init(_ reason: Reason, address: ListenAddress) {
        self.reason = reason
        self.address = address
    }

    /// The message shown to the user.
    public var description: String {
        switch reason {
        case .addressInUse:
            return "port \(address.port) on \(address.host) is in use (another program is listening there)"
        case .addressUnavailable:
            return "cannot listen on \(address.host): it is not an address of this machine"
        case .permissionDenied:
            return "not allowed to listen on port \(address.port) (ports below 1024 need privileges); choose a port from 1024"
        case .system(let call, let code):
            return "cannot listen on \(address): \(call) failed (\(SocketCalls.describe(code)))"
        }
    }
}
