import Foundation
import HandbookTestSupport
import Testing

/// The shipped handbook (`content/`) builds to exactly the recorded files: refactoring the engine must not
/// change what readers get. Each file is recorded by size and a 64-bit FNV-1a digest, so the record stays
/// small; a deliberate change to the output is recorded again with `HANDBOOK_RECORD=1`, which fails the run
/// so a recording can never pass as a test.
@Suite struct ContentSiteTests {
    static let record = SharedFolder.packageRoot.appendingPathComponent("Tests/HandbookCLITests/Golden/content-site.digest")

    /// One line per file: digest, size and path.
    static func digest(_ files: [String: Data]) -> String {
        files.sorted { $0.key < $1.key }.map { path, data in
            var hash: UInt64 = 0xcbf2_9ce4_8422_2325
            for byte in data {
                hash ^= UInt64(byte)
                hash = hash &* 0x0000_0100_0000_01b3
            }
            let hex = String(hash, radix: 16)
            return String(repeating: "0", count: 16 - hex.count) + hex + " \(data.count) \(path)\n"
        }.joined()
    }

    @Test func shippedContentBuildsToTheRecordedSite() throws {
        let directory = try TemporaryDirectory()
        defer { directory.cleanUp() }
        let content = SharedFolder.packageRoot.appendingPathComponent("content").path
        let run = buildFixture(into: directory.path + "/site", ["--base-url", "https://handbook.example/"], content: content)
        #expect(run.status == 0, "\(run.out)\(run.err)")
        let built = Self.digest(try tree(directory.path + "/site"))
        if try Golden.recorded(Self.record, built) { return }
        let expected = try String(contentsOf: Self.record, encoding: .utf8)
        let builtLines = built.split(separator: "\n")
        let expectedLines = expected.split(separator: "\n")
        let changed = Set(builtLines).symmetricDifference(expectedLines).map { $0.split(separator: " ", maxSplits: 2).last.map(String.init) ?? "" }
        #expect(changed.isEmpty, "files that differ from the recorded build: \(Set(changed).sorted().prefix(20))")
        #expect(builtLines.count > 100)
    }
}
