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

    /// A small tree with one gap of every kind: an isolated organisation, a one-way partnership, a topic and a
    /// country with organisations but no case study, and a topic and a country with a case study but no organisation.
    func gapsTree(_ directory: TemporaryDirectory) throws -> String {
        try directory.write("content/handbook.yml", "title: T\ntopics:\n  juries: Juries\n  budgets: Budgets\nmethods:\n  jury: Jury\n")
        // International bodies (INT) are never a country gap: a case study always happens in a country.
        try directory.write("content/organisations/alone.md", "---\nname: Alone\ncountry: INT\n---\n")
        try directory.write("content/organisations/asker.md", "---\nname: Asker\ncountry: BE\ntopics: [juries]\npartners: [runner]\n---\n")
        try directory.write("content/organisations/runner.md", "---\nname: Runner\ncountry: INT\n---\n")
        try directory.write("content/case-studies/budget.md", """
            ---
            title: Budget
            organisations: [runner]
            methods: [jury]
            country: CA
            start: 2020
            topics: [budgets]
            ---

            """)
        return directory.path + "/content"
    }

    @Test func gapsListTheLibrariansToDoListWithPaths() throws {
        let directory = try TemporaryDirectory()
        defer { directory.cleanUp() }
        let content = try gapsTree(directory)
        #expect(!runCLI(["check", "--content", content]).out.contains("Gaps"))
        let run = runCLI(["check", "--content", content, "--gaps"])
        #expect(run.status == 0)
        let lines = run.out.split(separator: "\n").map(String.init)
        let header = try #require(lines.firstIndex { $0.hasPrefix("Gaps") })
        #expect(Array(lines[header...]) == [
            "Gaps (the librarian's to-do list): 6",
            "\(content)/organisations/alone.md: isolated: no relationship to any other entry; add its networks, partners or funders, or name it in a case study, event or resource",
            "\(content)/organisations/asker.md: one-way partnership: names 'runner' in partners, but \(content)/organisations/runner.md does not name 'asker'; add a partner link back from runner to asker, or remove it from asker",
            "\(content)/case-studies: topic 'juries' (Juries): 1 organisation but no case study; add a case study on it, or tag an existing one with it",
            "\(content)/organisations: topic 'budgets' (Budgets): 1 case study but no organisation; add the organisations that work on it, or tag existing ones with it",
            "\(content)/case-studies: country BE (Belgium): 1 organisation but no case study; add a case study from Belgium",
            "\(content)/organisations: country CA (Canada): 1 case study but no organisation; add the organisations based in Canada",
            "0 errors, 0 warnings in 5 files",
        ])
    }

    @Test func gapsInJSONAreOneArrayAndNeverChangeTheExitStatus() throws {
        let directory = try TemporaryDirectory()
        defer { directory.cleanUp() }
        let content = try gapsTree(directory)
        let run = runCLI(["check", "--content", content + "/", "--gaps", "--strict", "--format", "json"])
        #expect(run.status == 0)
        #expect(run.out == "[]\n")
        let line = try #require(run.err.split(separator: "\n").first { $0.hasPrefix("gaps: ") })
        let gaps = try #require(try JSONSerialization.jsonObject(with: Data(line.dropFirst("gaps: ".count).utf8)) as? [[String: String]])
        #expect(gaps.map { $0["kind"] ?? "" } == ["isolated", "one-way-partnership", "topic-without-case-studies", "topic-without-organisations",
                                                    "country-without-case-studies", "country-without-organisations"])
        #expect(gaps[0]["path"] == "\(content)/organisations/alone.md")
        #expect(gaps[2]["path"] == "\(content)/case-studies")
        #expect(gaps.allSatisfy { Set($0.keys) == ["kind", "path", "message"] })
        // Content errors keep their status with --gaps, and the list still comes.
        try directory.write("content/organisations/broken.md", "---\nname: Broken\ncountry: XX\n---\n")
        let failing = runCLI(["check", "--content", content, "--gaps"])
        #expect(failing.status == 1)
        #expect(failing.out.contains("Gaps (the librarian's to-do list)"))
    }

    @Test func gapsOnGitHubAreNotices() throws {
        let directory = try TemporaryDirectory()
        defer { directory.cleanUp() }
        let content = try gapsTree(directory)
        let run = runCLI(["check", "--content", content, "--gaps", "--format", "github"])
        #expect(run.status == 0)
        #expect(run.out.contains("::notice file=\(content)/organisations/alone.md,line=1,title=isolated::isolated: no relationship"))
        #expect(run.out.contains("::notice title=country-without-organisations::\(content)/organisations: country CA (Canada)"))
    }

    /// A topic's label may hold a line break (a quoted YAML string can; an escape character is refused): in text, each
    /// gap stays one line, so a label cannot start a workflow command of its own in a CI log.
    @Test func gapsInTextKeepEachGapToOneLine() throws {
        let directory = try TemporaryDirectory()
        defer { directory.cleanUp() }
        let content = try gapsTree(directory)
        try directory.write("content/handbook.yml", "title: T\ntopics:\n  juries: \"J\\n::error file=README.md::injected\"\n  budgets: Budgets\nmethods:\n  jury: Jury\n")
        let run = runCLI(["check", "--content", content, "--gaps"])
        #expect(run.status == 0, "\(run.out)")
        #expect(!run.out.split(separator: "\n").contains { $0.hasPrefix("::") }, "\(run.out)")
        #expect(run.out.contains("topic 'juries' (J<U+000A>::error file=README.md::injected): 1 organisation but no case study"), "\(run.out)")
    }
}
