import Foundation
import Testing

/// The librarian's aids: the review queue and isolated organisations.
@Suite struct LibrarianTests {
    @Test func dueListsStaleThenNeverReviewedEntries() throws {
        let directory = try TemporaryDirectory()
        defer { directory.cleanUp() }
        try directory.write("content/handbook.yml", "title: T\nreview_after_months: 6\n")
        try directory.write("content/organisations/old.md", "---\nname: Old\ncountry: GB\nreviewed: 2025-01-01\n---\n")
        try directory.write("content/organisations/older.md", "---\nname: Older\ncountry: GB\nreviewed: 2024-01-01\n---\n")
        try directory.write("content/organisations/fresh.md", "---\nname: Fresh\ncountry: GB\nreviewed: 2026-11-01\n---\n")
        try directory.write("content/organisations/never.md", "---\nname: Never\ncountry: GB\n---\n")
        let run = runCLI(["check", "--content", directory.path + "/content", "--due"])
        #expect(run.status == 0)
        let lines = run.out.split(separator: "\n").map(String.init)
        let header = try #require(lines.firstIndex { $0.hasPrefix("Due for review") })
        #expect(lines[header] == "Due for review (reviewed more than 6 months ago, or never): 3")
        #expect(lines[header + 1].contains("2024-01-01") && lines[header + 1].contains("older.md"))
        #expect(lines[header + 2].contains("2025-01-01") && lines[header + 2].contains("old.md"))
        #expect(lines[header + 3].contains("never") && lines[header + 3].contains("never.md"))
        #expect(!run.out.contains("fresh.md  Fresh"))
        #expect(lines.last == "0 errors, 2 warnings in 5 files")
    }

    @Test func dueInGitHubFormatPrintsNotices() throws {
        let run = runCLI(["check", "--content", Fixtures.validSite, "--due", "--format", "github"], environment: ["HANDBOOK_TODAY": "2030-01-01"])
        #expect(run.out.contains("::notice file=\(Fixtures.validSite)/organisations/example-trust.md,line=1,title=due-for-review::last reviewed 2026-10-01"))
    }

    @Test func isolatedOrganisationsWarnOnPullRequests() throws {
        let directory = try TemporaryDirectory()
        defer { directory.cleanUp() }
        try directory.write("content/handbook.yml", "title: T\n")
        try directory.write("content/organisations/alone.md", "---\nname: Alone\ncountry: GB\n---\n")
        try directory.write("content/organisations/member.md", "---\nname: Member\ncountry: GB\nnetworks: [network]\n---\n")
        try directory.write("content/organisations/network.md", "---\nname: Network\ncountry: GB\n---\n")
        let content = directory.path + "/content"
        #expect(!runCLI(["check", "--content", content]).out.contains("[isolated]"))
        let explicit = runCLI(["check", "--content", content, "--isolated"])
        #expect(explicit.out.contains("alone.md:1:1: warning: nothing links to 'alone' and it links to nothing"))
        #expect(!explicit.out.contains("member.md:1:1: warning") && !explicit.out.contains("network.md:1:1: warning"))
        let pullRequest = runCLI(["check", "--content", content, "--format", "github"],
                                 environment: ["HANDBOOK_TODAY": fixedToday, "GITHUB_EVENT_NAME": "pull_request"])
        #expect(pullRequest.out.contains("::warning file=\(content)/organisations/alone.md,line=1,col=1,title=isolated::"))
    }
}
