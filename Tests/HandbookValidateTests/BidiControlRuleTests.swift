import HandbookLoad
import HandbookModel
@testable import HandbookValidate
import Testing

/// A directional override, embedding or isolate left open would reorder the text after it on the page.
@Suite struct BidiControlRuleTests {
    @Test(arguments: [("\\u202E", "U+202E RIGHT-TO-LEFT OVERRIDE", "U+202C"), ("\\u202A", "U+202A LEFT-TO-RIGHT EMBEDDING", "U+202C"),
                      ("\\u2067", "U+2067 RIGHT-TO-LEFT ISOLATE", "U+2069"), ("\\u2068", "U+2068 FIRST STRONG ISOLATE", "U+2069")])
    func anUnclosedOneInAValueIsRefused(_ escape: String, _ name: String, _ closing: String) throws {
        let found = try diagnostics(.organisations, "country: GB\nname: \"Forum \(escape)civic\"\n")
        #expect(found.map(\.rule) == ["bidi-control"])
        #expect(found.first?.message.contains("'name' opens \(name)") == true, "\(found)")
        #expect(found.first?.message.contains("close it with \(closing)") == true, "\(found)")
        #expect(found.first?.location.line == 3 && found.first?.location.column == 7)
    }

    @Test func closedOnesAreAllowed() throws {
        #expect(try rules(.organisations, "name: \"a \\u202Eb\\u202C c \\u2067\\u05E9\\u2069 d \\u2066x\\u202Ay\\u2069\"\ncountry: GB\n").isEmpty)
        // A closing character with nothing to close does nothing, and says nothing.
        #expect(try rules(.organisations, "name: \"a \\u202C b \\u2069\"\ncountry: GB\n").isEmpty)
    }

    @Test func anOverrideOpenedInsideAnIsolateIsClosedWithIt() throws {
        #expect(try rules(.organisations, "name: \"\\u2066a\\u202Eb\\u2069 c\"\ncountry: GB\n").isEmpty)
        // A PDF inside an isolate cannot close an override opened before it.
        #expect(try rules(.organisations, "name: \"\\u202Ea\\u2066b\\u202C\\u2069 c\"\ncountry: GB\n") == ["bidi-control"])
    }

    @Test func listItemsAndKeysAreNamed() throws {
        let found = try diagnostics(.organisations, "name: N\ncountry: GB\noffers: [ok, \"x\\u202Dy\"]\nidentifiers:\n  \"GB\\u202E\": \"1\"\n")
        let messages = found.map(\.message).joined(separator: "\n")
        #expect(found.map(\.rule) == ["bidi-control", "bidi-control"])
        #expect(messages.contains("'offers[2]' opens U+202D LEFT-TO-RIGHT OVERRIDE"))
        #expect(messages.contains("the key 'identifiers.GB\u{202E}' opens U+202E RIGHT-TO-LEFT OVERRIDE"))
    }

    @Test func aBodyLineMustCloseWhatItOpens() {
        var reporter = Reporter(path: "x.md")
        BidiControlRule.check(body: Array("fine \u{202E}closed\u{202C} é\nhere: é\u{2067}open\nnext line\n".utf8), line: 5, &reporter)
        #expect(reporter.diagnostics.map(\.rule) == ["bidi-control"])
        #expect(reporter.diagnostics.first?.location.line == 6)
        #expect(reporter.diagnostics.first?.location.column == 8)
        var clean = Reporter(path: "x.md")
        BidiControlRule.check(body: Array("“quoted” — dashes… \u{2068}שלום\u{2069}\n".utf8), line: 1, &clean)
        #expect(clean.diagnostics.isEmpty)
    }

    /// The body is read as its page shows it: a character reference counts as its character, and a closing character
    /// in a link's address or a comment, which the page does not show as text, closes nothing.
    @Test(arguments: ["qa &#x202E; qb", "qa &#8238; qb", "qa \u{202E} evil [x](https://a.example/\u{202C}) more",
                      "qa \u{2067} b <!-- \u{2069} --> c"])
    func aBodyIsReadAsItsPageShowsIt(_ body: String) {
        var reporter = Reporter(path: "x.md")
        BidiControlRule.check(body: Array(body.utf8), line: 1, &reporter)
        #expect(reporter.diagnostics.map(\.rule) == ["bidi-control"], "\(body)")
        #expect(reporter.diagnostics.first?.location.column == 4, "\(body)")
    }

    @Test func referencesThatCloseAreAllowed() {
        var reporter = Reporter(path: "x.md")
        BidiControlRule.check(body: Array("a &#x202E;b&#x202C; c &#x2067;d\u{2069} &#38; &#x41;\n".utf8), line: 1, &reporter)
        #expect(reporter.diagnostics.isEmpty)
    }

    /// A shown image's description is an attribute, apart from the line: a closing character there closes nothing
    /// around the image. Where the image is not shown, the description is the line's text: both readings must close.
    @Test(arguments: ["Pay 1234 \u{202E}5678 ![x\u{202C}](data:image/png;base64,iVBORw0KGgo=) ref 9999 now",
                      "Pay 1234 \u{202E}5678 ![x\u{202C}](/a.png) ref",
                      "Pay 1234 \u{202E}5678 ![x [y](https://a.example/) \u{202C}](/a.png) ref",
                      "a ![x \u{202E}y](/a.png) b"])
    func anImagesDescriptionClosesNothingAroundIt(_ body: String) {
        var reporter = Reporter(path: "x.md")
        BidiControlRule.check(body: Array(body.utf8), line: 1, &reporter)
        #expect(reporter.diagnostics.map(\.rule) == ["bidi-control"], "\(body)")
    }

    @Test(arguments: ["a ![x \u{202E}y\u{202C}](/a.png) b", "\u{202E}a ![x](/a.png) b\u{202C} c", "a ![x\u{2067}y\u{2069}][ref] b"])
    func closedAroundOrInsideAnImageIsAllowed(_ body: String) {
        var reporter = Reporter(path: "x.md")
        BidiControlRule.check(body: Array(body.utf8), line: 1, &reporter)
        #expect(reporter.diagnostics.isEmpty, "\(body)")
    }

    @Test func manyAmpersandsAreReadInLinearTime() {
        // Not timed: each `&` searched the rest of the body for the next E2 byte (a megabyte took 3.4 s in release).
        var reporter = Reporter(path: "x.md")
        let body = "&#38; " + String(repeating: "&", count: 1_000_000) + " \u{202E}x\n"
        BidiControlRule.check(body: Array(body.utf8), line: 1, &reporter)
        #expect(reporter.diagnostics.map(\.rule) == ["bidi-control"])
        #expect(reporter.diagnostics.first?.location.column == 1_000_008)
    }

    @Test func handbookSettingsAreChecked() throws {
        let settings = try YAMLParser.parse(Array("title: \"T\\u202E\"\n".utf8), lineOffset: 0).root
        let tree = LoadedTree(settings: settings, settingsPath: "handbook.yml", documents: [], diagnostics: [], fileCount: 1)
        #expect(Validator.validate(tree, today: testToday).diagnostics.map(\.rule) == ["bidi-control"])
    }

    @Test(arguments: [[0xE2], [0x61, 0xE2, 0x80], [0xE2, 0x80, 0xAE]] as [[UInt8]])
    func theTextsEndIsNeverReadPast(_ bytes: [UInt8]) {
        let found = bytes.withUnsafeBufferPointer { DirectionalFormatting.firstUnclosed(in: $0) }
        #expect(found == (bytes.count == 3 && bytes[0] == 0xE2 ? 0 : nil))
    }
}
