import Foundation
@testable import HandbookBuild
import HandbookModel
import HandbookRender
import HandbookTestSupport
import Testing
#if canImport(Glibc)
import Glibc
#elseif canImport(Darwin)
import Darwin
#endif

/// A rebuild keeps the outputs whose inputs did not change (`RenderPlan`) and still writes exactly the site a
/// fresh build of the same input writes: after each edit, the rebuilt output is compared byte for byte with a
/// fresh build.
@Suite struct KeptOutputTests {
    static let fixture = PreparedSiteTests.fixture
    static let theme = PreparedSiteTests.theme
    /// Noon on 20 November 2026, UTC: the time every content file starts with.
    static let noon: Int = 1_795_608_000

    /// A copy of the fixture's content and theme, with every content file's time set to `noon`.
    struct Place {
        let directory: TemporaryDirectory
        var content: String { directory.path + "/content" }
        var theme: String { directory.path + "/theme" }
        var output: String { directory.path + "/site" }

        init() throws {
            directory = try TemporaryDirectory()
            try FileManager.default.copyItem(atPath: KeptOutputTests.fixture, toPath: content)
            try FileManager.default.copyItem(atPath: KeptOutputTests.theme, toPath: theme)
            for path in try FileManager.default.subpathsOfDirectory(atPath: content) where path.hasSuffix(".md") {
                KeptOutputTests.setTime(content + "/" + path, KeptOutputTests.noon)
            }
        }

        /// Options for a build of this copy; files are recorded for the next build however recently they changed
        /// (`CheckedFiles`), as the tests edit them between builds.
        func options(output: String, today: PartialDate = PartialDate(year: 2026, month: 11, day: 22)) -> Pipeline.BuildOptions {
            var options = Pipeline.BuildOptions(contentPath: content, themePath: theme, outputPath: output, baseURL: "https://example.org/handbook/",
                                                checkLinks: false, today: today)
            options.settlingTime = 0
            return options
        }

        /// Rebuilds the output, builds the same input afresh beside it, and expects both to be the same bytes.
        /// Returns how many files the rebuild kept without making them.
        func rebuild(_ what: String, today: PartialDate = PartialDate(year: 2026, month: 11, day: 22),
                     sourceLocation: Testing.SourceLocation = #_sourceLocation) throws -> Int {
            let report = try Pipeline.build(options(output: output, today: today))
            #expect(report.written && report.validation.errorCount == 0, "\(what)", sourceLocation: sourceLocation)
            let fresh = directory.path + "/fresh"
            _ = try Pipeline.build(options(output: fresh, today: today))
            let rebuilt = KeptOutputTests.tree(output), expected = KeptOutputTests.tree(fresh)
            let differing = Set(rebuilt.keys).union(expected.keys).filter { rebuilt[$0] != expected[$0] }.sorted()
            #expect(differing.isEmpty, "after \(what): \(differing.prefix(8))", sourceLocation: sourceLocation)
            try FileManager.default.removeItem(atPath: fresh)
            return report.keptCount
        }

        func edit(_ path: String, _ change: (String) -> String) throws {
            let full = content + "/" + path
            try change(try String(contentsOfFile: full, encoding: .utf8)).write(toFile: full, atomically: false, encoding: .utf8)
        }
    }

    static func setTime(_ path: String, _ seconds: Int) {
        var times = [timeval(tv_sec: seconds, tv_usec: 0), timeval(tv_sec: seconds, tv_usec: 0)]
        utimes(path, &times)
    }

    /// Every file of an output (the marker left out) and its bytes.
    static func tree(_ root: String) -> [String: Data] {
        var files: [String: Data] = [:]
        guard let walker = FileManager.default.enumerator(atPath: root) else { return files }
        while let path = walker.nextObject() as? String {
            var isFolder: ObjCBool = false
            guard path != OutputWriter.marker, FileManager.default.fileExists(atPath: root + "/" + path, isDirectory: &isFolder),
                  !isFolder.boolValue else { continue }
            files[path] = FileManager.default.contents(atPath: root + "/" + path)
        }
        return files
    }

    /// A first build keeps nothing; the rebuild after it has no state to go by either (it leaves one).
    @Test func nothingIsKeptWithoutTheLastBuildsState() throws {
        let place = try Place()
        defer { place.directory.cleanUp() }
        #expect(try place.rebuild("the first build") == 0)
        #expect(try place.rebuild("a rebuild with no standby yet") == 0)
        #expect(FileManager.default.fileExists(atPath: place.directory.path + "/.site.standby/" + BuildState.fileName))
        #expect(!FileManager.default.fileExists(atPath: place.output + "/" + BuildState.fileName))
    }

    /// The standby keeps each document's search tokens (never the output), and the next rebuild, starting from
    /// them, still writes the fresh build's bytes.
    @Test func theStandbyKeepsTheSearchTokens() throws {
        let place = try Place()
        defer { place.directory.cleanUp() }
        _ = try place.rebuild("the first build")
        _ = try place.rebuild("the second build")
        let kept = place.directory.path + "/.site.standby/" + Standby.searchFileName
        let bytes = try #require(FileManager.default.contents(atPath: kept))
        let cache = try #require(SearchTokenCache(decoding: Array(bytes), tool: BuildInputs.toolIdentity))
        #expect(cache.count > 5)
        #expect(!FileManager.default.fileExists(atPath: place.output + "/" + Standby.searchFileName))
        try place.edit("organisations/example-lab.md") { $0 + "\nA kept-tokens paragraph.\n" }
        _ = try place.rebuild("a body edited")
        #expect(!FileManager.default.fileExists(atPath: place.output + "/" + Standby.searchFileName))
    }

    /// Edits in sequence, each rebuilt over the last and compared with a fresh build. Body edits keep most files;
    /// anything that changes the structure makes every output again.
    @Test func everyRebuildIsTheFreshBuildsBytes() throws {
        let place = try Place()
        defer { place.directory.cleanUp() }
        _ = try place.rebuild("the first build")
        _ = try place.rebuild("the second build")
        let fileCount = Self.tree(place.output).count
        #expect(try place.rebuild("nothing changed") > fileCount / 2)

        // Its time kept (as an edit not yet committed keeps it in git): outputs that read times are kept too.
        let keptWithTimes = try place.rebuild("nothing changed")
        try place.edit("organisations/example-network.md") { $0.replacingOccurrences(of: "Members meet monthly.", with: "Members meet monthly, always.") }
        Self.setTime(place.content + "/organisations/example-network.md", Self.noon)
        let keptWithBody = try place.rebuild("a body edited, its time kept")
        #expect(keptWithBody > fileCount / 2)

        try place.edit("organisations/example-network.md") { $0.replacingOccurrences(of: "Members meet monthly, always.", with: "Members meet monthly in Ghent.") }
        Self.setTime(place.content + "/organisations/example-network.md", Self.noon + 600)
        let keptWithTime = try place.rebuild("a body edited the same day")
        #expect(keptWithTime > fileCount / 2)
        // A new time makes the outputs that show times (home page, calendars, API lists) again.
        #expect(keptWithTime < keptWithBody && keptWithBody < keptWithTimes)

        try place.edit("organisations/example-network.md") { $0 + "\nA second paragraph.\n" }
        Self.setTime(place.content + "/organisations/example-network.md", Self.noon + 86_400 * 3)
        #expect(try place.rebuild("a body edited on a later day") == 0)

        try place.edit("organisations/example-network.md") { $0.replacingOccurrences(of: "name: \"Example Network\"", with: "name: \"Example Network of Labs\"") }
        Self.setTime(place.content + "/organisations/example-network.md", Self.noon + 86_400 * 3)
        #expect(try place.rebuild("a name changed") == 0)
        #expect(try place.rebuild("nothing changed after a name change") > fileCount / 2)

        // A funder shown on its organisation's page: its body is on that page.
        try place.edit("funders/example-fund.md") { $0.replacingOccurrences(of: "kind: trust\n", with: "kind: trust\norganisation: example-trust\n") + "\nFunds small projects.\n" }
        Self.setTime(place.content + "/funders/example-fund.md", Self.noon + 86_400 * 3)
        #expect(try place.rebuild("a funder joined to its organisation") == 0)
        _ = try place.rebuild("nothing changed")
        try place.edit("funders/example-fund.md") { $0.replacingOccurrences(of: "Funds small projects.", with: "Funds small and large projects.") }
        Self.setTime(place.content + "/funders/example-fund.md", Self.noon + 86_400 * 3 + 60)
        #expect(try place.rebuild("a role's body edited") > fileCount / 2)

        try place.edit("handbook.yml") { $0 + "\n" }
        #expect(try place.rebuild("handbook.yml changed") == 0)
        _ = try place.rebuild("nothing changed")

        let layout = place.theme + "/templates/layout.mustache"
        try (try String(contentsOfFile: layout, encoding: .utf8)).replacingOccurrences(of: "</footer>", with: "<p>Kept.</p></footer>")
            .write(toFile: layout, atomically: false, encoding: .utf8)
        #expect(try place.rebuild("the theme changed") == 0)
        _ = try place.rebuild("nothing changed")

        try (try String(contentsOfFile: place.content + "/organisations/example-lab.md", encoding: .utf8))
            .write(toFile: place.content + "/organisations/example-lab-two.md", atomically: false, encoding: .utf8)
        #expect(try place.rebuild("an entry added") == 0)
        try FileManager.default.removeItem(atPath: place.content + "/organisations/example-lab-two.md")
        #expect(try place.rebuild("an entry removed") == 0)

        #expect(try place.rebuild("another day", today: PartialDate(year: 2027, month: 3, day: 1)) == 0)
    }

    /// Files of the output removed, added or replaced by hand, or the whole output restored from a copy: the
    /// standby no longer matches it, so nothing is kept, and every rebuild after is still the fresh build's bytes
    /// (the hand-made change does not come back a build later).
    /// The output is opened while the content is checked; a build that then stops on the content's errors
    /// leaves the standby (and its state) as it was, so the build after the fix still keeps what it can.
    @Test func aBuildStoppedByErrorsLeavesTheStandbyToTheNext() throws {
        let place = try Place()
        defer { place.directory.cleanUp() }
        _ = try place.rebuild("the first build")
        _ = try place.rebuild("the second build")
        let site = Self.tree(place.output)
        let standby = place.directory.path + "/.site.standby"
        try place.edit("organisations/example-network.md") { $0.replacingOccurrences(of: "---\n", with: "---\nno_such_field: 1\n", options: [], range: $0.range(of: "---\n")) }
        let failed = try Pipeline.build(place.options(output: place.output))
        #expect(!failed.written && failed.validation.errorCount > 0)
        #expect(Self.tree(place.output) == site)
        #expect(FileManager.default.fileExists(atPath: standby + "/" + BuildState.fileName))
        #expect(OutputSiblings.standbyIsACopy(of: place.output))
        #expect(OutputSiblings.leftovers(in: place.directory.path) == ["content", "site", "theme"])
        try place.edit("organisations/example-network.md") { $0.replacingOccurrences(of: "no_such_field: 1\n", with: "") }
        Self.setTime(place.content + "/organisations/example-network.md", Self.noon)
        #expect(try place.rebuild("the error fixed") > site.count / 2)
    }

    /// An empty folder made in the output by hand (at the top, or inside a folder of the site) goes with the next
    /// build, whether or not the site changed, and does not come back from the standby a build later.
    @Test(arguments: ["handmade", "organisations/handmade/inner"])
    func anEmptyFolderMadeByHandGoes(_ folder: String) throws {
        let place = try Place()
        defer { place.directory.cleanUp() }
        _ = try place.rebuild("the first build")
        _ = try place.rebuild("the second build")
        let made = place.output + "/" + folder
        try FileManager.default.createDirectory(atPath: made, withIntermediateDirectories: true)
        _ = try place.rebuild("nothing changed after an empty folder was made")
        #expect(!FileManager.default.fileExists(atPath: made))
        #expect(OutputSiblings.standbyIsACopy(of: place.output))
        try FileManager.default.createDirectory(atPath: made, withIntermediateDirectories: true)
        for round in 1...2 {
            try place.edit("organisations/example-network.md") { $0 + "\nRound \(round).\n" }
            Self.setTime(place.content + "/organisations/example-network.md", Self.noon + round)
            _ = try place.rebuild("a body edited, round \(round), after an empty folder was made")
            #expect(!FileManager.default.fileExists(atPath: made), "round \(round)")
        }
        #expect(OutputSiblings.standbyIsACopy(of: place.output))
    }

    /// A change made the moment a build ends is stamped after the standby was sealed (the coarse clock file times come
    /// from lags the fine one by up to a tick), so the next build sees it.
    @Test func aChangeTheMomentABuildEndsIsSeen() throws {
        let place = try Place()
        defer { place.directory.cleanUp() }
        _ = try place.rebuild("the first build")
        for round in 1...5 {
            _ = try Pipeline.build(place.options(output: place.output))
            let made = place.output + "/made-at-once-\(round)"
            try FileManager.default.createDirectory(atPath: made, withIntermediateDirectories: false)
            _ = try Pipeline.build(place.options(output: place.output))
            #expect(!FileManager.default.fileExists(atPath: made), "round \(round)")
        }
    }

    @Test func anOutputChangedByHandIsNotTrusted() throws {
        let place = try Place()
        defer { place.directory.cleanUp() }
        _ = try place.rebuild("the first build")
        _ = try place.rebuild("the second build")
        // Written in place: the standby shares the very file, but its time of change is after the copy was sealed.
        let list = try FileHandle(forWritingTo: URL(fileURLWithPath: place.output + "/topics/index.html"))
        try list.seekToEnd()
        try list.write(contentsOf: Data("<!-- hand edit -->".utf8))
        try list.close()
        #expect(try place.rebuild("a page written in place by hand") == 0)
        #expect(try place.rebuild("nothing changed after the hand edit") > 0)

        let page = place.output + "/organisations/index.html"
        let replaced = try String(contentsOfFile: page, encoding: .utf8).replacingOccurrences(of: "</body>", with: "<!-- replaced --></body>")
        try FileManager.default.removeItem(atPath: page)
        try replaced.write(toFile: page, atomically: false, encoding: .utf8)
        #expect(try place.rebuild("a page replaced by hand") == 0)
        for round in 1...2 {
            try place.edit("organisations/example-network.md") { $0 + "\nRound \(round).\n" }
            Self.setTime(place.content + "/organisations/example-network.md", Self.noon)
            _ = try place.rebuild("a body edited, round \(round), after a page was replaced")
        }
        #expect(try place.rebuild("nothing changed, the standby in step again") > 0)

        try FileManager.default.removeItem(atPath: place.output + "/organisations/example-lab/index.html")
        try "stray".write(toFile: place.output + "/stray.html", atomically: false, encoding: .utf8)
        #expect(try place.rebuild("a page removed and a stray file added by hand") == 0)
        _ = try place.rebuild("nothing changed after that")
        // Below the top, in a folder the site has: the output is not listed, but the folder's times moved.
        try "stray".write(toFile: place.output + "/organisations/stray.html", atomically: false, encoding: .utf8)
        #expect(try place.rebuild("a stray file added in a folder of the site") == 0)
        #expect(!FileManager.default.fileExists(atPath: place.output + "/organisations/stray.html"))
        #expect(try place.rebuild("nothing changed after that") > 0)

        let backup = place.directory.path + "/backup"
        try FileManager.default.copyItem(atPath: place.output, toPath: backup)
        try place.edit("handbook.yml") { $0 + "\n" }
        _ = try place.rebuild("handbook.yml changed")
        _ = try place.rebuild("nothing changed")
        try FileManager.default.removeItem(atPath: place.output)
        try FileManager.default.copyItem(atPath: backup, toPath: place.output)
        #expect(try place.rebuild("the output restored from an older copy") == 0)
    }

    /// The state survives the trip through its file, and a damaged file is not read.
    @Test func theStateReadsBackAsWritten() {
        let state = BuildState(site: ByteDigest.of(Array("site".utf8)),
                               entries: ["content/organisations/a.md": .init(body: ByteDigest.of(Array("a".utf8)), dates: ByteDigest()),
                                         "b\tc.md": .init(body: ByteDigest(), dates: ByteDigest.of(Array("1".utf8))),
                                         // Digits at both ends: zero, one digit, a leading zero nibble, all sixteen.
                                         "d.md": .init(body: ByteDigest(high: 0, low: 0xF), dates: ByteDigest(high: 0x0FFF_FFFF_FFFF_FFFF, low: .max))],
                               outputs: ["entry pages": ["organisations/a/index.html"], "feeds": []], sealed: 1_795_608_000_123_456_789)
        let bytes = state.encoded()
        #expect(BuildState(decoding: bytes) == state)
        #expect(BuildState(decoding: Array(bytes.dropLast(3))) == nil)
        #expect(BuildState(decoding: []) == nil)
        #expect(BuildState.hex(ArraySlice("0".utf8)) == 0)
        #expect(BuildState.hex(ArraySlice("ffffffffffffffff".utf8)) == .max)
        for damaged in ["", "fG", "+f", "1ffffffffffffffff"] { #expect(BuildState.hex(ArraySlice(damaged.utf8)) == nil, "\(damaged)") }
    }
}

extension KeptOutputTests {
    /// The tests' helper names the standby's own files as the writer does.
    @Test func theHelperKnowsTheStatesName() {
        #expect(OutputSiblings.stateName == BuildState.fileName)
        #expect(OutputSiblings.searchName == Standby.searchFileName)
    }
}
