import HandbookLoad
import HandbookModel

/// `handbook inspect FILE`: the front matter as parsed, as JSON in file order.
enum InspectCommand {
    static let spec = CommandSpec(
        name: "inspect",
        operands: "FILE",
        summary: "print a file's front matter as parsed, as JSON",
        description: """
            Prints the front matter of FILE (a content .md file, or handbook.yml) as the tool parsed it, as JSON \
            with keys in file order. Every scalar is shown as text, exactly as read: the schema, not YAML, decides \
            types. Exits 1 with a diagnostic when the file cannot be parsed.
            """,
        options: [])

    static func run(_ arguments: [String], console: inout Console) -> Int32 {
        let parsed: Arguments
        switch HandbookCommand.parse(arguments, for: spec, console: &console) {
        case .success(let arguments): parsed = arguments
        case .failure(let stop): return stop.status
        }
        guard parsed.operands.count == 1, let path = parsed.operands.first else {
            return HandbookCommand.usageError("inspect takes exactly one FILE", for: spec, console: &console)
        }
        switch FileSystem.targetKind(path) {
        case .file:
            break
        case .missing:
            console.printError("handbook: " + DiagnosticFormatter.terminalSafe(path) + ": no such file")
            return ExitStatus.usage
        case .directory:
            console.printError("handbook: " + DiagnosticFormatter.terminalSafe(path) + ": is a folder; inspect reads one content file")
            return ExitStatus.usage
        default:
            console.printError("handbook: " + DiagnosticFormatter.terminalSafe(path) + ": is not a regular file (a pipe, a device or a socket); inspect reads one content file")
            return ExitStatus.usage
        }
        do {
            let result = try ContentLoader.loadFile(path)
            let errors = result.diagnostics.filter { $0.severity == .error }
            if !errors.isEmpty || result.node == nil {
                for diagnostic in result.diagnostics.sorted() {
                    console.printError(DiagnosticFormatter.textLine(diagnostic))
                }
                return ExitStatus.contentErrors
            }
            console.print(JSONText.node(result.node!))
            return ExitStatus.success
        } catch {
            console.printError("handbook: " + DiagnosticFormatter.terminalSafe(error.description))
            return ExitStatus.usage
        }
    }
}
