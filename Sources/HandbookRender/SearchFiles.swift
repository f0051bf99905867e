import Foundation
import HandbookModel

/// The client-side search index's token files and manifest (see `SearchIndex` for the format): they read every
/// body, so they are made again on every build.
struct SearchFiles: OutputGenerator {
    static let name = "search index"
    /// Token files are compared with the last build's by digest: a rebuild after one edit writes the few it changed.
    static let inputs = OutputInputs.everythingComparedByItself
    let index: SearchIndex
    /// The digests of the last build's token files, when it kept them with its tokens.
    let previous: [String: ByteDigest]

    init(site: SiteContext) {
        index = site.searchIndex?.value
            ?? SearchIndex(index: site.index, order: site.searchDocuments.value, chunkCount: nil, tokens: site.searchTokens)
        previous = site.searchTokens?.previous?.shardDigests ?? [:]
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

    func filesKeepingUnchanged() -> (made: [OutputFile], kept: [String]) {
        index.tokenFiles(keeping: previous)
    }
}
