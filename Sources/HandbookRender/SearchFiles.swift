import Foundation

/// The client-side search index's token files and manifest (see `SearchIndex` for the format): they read every
/// body, so they are made again on every build.
struct SearchFiles: OutputGenerator {
    static let name = "search index"
    let index: SearchIndex

    init(site: SiteContext) {
        index = site.searchIndex?.value
            ?? SearchIndex(index: site.index, order: site.searchDocuments.value, chunkCount: nil, tokens: site.searchTokens)
        // The tokenizer's throughput for `make bench`: only this generator knows how much text it tokenized.
        if ProcessInfo.processInfo.environment["HANDBOOK_TIMINGS"] == "1" {
            let (bytes, seconds) = index.tokenizing
            let line = String(format: "timing: search tokenizing %.1f MB in %.4f s\n", Double(bytes) / 1e6, seconds)
            FileHandle.standardError.write(Data(line.utf8))
        }
    }

    func files() -> [OutputFile] {
        index.tokenFiles()
    }
}
