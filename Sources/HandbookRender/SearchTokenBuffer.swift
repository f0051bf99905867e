extension SearchTokenizer {
    /// A token being read: its bytes and their hash so far. It holds at most `longestToken + 1` bytes: once
    /// a token is longer than any kept, the rest of it is not stored (`isTooLong`), so a megabyte of one
    /// word costs no memory and no time beyond reading it.
    struct TokenBuffer {
        private(set) var base: UnsafeMutablePointer<UInt8>
        /// Room for a token one byte too long, and for respelling (which never lengthens a kept token).
        private var capacity = SearchTokenizer.longestToken + 8
        private(set) var count = 0
        private(set) var hash = SearchTokenTable.emptyHash

        init() {
            base = .allocate(capacity: capacity)
        }

        /// The bytes, valid until the buffer changes.
        var bytes: UnsafeBufferPointer<UInt8> { UnsafeBufferPointer(start: base, count: count) }

        /// True when more than `longestToken` bytes were appended: the token is not kept.
        var isTooLong: Bool { count > SearchTokenizer.longestToken }

        @inline(__always)
        mutating func append(_ byte: UInt8) {
            guard count <= SearchTokenizer.longestToken else { return }
            base[count] = byte
            count += 1
            hash = SearchTokenTable.hash(hash, byte)
        }

        mutating func clear() {
            count = 0
            hash = SearchTokenTable.emptyHash
        }

        func hasSuffix(_ suffix: [UInt8]) -> Bool {
            guard suffix.count <= count else { return false }
            var offset = 1
            while offset <= suffix.count {
                if base[count - offset] != suffix[suffix.count - offset] { return false }
                offset += 1
            }
            return true
        }

        /// Replaces the last `length` bytes with `bytes`, and rehashes.
        mutating func replace(last length: Int, with bytes: [UInt8]) {
            count -= length
            while count + bytes.count > capacity { grow() }
            for byte in bytes {
                base[count] = byte
                count += 1
            }
            hash = SearchTokenTable.hash(self.bytes)
        }

        private mutating func grow() {
            let larger = UnsafeMutablePointer<UInt8>.allocate(capacity: capacity * 2)
            larger.update(from: base, count: count)
            base.deallocate()
            base = larger
            capacity *= 2
        }

        func deallocate() {
            base.deallocate()
        }
    }
}
