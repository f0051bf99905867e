import Foundation
@testable import HandbookCLI
import HandbookModel
import Testing

/// Issue 14, defect 5: a file name or value cannot forge a workflow annotation or reach the terminal raw.
@Suite struct DiagnosticEscapingTests {
    /// A tree whose file and folder names and values hold CR, LF, CR LF and ESC.
    static func hostileTree(_ directory: TemporaryDirectory) throws -> String {
        try directory.write("content/handbook.yml", "title: T\n")
        try directory.write("content/organisations/a\r\n::error file=x.md,line=1::forged.md", "---\nname: N\ncountry: GB\n---\n")
        try directory.write("content/organisations/b\u{1B}[2Jc.txt", "x")
        try directory.write("content/organisations/ok.md", "---\nname: \"x\\r\\n::error::forged\\e[31m\"\ncountry: GB\nkind: \"no\\r\\n::warning::forged\"\n---\n")
        try FileManager.default.createDirectory(atPath: directory.path + "/content/organisations/d\nir", withIntermediateDirectories: true)
        return directory.path + "/content"
    }

    @Test func githubAnnotationsStayOneLineEach() throws {
        let directory = try TemporaryDirectory()
        defer { directory.cleanUp() }
        let run = runCLI(["check", "--content", try Self.hostileTree(directory), "--format", "github"])
        #expect(run.status == 1)
        #expect(!run.out.contains("\r") && !run.out.contains("\u{1B}"), "\(run.out.debugDescription)")
        let lines = run.out.split(separator: "\n", omittingEmptySubsequences: false).dropLast()
        #expect(lines.count == 6, "\(run.out)")
        for line in lines.dropLast() {
            #expect(line.hasPrefix("::error file=\(directory.path)/content/organisations/"), "\(line)")
        }
        #expect(run.out.contains("a%0D%0A%3A%3Aerror file=x.md%2Cline=1%3A%3Aforged.md,line=1,col=1,title=slug::"))
        #expect(run.out.contains("::'no%0D%0A::warning::forged' is not a valid kind"))
    }

    @Test func textLinesShowControlCharactersAsCodes() throws {
        let directory = try TemporaryDirectory()
        defer { directory.cleanUp() }
        let run = runCLI(["check", "--content", try Self.hostileTree(directory)])
        #expect(!run.out.contains("\r") && !run.out.contains("\u{1B}"), "\(run.out.debugDescription)")
        #expect(run.out.split(separator: "\n").count == 6)
        #expect(run.out.contains("b<U+001B>[2Jc.txt"))
        #expect(run.out.contains("d<U+000A>ir"))
    }

    @Test func directionalFormattingIsShownByItsCode() {
        // A key holding U+202E would otherwise reorder the rest of its message's line in the terminal and the log.
        #expect(DiagnosticFormatter.terminalSafe("the key 'a\u{202E}b' and \u{2067}c\u{2069}") == "the key 'a<U+202E>b' and <U+2067>c<U+2069>")
        #expect(DiagnosticFormatter.data("x\u{202D}") == "x<U+202D>")
    }

    @Test func escapingWorksOnScalarsNotCharacters() {
        // "\r\n" is one Character: a table keyed by Characters never matched it.
        #expect(DiagnosticFormatter.data("a\r\nb%\u{1B}\u{85}") == "a%0D%0Ab%25<U+001B><U+0085>")
        #expect(DiagnosticFormatter.property("p:1,\r\n") == "p%3A1%2C%0D%0A")
        #expect(DiagnosticFormatter.terminalSafe("tab\tstays, é stays") == "tab\tstays, é stays")
        #expect(JSONString.literal("a\u{85}b\u{1B}") == "\"a\\u0085b\\u001B\"")
        var bytes: [UInt8] = []
        JSONString.append("a\u{9B}b", to: &bytes)
        #expect(String(decoding: bytes, as: UTF8.self) == "\"a\\u009Bb\"")
    }
}
