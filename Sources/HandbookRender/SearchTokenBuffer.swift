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

        /// Appends the run of letters and digits in `text` from `start` on, each as `folds` gives it, up to the
        /// first other byte, and returns where the run ends: `append(_:)` for each, with the count and hash kept in
        /// registers rather than stored back after every byte.
        @inline(__always)
        mutating func append(run text: UnsafeBufferPointer<UInt8>, from start: Int, folds: UnsafePointer<UInt8>) -> Int {
            var index = start, stored = count, hash = self.hash
            let end = text.count
            while index < end {
                let folded = folds[Int(text[index])]
                if folded == 0 { break }
                if stored <= SearchTokenizer.longestToken {
                    base[stored] = folded
                    stored += 1
                    hash = SearchTokenTable.hash(hash, folded)
                }
                index += 1
            }
            count = stored
            self.hash = hash
            return index
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
