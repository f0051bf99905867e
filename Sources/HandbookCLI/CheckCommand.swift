import Foundation
import HandbookBuild
import HandbookModel

/// `handbook check`: validate the content tree and report every problem.
enum CheckCommand {
    static func run(_ arguments: [String], environment: [String: String], console: inout Console) -> Int32 {
        let parsed: Arguments
        do {
            parsed = try Arguments(arguments, valued: ["--content", "--format"], switches: ["--strict", "--help", "-h"])
        } catch {
            return HandbookCommand.usageError(error.message, help: Usage.check, console: &console)
        }
        if parsed.has("--help") || parsed.has("-h") {
            console.print(Usage.check)
            return ExitStatus.success
        }
        guard parsed.positionals.isEmpty else {
            return HandbookCommand.usageError("check takes no arguments; did you mean --content \(parsed.positionals[0])?", help: Usage.check, console: &console)
        }
        guard let format = DiagnosticFormatter.Format(rawValue: parsed.value("--format", default: "text")) else {
            return HandbookCommand.usageError("--format must be text, json or github", help: Usage.check, console: &console)
        }
        guard let today = Today.date(environment: environment) else {
            return HandbookCommand.usageError("HANDBOOK_TODAY must be a date written YYYY-MM-DD", help: Usage.check, console: &console)
        }
        let result: ValidationResultSummary
        do {
            let validation = try Pipeline.check(contentPath: parsed.value("--content", default: "content"), today: today)
            result = ValidationResultSummary(diagnostics: validation.diagnostics, errors: validation.errorCount,
                                             warnings: validation.warningCount, files: validation.fileCount)
        } catch {
            console.printError("handbook: \(error.description)")
            return ExitStatus.usage
        }
        let strict = parsed.has("--strict")
        let output = DiagnosticFormatter.format(result.diagnostics, as: format)
        let summary = DiagnosticFormatter.summary(errors: result.errors, warnings: result.warnings, files: result.files)
        switch format {
        case .json:
            console.out += output
            console.printError(summary)
        case .text, .github:
            console.out += output
            console.print(summary)
        }
        if result.errors > 0 || (strict && result.warnings > 0) {
            return ExitStatus.contentErrors
        }
        return ExitStatus.success
    }

    struct ValidationResultSummary {
        var diagnostics: [Diagnostic]
        var errors: Int
        var warnings: Int
        var files: Int
    }
}

/// Today's date for stale-review warnings: `HANDBOOK_TODAY` when set (reproducible runs), else the UTC date.
enum Today {
    static func date(environment: [String: String]) -> PartialDate? {
        if let text = environment["HANDBOOK_TODAY"] {
            guard let date = PartialDate(parsing: text), date.isFullDate else { return nil }
            return date
        }
        var calendar = Calendar(identifier: .gregorian)
        calendar.timeZone = TimeZone(identifier: "UTC")!
        let parts = calendar.dateComponents([.year, .month, .day], from: Date())
        return PartialDate(year: parts.year ?? 1970, month: parts.month ?? 1, day: parts.day ?? 1)
    }
}
