import Foundation
@testable import HandbookBuild
import HandbookLoad
import HandbookRender
import HandbookTestSupport
import Testing

/// The standby: after a rebuild, the previous site beside the output is made into a copy of the new one, and the
/// next rebuild starts from it, so its cost follows what changed.
@Suite struct StandbyTests {
    static let v1 = [OutputFile(path: "index.html", text: "home"), OutputFile(path: "a/index.html", text: "a"),
                     OutputFile(path: "b/index.html", text: "b"), OutputFile(path: "c.txt", text: "c")]
    static let v2 = [OutputFile(path: "index.html", text: "home 2"), OutputFile(path: "a/index.html", text: "a"),
                     OutputFile(path: "b/index.html", text: "b"), OutputFile(path: "d/e/index.html", text: "e")]
    static let v3 = [OutputFile(path: "index.html", text: "home 2"), OutputFile(path: "a/index.html", text: "a 3"),
                     OutputFile(path: "c.txt", text: "c"), OutputFile(path: "d/e/index.html", text: "e")]

    /// A temporary folder with the output `site` in it.
    struct Place {
        let directory: TemporaryDirectory
        var output: String { directory.path + "/site" }
        var standby: String { directory.path + "/.site.standby" }
        init() throws { directory = try TemporaryDirectory() }

        /// The output's files and their text, the marker left out.
        var site: [String: String] { OutputWriterTests.files(output).filter { $0.key != OutputWriter.marker } }
    }

    static func text(_ files: [OutputFile]) -> [String: String] {
        Dictionary(uniqueKeysWithValues: files.map { ($0.path, String(decoding: $0.bytes, as: UTF8.self)) })
    }

    @Test func aFirstBuildKeepsNoCopy() throws {
        let place = try Place()
        defer { place.directory.cleanUp() }
        try OutputWriter.write(Self.v1, to: place.output)
        #expect(OutputSiblings.leftovers(in: place.directory.path) == ["site"])
        #expect(FileSystem.kind(place.standby) == .missing)
    }

    @Test func aRebuildLeavesACopyOfTheNewSiteBesideIt() throws {
        let place = try Place()
        defer { place.directory.cleanUp() }
        try OutputWriter.write(Self.v1, to: place.output)
        try OutputWriter.write(Self.v2, to: place.output)
        #expect(place.site == Self.text(Self.v2))
        #expect(FileSystem.kind(place.standby) == .directory)
        #expect(OutputSiblings.standbyIsACopy(of: place.output))
        #expect(OutputSiblings.leftovers(in: place.directory.path) == ["site"])
    }

    /// The third build starts from the standby: it writes only what changed, keeps the rest's inodes and times,
    /// removes what went, and leaves a copy of the new site again.
    @Test func aRebuildFromTheStandbyChangesOnlyWhatDiffers() throws {
        let place = try Place()
        defer { place.directory.cleanUp() }
        try OutputWriter.write(Self.v1, to: place.output)
        try OutputWriter.write(Self.v2, to: place.output)
        let before = IncrementalWriteTests.age(place.output)
        let changes = try OutputWriter.write(Self.v3, to: place.output)
        #expect(place.site == Self.text(Self.v3))
        #expect(changes.written == ["a/index.html", "c.txt"])
        #expect(changes.removed == ["b/index.html"])
        #expect(changes.unchangedCount == 2)
        for path in ["index.html", "d/e/index.html", OutputWriter.marker] {
            #expect(IncrementalWriteTests.identity(place.output + "/" + path) == before[path], "\(path)")
        }
        #expect(IncrementalWriteTests.identity(place.output + "/a/index.html") != before["a/index.html"])
        #expect(FileSystem.kind(place.output + "/b") == .missing)
        #expect(OutputSiblings.standbyIsACopy(of: place.output))
        #expect(OutputSiblings.leftovers(in: place.directory.path) == ["site"])
    }

    /// The standby shares its files with the output: a changed file is replaced, never written into, so the
    /// previous site stays whole until the exchange.
    @Test func aChangedFileIsNeverWrittenThroughTheOutputsName() throws {
        let place = try Place()
        defer { place.directory.cleanUp() }
        try OutputWriter.write(Self.v1, to: place.output)
        try OutputWriter.write(Self.v2, to: place.output)
        _ = try OutputWriter.write(Self.v3, to: place.output, stoppingAt: .beforeCommit)
        #expect(place.site == Self.text(Self.v2))
    }

    @Test func aRebuildThatChangesNothingKeepsTheStandby() throws {
        let place = try Place()
        defer { place.directory.cleanUp() }
        try OutputWriter.write(Self.v1, to: place.output)
        try OutputWriter.write(Self.v2, to: place.output)
        let changes = try OutputWriter.write(Self.v2, to: place.output)
        #expect(changes.written.isEmpty && changes.removed.isEmpty)
        #expect(FileSystem.kind(place.standby) == .directory)
        #expect(OutputSiblings.standbyIsACopy(of: place.output))
    }

    /// A file may become a folder and a folder a file between builds.
    @Test func filesAndFoldersMayTradePlaces() throws {
        let place = try Place()
        defer { place.directory.cleanUp() }
        let asFile = [OutputFile(path: "x", text: "file"), OutputFile(path: "y/index.html", text: "y")]
        let asFolder = [OutputFile(path: "x/index.html", text: "folder"), OutputFile(path: "y", text: "file y")]
        for (round, site) in [asFile, asFolder, asFile, asFolder, asFile].enumerated() {
            try OutputWriter.write(site, to: place.output)
            #expect(place.site == Self.text(site), "round \(round)")
            #expect(OutputSiblings.standbyIsACopy(of: place.output), "round \(round)")
        }
    }

    /// A standby that no longer matches (a file gone, one added, one replaced by other bytes) still gives exactly
    /// the new site: every file is compared with the standby's.
    @Test func aStandbyThatDriftedStillGivesTheWholeSite() throws {
        let place = try Place()
        defer { place.directory.cleanUp() }
        try OutputWriter.write(Self.v1, to: place.output)
        try OutputWriter.write(Self.v2, to: place.output)
        try FileManager.default.removeItem(atPath: place.standby + "/a/index.html")
        try place.directory.write(".site.standby/stray.html", "stray")
        try FileManager.default.removeItem(atPath: place.standby + "/index.html")
        try place.directory.write(".site.standby/index.html", "tampered")
        try OutputWriter.write(Self.v2, to: place.output)
        #expect(place.site == Self.text(Self.v2))
        try OutputWriter.write(Self.v3, to: place.output)
        #expect(place.site == Self.text(Self.v3))
        #expect(OutputSiblings.standbyIsACopy(of: place.output))
    }

    /// Removing the output by hand leaves a copy of nothing: the next build removes it and starts afresh.
    @Test func anOutputRemovedByHandTakesItsStandbyWithIt() throws {
        let place = try Place()
        defer { place.directory.cleanUp() }
        try OutputWriter.write(Self.v1, to: place.output)
        try OutputWriter.write(Self.v2, to: place.output)
        try FileManager.default.removeItem(atPath: place.output)
        try OutputWriter.write(Self.v3, to: place.output)
        #expect(place.site == Self.text(Self.v3))
        #expect(FileSystem.kind(place.standby) == .missing)
    }

    /// Where the output is changed in place, a standby is of no use and is removed.
    @Test func changingInPlaceRemovesTheStandby() throws {
        let place = try Place()
        defer { place.directory.cleanUp() }
        try OutputWriter.write(Self.v1, to: place.output)
        try OutputWriter.write(Self.v2, to: place.output)
        _ = try OutputWriter.write(Self.v3, to: place.output, stoppingAt: nil, mode: .inPlace)
        #expect(place.site == Self.text(Self.v3))
        #expect(FileSystem.kind(place.standby) == .missing)
    }

    /// A folder beside the output under the standby's name that this tool did not make is never used or removed.
    @Test func aFolderWithoutTheMarkerIsLeftAlone() throws {
        let place = try Place()
        defer { place.directory.cleanUp() }
        try OutputWriter.write(Self.v1, to: place.output)
        try place.directory.write(".site.standby/notes.txt", "mine")
        try OutputWriter.write(Self.v2, to: place.output)
        #expect(place.site == Self.text(Self.v2))
        #expect(try place.directory.read(".site.standby/notes.txt") == "mine")
    }
}
