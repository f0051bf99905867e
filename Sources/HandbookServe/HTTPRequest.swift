import Foundation

/// A request's head as the client sent it: method, target, version and header fields.
public struct HTTPRequest: Sendable {
    /// The method, such as `GET`; case matters.
    public var method: String
    /// The request target as sent, such as `/organisations/?country=be`.
    public var target: String
    /// The minor version: 1 for HTTP/1.1, 0 for HTTP/1.0.
    public var minorVersion: Int
    /// The header fields in order, names lowercased.
    public var headers: [(name: String, value: String)]
    /// The body's length from `Content-Length` (0 without one).
    public var contentLength: Int

    /// The value of the first field with this (lowercase) name.
    public func header(_ name: String) -> String? {
        headers.first { $0.name == name }?.value
    }

    /// True when the client wants the connection kept after the response: HTTP/1.1 unless it says
    /// `close`, HTTP/1.0 only when it says `keep-alive`.
    public var keepsAlive: Bool {
        let tokens = (header("connection") ?? "").lowercased().split(separator: ",").map { $0.trimmingCharacters(in: .whitespaces) }
        return minorVersion >= 1 ? !tokens.contains("close") : tokens.contains("keep-alive")
    }
}
