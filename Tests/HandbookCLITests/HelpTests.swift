import Foundation
@testable import HandbookCLI
import HandbookModel
import Testing

/// Help is generated from the commands' declarations, so it lists every option the parser accepts.
@Suite struct HelpTests {
    static let commands = HandbookCommand.commands.map(\.name)

    @Test(arguments: commands)
    func helpListsEveryDeclaredOption(_ name: String) throws {
        let command = try #require(HandbookCommand.commands.first { $0.name == name })
        let run = runCLI([name, "--help"])
        #expect(run.status == 0)
        #expect(run.err.isEmpty)
        let lines = run.out.split(separator: "\n").map(String.init)
        // The usage line, joined again where it was wrapped.
        let usageLine = run.out.components(separatedBy: "\n").prefix { !$0.isEmpty }.map { $0.trimmingCharacters(in: .whitespaces) }.joined(separator: " ")
        #expect(usageLine == "Usage: handbook \(name)" + (Usage.synopsis(command).isEmpty ? "" : " " + Usage.synopsis(command)))
        for option in command.options {
            let usage = "[" + option.name + (option.isSwitch ? "" : " " + (option.choices.isEmpty ? option.placeholder! : option.choices.joined(separator: "|"))) + "]"
            #expect(usageLine.contains(usage), "the usage line lacks \(usage)")
        }
        for option in command.acceptedOptions {
            let term = "  " + option.name + (option.placeholder.map { " " + $0 } ?? "") + "   "
            let line = try #require(lines.first { $0.hasPrefix(term) }, "no help line for \(option.name)")
            let summary = option.help.split(separator: "\n")[0].split(separator: " ").prefix(3).joined(separator: " ")
            #expect(line.contains(summary), "\(option.name)'s help line lacks '\(summary)'")
            if let fallback = option.defaultValue {
                #expect(line.contains("(default: \(fallback))"), "\(option.name)'s help line lacks its default")
            }
        }
        #expect(lines.allSatisfy { $0.count <= Usage.width }, "a help line is wider than \(Usage.width) columns")
    }

    @Test(arguments: commands)
    func theShortHelpSwitchPrintsTheSameHelp(_ name: String) {
        #expect(runCLI([name, "-h"]).out == runCLI([name, "--help"]).out)
        #expect(runCLI(["help", name]).out == runCLI([name, "--help"]).out)
    }

    @Test func helpForACommandThatDoesNotExistExitsTwo() {
        let run = runCLI(["help", "chek"])
        #expect(run.status == 2)
        #expect(run.err.hasPrefix("handbook: no command is called 'chek'. Did you mean 'check'?\n"), "\(run.err)")
    }

    @Test func theToolsHelpListsEveryCommandWithItsUsageAndSummary() {
        let run = runCLI(["--help"])
        #expect(run.status == 0)
        #expect(run.out.hasPrefix("handbook — build and check the Democracy Sector Handbook\n\nUsage:\n"))
        for command in HandbookCommand.commands {
            let synopsis = Usage.synopsis(command)
            let joined = run.out.replacingOccurrences(of: "\n +", with: " ", options: .regularExpression)
            #expect(synopsis.isEmpty ? run.out.contains("  handbook \(command.name)\n") : joined.contains(" \(synopsis)"), "no usage line for \(command.name)")
            #expect(run.out.contains("  \(command.name)   ") && run.out.contains(command.summary), "no summary for \(command.name)")
        }
        for option in HandbookCommand.options {
            #expect(run.out.contains("  \(option.name)   "), "no line for \(option.name)")
        }
        #expect(runCLI(["-h"]).out == run.out)
        #expect(runCLI(["help"]).out == run.out)
    }

    @Test func newListsEveryTypeWithItsHelpFromTheDescriptors() {
        let help = runCLI(["new", "--help"]).out
        for descriptor in TypeCatalog.standard.descriptors {
            #expect(help.contains("\(descriptor.type.folder): \(descriptor.help)"), "\(descriptor.type)")
        }
    }

    @Test func theCheckHelpKeepsItsNotes() {
        let help = runCLI(["check", "--help"]).out
        #expect(help.contains("  --format FMT    the output format (default: text)\n                  text: PATH:LINE:COLUMN: error|warning: MESSAGE [rule]\n"))
        #expect(help.contains("HANDBOOK_TODAY=YYYY-MM-DD"))
        #expect(help.contains("Exit status: 0 no errors, 1 errors (or warnings with --strict), 2 usage or I/O error."))
    }

    @Test func wrappingKeepsWordsAndIndents() {
        let text = String(repeating: "word ", count: 40).trimmingCharacters(in: .whitespaces)
        let lines = Usage.wrap(text, indent: 4)
        #expect(lines.count > 1)
        #expect(lines.allSatisfy { $0.hasPrefix("    word") && $0.count <= Usage.width })
        #expect(lines.map { $0.dropFirst(4) }.joined(separator: " ") == text)
        #expect(Usage.wrap("one\ntwo", indent: 0) == ["one", "two"])
    }
}

/// Options are parsed from the same declarations: names, values, defaults, choices and near misses.
@Suite struct ArgumentsTests {
    static let options: [OptionSpec] = [.content, CheckCommand.format, CheckCommand.strict, .help]

    @Test func readsValuesSwitchesAndOperands() throws {
        let parsed = try Arguments(["a", "--content=site", "--strict", "--format", "json", "--", "--b"], options: Self.options)
        #expect(parsed.value(.content) == "site")
        #expect(parsed.value(CheckCommand.format) == "json")
        #expect(parsed.has(CheckCommand.strict))
        #expect(parsed.operands == ["a", "--b"])
    }

    @Test func fallsBackToTheDeclaredDefault() throws {
        let parsed = try Arguments([], options: Self.options)
        #expect(parsed.value(.content) == "content")
        #expect(parsed.given(.content) == nil)
        #expect(parsed.value(CheckCommand.format) == "text")
        #expect(!parsed.has(CheckCommand.strict))
    }

    @Test func acceptsAliases() throws {
        #expect(try Arguments(["-h"], options: Self.options).has(.help))
    }

    @Test(arguments: [("--stric", "--strict"), ("--formt", "--format"), ("--contents", "--content"), ("--strict=yes", "--strict")])
    func suggestsTheNearestOption(_ typed: String, _ suggestion: String) {
        #expect(throws: Arguments.Problem(reason: .unknownOption(suggestion: suggestion), argument: typed)) {
            try Arguments([typed], options: Self.options)
        }
    }

    @Test func reportsAMissingValue() {
        #expect(throws: Arguments.Problem(reason: .missingValue, argument: "--content")) {
            try Arguments(["--content"], options: Self.options)
        }
    }

    @Test func reportsAValueOutsideTheChoicesAfterHelp() throws {
        let parsed = try Arguments(["--format", "xml"], options: Self.options)
        #expect(parsed.invalidChoice?.description == "--format must be text, json or github")
        let run = runCLI(["check", "--format", "xml"])
        #expect(run.status == 2)
        #expect(run.err.hasPrefix("handbook: --format must be text, json or github\n"))
        #expect(runCLI(["check", "--format", "xml", "--help"]).status == 0)
    }

    @Test func buildSuggestsAnAbbreviatedSwitch() {
        let run = runCLI(["build", "--check"])
        #expect(run.status == 2)
        #expect(run.err.hasPrefix("handbook: unknown option '--check'; did you mean --check-links?\n"))
    }
}
