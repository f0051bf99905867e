import HandbookLoad
import HandbookModel

/// `handbook inspect FILE`: the front matter as parsed, as JSON in file order.
enum InspectCommand {
    static func run(_ arguments: [String], console: inout Console) -> Int32 {
        let parsed: Arguments
        switch HandbookCommand.parse(arguments, valued: [], switches: [], help: Usage.inspect, console: &console) {
        case .success(let arguments): parsed = arguments
        case .failure(let stop): return stop.status
        }
        guard parsed.positionals.count == 1, let path = parsed.positionals.first else {
            return HandbookCommand.usageError("inspect takes exactly one FILE", help: Usage.inspect, console: &console)
        }
        guard FileSystem.targetKind(path) == .file else {
            console.printError("handbook: \(path): no such file")
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
            console.printError("handbook: \(error.description)")
            return ExitStatus.usage
        }
    }
}
