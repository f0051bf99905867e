/// Bytes written by appending, into one growing allocation of its own.
///
/// A page is written as thousands of short pieces (template text, escaped values, markup), millions a build.
/// Appending a piece to an array goes through the generic sequence machinery (its count, a uniqueness check,
/// an element-wise copy), about twice what a capacity check and a copy cost here. Not copyable, so the
/// buffer has one owner and needs neither reference counting nor exclusivity checks; `array()` hands the
/// bytes on.
///
/// The appends that take a string or an array are marked `@_effects(releasenone)`: they release no object
/// the caller holds (the buffer's memory is allocated and freed without reference counts, and they only read
/// what they are given). Told so, the compiler no longer retains a value read from an array or an enum
/// before handing it over and releases it after, which the template engine did for every interpolation
/// (a million pairs a build). Code added to them must keep to that: no storing, replacing or dropping of a
/// reference the caller may hold.
public struct ByteBuffer: ~Copyable {
    @usableFromInline var base: UnsafeMutablePointer<UInt8>
    @usableFromInline var written: Int
    @usableFromInline var capacity: Int

    /// How many bytes have been written.
    public var count: Int { written }

    /// An empty buffer with room for `capacity` bytes before it grows.
    public init(capacity: Int = 256) {
        self.capacity = Swift.max(16, capacity)
        base = .allocate(capacity: self.capacity)
        written = 0
    }

    deinit {
        base.deallocate()
    }

    /// Appends bytes.
    @inlinable
    @_effects(releasenone)
    public mutating func append(_ bytes: UnsafeBufferPointer<UInt8>) {
        let length = bytes.count
        guard length > 0, let source = bytes.baseAddress else { return }
        if capacity - written < length { grow(toHold: length) }
        let target = base + written
        // Most pieces are a few bytes: copied as two overlapping words rather than through a call to memmove.
        if length <= 16 {
            let from = UnsafeRawPointer(source), to = UnsafeMutableRawPointer(target)
            if length >= 8 {
                let first = from.loadUnaligned(as: UInt64.self), last = from.loadUnaligned(fromByteOffset: length - 8, as: UInt64.self)
                to.storeBytes(of: first, as: UInt64.self)
                to.storeBytes(of: last, toByteOffset: length - 8, as: UInt64.self)
            } else if length >= 4 {
                let first = from.loadUnaligned(as: UInt32.self), last = from.loadUnaligned(fromByteOffset: length - 4, as: UInt32.self)
                to.storeBytes(of: first, as: UInt32.self)
                to.storeBytes(of: last, toByteOffset: length - 4, as: UInt32.self)
            } else {
                target[0] = source[0]
                target[length / 2] = source[length / 2]
                target[length - 1] = source[length - 1]
            }
        } else {
            target.update(from: source, count: length)
        }
        written += length
    }

    /// Appends a copy of bytes already written, at `range`.
    public mutating func appendWritten(_ range: Range<Int>) {
        precondition(range.lowerBound >= 0 && range.upperBound <= written, "a range outside the written bytes")
        let length = range.count
        if capacity - written < length { grow(toHold: length) }
        // After growing: the range is read from where the bytes are now.
        (base + written).update(from: base + range.lowerBound, count: length)
        written += length
    }

    /// Appends one byte.
    @inlinable
    public mutating func append(_ byte: UInt8) {
        if written == capacity { grow(toHold: 1) }
        base[written] = byte
        written += 1
    }

    /// Appends an array's bytes.
    @inlinable
    @_effects(releasenone)
    public mutating func append(_ bytes: [UInt8]) {
        bytes.withUnsafeBufferPointer { append($0) }
    }

    /// Appends text written in the code, from the program's constants.
    @inlinable
    public mutating func append(_ text: StaticString) {
        append(UnsafeBufferPointer(start: text.utf8Start, count: text.utf8CodeUnitCount))
    }

    /// Appends text's UTF-8 bytes.
    @inlinable
    @_effects(releasenone)
    public mutating func append(_ text: String) {
        // Through the text's contiguous bytes: appending its UTF-8 view would go a byte at a time.
        text.withUTF8Bytes { append($0) }
    }

    /// Appends a non-negative integer in decimal.
    public mutating func append(decimal value: Int) {
        if capacity - written < 19 { grow(toHold: 19) }
        written += Self.write(decimal: value, at: base + written)
    }

    /// Gives `body` room for `maximum` bytes after those written: it writes from the pointer it is given and
    /// returns how many bytes it wrote (at most `maximum`). For long runs of short pieces (a search list's
    /// numbers), written with no check per piece.
    @inlinable
    public mutating func write(upTo maximum: Int, _ body: (UnsafeMutablePointer<UInt8>) -> Int) {
        if capacity - written < maximum { grow(toHold: maximum) }
        let count = body(base + written)
        precondition(count >= 0 && count <= maximum, "wrote past the room asked for")
        written += count
    }

    /// Writes a non-negative integer in decimal at `target` (room for 19 bytes) and returns its length.
    @inlinable
    public static func write(decimal value: Int, at target: UnsafeMutablePointer<UInt8>) -> Int {
        precondition(value >= 0, "a negative number")
        // Millions a build (search shards, coordinates, counts), most of one to four digits: the digits are
        // counted by comparison, then written from the last one back.
        if value < 10 {
            target.pointee = UInt8(truncatingIfNeeded: value) &+ UInt8(ascii: "0")
            return 1
        }
        var length = 2, bound = 100
        while length < 19 && value >= bound {
            length += 1
            bound = bound &* 10
        }
        var rest = value
        var at = target + length
        repeat {
            at -= 1
            at.pointee = UInt8(truncatingIfNeeded: rest % 10) &+ UInt8(ascii: "0")
            rest /= 10
        } while rest > 0
        return length
    }

    /// Forgets every byte from `position` on.
    public mutating func removeLast(from position: Int) {
        precondition(position >= 0 && position <= count, "position outside the written bytes")
        written = position
    }

    /// The bytes written so far, for reading in place.
    public func withUnsafeBytes<Result>(_ body: (UnsafeBufferPointer<UInt8>) throws -> Result) rethrows -> Result {
        try body(UnsafeBufferPointer(start: base, count: count))
    }

    /// The bytes written from `position` on, as an array.
    public func bytes(from position: Int) -> [UInt8] {
        precondition(position >= 0 && position <= count, "position outside the written bytes")
        return Array(UnsafeBufferPointer(start: base + position, count: count - position))
    }

    /// The bytes written, as an array of their exact size.
    public func array() -> [UInt8] {
        bytes(from: 0)
    }

    /// Makes room for `length` more bytes, at least doubling, so appending stays linear.
    @usableFromInline
    @_effects(releasenone)
    mutating func grow(toHold length: Int) {
        let needed = written + length
        var newCapacity = capacity
        while newCapacity < needed { newCapacity *= 2 }
        let grown = UnsafeMutablePointer<UInt8>.allocate(capacity: newCapacity)
        grown.update(from: base, count: written)
        base.deallocate()
        base = grown
        capacity = newCapacity
    }
}

extension String {
    /// `body`'s result for the text's UTF-8 bytes, read in place where they are contiguous (as a native
    /// string's are), so the string is neither copied nor retained; other strings are copied once.
    @inlinable
    public func withUTF8Bytes<Result>(_ body: (UnsafeBufferPointer<UInt8>) throws -> Result) rethrows -> Result {
        if let result = try utf8.withContiguousStorageIfAvailable(body) { return result }
        var copy = self
        return try copy.withUTF8(body)
    }
}
