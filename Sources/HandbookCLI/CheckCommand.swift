import Foundation
import HandbookBuild
import HandbookModel
import HandbookValidate

/// `handbook check`: validate the content tree and report every problem.
enum CheckCommand {
    static func run(_ arguments: [String], environment: [String: String], console: inout Console, types: TypeCatalog) -> Int32 {
        let parsed: Arguments
        switch HandbookCommand.parse(arguments, valued: ["--content", "--format"], switches: ["--strict", "--due", "--isolated"], help: Usage.check, console: &console) {
        case .success(let arguments): parsed = arguments
        case .failure(let stop): return stop.status
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
        // On a pull request (GitHub sets GITHUB_EVENT_NAME) organisations with no link in or out are flagged too.
        let event = environment["GITHUB_EVENT_NAME"] ?? ""
        let isolated = parsed.has("--isolated") || event == "pull_request" || event == "pull_request_target"
        let result: ValidationResultSummary
        let validation: ValidationResult
        do {
            validation = try Pipeline.check(contentPath: parsed.value("--content", default: "content"), today: today, isolated: isolated, types: types)
            result = ValidationResultSummary(diagnostics: validation.diagnostics, errors: validation.errorCount,
                                             warnings: validation.warningCount, files: validation.fileCount)
        } catch {
            console.printError("handbook: \(error.description)")
            return ExitStatus.usage
        }

        let strict = parsed.has("--strict")
        let output = DiagnosticFormatter.format(result.diagnostics, as: format)
        let summary = DiagnosticFormatter.summary(errors: result.errors, warnings: result.warnings, files: result.files)
        console.out += output
        if parsed.has("--due") {
            printDue(ReviewQueue.due(validation.entities, settings: validation.settings, today: today, types: types),
                     months: validation.settings.reviewAfterMonths, format: format, console: &console)
        }
        switch format {
        case .json:
            console.printError(summary)
        case .text, .github:
            console.print(summary)
        }
        if result.errors > 0 || (strict && result.warnings > 0) {
            return ExitStatus.contentErrors
        }
        return ExitStatus.success
    }

    /// The review queue: a table in text, an array in JSON, notices for GitHub.
    static func printDue(_ items: [ReviewQueue.Item], months: Int, format: DiagnosticFormatter.Format, console: inout Console) {
        switch format {
        case .json:
            let array = JSONValue.array(items.map { item in
                .object(["path": .string(item.path), "name": .string(item.name), "reviewed": JSONValue(item.reviewed?.description)])
            })
            console.printError("due for review: " + array.encoded)
        case .github:
            for item in items {
                console.print("::notice file=\(item.path),line=1,title=due-for-review::\(item.reviewed.map { "last reviewed \($0)" } ?? "never reviewed")")
            }
        case .text:
            console.print("Due for review (reviewed more than \(months) months ago, or never): \(items.count)")
            for item in items {
                console.print("  \(item.reviewed?.description ?? "never     ")  \(item.path)  \(item.name)")
            }
        }
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
