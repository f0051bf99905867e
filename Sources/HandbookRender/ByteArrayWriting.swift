import Mustache

/// Writing markup and JSON into byte arrays, as the presenters and the data API do.
extension Array where Element == UInt8 {
    /// Appends bytes written in the code (markup, JSON keys), from the program's constants, with no array made for them.
    mutating func raw(_ text: StaticString) {
        append(contentsOf: UnsafeBufferPointer(start: text.utf8Start, count: text.utf8CodeUnitCount))
    }

    /// Appends text with HTML's special characters escaped.
    mutating func escaped(_ text: String) {
        HTML.escape(text, into: &self)
    }

    /// Appends UTF-8 bytes with HTML's special characters escaped.
    mutating func escaped(_ bytes: UnsafeBufferPointer<UInt8>) {
        HTML.escape(bytes, into: &self)
    }

    /// Keeps only the bytes at `range` (after `start`), moved to `start`: what was written from `start` on is
    /// replaced. The two may overlap (`update(from:count:)` copies front to back when the target comes first).
    mutating func keep(_ range: Range<Int>, at start: Int) {
        precondition(start <= range.lowerBound && range.upperBound <= count, "a range after the start, inside the bytes")
        withUnsafeMutableBufferPointer { bytes in
            guard let base = bytes.baseAddress else { return }
            (base + start).update(from: base + range.lowerBound, count: range.count)
        }
        removeSubrange((start + range.count)...)
    }
}
