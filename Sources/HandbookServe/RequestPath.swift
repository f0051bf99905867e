import HandbookLoad

/// A request target read as a path of the site: decoded once, checked, and refused when it could name
/// anything but a file of the site. The site lives in memory, so a path outside it cannot be opened
/// anyway; it is still refused explicitly, so no normalisation of a later change can ever lead out.
public struct RequestPath: Equatable, Sendable {
    /// The decoded path without its leading `/`, such as `organisations/g1000/` (empty for the root).
    public var key: String
    /// The path as the client wrote it (still percent-encoded), for redirects.
    public var raw: String
    /// The query with its `?`, or empty.
    public var query: String

    /// True when the path names a folder (ends in `/`, or is the root).
    public var isFolder: Bool { key.isEmpty || key.hasSuffix("/") }

    /// Why a target was refused.
    public enum Refusal: Error, Equatable, Sendable {
        /// Not `/…` (nor `http://host/…`).
        case notAPath
        /// A `%` not followed by two hex digits.
        case badEscape
        /// A NUL, another control character or a backslash.
        case forbiddenByte
        /// Bytes that are not well-formed UTF-8 once decoded (overlong forms such as `%c0%ae` included).
        case invalidUTF8
        /// A `.` or `..` segment, or an empty one (`//`), which could step out of or around the site.
        case dotSegment
    }

    /// Reads a request target (origin form `/path?query`, or absolute form `http://host/path`).
    public static func parse(_ target: String) -> Result<RequestPath, Refusal> {
        var bytes = Array(target.utf8)
        if let schemeEnd = absoluteFormPrefix(bytes) {
            bytes = Array(bytes[schemeEnd...])
            if bytes.isEmpty { bytes = [UInt8(ascii: "/")] }
        }
        guard bytes.first == UInt8(ascii: "/") else { return .failure(.notAPath) }
        var path = bytes[...]
        var query: ArraySlice<UInt8> = []
        if let mark = bytes.firstIndex(where: { $0 == UInt8(ascii: "?") || $0 == UInt8(ascii: "#") }) {
            path = bytes[..<mark]
            if bytes[mark] == UInt8(ascii: "?") {
                let end = bytes[mark...].firstIndex(of: UInt8(ascii: "#")) ?? bytes.endIndex
                query = bytes[mark..<end]
            }
        }
        let decoded: [UInt8]
        switch percentDecoded(path) {
        case .success(let bytes): decoded = bytes
        case .failure(let refusal): return .failure(refusal)
        }
        if decoded.contains(where: { $0 < 0x20 || $0 == 0x7F || $0 == UInt8(ascii: "\\") }) { return .failure(.forbiddenByte) }
        if UTF8Check.firstInvalidOffset(decoded) != nil { return .failure(.invalidUTF8) }
        let segments = decoded.dropFirst().split(separator: UInt8(ascii: "/"), omittingEmptySubsequences: false)
        for (index, segment) in segments.enumerated() {
            let last = index == segments.count - 1
            if segment.isEmpty && !last { return .failure(.dotSegment) }
            if segment.elementsEqual(".".utf8) || segment.elementsEqual("..".utf8) { return .failure(.dotSegment) }
        }
        return .success(RequestPath(key: String(decoding: decoded.dropFirst(), as: UTF8.self),
                                    raw: String(decoding: path, as: UTF8.self), query: String(decoding: query, as: UTF8.self)))
    }

    /// The authority (`host:port`) of an absolute-form target, or nil for any other form: a server takes the host from
    /// it rather than from the `Host` field (RFC 9112, 3.2.2).
    public static func authority(of target: String) -> String? {
        let bytes = Array(target.utf8)
        guard let end = absoluteFormPrefix(bytes) else { return nil }
        let start = bytes.firstIndex(of: UInt8(ascii: "/")).map { $0 + 2 } ?? 0
        return String(decoding: bytes[start..<end], as: UTF8.self)
    }

    /// Where the path starts in an absolute-form target (`http://host/path`), or nil for any other form.
    private static func absoluteFormPrefix(_ bytes: [UInt8]) -> Int? {
        for scheme in ["http://", "https://"] {
            let prefix = Array(scheme.utf8)
            guard bytes.count >= prefix.count, zip(bytes, prefix).allSatisfy({ $0 | 0x20 == $1 | 0x20 }) else { continue }
            return bytes[prefix.count...].firstIndex(of: UInt8(ascii: "/")) ?? bytes.endIndex
        }
        return nil
    }

    /// `%XX` decoded, once.
    private static func percentDecoded(_ bytes: ArraySlice<UInt8>) -> Result<[UInt8], Refusal> {
        var out: [UInt8] = []
        out.reserveCapacity(bytes.count)
        var index = bytes.startIndex
        while index < bytes.endIndex {
            let byte = bytes[index]
            guard byte == UInt8(ascii: "%") else {
                out.append(byte)
                index += 1
                continue
            }
            guard index + 2 < bytes.endIndex, let high = hexValue(bytes[index + 1]), let low = hexValue(bytes[index + 2]) else { return .failure(.badEscape) }
            out.append(high << 4 | low)
            index += 3
        }
        return .success(out)
    }

    private static func hexValue(_ byte: UInt8) -> UInt8? {
        switch byte {
        case UInt8(ascii: "0")...UInt8(ascii: "9"): return byte - UInt8(ascii: "0")
        case UInt8(ascii: "a")...UInt8(ascii: "f"): return byte - UInt8(ascii: "a") + 10
        case UInt8(ascii: "A")...UInt8(ascii: "F"): return byte - UInt8(ascii: "A") + 10
        default: return nil
        }
    }
}
