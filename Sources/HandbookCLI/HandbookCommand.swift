import Foundation
import HandbookModel

/// The `handbook` command line: dispatches to a command and returns its exit status.
public enum HandbookCommand {
    /// Runs the tool with `arguments` (without the program name); output goes to `console`. `types` are
    /// the types of entry (the handbook's own unless a test or fork adds some).
    public static func run(_ arguments: [String], environment: [String: String], console: inout Console,
                           types: TypeCatalog = .standard) -> Int32 {
        guard let command = arguments.first else {
            console.printError(Usage.main)
            return ExitStatus.usage
        }
        let rest = Array(arguments.dropFirst())
        switch command {
        case "--help", "-h", "help":
            console.print(Usage.main)
            return ExitStatus.success
        case "--version":
            console.print(Usage.version)
            return ExitStatus.success
        case "check":
            return CheckCommand.run(rest, environment: environment, console: &console, types: types)
        case "build":
            return BuildCommand.run(rest, environment: environment, console: &console, types: types)
        case "inspect":
            return InspectCommand.run(rest, console: &console)
        case "new":
            return NewCommand.run(rest, console: &console, types: types)
        default:
            let commands = ["check", "build", "inspect", "new"]
            let hint = Suggestion.closest(to: command, in: commands).map { " Did you mean '\($0)'?" } ?? ""
            console.printError("handbook: unknown command '\(command)'.\(hint)\n")
            console.printError(Usage.main)
            return ExitStatus.usage
        }
    }

    /// Reads a command's options; `--help`/`-h` prints the command's help. Either way, when the command
    /// should stop here, returns the exit status to stop with instead of the arguments.
    static func parse(_ arguments: [String], valued: Set<String>, switches: Set<String>, help: String,
                      console: inout Console) -> Result<Arguments, ExitCode> {
        let parsed: Arguments
        do {
            parsed = try Arguments(arguments, valued: valued, switches: switches.union(["--help", "-h"]))
        } catch {
            return .failure(ExitCode(usageError(error.message, help: help, console: &console)))
        }
        if parsed.has("--help") || parsed.has("-h") {
            console.print(help)
            return .failure(ExitCode(ExitStatus.success))
        }
        return .success(parsed)
    }

    /// An exit status carried as an error, so `parse` can return it in a `Result`.
    struct ExitCode: Error {
        var status: Int32
        init(_ status: Int32) { self.status = status }
    }

    /// Reports a usage problem with the command's help and returns the usage exit status.
    static func usageError(_ message: String, help: String, console: inout Console) -> Int32 {
        console.printError("handbook: \(message)\n")
        console.printError(help)
        return ExitStatus.usage
    }
}

extension CommandLine {
    /// Runs the tool on the process's arguments and environment, printing to the real streams.
    public static func run(arguments: [String]) -> Int32 {
        var console = Console()
        let status = HandbookCommand.run(arguments, environment: ProcessInfo.processInfo.environment, console: &console)
        FileHandle.standardOutput.write(Data(console.out.utf8))
        FileHandle.standardError.write(Data(console.err.utf8))
        return status
    }
}
