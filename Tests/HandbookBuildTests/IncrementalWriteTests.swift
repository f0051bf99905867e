import Foundation
@testable import HandbookBuild
import HandbookLoad
import HandbookRender
import HandbookTestSupport
import Testing
#if canImport(Glibc)
import Glibc
#elseif canImport(Darwin)
import Darwin
#endif

/// `OutputWriter` over an existing output: it writes only what changed, removes what the site no longer has,
/// and a build that fails or is killed at any point leaves the old site or the new one, never a mixture.
@Suite struct IncrementalWriteTests {
    /// A temporary directory with the output at `site` inside it.
    struct Place {
        let directory: TemporaryDirectory
        var output: String { directory.path + "/site" }

        init() throws {
            directory = try TemporaryDirectory()
        }

        /// The output's files (marker included) and their text.
        var files: [String: String] { OutputWriterTests.files(output) }
        /// The names beside the output, the standby left out once it is checked to be a copy of the output.
        var siblings: [String] {
            #expect(OutputSiblings.standbyIsACopy(of: output))
            return OutputSiblings.leftovers(in: directory.path)
        }
    }

    /// A file's modification time (seconds) and inode: both stay the same only if the file was never rewritten.
    struct Identity: Hashable, CustomStringConvertible {
        var seconds: Int
        var inode: UInt64
        var description: String { "mtime \(seconds), inode \(inode)" }
    }

    /// True when `path` is a folder (not a link to one).
    static func isFolder(_ path: String) -> Bool {
        var info = stat()
        return lstat(path, &info) == 0 && (info.st_mode & S_IFMT) == S_IFDIR
    }

    static func identity(_ path: String) -> Identity? {
        var info = stat()
        guard lstat(path, &info) == 0 else { return nil }
        return Identity(seconds: Int(info.st_mtim.tv_sec), inode: UInt64(info.st_ino))
    }

    /// A time long past, set on every file of the output so that any rewrite shows as a newer time.
    static let longAgo = 1_000_000_000

    /// Sets every file's modification time to `longAgo` and returns each file's identity.
    static func age(_ root: String) -> [String: Identity] {
        var identities: [String: Identity] = [:]
        for path in OutputWriterTests.files(root).keys {
            var times = [timeval(tv_sec: longAgo, tv_usec: 0), timeval(tv_sec: longAgo, tv_usec: 0)]
            #expect(utimes(root + "/" + path, &times) == 0)
            identities[path] = identity(root + "/" + path)
        }
        return identities
    }

    /// The files whose identity is not what `before` recorded (or that are new).
    static func touched(_ root: String, since before: [String: Identity]) -> Set<String> {
        Set(OutputWriterTests.files(root).keys.filter { identity(root + "/" + $0) != before[$0] })
    }

    static let v1 = [
        OutputFile(path: "index.html", text: "home"),
        OutputFile(path: "organisations/a/index.html", text: "a"),
        OutputFile(path: "organisations/b/index.html", text: "b"),
        OutputFile(path: "feed.xml", text: "<feed>1</feed>"),
    ]

    /// Changes one page and the feed, adds a page, drops `organisations/b/`.
    static let v2 = [
        OutputFile(path: "index.html", text: "home"),
        OutputFile(path: "organisations/a/index.html", text: "a, edited"),
        OutputFile(path: "events/e/index.html", text: "e"),
        OutputFile(path: "feed.xml", text: "<feed>2</feed>"),
    ]

    static func text(_ files: [OutputFile]) -> [String: String] {
        var text = [OutputWriter.marker: String(decoding: OutputWriter.markerText, as: UTF8.self)]
        for file in files { text[file.path] = String(decoding: file.bytes, as: UTF8.self) }
        return text
    }

    // MARK: Writing only what changed

    @Test func identicalFilesKeepTheirModificationTimeAndInode() throws {
        let place = try Place()
        defer { place.directory.cleanUp() }
        #expect(try OutputWriter.write(Self.v1, to: place.output).written == Self.v1.map(\.path).sorted())
        let before = Self.age(place.output)
        let changes = try OutputWriter.write(Self.v1, to: place.output)
        #expect(changes == OutputChanges(written: [], unchangedCount: 4, removed: []))
        #expect(Self.touched(place.output, since: before).isEmpty)
        #expect(place.siblings == ["site"])
    }

    @Test func writesExactlyTheChangedAndNewFilesAndRemovesTheRest() throws {
        let place = try Place()
        defer { place.directory.cleanUp() }
        try OutputWriter.write(Self.v1, to: place.output)
        let before = Self.age(place.output)
        let changes = try OutputWriter.write(Self.v2, to: place.output)
        #expect(changes.written == ["events/e/index.html", "feed.xml", "organisations/a/index.html"])
        #expect(changes.unchangedCount == 1)
        #expect(changes.removed == ["organisations/b/index.html"])
        #expect(place.files == Self.text(Self.v2))
        // What the report calls written is what was written on disk, and nothing else was touched.
        #expect(Self.touched(place.output, since: before) == Set(changes.written))
        // The emptied folder goes; the folder that still holds a page stays.
        #expect(Self.identity(place.output + "/organisations/b") == nil)
        #expect(Self.isFolder(place.output + "/organisations"))
        #expect(place.siblings == ["site"])
    }

    /// The size is only the first test: a file of the same size with other bytes is rewritten.
    @Test func aFileOfTheSameSizeWithOtherBytesIsRewritten() throws {
        let place = try Place()
        defer { place.directory.cleanUp() }
        try OutputWriter.write([OutputFile(path: "a.txt", text: "abcd")], to: place.output)
        let changes = try OutputWriter.write([OutputFile(path: "a.txt", text: "abce")], to: place.output)
        #expect(changes.written == ["a.txt"])
        #expect(place.files["a.txt"] == "abce")
    }

    /// A file of the new site replaces a folder of the old, and a folder replaces a file.
    @Test func aFileAndAFolderCanTradePlaces() throws {
        let place = try Place()
        defer { place.directory.cleanUp() }
        try OutputWriter.write([OutputFile(path: "a", text: "file"), OutputFile(path: "b/c/d.html", text: "deep")], to: place.output)
        let changes = try OutputWriter.write([OutputFile(path: "a/index.html", text: "page"), OutputFile(path: "b", text: "file")], to: place.output)
        #expect(changes.written == ["a/index.html", "b"])
        #expect(changes.removed == ["a", "b/c/d.html"])
        #expect(place.files == Self.text([OutputFile(path: "a/index.html", text: "page"), OutputFile(path: "b", text: "file")]))
    }

    /// A link inside the output is removed as a link: what it points to, outside the output, is untouched.
    @Test func aLinkInTheOutputIsRemovedWithoutFollowingIt() throws {
        let place = try Place()
        defer { place.directory.cleanUp() }
        try place.directory.write("elsewhere/keep.txt", "precious")
        try OutputWriter.write(Self.v1, to: place.output)
        #expect(symlink(place.directory.path + "/elsewhere", place.output + "/linked") == 0)
        #expect(symlink(place.directory.path + "/elsewhere/keep.txt", place.output + "/feed-link.xml") == 0)
        let changes = try OutputWriter.write(Self.v1 + [OutputFile(path: "linked/keep.txt", text: "replaced")], to: place.output)
        #expect(changes.removed == ["feed-link.xml", "linked"])
        #expect(changes.written == ["linked/keep.txt"])
        #expect(try place.directory.read("elsewhere/keep.txt") == "precious")
        #expect(Self.isFolder(place.output + "/linked"))
    }

    /// Something that is not a regular file where the site has a page (here a FIFO, whose plain open would wait
    /// for a writer) is replaced, not read.
    @Test func aSpecialFileAtAPagePathIsReplaced() throws {
        let place = try Place()
        defer { place.directory.cleanUp() }
        try OutputWriter.write(Self.v1, to: place.output)
        #expect(unlink(place.output + "/index.html") == 0)
        #expect(mkfifo(place.output + "/index.html", 0o644) == 0)
        #expect(try OutputWriter.write(Self.v1, to: place.output).written == ["index.html"])
        #expect(place.files == Self.text(Self.v1))
    }

    // MARK: Killed builds

    /// A build killed after writing the journal has decided the new site: the next build finishes it first, so it
    /// finds the new site in place and has nothing left to write.
    @Test func aJournalLeftByAKilledBuildIsRolledForward() throws {
        let place = try Place()
        defer { place.directory.cleanUp() }
        try OutputWriter.write(Self.v1, to: place.output)
        _ = try OutputWriter.write(Self.v2, to: place.output, stoppingAt: .afterCommit, mode: .inPlace)
        // Killed right after the commit point: nothing applied yet, the journal waiting beside the output.
        #expect(place.files == Self.text(Self.v1))
        #expect(Self.identity(OutputLocation(place.output).journal) != nil)
        let changes = try OutputWriter.write(Self.v2, to: place.output)
        #expect(changes == OutputChanges(written: [], unchangedCount: 4, removed: []))
        #expect(place.files == Self.text(Self.v2))
        #expect(place.siblings == ["site"])
    }

    /// The roll-forward happens when the output is checked, so even a build that stops at content errors and
    /// writes nothing leaves the whole new site rather than the old one with a journal pending.
    @Test func checkingTheOutputRollsAJournalForward() throws {
        let place = try Place()
        defer { place.directory.cleanUp() }
        try OutputWriter.write(Self.v1, to: place.output)
        _ = try OutputWriter.write(Self.v2, to: place.output, stoppingAt: .afterCommit, mode: .inPlace)
        try OutputWriter.checkOutput(place.output, content: place.directory.path + "/content", theme: place.directory.path + "/theme")
        #expect(place.files == Self.text(Self.v2))
        #expect(place.siblings == ["site"])
    }

    /// A build killed while applying its journal is finished by the next one: every step accepts finding its
    /// work done, including a file that became a folder and a folder that became a file.
    @Test func aJournalKilledHalfWayIsFinishedByTheNextBuild() throws {
        let place = try Place()
        defer { place.directory.cleanUp() }
        let old = [OutputFile(path: "a", text: "file"), OutputFile(path: "b/c.html", text: "c"), OutputFile(path: "x.html", text: "x")]
        let new = [OutputFile(path: "a/index.html", text: "page"), OutputFile(path: "b", text: "file"), OutputFile(path: "x.html", text: "y")]
        try OutputWriter.write(old, to: place.output)
        _ = try OutputWriter.write(new, to: place.output, stoppingAt: .afterCommit, mode: .inPlace)
        let location = OutputLocation(place.output)
        let journal = try #require(Journal(decoding: Array(try Data(contentsOf: URL(fileURLWithPath: location.journal)))))
        // Every step done, then killed before the journal was removed.
        try journal.apply(output: location.output, staging: location.staging)
        #expect(try OutputWriter.write(new, to: place.output).written.isEmpty)
        #expect(place.files == Self.text(new))
        #expect(place.siblings == ["site"])
    }

    /// Before the commit point the output has not been touched: byte for byte and time for time, and the next
    /// build discards the staged files.
    @Test func aBuildKilledBeforeTheCommitPointLeavesTheOldSite() throws {
        let place = try Place()
        defer { place.directory.cleanUp() }
        try OutputWriter.write(Self.v1, to: place.output)
        let before = Self.age(place.output)
        _ = try OutputWriter.write(Self.v2, to: place.output, stoppingAt: .beforeCommit)
        #expect(place.files == Self.text(Self.v1))
        #expect(Self.touched(place.output, since: before).isEmpty)
        #expect(place.siblings == [".site.staging", "site"])
        #expect(try OutputWriter.write(Self.v1, to: place.output).written.isEmpty)
        #expect(place.siblings == ["site"])
        #expect(Self.touched(place.output, since: before).isEmpty)
    }

    /// A first build killed before its rename leaves no output; the next one starts again from nothing.
    @Test func aFirstBuildKilledBeforeItsRenameLeavesNoOutput() throws {
        let place = try Place()
        defer { place.directory.cleanUp() }
        _ = try OutputWriter.write(Self.v1, to: place.output, stoppingAt: .beforeCommit)
        #expect(place.siblings == [".site.staging"])
        #expect(try OutputWriter.write(Self.v2, to: place.output).written == Self.v2.map(\.path).sorted())
        #expect(place.files == Self.text(Self.v2))
        #expect(place.siblings == ["site"])
    }

    /// A journal cut short (no trailer) was never committed: it is discarded, not applied.
    @Test func anIncompleteJournalIsNotApplied() throws {
        let place = try Place()
        defer { place.directory.cleanUp() }
        try OutputWriter.write(Self.v1, to: place.output)
        _ = try OutputWriter.write(Self.v2, to: place.output, stoppingAt: .afterCommit, mode: .inPlace)
        let location = OutputLocation(place.output)
        let bytes = try Data(contentsOf: URL(fileURLWithPath: location.journal))
        try bytes.dropLast(4).write(to: URL(fileURLWithPath: location.journal))
        try OutputWriter.checkOutput(place.output, content: place.directory.path + "/content", theme: place.directory.path + "/theme")
        #expect(place.files == Self.text(Self.v1))
        #expect(place.siblings == ["site"])
    }

    @Test func aJournalReadsBackItsSteps() {
        let journal = Journal(steps: [.remove("a b/c.html"), .removeFolder("a b"), .makeFolder("d"), .place(source: "12", path: "d/e\tf.html"),
                                      .place(source: "g/h\ti.html", path: "g/h\ti.html")])
        #expect(Journal(decoding: journal.encoded()) == journal)
        #expect(Journal(decoding: Array(journal.encoded().dropLast())) == nil)
        #expect(Journal(decoding: []) == nil)
    }

    // MARK: What earlier versions left, and what is not ours

    /// A process id no system gives out, so the folders named with it belong to a run that is gone.
    static let deadPid = 999_999_999

    @Test func staleFoldersOfEarlierVersionsAreRemovedOnlyWithTheMarker() throws {
        let place = try Place()
        defer { place.directory.cleanUp() }
        try OutputWriter.write(Self.v1, to: place.output)
        try place.directory.write(".site.building-\(Self.deadPid)/.handbook-output", "")
        try place.directory.write(".site.building-\(Self.deadPid)/organisations/a/index.html", "half")
        try place.directory.write(".site.previous-\(Self.deadPid + 1)/.handbook-output", "")
        try place.directory.write(".site.previous-\(Self.deadPid + 1)/index.html", "old")
        try place.directory.write(".site.building-\(Self.deadPid + 2)/notes.txt", "not ours")
        try place.directory.write(".other.building-\(Self.deadPid)/.handbook-output", "")
        try OutputWriter.write(Self.v1, to: place.output)
        #expect(place.siblings == [".other.building-\(Self.deadPid)", ".site.building-\(Self.deadPid + 2)", "site"])
        #expect(try place.directory.read(".site.building-\(Self.deadPid + 2)/notes.txt") == "not ours")
    }

    /// An earlier version killed between its two renames left no output and the last whole site in its
    /// `previous` folder: that site is put back, then brought up to date file by file.
    @Test func aPreviousSiteIsPutBackWhenTheOutputIsMissing() throws {
        let place = try Place()
        defer { place.directory.cleanUp() }
        try place.directory.write(".site.previous-\(Self.deadPid)/.handbook-output", "")
        try place.directory.write(".site.previous-\(Self.deadPid)/index.html", "home")
        let kept = Self.identity(place.directory.path + "/.site.previous-\(Self.deadPid)/index.html")
        let changes = try OutputWriter.write(Self.v1, to: place.output)
        #expect(changes.unchangedCount == 1)
        #expect(Self.identity(place.output + "/index.html") == kept)
        #expect(place.files["organisations/a/index.html"] == "a")
        #expect(place.siblings == ["site"])
    }

    @Test func aFolderWithoutTheMarkerIsNeverWrittenInto() throws {
        let place = try Place()
        defer { place.directory.cleanUp() }
        try place.directory.write("site/notes.txt", "precious")
        #expect(throws: BuildError(reason: .outputNotOurs, path: place.output)) { try OutputWriter.write(Self.v1, to: place.output) }
        #expect(place.files == ["notes.txt": "precious"])
    }

    /// Something of the user's where the staging folder goes stops the build and is left alone.
    @Test func aForeignFolderInTheStagingPlaceIsLeftAlone() throws {
        let place = try Place()
        defer { place.directory.cleanUp() }
        try OutputWriter.write(Self.v1, to: place.output)
        try place.directory.write(".site.staging/notes.txt", "precious")
        let staging = place.directory.path + "/.site.staging"
        #expect(throws: BuildError(reason: .stagingNotOurs(staging), path: place.output)) { try OutputWriter.write(Self.v2, to: place.output) }
        #expect(try place.directory.read(".site.staging/notes.txt") == "precious")
        #expect(place.files == Self.text(Self.v1))
    }

    /// The lock file's name is the tool's, but a file with something in it, or a link, at that name is not: the
    /// build stops and leaves it (release used to remove it). An empty file, as a killed build leaves, is taken.
    @Test func aForeignFileAtTheLocksNameIsLeftAlone() throws {
        let place = try Place()
        defer { place.directory.cleanUp() }
        let lock = place.directory.path + "/.site.handbook-lock"
        try place.directory.write(".site.handbook-lock", "precious")
        #expect(throws: BuildError(reason: .lockNotOurs(lock), path: place.output)) { try OutputWriter.write(Self.v1, to: place.output) }
        #expect(try place.directory.read(".site.handbook-lock") == "precious")
        try place.directory.write("target", "kept")
        unlink(lock)
        symlink(place.directory.path + "/target", lock)
        #expect(throws: BuildError(reason: .lockNotOurs(lock), path: place.output)) { try OutputWriter.write(Self.v1, to: place.output) }
        #expect(FileSystem.kind(lock) == .symbolicLink)
        #expect(try place.directory.read("target") == "kept")
        unlink(lock)
        try place.directory.write(".site.handbook-lock", "")
        try OutputWriter.write(Self.v1, to: place.output)
        #expect(place.files == Self.text(Self.v1))
        #expect(FileSystem.kind(lock) == .missing)
    }

    // MARK: Two builds at once

    @Test func aSecondBuildFailsWhileTheFirstHoldsTheLock() throws {
        let place = try Place()
        defer { place.directory.cleanUp() }
        try OutputWriter.write(Self.v1, to: place.output)
        let lock = place.directory.path + "/.site.handbook-lock"
        let fd = open(lock, O_RDWR | O_CREAT, 0o644)
        #expect(fd >= 0)
        #expect(flock(fd, LOCK_EX | LOCK_NB) == 0)
        #expect(throws: BuildError(reason: .busy, path: place.output)) { try OutputWriter.write(Self.v2, to: place.output) }
        #expect(throws: BuildError(reason: .busy, path: place.output)) {
            try OutputWriter.checkOutput(place.output, content: place.directory.path + "/content", theme: place.directory.path + "/theme")
        }
        #expect(place.files == Self.text(Self.v1))
        close(fd)
        #expect(try OutputWriter.write(Self.v2, to: place.output).written.count == 3)
    }

    // MARK: Output paths

    /// `--output o` crashed: Foundation's `deletingLastPathComponent` traps on a one-character path on Linux.
    @Test func oneCharacterOutputNamesSplitLikeAnyOther() {
        #expect(OutputLocation.split("o") == (".", "o"))
        #expect(OutputLocation.split("/o") == ("/", "o"))
        #expect(OutputLocation.split("a/b") == ("a", "b"))
        #expect(OutputLocation.split("/tmp/x/o") == ("/tmp/x", "o"))
        #expect(OutputLocation("o/").output == "o")
        #expect(OutputLocation("o").staging == "./.o.staging")
        #expect(OutputLocation("/o").staging == "/.o.staging")
        #expect(OutputLocation("/srv/site//").lock == "/srv/.site.handbook-lock")
    }

    @Test func oneCharacterFileNamesAreWritten() throws {
        let place = try Place()
        defer { place.directory.cleanUp() }
        let files = [OutputFile(path: "a", text: "1"), OutputFile(path: "b/c", text: "2")]
        try OutputWriter.write(files, to: place.directory.path + "/o")
        #expect(OutputWriterTests.files(place.directory.path + "/o") == Self.text(files))
    }
}
