#if canImport(Glibc)
import Glibc
#elseif canImport(Darwin)
import Darwin
#endif

/// A content file split into its YAML front matter and its Markdown body.
public struct FrontMatter: Sendable {
    /// The YAML between the `---` lines.
    public var yaml: [UInt8]
    /// The 1-based line on which the YAML starts.
    public var yamlLine: Int
    /// The Markdown after the closing `---` line.
    public var body: [UInt8]
    /// The 1-based line on which the body starts.
    public var bodyLine: Int

    /// Why a file could not be split.
    public enum Problem: Error, Hashable, Sendable {
        /// The file does not start with a `---` line.
        case missingOpening
        /// No `---` line closes the front matter.
        case missingClosing
    }

    /// Splits `bytes` (BOM already removed) at its `---` lines. Lines may end in CRLF. The body is what is left of
    /// `bytes` once the front matter is taken off its start, in the same storage when the caller gives it up: a
    /// tree's bodies are tens of megabytes, which a copy would make the build write and first touch again.
    public static func split(_ bytes: consuming [UInt8]) throws(Problem) -> FrontMatter {
        let firstEnd = lineEnd(bytes, from: 0) ?? bytes.count
        guard isDelimiter(bytes, 0, firstEnd) else { throw .missingOpening }
        guard firstEnd < bytes.count else { throw .missingClosing }
        var start = firstEnd + 1
        var line = 2
        while start <= bytes.count {
            let end = lineEnd(bytes, from: start) ?? bytes.count
            if isDelimiter(bytes, start, end) {
                let bodyStart = min(end + 1, bytes.count)
                let yaml = Array(bytes[(firstEnd + 1)..<start])
                var body = consume bytes
                body.removeSubrange(0..<bodyStart)
                return FrontMatter(yaml: yaml, yamlLine: 2, body: body, bodyLine: line + 1)
            }
            if end >= bytes.count { break }
            start = end + 1
            line += 1
        }
        throw .missingClosing
    }

    /// The offset of the line feed ending the line that starts at `from`, or nil at the last unterminated line.
    static func lineEnd(_ bytes: [UInt8], from: Int) -> Int? {
        guard from < bytes.count else { return nil }
        return bytes.withUnsafeBufferPointer { buffer in
            let base = UnsafeRawPointer(buffer.baseAddress!)
            return memchr(base + from, 0x0A, buffer.count - from).map { UnsafeRawPointer($0) - base }
        }
    }

    /// True when bytes[start..<end] is `---` with optional trailing blanks or CR.
    static func isDelimiter(_ bytes: [UInt8], _ start: Int, _ end: Int) -> Bool {
        guard end - start >= 3, bytes[start] == 0x2D, bytes[start + 1] == 0x2D, bytes[start + 2] == 0x2D else { return false }
        return bytes[(start + 3)..<end].allSatisfy { $0 == 0x20 || $0 == 0x09 || $0 == 0x0D }
    }
}
