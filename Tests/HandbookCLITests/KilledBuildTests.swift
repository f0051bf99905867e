import Foundation
import HandbookTestSupport
import Testing
#if canImport(Glibc)
import Glibc
#elseif canImport(Darwin)
import Darwin
#endif

/// Issue 14, defect 8: builds killed with SIGKILL at every step of writing the output leave the whole old site
/// or the whole new one, the next build cleans up what they left, and the output may be a link, `DIR/.`, or
/// have a missing parent. The real binary runs, so that it can be killed.
@Suite(.serialized) struct KilledBuildTests {
    static let theme = SharedFolder.packageRoot.appendingPathComponent("themes/default").path

    static var binary: String? {
        let beside = URL(fileURLWithPath: CommandLine.arguments[0]).deletingLastPathComponent().appendingPathComponent("handbook").path
        let fallback = SharedFolder.packageRoot.appendingPathComponent(".build/debug/handbook").path
        return [beside, fallback].first(where: FileManager.default.isExecutableFile)
    }

    /// Two versions of a content tree (v2 edits an entry, adds one and drops one) and the sites they build to.
    struct Versions {
        let directory: TemporaryDirectory
        let executable: String
        var v1: String { directory.path + "/v1" }
        var v2: String { directory.path + "/v2" }
        let site1: [String: Data]
        let site2: [String: Data]

        init() throws {
            directory = try TemporaryDirectory()
            executable = try #require(KilledBuildTests.binary, "the handbook binary is not built")
            try FileManager.default.copyItem(atPath: Fixtures.validSite, toPath: directory.path + "/v1")
            try FileManager.default.copyItem(atPath: Fixtures.validSite, toPath: directory.path + "/v2")
            try directory.write("v2/organisations/example-lab.md", "---\nname: \"Example Lab, renamed\"\ncountry: GB\n---\nNew body.\n")
            try directory.write("v2/organisations/example-new.md", "---\nname: \"Example New\"\ncountry: FR\n---\n")
            try FileManager.default.removeItem(atPath: directory.path + "/v2/resources/example-report.md")
            try directory.write("v2/case-studies/example-assembly.md",
                try directory.read("v2/case-studies/example-assembly.md").replacingOccurrences(of: "resources: [example-report]\n", with: ""))
            var sites: [[String: Data]] = []
            for version in ["v1", "v2"] {
                let (status, output) = try Self.build(executable, content: directory.path + "/" + version, output: directory.path + "/clean-" + version)
                #expect(status == 0, "\(output)")
                sites.append(try tree(directory.path + "/clean-" + version))
            }
            (site1, site2) = (sites[0], sites[1])
            #expect(site1 != site2 && site1.count > 50)
        }

        static func build(_ executable: String, content: String, output: String, extra: [String: String] = [:]) throws -> (Int32, String) {
            try Subprocess.run(executable, ["build", "--content", content, "--theme", KilledBuildTests.theme, "--output", output],
                               environment: buildEnvironment.merging(extra) { $1 })
        }

        /// "old", "new" or "neither" (then which files differ), for the tree at `output`; "missing" when there is none.
        func state(of output: String) throws -> String {
            guard FileManager.default.fileExists(atPath: output) else { return "missing" }
            let files = try tree(output)
            if files == site1 { return "old" }
            if files == site2 { return "new" }
            let differing = Set(files.keys).union(site2.keys).filter { files[$0] != site1[$0] && files[$0] != site2[$0] }
            return "neither: " + differing.sorted().prefix(5).joined(separator: ", ")
        }

        /// The names beside the output (in `directory`, the sources, clean builds and the standby left out), after
        /// checking that the standby, if any, is a copy of the output.
        func leftovers() throws -> [String] {
            #expect(OutputSiblings.standbyIsACopy(of: directory.path + "/site"))
            return OutputSiblings.leftovers(in: directory.path, ignoring: ["v1", "v2", "clean-v1", "clean-v2", "site"])
        }
    }

    static let steps = ["staging", "before-commit", "after-swap", "updating-standby", "after-journal", "applying"]

    /// Killed at each step, with the exchange and in place: the output is the whole old or new site (in place, a
    /// build killed while applying its journal is the exception the docs state: the next build finishes it), and
    /// the next build leaves exactly the new site and nothing beside it.
    @Test(arguments: [false, true])
    func aBuildKilledAtAnyStepLeavesAWholeSite(inPlace: Bool) throws {
        let versions = try Versions()
        defer { versions.directory.cleanUp() }
        let output = versions.directory.path + "/site"
        for step in Self.steps {
            _ = try Versions.build(versions.executable, content: versions.v1, output: output)
            #expect(try versions.state(of: output) == "old")
            var extra = ["HANDBOOK_TEST_KILL_AT": step]
            if inPlace { extra["HANDBOOK_TEST_IN_PLACE"] = "1" }
            let (status, printed) = try Versions.build(versions.executable, content: versions.v2, output: output, extra: extra)
            let reached = (inPlace ? ["staging", "before-commit", "after-journal", "applying"] : ["staging", "before-commit", "after-swap", "updating-standby"]).contains(step)
            #expect(status == (reached ? SIGKILL : 0), "\(step): \(printed)")
            let state = try versions.state(of: output)
            if !(inPlace && step == "applying") {
                #expect(state == "old" || state == "new", "killed at \(step): \(state)")
            }
            if reached && ["after-swap", "updating-standby"].contains(step) { #expect(state == "new") }
            if reached && ["staging", "before-commit", "after-journal"].contains(step) { #expect(state == "old", "\(step)") }
            let (again, text) = try Versions.build(versions.executable, content: versions.v2, output: output)
            #expect(again == 0, "\(text)")
            #expect(try versions.state(of: output) == "new", "after a build killed at \(step)")
            #expect(try versions.leftovers() == [], "after a build killed at \(step)")
        }
    }

    /// A first build killed before its rename leaves no output, and nothing once the next build has run.
    @Test func aFirstBuildKilledLeavesNoOutput() throws {
        let versions = try Versions()
        defer { versions.directory.cleanUp() }
        let output = versions.directory.path + "/site"
        for step in ["staging", "before-commit"] {
            let (status, _) = try Versions.build(versions.executable, content: versions.v1, output: output, extra: ["HANDBOOK_TEST_KILL_AT": step])
            #expect(status == SIGKILL)
            #expect(try versions.state(of: output) == "missing")
            #expect(try versions.leftovers() == [".site.staging"] || versions.leftovers() == [".site.handbook-lock", ".site.staging"])
            _ = try Versions.build(versions.executable, content: versions.v1, output: output)
            #expect(try versions.state(of: output) == "old")
            #expect(try versions.leftovers() == [])
            try FileManager.default.removeItem(atPath: output)
        }
    }

    /// SIGKILL sent from outside at moments spread over a build: the output is always whole.
    @Test func killedFromOutsideAtAnyMomentTheOutputIsWhole() throws {
        let versions = try Versions()
        defer { versions.directory.cleanUp() }
        let output = versions.directory.path + "/site"
        for delay in stride(from: 0, through: 400, by: 25) {
            _ = try Versions.build(versions.executable, content: versions.v1, output: output)
            let process = Process()
            process.executableURL = URL(fileURLWithPath: versions.executable)
            process.arguments = ["build", "--content", versions.v2, "--theme", Self.theme, "--output", output]
            process.environment = buildEnvironment
            process.standardOutput = FileHandle.nullDevice
            process.standardError = FileHandle.nullDevice
            try process.run()
            usleep(UInt32(delay * 1_000))
            kill(process.processIdentifier, SIGKILL)
            process.waitUntilExit()
            let state = try versions.state(of: output)
            #expect(state == "old" || state == "new", "killed after \(delay) ms: \(state)")
            _ = try Versions.build(versions.executable, content: versions.v2, output: output)
            #expect(try versions.state(of: output) == "new")
            #expect(try versions.leftovers() == [])
        }
    }

    /// Builds started together into one output: each finishes or refuses clearly, and the output is whole.
    @Test func concurrentBuildsNeverMixTheirOutputs() throws {
        let versions = try Versions()
        defer { versions.directory.cleanUp() }
        let output = versions.directory.path + "/site"
        _ = try Versions.build(versions.executable, content: versions.v1, output: output)
        for round in 0..<4 {
            let pipes = (0..<3).map { _ in Pipe() }
            let processes = (0..<3).map { index -> Process in
                let process = Process()
                process.executableURL = URL(fileURLWithPath: versions.executable)
                process.arguments = ["build", "--content", index % 2 == round % 2 ? versions.v1 : versions.v2, "--theme", Self.theme, "--output", output]
                process.environment = buildEnvironment
                process.standardOutput = pipes[index]
                process.standardError = pipes[index]
                return process
            }
            for process in processes { try process.run() }
            for (process, pipe) in zip(processes, pipes) {
                let text = String(decoding: pipe.fileHandleForReading.readDataToEndOfFile(), as: UTF8.self)
                process.waitUntilExit()
                #expect(process.terminationStatus == 0 || (process.terminationStatus == 2 && text.contains("another handbook build is writing this output")), "\(text)")
            }
            let state = try versions.state(of: output)
            #expect(state == "old" || state == "new", "\(state)")
            #expect(try versions.leftovers() == [])
        }
    }

    // MARK: Where the output is

    @Test func anOutputThatIsALinkStaysALink() throws {
        let directory = try TemporaryDirectory()
        defer { directory.cleanUp() }
        try FileManager.default.createDirectory(atPath: directory.path + "/real", withIntermediateDirectories: false)
        try FileManager.default.createSymbolicLink(atPath: directory.path + "/link", withDestinationPath: "real")
        for _ in 0..<2 {
            let run = buildFixture(into: directory.path + "/link")
            #expect(run.status == 0, "\(run.out)\(run.err)")
            #expect(try FileManager.default.destinationOfSymbolicLink(atPath: directory.path + "/link") == "real")
            #expect(FileManager.default.fileExists(atPath: directory.path + "/real/index.html"))
            #expect(OutputSiblings.leftovers(in: directory.path, output: "real") == ["link", "real"])
            #expect(OutputSiblings.standbyIsACopy(of: directory.path + "/real"))
        }
    }

    @Test func anOutputWrittenWithATrailingDotIsThatFolder() throws {
        let directory = try TemporaryDirectory()
        defer { directory.cleanUp() }
        try FileManager.default.createDirectory(atPath: directory.path + "/d", withIntermediateDirectories: false)
        for _ in 0..<2 {
            let run = buildFixture(into: directory.path + "/d/.")
            #expect(run.status == 0, "\(run.out)\(run.err)")
            #expect(FileManager.default.fileExists(atPath: directory.path + "/d/index.html"))
            #expect(OutputSiblings.leftovers(in: directory.path, output: "d") == ["d"])
        }
        let missing = buildFixture(into: directory.path + "/gone/.")
        #expect(missing.status == 2)
        #expect(missing.err.contains("\(directory.path)/gone/.: the folder that would hold the output"), "\(missing.err)")
    }

    @Test func anOutputWithMissingParentsNamesThePathGiven() throws {
        let directory = try TemporaryDirectory()
        defer { directory.cleanUp() }
        let run = buildFixture(into: directory.path + "/new/a/b")
        #expect(run.status == 2)
        #expect(run.err.contains("handbook: \(directory.path)/new/a/b: the folder that would hold the output, \(directory.path)/new/a, does not exist; create it (mkdir -p \(directory.path)/new/a) or pass another --output"), "\(run.err)")
        #expect(!run.err.contains("staging") && !run.err.contains("lock"))
        #expect(try FileManager.default.contentsOfDirectory(atPath: directory.path) == [])
    }

    /// The folder the build runs in (`--output .`), or one holding it, is refused: replaced whole, it would leave the
    /// shell that started the build in a folder that no longer exists.
    @Test func theWorkingDirectoryIsNotAnOutput() throws {
        let executable = try #require(Self.binary)
        let directory = try TemporaryDirectory()
        defer { directory.cleanUp() }
        try FileManager.default.createDirectory(atPath: directory.path + "/site/inner", withIntermediateDirectories: true)
        for (folder, output) in [("site", "."), ("site/inner", ".."), ("site", directory.path + "/site/")] {
            let run = try Subprocess.run(executable, ["build", "--content", Fixtures.validSite, "--theme", Self.theme, "--output", output],
                                         in: directory.path + "/" + folder, environment: ["HANDBOOK_TODAY": "2026-01-15"])
            #expect(run.status == 2)
            #expect(run.output.contains("is the folder this build runs in, or holds it"), "\(run.output)")
        }
        #expect(try FileManager.default.contentsOfDirectory(atPath: directory.path + "/site") == ["inner"])
    }
}
