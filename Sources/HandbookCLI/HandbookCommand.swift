import Foundation
import HandbookModel

/// The `handbook` command line: dispatches to a command and returns its exit status.
public enum HandbookCommand {
    /// The tool's commands, in the order its help lists them.
    static let commands: [CommandSpec] = [CheckCommand.spec, BuildCommand.spec, ServeCommand.spec, InspectCommand.spec, NewCommand.spec]

    /// The first line of the tool's help.
    static let title = "handbook — build and check the Democracy Sector Handbook"

    /// `handbook --help` (also `-h` and `help`).
    static let helpOption = OptionSpec.flag("--help", aliases: ["-h", "help"], help: "show help (also after a command: handbook check --help)")
    /// `handbook --version`.
    static let versionOption = OptionSpec.flag("--version", help: "show the version")
    /// The options of the tool itself, before any command.
    static let options = [helpOption, versionOption]

    /// The paragraphs at the end of the tool's help.
    static let notes = ["Exit status: 0 success (warnings allowed unless --strict), 1 the content has errors, 2 usage or I/O error."]

    /// Runs the tool with `arguments` (without the program name); output goes to `console`.
    /// `types` are the types of entry (the handbook's own unless a test or fork adds some).
    public static func run(_ arguments: [String], environment: [String: String], console: inout Console,
                           types: TypeCatalog = .standard) -> Int32 {
        guard let command = arguments.first else {
            console.printError(Usage.main)
            return ExitStatus.usage
        }
        let rest = Array(arguments.dropFirst())
        if command == helpOption.name || helpOption.aliases.contains(command) {
            // `handbook help check` is `handbook check --help`, as git's and cargo's help are.
            if let topic = rest.first {
                guard let named = commands.first(where: { $0.name == topic }) else {
                    let hint = Suggestion.closest(to: topic, in: commands.map(\.name)).map { " Did you mean '\($0)'?" } ?? ""
                    console.printError("handbook: no command is called '\(DiagnosticFormatter.terminalSafe(topic))'.\(hint)\n")
                    console.printError(Usage.main)
                    return ExitStatus.usage
                }
                console.print(Usage.help(named))
                return ExitStatus.success
            }
            console.print(Usage.main)
            return ExitStatus.success
        }
        if command == versionOption.name {
            console.print(Usage.version)
            return ExitStatus.success
        }
        switch command {
        case CheckCommand.spec.name:
            return CheckCommand.run(rest, environment: environment, console: &console, types: types)
        case BuildCommand.spec.name:
            return BuildCommand.run(rest, environment: environment, console: &console, types: types)
        case ServeCommand.spec.name:
            return ServeCommand.run(rest, environment: environment, console: &console, types: types)
        case InspectCommand.spec.name:
            return InspectCommand.run(rest, console: &console)
        case NewCommand.spec.name:
            return NewCommand.run(rest, console: &console, types: types)
        default:
            let hint = Suggestion.closest(to: command, in: commands.map(\.name)).map { " Did you mean '\($0)'?" } ?? ""
            console.printError("handbook: unknown command '\(DiagnosticFormatter.terminalSafe(command))'.\(hint)\n")
            console.printError(Usage.main)
            return ExitStatus.usage
        }
    }

    /// Reads a command's arguments against its declared options; `--help`/`-h` prints the command's help. Either
    /// way, when the command should stop here, returns the exit status to stop with instead of the arguments.
    static func parse(_ arguments: [String], for command: CommandSpec, console: inout Console) -> Result<Arguments, ExitCode> {
        let parsed: Arguments
        do {
            parsed = try Arguments(arguments, options: command.acceptedOptions)
        } catch {
            return .failure(ExitCode(usageError(error.description, for: command, console: &console)))
        }
        if parsed.has(.help) {
            console.print(Usage.help(command))
            return .failure(ExitCode(ExitStatus.success))
        }
        if let problem = parsed.invalidChoice {
            return .failure(ExitCode(usageError(problem.description, for: command, console: &console)))
        }
        return .success(parsed)
    }

    /// `parse` for a command that takes options only: an operand is a usage error, with `hint` (given the
    /// operand) added to the message.
    static func parseOptions(_ arguments: [String], for command: CommandSpec, console: inout Console,
                             hint: (String) -> String = { _ in "" }) -> Result<Arguments, ExitCode> {
        let result = parse(arguments, for: command, console: &console)
        if case .success(let parsed) = result, let operand = parsed.operands.first {
            return .failure(ExitCode(usageError("\(command.name) takes no arguments" + hint(operand), for: command, console: &console)))
        }
        return result
    }

    /// An exit status carried as an error, so `parse` can return it in a `Result`.
    struct ExitCode: Error {
        var status: Int32
        init(_ status: Int32) { self.status = status }
    }

    /// Reports a usage problem with the command's help and returns the usage exit status.
    static func usageError(_ message: String, for command: CommandSpec, console: inout Console) -> Int32 {
        console.printError("handbook: " + DiagnosticFormatter.terminalSafe(message) + "\n")
        console.printError(Usage.help(command))
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
