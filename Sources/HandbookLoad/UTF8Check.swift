/// Finds the first byte that breaks UTF-8, without building a String (content files are validated before parsing).
public enum UTF8Check {
    /// Makes file bytes ready to parse as text: drops a byte-order mark and checks the rest is UTF-8.
    /// Returns nil when it is, else the first invalid byte, its offset, line and column.
    public static func text(_ bytes: inout [UInt8]) -> (byte: UInt8, line: Int, column: Int)? {
        if bytes.starts(with: [0xEF, 0xBB, 0xBF]) { bytes.removeFirst(3) }
        guard let offset = firstInvalidOffset(bytes) else { return nil }
        let (line, column) = position(of: offset, in: bytes)
        return (bytes[offset], line, column)
    }

    /// The offset of the first invalid byte, or nil when the bytes are well-formed UTF-8.
    public static func firstInvalidOffset(_ bytes: [UInt8]) -> Int? {
        bytes.withUnsafeBufferPointer { firstInvalidOffset(in: $0) }
    }

    private static func firstInvalidOffset(in bytes: UnsafeBufferPointer<UInt8>) -> Int? {
        let raw = UnsafeRawBufferPointer(bytes)
        var i = 0
        let n = bytes.count
        while i < n {
            // Thirty-two bytes at a time, then eight, while they are all ASCII (most of every file).
            while n - i >= 32 {
                let words = raw.loadUnaligned(fromByteOffset: i, as: UInt64.self) | raw.loadUnaligned(fromByteOffset: i + 8, as: UInt64.self)
                    | raw.loadUnaligned(fromByteOffset: i + 16, as: UInt64.self) | raw.loadUnaligned(fromByteOffset: i + 24, as: UInt64.self)
                if words & 0x8080_8080_8080_8080 != 0 { break }
                i += 32
            }
            if i == n { break }
            if n - i >= 8 && raw.loadUnaligned(fromByteOffset: i, as: UInt64.self) & 0x8080_8080_8080_8080 == 0 {
                i += 8
                continue
            }
            let c = bytes[i]
            if c < 0x80 { i += 1; continue }
            let length: Int
            var minimum: UInt32
            var scalar: UInt32
            switch c {
            case 0xC2...0xDF: length = 2; scalar = UInt32(c & 0x1F); minimum = 0x80
            case 0xE0...0xEF: length = 3; scalar = UInt32(c & 0x0F); minimum = 0x800
            case 0xF0...0xF4: length = 4; scalar = UInt32(c & 0x07); minimum = 0x10000
            default: return i
            }
            guard i + length <= n else { return i }
            for k in 1..<length {
                let next = bytes[i + k]
                guard next & 0xC0 == 0x80 else { return i }
                scalar = scalar << 6 | UInt32(next & 0x3F)
            }
            if scalar < minimum || scalar > 0x10FFFF || (0xD800...0xDFFF).contains(scalar) { return i }
            i += length
        }
        return nil
    }

    /// The 1-based line and column (in Unicode scalars) of a byte offset.
    public static func position(of offset: Int, in bytes: [UInt8]) -> (line: Int, column: Int) {
        var line = 1
        var column = 1
        var k = 0
        while k < offset && k < bytes.count {
            if bytes[k] == 0x0A {
                line += 1
                column = 1
            } else if bytes[k] & 0xC0 != 0x80 {
                column += 1
            }
            k += 1
        }
        return (line, column)
    }
}
