import HandbookLoad

/// The YAML subset parser on any bytes: it must return a document or throw a syntax error, never trap, hang
/// or leak, and a document's root must start inside the input.
@_cdecl("LLVMFuzzerTestOneInput")
public func fuzzYAML(_ start: UnsafePointer<UInt8>?, _ count: Int) -> CInt {
    let bytes = start.map { Array(UnsafeBufferPointer(start: $0, count: count)) } ?? []
    guard let document = try? YAMLParser.parse(bytes, lineOffset: 0) else { return 0 }
    // CR, LF and CR LF each end a line; counting CR and LF alike gives an upper bound.
    let breaks = bytes.reduce(0) { $1 == 0x0A || $1 == 0x0D ? $0 + 1 : $0 }
    if let root = document.root, root.position.line < 1 || root.position.line > breaks + 1 {
        fatalError("a node starts on line \(root.position.line) of an input with \(breaks) line breaks")
    }
    return 0
}
