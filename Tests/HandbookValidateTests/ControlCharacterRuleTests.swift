import HandbookLoad
import HandbookModel
@testable import HandbookValidate
import Testing

/// Issue 14, defect 6: control characters and noncharacters are refused in values, keys, bodies and
/// handbook.yml, at the line and column where they are written.
@Suite struct ControlCharacterRuleTests {
    @Test(arguments: [("\\x07", "U+0007"), ("\\u0000", "U+0000"), ("\\e", "U+001B"), ("\\x7F", "U+007F"), ("\\N", "U+0085"),
                      ("\\uFFFE", "U+FFFE"), ("\\uFDD0", "U+FDD0"), ("\\U0010FFFF", "U+10FFFF"), ("\\f", "U+000C")])
    func escapedControlsInValuesAreRefused(_ escape: String, _ code: String) throws {
        let found = try diagnostics(.organisations, "name: \"a\(escape)b\"\ncountry: GB\n")
        #expect(found.map(\.rule) == ["control-character"])
        #expect(found.first?.message.contains(code) == true, "\(found)")
        #expect(found.first?.location.line == 2 && found.first?.location.column == 7)
    }

    @Test func tabsAndLineBreaksAreText() throws {
        #expect(try rules(.organisations, "name: \"a\\tb\\r\\nc\"\ncountry: GB\nsummary: |\n  one\n  two\n").isEmpty)
    }

    @Test func nestedValuesAndKeysAreNamed() throws {
        let found = try diagnostics(.organisations, "name: N\ncountry: GB\noffers: [ok, \"x\\x01\"]\nidentifiers:\n  \"GB\\x02\": \"1\"\n")
        #expect(found.map(\.rule) == ["control-character", "control-character"])
        #expect(found.map(\.message).joined(separator: "\n").contains("'offers[2]' holds the control character U+0001"))
        #expect(found.map(\.message).joined(separator: "\n").contains("the key 'identifiers.GB\u{2}' holds the control character U+0002"))
    }

    @Test func theBodyIsCheckedAndPointedAt() {
        var reporter = Reporter(path: "x.md")
        ControlCharacterRule.check(body: Array("fine\nstill fine é\nhere: é\u{1B}[2J\n".utf8), line: 5, &reporter)
        #expect(reporter.diagnostics.map(\.rule) == ["control-character"])
        #expect(reporter.diagnostics.first?.location.line == 7)
        #expect(reporter.diagnostics.first?.location.column == 8)
        var clean = Reporter(path: "x.md")
        ControlCharacterRule.check(body: Array("tabs\tand\r\nCRLF, ünïcödé, 日本\n".utf8), line: 1, &clean)
        #expect(clean.diagnostics.isEmpty)
    }

    @Test func handbookSettingsAreChecked() throws {
        let settings = try YAMLParser.parse(Array("title: \"T\\x1B\"\n".utf8), lineOffset: 0).root
        let tree = LoadedTree(settings: settings, settingsPath: "handbook.yml", documents: [], diagnostics: [], fileCount: 1)
        let result = Validator.validate(tree, today: testToday)
        #expect(result.diagnostics.map { $0.rule } == ["control-character"])
    }
}

/// Issue 14, defect 9: a file that could not be read is an I/O error, and still an entry others may name.
@Suite struct UnreadableFileTests {
    @Test func anUnreadableEntryIsAnIOErrorAndStillExists() throws {
        let unreadable = RawDocument(type: .organisations, slug: "f", path: "organisations/f.md", frontMatter: nil, body: [], bodyLine: 1)
        let naming = try YAMLParser.parse(Array("name: P\ncountry: GB\npartners: [f]\n".utf8), lineOffset: 1).root
        let document = RawDocument(type: .organisations, slug: "p", path: "organisations/p.md", frontMatter: naming, body: [], bodyLine: 5)
        let io = Diagnostic.error("io", at: SourceLocation(path: "organisations/f.md", line: 1, column: 1), "cannot read")
        let tree = LoadedTree(settings: nil, settingsPath: "handbook.yml", documents: [unreadable, document], diagnostics: [io], fileCount: 2)
        let result = Validator.validate(tree, today: testToday)
        #expect(result.diagnostics.map { $0.rule } == ["io"])
        #expect(result.hasIOErrors)
    }
}
