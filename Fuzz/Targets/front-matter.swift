import HandbookLoad
import HandbookModel

/// The front-matter split, and the whole reading of a content file's bytes (UTF-8 check, split, YAML): any
/// bytes give a document or diagnostics, and the split's parts are pieces of the input.
@_cdecl("LLVMFuzzerTestOneInput")
public func fuzzFrontMatter(_ start: UnsafePointer<UInt8>?, _ count: Int) -> CInt {
    let bytes = start.map { Array(UnsafeBufferPointer(start: $0, count: count)) } ?? []
    if let split = try? FrontMatter.split(bytes) {
        if split.yaml.count + split.body.count > bytes.count { fatalError("the split is longer than the file") }
        if split.yamlLine < 1 || split.bodyLine < split.yamlLine { fatalError("lines out of order: \(split.yamlLine), \(split.bodyLine)") }
    }
    let read = ContentLoader.document(bytes, type: .organisations, slug: "fuzz", path: "organisations/fuzz.md")
    if read.document == nil && read.diagnostics.isEmpty { fatalError("no document and no diagnostic") }
    return 0
}
