/// Reads a request's head from bytes received so far, within `HTTPLimits`: the request line, at most so
/// many header fields of at most so many bytes. Lines end in CRLF (a bare LF is accepted, as RFC 9112
/// allows). Works on bytes; no String is made until a field is known to be within bounds.
enum HTTPRequestParser {
    /// What the bytes so far hold.
    enum Outcome {
        /// Not a whole head yet, and nothing over a limit.
        case incomplete
        /// A head that cannot be served: answer with this status and close.
        case refused(Int)
        /// A whole head, `length` bytes long.
        case complete(HTTPRequest, length: Int)
    }

    private static let lf = UInt8(ascii: "\n")
    private static let cr = UInt8(ascii: "\r")

    /// Parses the head at the start of `bytes`.
    static func parse(_ bytes: ArraySlice<UInt8>, limits: HTTPLimits) -> Outcome {
        var start = bytes.startIndex
        // A client may send blank lines between requests (RFC 9112 §2.2): skip a few.
        var skipped = 0
        while start < bytes.endIndex, bytes[start] == cr || bytes[start] == lf, skipped < 8 {
            start += 1
            skipped += 1
        }
        guard let lineEnd = bytes[start...].firstIndex(of: lf) else {
            return bytes.endIndex - start > limits.requestLine ? .refused(414) : .incomplete
        }
        let line = trimmedCR(bytes[start..<lineEnd])
        guard line.count <= limits.requestLine else { return .refused(414) }
        let requestLine: (method: String, target: String, minor: Int)
        switch readRequestLine(line) {
        case .success(let read): requestLine = read
        case .failure(let status): return .refused(status.code)
        }
        var headers: [(name: String, value: String)] = []
        var position = lineEnd + 1
        let headersStart = position
        while true {
            guard let end = bytes[position...].firstIndex(of: lf) else {
                return bytes.endIndex - headersStart > limits.headerBytes ? .refused(431) : .incomplete
            }
            if end + 1 - headersStart > limits.headerBytes + 2 { return .refused(431) }
            let field = trimmedCR(bytes[position..<end])
            position = end + 1
            if field.isEmpty { break }
            guard headers.count < limits.headerCount else { return .refused(431) }
            guard let header = readField(field) else { return .refused(400) }
            headers.append(header)
        }
        var request = HTTPRequest(method: requestLine.method, target: requestLine.target, minorVersion: requestLine.minor,
                                  headers: headers, contentLength: 0)
        // Bodies come only with a length: a chunked body (or any transfer coding) is not something this server takes.
        if request.header("transfer-encoding") != nil { return .refused(501) }
        let lengths = Set(headers.filter { $0.name == "content-length" }.map(\.value))
        if lengths.count > 1 { return .refused(400) }
        if let text = lengths.first {
            guard !text.isEmpty, text.utf8.allSatisfy({ $0 >= 0x30 && $0 <= 0x39 }) else { return .refused(400) }
            guard text.count <= 18, let length = Int(text) else { return .refused(413) }
            request.contentLength = length
        }
        // HTTP/1.1 requires exactly one Host (RFC 9112 §3.2).
        if request.minorVersion >= 1 && headers.filter({ $0.name == "host" }).count != 1 { return .refused(400) }
        return .complete(request, length: position - bytes.startIndex)
    }

    /// The line without a final CR.
    private static func trimmedCR(_ line: ArraySlice<UInt8>) -> ArraySlice<UInt8> {
        line.last == cr ? line.dropLast() : line
    }

    /// A status carried as an error.
    struct Status: Error { var code: Int }

    /// `METHOD SP target SP HTTP/1.x`.
    private static func readRequestLine(_ line: ArraySlice<UInt8>) -> Result<(method: String, target: String, minor: Int), Status> {
        let parts = line.split(separator: UInt8(ascii: " "), omittingEmptySubsequences: false)
        guard parts.count == 3, !parts[0].isEmpty, !parts[1].isEmpty, parts[0].allSatisfy(isTokenByte) else { return .failure(Status(code: 400)) }
        // The target holds no controls, spaces or non-ASCII bytes: clients percent-encode them.
        guard parts[1].allSatisfy({ $0 > 0x20 && $0 < 0x7F }) else { return .failure(Status(code: 400)) }
        let version = Array(parts[2])
        let prefix = Array("HTTP/".utf8)
        guard version.count == 8, version.starts(with: prefix), version[6] == UInt8(ascii: "."),
              (0x30...0x39).contains(version[5]), (0x30...0x39).contains(version[7]) else { return .failure(Status(code: 400)) }
        guard version[5] == UInt8(ascii: "1") else { return .failure(Status(code: 505)) }
        return .success((String(decoding: parts[0], as: UTF8.self), String(decoding: parts[1], as: UTF8.self), Int(version[7] - 0x30)))
    }

    /// `name: value`, the name a token (no space before the colon), the value without surrounding blanks.
    private static func readField(_ line: ArraySlice<UInt8>) -> (name: String, value: String)? {
        guard let colon = line.firstIndex(of: UInt8(ascii: ":")), colon > line.startIndex else { return nil }
        let name = line[..<colon]
        guard name.allSatisfy(isTokenByte) else { return nil }
        var value = line[(colon + 1)...]
        while let first = value.first, first == 0x20 || first == 0x09 { value = value.dropFirst() }
        while let last = value.last, last == 0x20 || last == 0x09 { value = value.dropLast() }
        // A field value holds no NUL or other controls but tab (RFC 9110 §5.5).
        guard value.allSatisfy({ $0 >= 0x20 && $0 != 0x7F || $0 == 0x09 }) else { return nil }
        return (String(decoding: name, as: UTF8.self).lowercased(), String(decoding: value, as: UTF8.self))
    }

    /// A byte of a token (RFC 9110 §5.6.2): letters, digits and ``!#$%&'*+-.^_`|~``.
    private static func isTokenByte(_ byte: UInt8) -> Bool {
        switch byte {
        case UInt8(ascii: "a")...UInt8(ascii: "z"), UInt8(ascii: "A")...UInt8(ascii: "Z"), UInt8(ascii: "0")...UInt8(ascii: "9"):
            return true
        default:
            return Array("!#$%&'*+-.^_`|~".utf8).contains(byte)
        }
    }
}
