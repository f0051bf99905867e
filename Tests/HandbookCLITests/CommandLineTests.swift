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

    /// Two values for one option: which was meant is not guessed; the same value twice is only said twice.
    @Test func anOptionGivenTwiceWithTwoValuesExitsTwo() {
        let run = runCLI(["check", "--content", "a", "--format", "json", "--content=b"])
        #expect(run.status == 2)
        #expect(run.err.hasPrefix("handbook: --content is given twice ('a' and 'b'); give it once\n"), "\(run.err)")
        #expect(runCLI(["check", "--content", Fixtures.validSite, "--content", Fixtures.validSite]).status == 0)
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
