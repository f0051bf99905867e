import Foundation
import HandbookTestSupport
import Testing

/// An output made read-only, and a read-only folder put inside it by hand, do not jam later builds: the real
/// binary runs as a user whom permissions bind (`nobody` when the tests run as root, for whom they block nothing).
@Suite struct ReadOnlyOutputTests {
    /// Runs the binary with `arguments` as a user permissions apply to; nil where none can be had.
    static func run(_ arguments: [String]) throws -> (status: Int32, output: String)? {
        guard let binary = KilledBuildTests.binary else { return nil }
        var command = [binary] + arguments
        if getuid() == 0 {
            guard FileManager.default.isExecutableFile(atPath: "/usr/bin/setpriv") else { return nil }
            command = ["/usr/bin/setpriv", "--reuid=65534", "--regid=65534", "--clear-groups"] + command
        }
        return try Subprocess.run(command[0], Array(command.dropFirst()),
                                  environment: ["HANDBOOK_TODAY": "2026-11-22", "SOURCE_DATE_EPOCH": "1764547200", "PATH": "/usr/bin:/bin"])
    }

    static func mode(_ path: String) -> mode_t {
        var info = stat()
        return stat(path, &info) == 0 ? info.st_mode & 0o777 : 0
    }

    @Test(.asAUserPermissionsBind) func readOnlyOutputsAndFoldersDoNotJamLaterBuilds() throws {
        let directory = try TemporaryDirectory()
        let root = directory.path, content = root + "/content", site = root + "/site"
        defer {
            _ = try? Subprocess.run("/bin/chmod", ["-R", "u+w", root])
            directory.cleanUp()
        }
        try FileManager.default.copyItem(atPath: Fixtures.validSite, toPath: content)
        // The user the builds run as owns the folder the output goes in, as it would its own.
        chmod(root, 0o755)
        if getuid() == 0 { chown(root, 65534, 65534) }
        let build = ["build", "--content", content, "--theme", KilledBuildTests.theme, "--output", site]
        guard let first = try Self.run(build) else { return }
        #expect(first.status == 0, "\(first.output)")
        let entry = content + "/organisations/example-network.md"
        func edit(_ round: Int) throws {
            try (try String(contentsOfFile: entry, encoding: .utf8) + "\nRead-only round \(round).\n").write(toFile: entry, atomically: false, encoding: .utf8)
        }
        func page() throws -> String { try String(contentsOfFile: site + "/organisations/example-network/index.html", encoding: .utf8) }

        // The whole output read-only: rebuilt, and read-only still.
        chmod(site, 0o555)
        try edit(1)
        let second = try #require(try Self.run(build))
        #expect(second.status == 0, "\(second.output)")
        #expect(try page().contains("Read-only round 1."))
        #expect(Self.mode(site) == 0o555)

        // A read-only folder put inside it by hand, holding a file: taken away by the next build, and by the one after.
        chmod(site, 0o755)
        let stray = site + "/kept-by-hand"
        try FileManager.default.createDirectory(atPath: stray, withIntermediateDirectories: false)
        try "stray".write(toFile: stray + "/note.txt", atomically: false, encoding: .utf8)
        if getuid() == 0 { chown(stray, 65534, 65534); chown(stray + "/note.txt", 65534, 65534) }
        chmod(stray, 0o555)
        for round in 2...3 {
            try edit(round)
            let rebuilt = try #require(try Self.run(build))
            #expect(rebuilt.status == 0, "round \(round): \(rebuilt.output)")
            #expect(try page().contains("Read-only round \(round)."))
            #expect(!FileManager.default.fileExists(atPath: stray), "round \(round)")
        }
        #expect(OutputSiblings.standbyIsACopy(of: site))
        let unchanged = try #require(try Self.run(build))
        #expect(unchanged.status == 0 && unchanged.output.contains("(0 written"), "\(unchanged.output)")
    }
}
