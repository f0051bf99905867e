import Foundation
#if canImport(Glibc)
import Glibc
#endif
import Testing

@Suite struct InspectCommandTests {
    @Test func printsFrontMatterAsJSONInFileOrder() throws {
        let path = Fixtures.validSite + "/organisations/example-network.md"
        let run = runCLI(["inspect", path])
        #expect(run.status == 0)
        #expect(run.out == """
        {
          "name": "Example Network",
          "country": "BE",
          "kind": "network",
          "summary": "A network whose name is plain text: no, on and 1.10 stay text."
        }

        """)
    }

    @Test func nestedValuesAndNullsAreShown() throws {
        let directory = try TemporaryDirectory()
        defer { directory.cleanUp() }
        try directory.write("events/e.md", "---\ntitle: x\nrepeat: {frequency: weekly, count: 3}\nlist: [1, \"two\"]\nempty:\n---\n")
        let run = runCLI(["inspect", directory.path + "/events/e.md"])
        #expect(run.status == 0)
        let object = try #require(try JSONSerialization.jsonObject(with: Data(run.out.utf8)) as? [String: Any])
        #expect((object["repeat"] as? [String: String])?["count"] == "3")
        #expect((object["list"] as? [String]) == ["1", "two"])
        #expect(object["empty"] is NSNull)
    }

    /// What is not a file is named for what it is, not as missing.
    @Test func aFolderOrAPipeIsNamedForWhatItIs() throws {
        let directory = try TemporaryDirectory()
        defer { directory.cleanUp() }
        #expect(runCLI(["inspect", directory.path]).err.contains(": is a folder; inspect reads one content file"))
        #expect(mkfifo(directory.path + "/pipe", 0o600) == 0)
        let pipe = runCLI(["inspect", directory.path + "/pipe"])
        #expect(pipe.status == 2)
        #expect(pipe.err.contains(": is not a regular file (a pipe, a device or a socket)"), "\(pipe.err)")
        #expect(runCLI(["inspect", directory.path + "/none.md"]).err.contains(": no such file"))
    }

    @Test func badFileExitsOneWithDiagnostic() {
        let path = Fixtures.invalid.appendingPathComponent("yaml/content/organisations/anchors.md").path
        let run = runCLI(["inspect", path])
        #expect(run.status == 1)
        #expect(run.err.contains("anchors.md:2:7: error: anchors (&name) are not supported"))
        #expect(run.out.isEmpty)
    }

    @Test func readsHandbookYML() {
        let run = runCLI(["inspect", Fixtures.validSite + "/handbook.yml"])
        #expect(run.status == 0)
        #expect(run.out.contains("\"topics\": {\n    \"assemblies\": \"Citizens' assemblies\""))
    }

    @Test func missingFileExitsTwo() {
        let run = runCLI(["inspect", "/nonexistent.md"])
        #expect(run.status == 2)
    }
}
