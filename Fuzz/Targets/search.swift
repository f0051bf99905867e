import HandbookModel
import HandbookRender

/// Markdown and the search tokenizer on any text: libcmark renders it (with headings demoted), the tokenizer
/// reads it as a query and as the index does, and every token is 2 to 64 lower-case letters and digits; the runs
/// the index reads of a body (`MarkdownText`) are in order, apart and never empty.
@_cdecl("LLVMFuzzerTestOneInput")
public func fuzzSearch(_ start: UnsafePointer<UInt8>?, _ count: Int) -> CInt {
    let bytes = start.map { Array(UnsafeBufferPointer(start: $0, count: count)) } ?? []
    let text = String(decoding: bytes, as: UTF8.self)
    _ = Markdown.html(ArraySlice(bytes), demotingHeadings: true)
    for token in SearchTokenizer.tokens(text) + SearchTokenizer.indexTokens(text) {
        guard (2...SearchTokenizer.longestToken).contains(token.utf8.count),
              token.utf8.allSatisfy({ ($0 >= 0x61 && $0 <= 0x7A) || ($0 >= 0x30 && $0 <= 0x39) }) else {
            fatalError("a token that is not 2 to 64 letters and digits: \(token.debugDescription)")
        }
        _ = SearchTokenizer.singular(token)
        _ = SearchTokenizer.spelling(token)
    }
    _ = SearchTokenizer.fold(text)
    bytes.withUnsafeBufferPointer { body in
        var end = 0
        MarkdownText.forEachRun(in: body) { run in
            let start = run.baseAddress.map { $0 - body.baseAddress! } ?? -1
            guard !run.isEmpty, start >= end, start + run.count <= body.count else {
                fatalError("a run out of order, empty or past the body: \(start) + \(run.count) after \(end) of \(body.count)")
            }
            end = start + run.count
        }
    }
    return 0
}
