import Foundation
import HandbookTestSupport
import Testing

/// A type folder that cannot be listed is one `io` error reported with every other problem of the run, and the
/// references to its entries are not reported as missing. The real binary runs, as a user without the right to
/// list the folder (`nobody` when the tests run as root, for whom permissions block nothing).
@Suite struct UnreadableFolderTests {
    @Test(.asAUserPermissionsBind) func anUnlistableTypeFolderIsOneErrorAmongTheOthers() throws {
        let binary = try #require(KilledBuildTests.binary, "the handbook binary is built beside the tests")
        var command = [binary]
        if getuid() == 0 {
            guard FileManager.default.isExecutableFile(atPath: "/usr/bin/setpriv") else { return }
            command = ["/usr/bin/setpriv", "--reuid=65534", "--regid=65534", "--clear-groups"] + command
        }
        let directory = try TemporaryDirectory()
        let content = directory.path + "/content"
        try FileManager.default.copyItem(atPath: Fixtures.validSite, toPath: content)
        let folder = content + "/organisations"
        defer {
            chmod(folder, 0o755)
            directory.cleanUp()
        }
        // Another problem elsewhere, reported in the same run.
        try directory.write("content/events/broken.md", "---\ntitle: Broken\nno_such_field: 1\n---\n")
        chmod(directory.path, 0o755)
        chmod(folder, 0)
        let run = try Subprocess.run(command[0], Array(command.dropFirst()) + ["check", "--content", content],
                                     environment: ["HANDBOOK_TODAY": "2026-11-22", "PATH": "/usr/bin:/bin"])
        #expect(run.status == 2, "\(run.output)")
        #expect(run.output.contains("\(folder):1:1: error: cannot list the folder (Permission denied), so its entries are neither checked nor published"), "\(run.output)")
        #expect(run.output.contains("events/broken.md"), "\(run.output)")
        #expect(!run.output.contains("[reference]"), "\(run.output)")
    }
}

extension Trait where Self == ConditionTrait {
    /// Runs a test only where it can run the binary as a user permissions bind: any user but root, or root with
    /// `setpriv` (to run it as `nobody`); elsewhere the test is reported as skipped.
    static var asAUserPermissionsBind: Self {
        .enabled(if: getuid() != 0 || FileManager.default.isExecutableFile(atPath: "/usr/bin/setpriv"),
                 "permissions block nothing for root, and there is no setpriv to run the binary as nobody")
    }
}
