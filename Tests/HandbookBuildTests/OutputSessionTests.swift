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

    /// An inode number, to tell a file left in place (or linked) from one written anew.
    static func inode(_ path: String) -> UInt64? {
        (try? FileManager.default.attributesOfItem(atPath: path)[.systemFileNumber] as? NSNumber)?.uint64Value
    }

    static let site = [OutputFile(path: "index.html", text: "home"), OutputFile(path: "a/one/index.html", text: "one"),
                       OutputFile(path: "b/two/index.html", text: "two")]

    /// A folder holding `site` as a build wrote it, and the output's path.
    static func builtSite() throws -> (TemporaryDirectory, String) {
        let directory = try TemporaryDirectory()
        let output = directory.path + "/site"
        try OutputWriter.write(Self.site, to: output)
        return (directory, output)
    }

    /// A rebuild that changes nothing makes nothing beside the output: no folder, no link in the staging folder
    /// (on a slow disk, linking every unchanged file and removing the links again was most of such a rebuild).
    @Test func aRebuildThatChangesNothingMakesNothing() throws {
        let (directory, output) = try Self.builtSite()
        defer { directory.cleanUp() }
        let before = Self.site.map { Self.inode(output + "/" + $0.path) }
        let session = try OutputSession(output: output)
        try session.stage(Array(Self.site[..<2]))
        try session.stage(Array(Self.site[2...]))
        #expect(try FileManager.default.contentsOfDirectory(atPath: directory.path + "/.site.staging") == [OutputWriter.marker])
        let changes = try session.commit()
        #expect(changes.writtenCount == 0 && changes.unchangedCount == 3 && changes.removedCount == 0)
        #expect(Self.site.map { Self.inode(output + "/" + $0.path) } == before)
        #expect(try FileManager.default.contentsOfDirectory(atPath: directory.path).sorted() == ["site"])
    }

    /// Unchanged files of batches staged before the first change are linked into the new site once one changes,
    /// and keep their inode (so their modification time) across the swap.
    @Test func unchangedFilesStagedBeforeAChangeAreKept() throws {
        let (directory, output) = try Self.builtSite()
        defer { directory.cleanUp() }
        let kept = Self.inode(output + "/a/one/index.html")
        let session = try OutputSession(output: output)
        try session.stage(Array(Self.site[..<2]))
        try session.stage([OutputFile(path: "b/two/index.html", text: "two, edited")])
        let changes = try session.commit()
        #expect(changes.written == ["b/two/index.html"] && changes.unchangedCount == 2)
        #expect(Self.inode(output + "/a/one/index.html") == kept)
        #expect(try String(contentsOfFile: output + "/index.html", encoding: .utf8) == "home")
        #expect(try String(contentsOfFile: output + "/b/two/index.html", encoding: .utf8) == "two, edited")
    }

    /// A rebuild whose only change is a removed page keeps every other file, linked at commit.
    @Test func aRebuildThatOnlyRemovesKeepsTheRest() throws {
        let (directory, output) = try Self.builtSite()
        defer { directory.cleanUp() }
        let kept = Self.inode(output + "/a/one/index.html")
        let session = try OutputSession(output: output)
        try session.stage(Array(Self.site[..<2]))
        let changes = try session.commit()
        #expect(changes.removed == ["b/two/index.html"] && changes.unchangedCount == 2 && changes.writtenCount == 0)
        #expect(Self.inode(output + "/a/one/index.html") == kept)
        #expect(!FileManager.default.fileExists(atPath: output + "/b"))
        #expect(try String(contentsOfFile: output + "/index.html", encoding: .utf8) == "home")
    }
}
