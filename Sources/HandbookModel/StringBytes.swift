extension String {
    /// `body`'s result for the text's UTF-8 bytes, read in place where they are contiguous (as a native
    /// string's are), so the string is neither copied nor retained; other strings are copied once. (The template
    /// module has the same for its writers; neither module can see the other.)
    @inlinable @inline(__always)
    func withContiguousUTF8<Result>(_ body: (UnsafeBufferPointer<UInt8>) throws -> Result) rethrows -> Result {
        if let result = try utf8.withContiguousStorageIfAvailable(body) { return result }
        var copy = self
        return try copy.withUTF8(body)
    }
}
