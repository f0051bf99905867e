/// Writes values one after another into bytes for a file the tool keeps between runs (`ByteRecordReader` reads
/// them back): numbers as LEB128 (signed ones zigzagged, so small negatives stay short), texts and byte runs
/// with their length first.
public struct ByteRecordWriter {
    @usableFromInline var storage: [UInt8] = []
    /// What has been written.
    public var bytes: [UInt8] { storage }

    /// An empty writer with room for `capacity` bytes.
    @inlinable public init(capacity: Int = 0) {
        storage.reserveCapacity(capacity)
    }

    /// Writes an unsigned number in one to ten bytes.
    @inlinable public mutating func unsigned(_ value: UInt64) {
        var value = value
        while value >= 0x80 {
            storage.append(UInt8(truncatingIfNeeded: value) | 0x80)
            value >>= 7
        }
        storage.append(UInt8(value))
    }

    /// Writes a signed number (zigzag: 0, -1, 1, -2, … become 0, 1, 2, 3, …).
    @inlinable public mutating func number(_ value: Int) {
        let wide = Int64(value)
        unsigned(UInt64(bitPattern: (wide << 1) ^ (wide >> 63)))
    }

    /// Writes an optional signed number: 0 for none, else the number's zigzag code plus one.
    @inlinable public mutating func optionalNumber(_ value: Int?) {
        guard let value else { return unsigned(0) }
        let wide = Int64(value)
        unsigned(UInt64(bitPattern: (wide << 1) ^ (wide >> 63)) &+ 1)
    }

    /// Writes a byte run: its length, then its bytes.
    @inlinable public mutating func run(_ run: some Collection<UInt8>) {
        unsigned(UInt64(run.count))
        storage.append(contentsOf: run)
    }

    /// Writes a text's UTF-8 bytes as a run.
    @inlinable public mutating func text(_ text: String) {
        text.withContiguousUTF8 { run($0) }
    }

    /// Writes a digest's two lanes, eight bytes each.
    @inlinable public mutating func digest(_ digest: ByteDigest) {
        fixed(digest.high)
        fixed(digest.low)
    }

    /// Writes eight bytes, least significant first.
    @inlinable public mutating func fixed(_ value: UInt64) {
        for shift in stride(from: 0, to: 64, by: 8) { storage.append(UInt8(truncatingIfNeeded: value >> UInt64(shift))) }
    }
}
