import Foundation

/// A response: status, header fields and a body, or a stream that writes events until the client leaves
/// (the live-reload endpoint).
public struct HTTPResponse: Sendable {
    /// The status code.
    public var status: Int
    /// Header fields besides `Content-Length`, `Connection` and `Date`, which the server adds.
    public var headers: [(name: String, value: String)]
    /// The body (sent for GET, not for HEAD).
    public var body: [UInt8]
    /// When set, the body is this stream instead: it is handed a function that sends bytes (false once the
    /// client is gone) and returns when the stream ends; the connection closes after it.
    public var stream: (@Sendable (_ send: ([UInt8]) -> Bool) -> Void)?
    /// True to close the connection after this response, whatever the client asked.
    public var closesConnection = false

    /// Creates a response.
    public init(status: Int, headers: [(name: String, value: String)] = [], body: [UInt8] = []) {
        self.status = status
        self.headers = headers
        self.body = body
    }

    /// A short plain-text response, for errors.
    public static func text(_ status: Int, _ message: String, headers: [(name: String, value: String)] = []) -> HTTPResponse {
        HTTPResponse(status: status, headers: [("Content-Type", "text/plain; charset=utf-8")] + headers, body: Array((message + "\n").utf8))
    }

    /// The value of the first field with this name (any case).
    public func header(_ name: String) -> String? {
        headers.first { $0.name.caseInsensitiveCompare(name) == .orderedSame }?.value
    }

    /// The status line, the fields and the blank line; `Content-Length` is the body's unless the response
    /// is a stream or a 304 (whose length would be the representation's).
    func head(keepAlive: Bool, date: String) -> [UInt8] {
        var head: [UInt8] = []
        head.reserveCapacity(256)
        head += Array("HTTP/1.1 \(status) \(Self.reason(status))\r\n".utf8)
        for (name, value) in headers { head += Array("\(name): \(value)\r\n".utf8) }
        if stream == nil && status != 304 && status != 204 { head += Array("Content-Length: \(body.count)\r\n".utf8) }
        head += Array("Date: \(date)\r\nConnection: \(keepAlive ? "keep-alive" : "close")\r\n\r\n".utf8)
        return head
    }

    /// The reason phrase of a status the server sends.
    static func reason(_ status: Int) -> String {
        switch status {
        case 200: return "OK"
        case 204: return "No Content"
        case 301: return "Moved Permanently"
        case 304: return "Not Modified"
        case 400: return "Bad Request"
        case 403: return "Forbidden"
        case 404: return "Not Found"
        case 405: return "Method Not Allowed"
        case 408: return "Request Timeout"
        case 413: return "Content Too Large"
        case 414: return "URI Too Long"
        case 431: return "Request Header Fields Too Large"
        case 500: return "Internal Server Error"
        case 501: return "Not Implemented"
        case 503: return "Service Unavailable"
        case 505: return "HTTP Version Not Supported"
        default: return "Status \(status)"
        }
    }
}
