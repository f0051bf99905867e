import Foundation
import Testing

@Suite struct CommandLineTests {
    @Test func versionPrintsTheVersion() {
        let run = runCLI(["--version"])
        #expect(run.status == 0)
        #expect(run.out.hasPrefix("handbook "))
    }

    @Test(arguments: [["--help"], ["check", "--help"], ["inspect", "--help"], ["new", "--help"]])
    func helpWorksOnEveryCommand(_ arguments: [String]) {
        let run = runCLI(arguments)
        #expect(run.status == 0)
        #expect(run.out.contains("Usage"))
    }

    @Test func unknownCommandExitsTwoWithUsage() {
        let run = runCLI(["chek"])
        #expect(run.status == 2)
        #expect(run.err.contains("unknown command 'chek'. Did you mean 'check'?"))
        #expect(run.err.contains("Usage:"))
    }

    @Test func unknownOptionExitsTwoWithUsage() {
        let run = runCLI(["check", "--stric"])
        #expect(run.status == 2)
        #expect(run.err.contains("unknown option '--stric'"))
        #expect(run.err.contains("Usage: handbook check"))
    }

    @Test func noArgumentsExitsTwo() {
        let run = runCLI([])
        #expect(run.status == 2)
        #expect(run.err.contains("Usage:"))
    }

    @Test func optionMissingItsValueExitsTwo() {
        let run = runCLI(["check", "--content"])
        #expect(run.status == 2)
        #expect(run.err.contains("--content needs a value"))
    }
}
