import Foundation
import HandbookTestSupport
import Testing

/// `handbook check`: its reports, formats and exit statuses.
@Suite struct CheckCommandTests {
    @Test func validFixtureSitePassesStrictCheck() {
        let run = runCLI(["check", "--content", Fixtures.validSite, "--strict"])
        #expect(run.status == 0, "\(run.out)")
        #expect(run.out == "0 errors, 0 warnings in 12 files\n")
    }

    /// Each folder in Fixtures/invalid is a content tree whose text report must match its expected.txt.
    /// Re-record with `HANDBOOK_RECORD=1 swift test --filter CheckCommandTests`.
    @Test(arguments: ["fields", "layout", "limits", "references", "rules", "settings", "yaml"])
    func invalidFixtureMatchesGoldenReport(_ name: String) throws {
        let folder = Fixtures.invalid.appendingPathComponent(name)
        let content = folder.appendingPathComponent("content").path
        let run = runCLI(["check", "--content", content])
        #expect(run.status == 1)
        let report = run.out.replacingOccurrences(of: folder.path + "/", with: "")
        let golden = folder.appendingPathComponent("expected.txt")
        if try Golden.recorded(golden, report) { return }
        let expected = try String(contentsOf: golden, encoding: .utf8)
        #expect(report == expected)
    }

    @Test func everyErrorInOneRunIsReported() {
        let run = runCLI(["check", "--content", Fixtures.invalid.appendingPathComponent("rules/content").path])
        let errorLines = run.out.split(separator: "\n").filter { $0.contains(": error: ") }
        #expect(errorLines.count == 13)
        #expect(run.out.hasSuffix("13 errors, 3 warnings in 6 files\n"))
    }

    @Test func jsonFormatIsAnArrayOfDiagnostics() throws {
        let run = runCLI(["check", "--content", Fixtures.invalid.appendingPathComponent("references/content").path, "--format", "json"])
        #expect(run.status == 1)
        let array = try #require(try JSONSerialization.jsonObject(with: Data(run.out.utf8)) as? [[String: Any]])
        #expect(array.count == 12)
        let first = try #require(array.first)
        #expect(Set(first.keys) == ["path", "line", "column", "severity", "rule", "message"])
        #expect(first["rule"] as? String == "required")
        #expect(first["line"] as? Int == 3)
        #expect(run.err == "12 errors, 0 warnings in 4 files\n")
    }

    @Test func githubFormatPrintsWorkflowCommands() {
        let run = runCLI(["check", "--content", Fixtures.invalid.appendingPathComponent("rules/content").path, "--format", "github"])
        let lines = run.out.split(separator: "\n")
        #expect(lines.contains { $0.hasPrefix("::error file=") && $0.contains(",line=8,col=5,title=policy-stages::stage 2") })
        #expect(lines.contains { $0.hasPrefix("::warning file=") && $0.contains("title=stale-review::") })
        #expect(lines.last == "13 errors, 3 warnings in 6 files")
    }

    @Test func warningsPassUnlessStrict() {
        let path = Fixtures.validSite
        let environment = ["HANDBOOK_TODAY": "2030-01-01"]
        let relaxed = runCLI(["check", "--content", path], environment: environment)
        #expect(relaxed.status == 0)
        #expect(relaxed.out.contains("warning: 'reviewed' is 2026-10-01"))
        let strict = runCLI(["check", "--content", path, "--strict"], environment: environment)
        #expect(strict.status == 1)
    }

    @Test func missingContentDirectoryIsAnIOError() {
        let run = runCLI(["check", "--content", "/nonexistent/content"])
        #expect(run.status == 2)
        #expect(run.err.contains("no such content directory"))
    }

    @Test func unknownFormatIsAUsageError() {
        let run = runCLI(["check", "--format", "xml"])
        #expect(run.status == 2)
        #expect(run.err.contains("--format must be text, json or github"))
        #expect(run.err.contains("Usage: handbook check"))
    }

    @Test func shippedContentPassesStrictCheck() {
        let content = SharedFolder.packageRoot.appendingPathComponent("content").path
        let run = runCLI(["check", "--content", content, "--strict"])
        #expect(run.status == 0, "\(run.out)")
    }

    @Test(.needsShared("real-data check"))
    func realParticipediaDataChecksWithoutErrors() throws {
        let shared = try #require(SharedFolder.url, "HANDBOOK_REQUIRE_SHARED=1 but the external test data is absent (docs/testing.md)")
        let run = runCLI(["check", "--content", shared.appendingPathComponent("realdata/content").path])
        #expect(run.status == 0, "\(run.out.prefix(2000))")
        #expect(run.out.hasSuffix("0 errors, 0 warnings in 1069 files\n"))
    }

    /// An unreadable handbook.yml is one error, not also an "undeclared" error for every topic and method the
    /// entries use (what it declares is unknown).
    @Test func anUnreadableSettingsFileIsOneError() throws {
        let directory = try TemporaryDirectory()
        defer { directory.cleanUp() }
        let content = directory.path + "/content"
        try FileManager.default.copyItem(atPath: Fixtures.validSite, toPath: content)
        let settings = try String(contentsOfFile: content + "/handbook.yml", encoding: .utf8)
        try settings.replacingOccurrences(of: "title: \"Example Handbook\"", with: "title: \"Example Handbook")
            .write(toFile: content + "/handbook.yml", atomically: true, encoding: .utf8)
        let run = runCLI(["check", "--content", content])
        #expect(run.status == 1)
        #expect(run.out.hasSuffix("1 error, 0 warnings in 12 files\n"), "\(run.out)")
        #expect(run.out.contains("handbook.yml:2:"), "\(run.out)")
        #expect(!run.out.contains("[topic]") && !run.out.contains("[method]"), "\(run.out)")
    }

}
