import HandbookLoad
import HandbookModel
@testable import HandbookValidate
import Testing

@Suite struct SettingsRuleTests {
    func read(_ yaml: String) throws -> (Settings, [Diagnostic]) {
        let root = try YAMLParser.parse(Array(yaml.utf8)).root
        return SettingsRule.read(root, path: "handbook.yml", today: testToday)
    }

    @Test func readsSettingsAndVocabularies() throws {
        let (settings, found) = try read("title: H\nbase_url: https://example.org/h/\ntimezone: Europe/Paris\nreview_after_months: 6\ntopics:\n  a: A\nmethods:\n  m: M\n  n: N\n")
        #expect(found.isEmpty)
        #expect(settings.title == "H")
        #expect(settings.baseURL == "https://example.org/h/")
        #expect(settings.timezone == "Europe/Paris")
        #expect(settings.reviewAfterMonths == 6)
        #expect(settings.topics.map(\.id) == ["a"])
        #expect(settings.methods.map(\.label) == ["M", "N"])
    }

    @Test func defaultsFollowTheSpec() throws {
        let (settings, _) = try read("title: H\n")
        #expect(settings.language == "en-GB")
        #expect(settings.timezone == "Europe/London")
        #expect(settings.reviewAfterMonths == 12)
    }

    @Test func baseURLMustEndInASlash() throws {
        #expect(try read("title: H\nbase_url: https://example.org/h\n").1.map(\.rule) == ["settings"])
    }

    /// A query or fragment would end up in the middle of every page's address.
    @Test func baseURLTakesNoQueryOrFragment() throws {
        let (settings, found) = try read("title: H\nbase_url: \"https://x.org/?q=1#f/\"\n")
        #expect(found.map(\.rule) == ["settings"])
        #expect(found.first?.message.contains("query") == true)
        #expect(found.first?.location.line == 2 && found.first?.location.column == 11)
        #expect(settings.baseURL != "https://x.org/?q=1#f/")
        #expect(try read("title: H\nbase_url: https://x..org/\n").1.map(\.rule) == ["url"])
    }

    @Test func repositoryAndBranchAreRead() throws {
        let (settings, found) = try read("title: H\nrepository: acme/handbook\nbranch: release/2026\n")
        #expect(found.isEmpty)
        #expect(settings.repository?.owner == "acme")
        #expect(settings.repository?.name == "handbook")
        #expect(settings.branch == "release/2026")
    }

    @Test func withoutARepositoryThereIsNoneAndTheBranchIsMain() throws {
        let (settings, found) = try read("title: H\n")
        #expect(found.isEmpty)
        #expect(settings.repository == nil)
        #expect(settings.branch == "main")
    }

    @Test func aMalformedRepositoryIsReportedAtItsValue() throws {
        let (settings, found) = try read("title: H\nrepository:   \"https://github.com/acme/handbook\"\n")
        #expect(settings.repository == nil)
        let diagnostic = try #require(found.first)
        #expect(found.count == 1)
        #expect(diagnostic.rule == "repository")
        #expect(diagnostic.severity == .error)
        #expect(diagnostic.message == "'repository' must be a GitHub repository written owner/name, not an address: write 'acme/handbook'")
        #expect(diagnostic.location.line == 2)
        #expect(diagnostic.location.column == 15)
    }

    @Test func aRepositoryWithoutAnOwnerIsReported() throws {
        let found = try read("title: H\nrepository: handbook\n").1
        #expect(found.map(\.rule) == ["repository"])
        #expect(found.first?.message.contains("not 'handbook'") == true)
        #expect(found.first?.location.column == 13)
    }

    @Test func aMalformedBranchIsReportedAndTheDefaultKept() throws {
        let (settings, found) = try read("title: H\nrepository: acme/handbook\nbranch: a..b\n")
        #expect(found.map(\.rule) == ["repository"])
        #expect(found.first?.message.hasPrefix("'branch' must be a git branch name") == true)
        #expect(found.first?.location.line == 3)
        #expect(settings.branch == "main")
        #expect(settings.repository != nil)
    }

    @Test func unknownKeysAreErrors() throws {
        #expect(try read("title: H\ntheme: dark\n").1.map(\.rule) == ["unknown-key"])
    }

    @Test func vocabularyIdsMustBeSlugs() throws {
        #expect(try read("title: H\ntopics:\n  Bad Id: x\n").1.map(\.rule) == ["vocabulary"])
    }
}
