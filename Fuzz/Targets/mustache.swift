import Mustache

/// The Mustache compiler and renderer: the input is a template (and, after a NUL byte, a partial named
/// `p`); it must compile or throw, and render against a context of every kind of value, never trap or hang.
@_cdecl("LLVMFuzzerTestOneInput")
public func fuzzMustache(_ start: UnsafePointer<UInt8>?, _ count: Int) -> CInt {
    let bytes = start.map { Array(UnsafeBufferPointer(start: $0, count: count)) } ?? []
    let parts = bytes.split(separator: 0, maxSplits: 1, omittingEmptySubsequences: false)
    var templates = ["t": String(decoding: parts[0], as: UTF8.self)]
    if parts.count > 1 { templates["p"] = String(decoding: parts[1], as: UTF8.self) }
    // A partial that includes itself in a section over a list doubles its work at every level: the budget (a
    // library's default suits the largest site, not one input a millisecond) is what bounds it.
    guard let library = try? MustacheLibrary(templates: templates, partialBudget: 1_000) else { return 0 }
    let item: MustacheValue = ["name": "<b>&\"'</b>", "list": .list(["1", "two", .bool(false)]), "t": "{{t}}"]
    let context: MustacheValue = ["a": "x", "b": .bool(true), "c": .list([item, item]), "d": item, "e": .null, "n": "3", "p": "{{>p}}"]
    _ = library.renderBytes("t", context)
    if library.contains("p") { _ = library.render("p", context) }
    return 0
}
