import Foundation
import HandbookBuild
import HandbookModel

/// `handbook build`: check everything, render the site, and replace the output only on success.
enum BuildCommand {
    static func run(_ arguments: [String], environment: [String: String], console: inout Console, types: TypeCatalog) -> Int32 {
        let parsed: Arguments
        switch HandbookCommand.parse(arguments, valued: ["--content", "--theme", "--output", "--base-url"], switches: ["--check-links"], help: Usage.build, console: &console) {
        case .success(let arguments): parsed = arguments
        case .failure(let stop): return stop.status
        }
        guard parsed.positionals.isEmpty else {
            return HandbookCommand.usageError("build takes no arguments", help: Usage.build, console: &console)
        }
        var baseURL = parsed.options["--base-url"]
        if let url = baseURL {
            guard url.hasPrefix("https://") || url.hasPrefix("http://"), URLComponents(string: url)?.host?.isEmpty == false else {
                return HandbookCommand.usageError("--base-url must be an absolute http(s) URL, such as https://example.github.io/handbook/", help: Usage.build, console: &console)
            }
            if !url.hasSuffix("/") { baseURL = url + "/" }
        }
        guard let today = Today.date(environment: environment) else {
            return HandbookCommand.usageError("HANDBOOK_TODAY must be a date written YYYY-MM-DD", help: Usage.build, console: &console)
        }
        var fixedDate: Int64?
        if let epoch = environment["SOURCE_DATE_EPOCH"] {
            guard let seconds = Int64(epoch) else {
                return HandbookCommand.usageError("SOURCE_DATE_EPOCH must be a whole number of seconds", help: Usage.build, console: &console)
            }
            fixedDate = seconds
        }
        let output = parsed.value("--output", default: "output")
        let options = Pipeline.BuildOptions(contentPath: parsed.value("--content", default: "content"),
                                            themePath: parsed.value("--theme", default: "themes/default"),
                                            outputPath: output, baseURL: baseURL, checkLinks: parsed.has("--check-links"), today: today,
                                            fixedChangeDate: fixedDate, types: types)
        let started = Date()
        let report: Pipeline.BuildReport
        do {
            report = try Pipeline.build(options)
        } catch {
            console.printError("handbook: \(error.description)")
            if case .theme = error { return ExitStatus.contentErrors }
            return ExitStatus.usage
        }
        let validation = report.validation
        console.out += DiagnosticFormatter.format(validation.diagnostics, as: .text)
        for link in report.brokenLinks {
            console.print("\(output)/\(link.page): error: broken link to '\(link.target)' [broken-link]")
        }
        let summary = DiagnosticFormatter.summary(errors: validation.errorCount + report.brokenLinks.count, warnings: validation.warningCount, files: validation.fileCount)
        guard report.written else {
            console.print(summary)
            console.print("Nothing was written; \(output)/ is unchanged.")
            return ExitStatus.contentErrors
        }
        let seconds = Date().timeIntervalSince(started)
        console.print(summary)
        console.print("Built \(report.files.count) files into \(output)/ in \(String(format: "%.2f", seconds)) s.")
        if environment["HANDBOOK_TIMINGS"] == "1" {
            for (phase, time) in report.timings { console.printError("timing: \(phase) \(String(format: "%.4f", time)) s") }
        }
        return ExitStatus.success
    }
}
