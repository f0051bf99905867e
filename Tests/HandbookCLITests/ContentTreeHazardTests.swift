import Foundation
import HandbookTestSupport
import Testing
#if canImport(Glibc)
import Glibc
#elseif canImport(Darwin)
import Darwin
#endif

/// Issue 14, defects 4 and 9: what in a content tree is not a plain file is reported, never read blindly,
/// never waited on, and never the cause of other, false problems.
@Suite struct ContentTreeHazardTests {
    /// Runs `check` on another thread and gives up after `seconds`, so a run that blocks fails instead of hanging.
    static func checkWithin(_ seconds: Double, _ content: String) -> CLIRun? {
        nonisolated(unsafe) var result: CLIRun?
        let done = DispatchSemaphore(value: 0)
        Thread.detachNewThread {
            result = runCLI(["check", "--content", content])
            done.signal()
        }
        return done.wait(timeout: .now() + seconds) == .success ? result : nil
    }

    static func tree(_ directory: TemporaryDirectory) throws -> String {
        try directory.write("content/handbook.yml", "title: T\n")
        try directory.write("content/organisations/p.md", "---\nname: P\ncountry: GB\npartners: [f, loop]\n---\n")
        return directory.path + "/content"
    }

    /// A file name that is not UTF-8 is one `encoding` error, exit status 1: not a file that cannot be read (it was read
    /// back by its name made String, another name) and an invalid slug besides.
    @Test func aNameThatIsNotUTF8IsOneError() throws {
        let directory = try TemporaryDirectory()
        defer { directory.cleanUp() }
        let content = try Self.tree(directory)
        try directory.write("content/organisations/f.md", "---\nname: F\ncountry: GB\n---\n")
        try directory.write("content/organisations/loop.md", "---\nname: L\ncountry: GB\n---\n")
        let name: [CChar] = Array((content + "/organisations/bad").utf8CString.dropLast()) + [CChar(bitPattern: 0xFF), 0x2E, 0x6D, 0x64, 0]
        let descriptor = open(name, O_CREAT | O_WRONLY, 0o644)
        #expect(descriptor >= 0)
        close(descriptor)
        let run = runCLI(["check", "--content", content])
        #expect(run.status == 1)
        #expect(run.out == "\(content)/organisations/bad\u{FFFD}.md:1:1: error: this name is not valid UTF-8 (U+FFFD stands for the bytes that are not), "
                + "so no page can be named from it; rename it [encoding]\n1 error, 0 warnings in 4 files\n", "\(run.out)")
    }

    @Test func aFIFOIsReportedAndNotWaitedOn() throws {
        let directory = try TemporaryDirectory()
        defer { directory.cleanUp() }
        let content = try Self.tree(directory)
        #expect(mkfifo(content + "/organisations/f.md", 0o644) == 0)
        try directory.write("content/organisations/loop.md", "---\nname: L\ncountry: GB\n---\n")
        try FileManager.default.removeItem(atPath: content + "/handbook.yml")
        #expect(mkfifo(content + "/handbook.yml", 0o644) == 0)
        let run = try #require(Self.checkWithin(20, content), "check blocked on a FIFO")
        #expect(run.status == 1)
        #expect(run.out.contains("/content/handbook.yml:1:1: error: this is not a regular file or folder (a FIFO, socket or device)"), "\(run.out)")
        #expect(run.out.contains("/content/organisations/f.md:1:1: error: this is not a regular file or folder"), "\(run.out)")
        #expect(!run.out.contains("[reference]"), "a reported file still counts as an entry: \(run.out)")
    }

    @Test func settingsLinkedFromOutsideTheTreeAreNotRead() throws {
        let directory = try TemporaryDirectory()
        defer { directory.cleanUp() }
        let content = try Self.tree(directory)
        try directory.write("secret.yml", "title: SECRET-VALUE\nbase_url: \"not: read\"\n")
        try FileManager.default.removeItem(atPath: content + "/handbook.yml")
        try FileManager.default.createSymbolicLink(atPath: content + "/handbook.yml", withDestinationPath: directory.path + "/secret.yml")
        try FileManager.default.createSymbolicLink(atPath: content + "/organisations/loop.md", withDestinationPath: "loop.md")
        let run = runCLI(["check", "--content", content])
        #expect(run.status == 1)
        #expect(run.out.contains("/content/handbook.yml:1:1: error: this symbolic link leads outside the content tree"), "\(run.out)")
        #expect(!run.out.contains("SECRET") && !run.out.contains("not: read") && !run.out.contains("missing-file"), "\(run.out)")
        #expect(run.out.contains("/content/organisations/loop.md:1:1: error: this symbolic link leads back to itself, through other links or none (a loop)"))
        #expect(!run.out.contains("'loop'"), "a broken link named as an entry still counts as one: \(run.out)")
    }

    /// A link to the content folder itself (`pages -> .`) is named as such, not as leading outside the tree.
    @Test func aLinkToTheContentFolderItselfIsNamed() throws {
        let directory = try TemporaryDirectory()
        defer { directory.cleanUp() }
        let content = try Self.tree(directory)
        try directory.write("content/organisations/f.md", "---\nname: F\ncountry: GB\n---\n")
        try directory.write("content/organisations/loop.md", "---\nname: L\ncountry: GB\n---\n")
        try FileManager.default.createSymbolicLink(atPath: content + "/pages", withDestinationPath: ".")
        try FileManager.default.createSymbolicLink(atPath: content + "/events", withDestinationPath: "..")
        let run = runCLI(["check", "--content", content])
        #expect(run.status == 1)
        for name in ["pages", "events"] {
            #expect(run.out.contains("/content/\(name):1:1: error: this symbolic link leads to the content folder itself, or a folder holding it; remove it [symlink]"),
                    "\(run.out)")
        }
    }

    @Test func hiddenEntriesAreWarnedAbout() throws {
        let directory = try TemporaryDirectory()
        defer { directory.cleanUp() }
        let content = try Self.tree(directory)
        try directory.write("content/organisations/f.md", "---\nname: F\ncountry: GB\n---\n")
        try directory.write("content/organisations/loop.md", "---\nname: L\ncountry: GB\n---\n")
        try directory.write("content/organisations/.draft.md", "---\nname: Hidden\n---\n")
        try directory.write("content/organisations/.#p.md", "lock")
        try directory.write("content/organisations/.DS_Store", "x")
        let run = runCLI(["check", "--content", content])
        #expect(run.status == 0)
        #expect(run.out.contains("/content/organisations/.draft.md:1:1: warning: '.draft.md' starts with '.', so it is neither checked nor published; rename it to 'draft.md' to publish it, or remove it [hidden-file]"), "\(run.out)")
        #expect(run.out.split(separator: "\n").count == 2, "only the hidden entry is reported: \(run.out)")
        #expect(runCLI(["check", "--content", content, "--strict"]).status == 1)
    }

    /// An unreadable file is an I/O error (exit 2, as the README says), reported once. Root reads every file, so
    /// as root (CI's containers) the built binary runs as `nobody` through util-linux's `setpriv`; only a root
    /// without it skips the check.
    @Test(.enabled(if: geteuid() != 0 || FileManager.default.isExecutableFile(atPath: "/usr/bin/setpriv"), "root can read a file without permissions"))
    func anUnreadableFileIsAnIOError() throws {
        let directory = try TemporaryDirectory()
        defer { directory.cleanUp() }
        let content = try Self.tree(directory)
        try directory.write("content/organisations/f.md", "---\nname: F\ncountry: GB\n---\n")
        try directory.write("content/organisations/loop.md", "---\nname: L\ncountry: GB\n---\n")
        #expect(chmod(content + "/organisations/f.md", 0) == 0)
        defer { chmod(content + "/organisations/f.md", 0o644) }
        let run: CLIRun
        if geteuid() == 0 {
            let binary = try #require(KilledBuildTests.binary, "the handbook binary is not built")
            let result = try Subprocess.run("/usr/bin/setpriv", ["--reuid=65534", "--regid=65534", "--clear-groups", binary, "check", "--content", content],
                                            environment: ["HANDBOOK_TODAY": fixedToday, "PATH": "/usr/bin:/bin"])
            run = CLIRun(status: result.status, out: result.output, err: "")
        } else {
            run = runCLI(["check", "--content", content])
        }
        #expect(run.status == 2, "\(run.out)")
        #expect(run.out.contains("/content/organisations/f.md:1:1: error: ") && run.out.contains("[io]"), "\(run.out)")
        #expect(!run.out.contains("[reference]"), "\(run.out)")
        #expect(run.out.contains("1 error"), "reported once: \(run.out)")
    }
}
