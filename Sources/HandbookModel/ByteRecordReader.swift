/// Reads back, in order, the values a `ByteRecordWriter` wrote. Every read checks that what it needs is there and
/// makes sense, and returns nil otherwise: a damaged or foreign file is refused, never trusted or trapped on.
public struct ByteRecordReader {
    @usableFromInline let bytes: [UInt8]
    /// Where the next read starts.
    @usableFromInline var position: Int
    /// Where the next read starts, in the bytes given.
    public var offset: Int { position }
    /// Where reading must stop.
    public let end: Int

    /// A reader of `bytes[range]`.
    @inlinable public init(_ bytes: [UInt8], range: Range<Int>? = nil) {
        self.bytes = bytes
        let range = range ?? bytes.indices
        position = max(0, range.lowerBound)
        end = min(bytes.count, range.upperBound)
    }

    /// True once every byte has been read.
    @inlinable public var isAtEnd: Bool { position >= end }

    /// Reads an unsigned number; nil when it runs past the end or over 64 bits.
    @inlinable public mutating func unsigned() -> UInt64? {
        var value: UInt64 = 0
        var shift: UInt64 = 0
        while position < end {
            let byte = bytes[position]
            position += 1
            guard shift < 64, shift < 63 || byte <= 1 else { return nil }
            value |= UInt64(byte & 0x7F) << shift
            if byte < 0x80 { return value }
            shift += 7
        }
        return nil
    }

    /// Reads a signed number written by `number(_:)`; nil when it does not fit an `Int`.
    @inlinable public mutating func number() -> Int? {
        guard let code = unsigned() else { return nil }
        return Int(exactly: Int64(bitPattern: (code >> 1) ^ (0 &- (code & 1))))
    }

    /// Reads a number written by `optionalNumber(_:)`: `.some(nil)` for none, nil when damaged.
    @inlinable public mutating func optionalNumber() -> Int?? {
        guard let code = unsigned() else { return nil }
        guard code > 0 else { return .some(nil) }
        let zigzag = code - 1
        guard let value = Int(exactly: Int64(bitPattern: (zigzag >> 1) ^ (0 &- (zigzag & 1)))) else { return nil }
        return .some(value)
    }

    /// Reads a number that must lie in `range`.
    @inlinable public mutating func number(in range: ClosedRange<Int>) -> Int? {
        guard let value = number(), range.contains(value) else { return nil }
        return value
    }

    /// Reads a byte run's bounds in the underlying bytes, without copying them.
    @inlinable public mutating func runRange() -> Range<Int>? {
        guard let count = unsigned(), count <= UInt64(end - position) else { return nil }
        let range = position..<(position + Int(count))
        position = range.upperBound
        return range
    }

    /// Reads a byte run.
    @inlinable public mutating func run() -> [UInt8]? {
        guard let range = runRange() else { return nil }
        return Array(bytes[range])
    }

    /// Reads a text. Bytes that are not UTF-8 are repaired as `String(decoding:as:)` does (a file whose digest
    /// matches holds only what was written: texts); the generic validating initialiser is several times slower.
    @inlinable public mutating func text() -> String? {
        guard let range = runRange() else { return nil }
        return bytes.withUnsafeBufferPointer { buffer in
            String(decoding: UnsafeBufferPointer(rebasing: buffer[range]), as: UTF8.self)
        }
    }

    /// Reads eight bytes, least significant first.
    @inlinable public mutating func fixed() -> UInt64? {
        guard end - position >= 8 else { return nil }
        var value: UInt64 = 0
        for index in 0..<8 { value |= UInt64(bytes[position + index]) << UInt64(8 * index) }
        position += 8
        return value
    }

    /// Reads a digest's two lanes.
    @inlinable public mutating func digest() -> ByteDigest? {
        guard let high = fixed(), let low = fixed() else { return nil }
        return ByteDigest(high: high, low: low)
    }
}
