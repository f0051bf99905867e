import Foundation
import HandbookBuild
import HandbookModel
import HandbookRender
import HandbookValidate

/// `handbook check`: validate the content tree and report every problem.
enum CheckCommand {
    static let format = OptionSpec.value("--format", "FMT", choices: DiagnosticFormatter.Format.allCases.map(\.rawValue), default: "text",
        help: """
        the output format
        text: PATH:LINE:COLUMN: error|warning: MESSAGE [rule]
        json: an array of {path, line, column, severity, rule, message}
        github: workflow commands, so a pull request shows problems inline
        """)
    static let strict = OptionSpec.flag("--strict", help: "treat warnings as errors (exit 1 when there are any)")
    static let due = OptionSpec.flag("--due", help: """
        also list the entries due for review: 'reviewed' (a press contact's 'verified') older than \
        review_after_months, oldest first, then entries never reviewed
        """)
    static let gaps = OptionSpec.flag("--gaps", help: """
        also list the librarian's to-do list: organisations with no relationship, partnerships named on one \
        side only, and topics and countries with organisations but no case study or the reverse; \
        gaps never change the exit status
        """)
    static let isolated = OptionSpec.flag("--isolated", help: """
        warn about organisations that nothing links to and that link to nothing; \
        on by itself on a GitHub pull request (GITHUB_EVENT_NAME=pull_request)
        """)

    static let spec = CommandSpec(
        name: "check",
        summary: "validate every field and cross-reference of the content tree",
        description: """
            Validates every file in the content tree: front matter against each type's schema, dates, URLs, \
            codes, topics and methods, and every reference between entries. Every problem is reported, one per \
            line, then a summary.
            """,
        options: [.content, format, strict, due, gaps, isolated],
        notes: [
            "The date that stale-review warnings count from is today, or HANDBOOK_TODAY=YYYY-MM-DD.",
            "Exit status: 0 no errors, 1 errors (or warnings with --strict), 2 usage or I/O error.",
        ])

    static func run(_ arguments: [String], environment: [String: String], console: inout Console, types: TypeCatalog) -> Int32 {
        let parsed: Arguments
        switch HandbookCommand.parseOptions(arguments, for: spec, console: &console, hint: { "; did you mean \(OptionSpec.content.name) \($0)?" }) {
        case .success(let arguments): parsed = arguments
        case .failure(let stop): return stop.status
        }
        // The parser has checked the value against the choices, which are the formats' names.
        let format = DiagnosticFormatter.Format(rawValue: parsed.value(Self.format))!
        guard let today = Today.date(environment: environment) else {
            return HandbookCommand.usageError(Today.invalid, for: spec, console: &console)
        }
        // On a pull request (GitHub sets GITHUB_EVENT_NAME) organisations with no link in or out are flagged too.
        let event = environment["GITHUB_EVENT_NAME"] ?? ""
        let isolated = parsed.has(Self.isolated) || event == "pull_request" || event == "pull_request_target"
        let validation: ValidationResult
        do {
            validation = try Pipeline.check(contentPath: parsed.value(.content), today: today, isolated: isolated, types: types)
        } catch {
            console.printError("handbook: " + DiagnosticFormatter.terminalSafe(error.description))
            return ExitStatus.usage
        }

        // The checked entries are freed on another thread while the report is printed and the process exits.
        defer { Parallel.release(validation) }
        console.out += DiagnosticFormatter.format(validation.diagnostics, as: format)
        if parsed.has(due) {
            printDue(ReviewQueue.due(validation.entities, settings: validation.settings, today: today, types: types),
                     months: validation.settings.reviewAfterMonths, format: format, console: &console)
        }
        if parsed.has(gaps) {
            let insights = Pipeline.insights(of: validation, today: today, types: types)
            GapReport.print(GapReport.gaps(insights, entities: validation.entities, settings: validation.settings,
                                           contentPath: parsed.value(.content), types: types),
                            format: format, console: &console)
        }
        let summary = DiagnosticFormatter.summary(validation.diagnostics, files: validation.fileCount)
        switch format {
        case .json:
            console.printError(summary)
        case .text, .github:
            console.print(summary)
        }
        // An unreadable file is the machine's problem, not the content's: exit 2, as for a missing folder.
        if validation.hasIOErrors { return ExitStatus.usage }
        if validation.errorCount > 0 || (parsed.has(strict) && validation.warningCount > 0) {
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
                console.print("::notice file=\(DiagnosticFormatter.property(item.path)),line=1,title=due-for-review::\(item.reviewed.map { "last reviewed \($0)" } ?? "never reviewed")")
            }
        case .text:
            console.print("Due for review (reviewed more than \(months) months ago, or never): \(items.count)")
            for item in items {
                console.print(DiagnosticFormatter.terminalSafe("  \(item.reviewed?.description ?? "never     ")  \(item.path)  \(item.name)"))
            }
        }
    }
}

/// Today's date for stale-review warnings: `HANDBOOK_TODAY` when set (reproducible runs), else the UTC date.
enum Today {
    /// What a bad `HANDBOOK_TODAY` is told.
    static let invalid = "HANDBOOK_TODAY must be a day of the calendar, written YYYY-MM-DD (such as 2026-02-28)"

    static func date(environment: [String: String]) -> PartialDate? {
        if let text = environment["HANDBOOK_TODAY"] {
            guard let date = PartialDate(parsing: text), date.isFullDate, date.year >= YearRange.first else { return nil }
            return date
        }
        var calendar = Calendar(identifier: .gregorian)
        calendar.timeZone = TimeZone(identifier: "UTC")!
        let parts = calendar.dateComponents([.year, .month, .day], from: Date())
        return PartialDate(year: parts.year ?? 1970, month: parts.month ?? 1, day: parts.day ?? 1)
    }
}
