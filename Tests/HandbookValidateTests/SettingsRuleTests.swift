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

    @Test func unknownKeysAreErrors() throws {
        #expect(try read("title: H\ntheme: dark\n").1.map(\.rule) == ["unknown-key"])
    }

    @Test func vocabularyIdsMustBeSlugs() throws {
        #expect(try read("title: H\ntopics:\n  Bad Id: x\n").1.map(\.rule) == ["vocabulary"])
    }
}
