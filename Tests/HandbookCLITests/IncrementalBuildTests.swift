import Foundation
@testable import HandbookCLI
import HandbookTestSupport
import Testing
#if canImport(Glibc)
import Glibc
#elseif canImport(Darwin)
import Darwin
#endif

/// `handbook build` over its previous output rewrites exactly the files whose bytes change.
@Suite struct IncrementalBuildTests {
    /// A file's modification time and inode, which a rewrite changes.
    static func identity(_ path: String) -> [Int] {
        var info = stat()
        guard lstat(path, &info) == 0 else { return [] }
        return [Int(info.st_mtim.tv_sec), Int(info.st_ino)]
    }

    /// Gives every file under `root` an old modification time and returns each file's identity.
    static func age(_ root: String) throws -> [String: [Int]] {
        var identities: [String: [Int]] = [:]
        for path in try tree(root).keys {
            var times = [timeval(tv_sec: 1_000_000_000, tv_usec: 0), timeval(tv_sec: 1_000_000_000, tv_usec: 0)]
            #expect(utimes(root + "/" + path, &times) == 0)
            identities[path] = identity(root + "/" + path)
        }
        return identities
    }

    /// Editing one entry's body rewrites its page and everything else whose bytes change (the pages that show
    /// it, feeds, API files, search files) and nothing more. The expected set is not listed by hand: it is the
    /// difference between fresh builds of the two versions.
    @Test func editingOneEntryRewritesExactlyTheFilesThatChange() throws {
        let directory = try TemporaryDirectory()
        defer { directory.cleanUp() }
        let content = directory.path + "/content"
        try FileManager.default.copyItem(atPath: Fixtures.validSite, toPath: content)
        let site = directory.path + "/site"
        let first = buildFixture(into: site, content: content)
        #expect(first.status == 0, "\(first.out)\(first.err)")
        let count = try tree(site).count - 1
        #expect(first.out.contains("Built \(count) files into \(site)/ (\(count) written, 0 unchanged, 0 removed) in "), "\(first.out)")
        #expect(buildFixture(into: directory.path + "/before", content: content).status == 0)

        let entry = "organisations/example-network.md"
        let text = try directory.read("content/" + entry)
        try directory.write("content/" + entry, text.replacingOccurrences(of: "Members meet monthly.", with: "Members meet monthly in Ghent, and sortition juries yearly."))
        #expect(buildFixture(into: directory.path + "/after", content: content).status == 0)
        let before = try tree(directory.path + "/before")
        let after = try tree(directory.path + "/after")
        let differing = Set(after.keys.filter { before[$0] != after[$0] })
        let gone = Set(before.keys).subtracting(after.keys)
        // The edit must reach beyond its own page for this test to mean anything.
        #expect(differing.contains("organisations/example-network/index.html"))
        #expect(differing.contains("api/organisations/0.json"))
        #expect(differing.contains("feed.xml"))
        #expect(differing.contains { $0.hasPrefix("search/t/") })
        #expect(!differing.contains("assets/style.css"))

        let identities = try Self.age(site)
        let run = buildFixture(into: site, content: content)
        #expect(run.status == 0, "\(run.out)\(run.err)")
        let touched = Set(try tree(site).keys.filter { Self.identity(site + "/" + $0) != identities[$0] })
        #expect(touched == differing)
        #expect(try tree(site) == after)
        let total = after.count - 1
        #expect(run.out.contains("Built \(total) files into \(site)/ (\(differing.count) written, \(total - differing.count) unchanged, \(gone.count) removed) in "), "\(run.out)")
    }

    /// Before the fix, any one-character output name crashed Foundation's path code on Linux. The output is
    /// relative to the working directory, so this runs the built `handbook` in a fresh directory.
    @Test func aOneCharacterOutputNameBuilds() throws {
        let directory = try TemporaryDirectory()
        defer { directory.cleanUp() }
        let binary = URL(fileURLWithPath: CommandLine.arguments[0]).deletingLastPathComponent().appendingPathComponent("handbook").path
        let fallback = SharedFolder.packageRoot.appendingPathComponent(".build/debug/handbook").path
        let executable = try #require([binary, fallback].first(where: FileManager.default.isExecutableFile), "the handbook binary is not built")
        let theme = SharedFolder.packageRoot.appendingPathComponent("themes/default").path
        let (status, output) = try Subprocess.run(executable, ["build", "--content", Fixtures.validSite, "--theme", theme, "--output", "o"],
                                                  in: directory.path, environment: buildEnvironment)
        #expect(status == 0, "\(output)")
        #expect(output.contains("Built "), "\(output)")
        #expect(FileManager.default.fileExists(atPath: directory.path + "/o/index.html"))
        #expect(try FileManager.default.contentsOfDirectory(atPath: directory.path) == ["o"])
    }

    @Test func countsAreGroupedInThousands() {
        #expect(BuildCommand.grouped(0) == "0")
        #expect(BuildCommand.grouped(999) == "999")
        #expect(BuildCommand.grouped(1_000) == "1,000")
        #expect(BuildCommand.grouped(35_536) == "35,536")
        #expect(BuildCommand.grouped(1_234_567) == "1,234,567")
    }
}
