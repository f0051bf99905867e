extension Array where Element == UInt8 {
    /// Appends bytes written in the code (markup, JSON keys), from the program's constants, with no array made for them.
    mutating func raw(_ text: StaticString) {
        append(contentsOf: UnsafeBufferPointer(start: text.utf8Start, count: text.utf8CodeUnitCount))
    }
}
