import Foundation
import HandbookBuild
import HandbookModel
import HandbookRender
import HandbookTestSupport
import Testing

/// Batches staged from many threads at once, as the build's generators do.
@Suite struct OutputSessionTests {
    /// Many batches whose files share folders, staged side by side: every folder exists before any
    /// batch writes into it, whichever batch claimed it.
    @Test func concurrentBatchesSharingFoldersAllLand() throws {
        let directory = try TemporaryDirectory()
        defer { directory.cleanUp() }
        let output = directory.path + "/site"
        let session = try OutputSession(output: output)
        let batches = (0..<64).map { batch in
            (0..<20).map { file in OutputFile(path: "t\(file % 4)/by-kind/k\(batch % 8)/e\(batch)-\(file)/index.html", text: "\(batch)-\(file)") }
        }
        let failures = Parallel.tasks(Array(batches.indices)) { index -> String? in
            do throws(BuildError) {
                try session.stage(batches[index])
                return nil
            } catch {
                return error.description
            }
        }
        #expect(failures.compactMap { $0 } == [])
        let changes = try session.commit()
        #expect(changes.writtenCount == 64 * 20)
        #expect(try String(contentsOfFile: output + "/t3/by-kind/k7/e63-19/index.html", encoding: .utf8) == "63-19")
    }

    @Test func aDiscardedSessionLeavesThePreviousSite() throws {
        let directory = try TemporaryDirectory()
        defer { directory.cleanUp() }
        let output = directory.path + "/site"
        try OutputWriter.write([OutputFile(path: "index.html", text: "old")], to: output)
        let session = try OutputSession(output: output)
        try session.stage([OutputFile(path: "index.html", text: "new"), OutputFile(path: "more.html", text: "more")])
        session.discard()
        #expect(try String(contentsOfFile: output + "/index.html", encoding: .utf8) == "old")
        #expect(!FileManager.default.fileExists(atPath: output + "/more.html"))
        #expect(try FileManager.default.contentsOfDirectory(atPath: directory.path) == ["site"])
    }
}
