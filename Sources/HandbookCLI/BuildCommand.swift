import Foundation
import HandbookBuild
import HandbookModel

/// `handbook build`: check everything, render the site, and replace the output only on success.
enum BuildCommand {
    static let output = OptionSpec.value("--output", "DIR", default: "output", help: """
        where the site goes
        It must be new, empty, or a previous build's output: the build refuses the content or theme directory, \
        a directory that contains them, and any non-empty directory it did not make.
        """)
    static let baseURL = OptionSpec.value("--base-url", "URL", help: """
        the address the site is published at (default: base_url in handbook.yml); canonical links, the sitemap \
        and feeds use it, page links are relative
        """)
    static let repository = OptionSpec.value("--repository", "OWNER/NAME", help: """
        the GitHub repository the content is kept in (default: repository in handbook.yml); pages link to its \
        editor and issue forms
        """)
    static let checkLinks = OptionSpec.flag("--check-links", help: "fail when an internal link or asset reference does not resolve")

    static let spec = CommandSpec(
        name: "build",
        summary: "check, then publish the static site into the output directory",
        description: """
            Runs every check of `handbook check` first and writes nothing when there is an error. Then renders the \
            site and writes only the files that changed, removing those it no longer makes; the new site is made \
            beside the output and exchanged with it in one step, so a failed or interrupted build leaves the \
            previous site whole.
            """,
        options: [.content, .theme, output, baseURL, repository, checkLinks],
        notes: [
            """
            "Upcoming" events count from today, or HANDBOOK_TODAY=YYYY-MM-DD. Each entry's "last updated" date is \
            its last git commit (one git log call), else its file's modification time; set SOURCE_DATE_EPOCH=SECONDS \
            to use one fixed time for every entry (reproducible builds).
            """,
            "Exit status: 0 built, 1 content, theme or link errors (nothing written), 2 usage or I/O error.",
        ])

    static func run(_ arguments: [String], environment: [String: String], console: inout Console, types: TypeCatalog) -> Int32 {
        let parsed: Arguments
        switch HandbookCommand.parseOptions(arguments, for: spec, console: &console) {
        case .success(let arguments): parsed = arguments
        case .failure(let stop): return stop.status
        }
        var baseURL = parsed.given(Self.baseURL)
        if let url = baseURL {
            if let problem = WebAddress.baseURLProblem(url) {
                return HandbookCommand.usageError("\(Self.baseURL.name) \(problem); give an absolute http(s) URL such as https://example.github.io/handbook/", for: spec, console: &console)
            }
            if !url.hasSuffix("/") { baseURL = url + "/" }
        }
        var repository: GitHubRepository?
        if let name = parsed.given(Self.repository) {
            if let problem = GitHubRepository.problem(name) {
                return HandbookCommand.usageError("\(Self.repository.name) \(problem)", for: spec, console: &console)
            }
            repository = GitHubRepository(name)
        }
        let today: PartialDate
        let fixedDate: Int64?
        switch BuildEnvironment.read(environment, for: spec, console: &console) {
        case .success(let read): (today, fixedDate) = (read.today, read.fixedChangeDate)
        case .failure(let stop): return stop.status
        }
        let output = parsed.value(Self.output)
        var options = Pipeline.BuildOptions(contentPath: parsed.value(.content), themePath: parsed.value(.theme),
                                            outputPath: output, baseURL: baseURL, checkLinks: parsed.has(checkLinks), today: today,
                                            fixedChangeDate: fixedDate, types: types)
        options.repository = repository
        let started = Date()
        let report: Pipeline.BuildReport
        do {
            report = try Pipeline.build(options)
        } catch {
            console.printError("handbook: " + DiagnosticFormatter.terminalSafe(lines: error.lines))
            // Whether the site published is still whole is the first thing to know after a failure (a full disk, a
            // folder that cannot be written): it is, unless the output was being changed in place past its commit point.
            if case .output = error, OutputWriter.hasUnfinishedJournal(output) {
                console.printError("The new site is decided but only part of it is in place in \(DiagnosticFormatter.terminalSafe(output))/; "
                    + "the next build finishes placing it.")
            } else {
                console.printError("Nothing was written; \(DiagnosticFormatter.terminalSafe(output))/ is unchanged.")
            }
            if case .theme = error { return ExitStatus.contentErrors }
            return ExitStatus.usage
        }
        let validation = report.validation
        // Broken links are problems like any other: after the content's, in the same format, in the same count.
        let diagnostics = validation.diagnostics + report.brokenLinks.map { $0.diagnostic(outputPath: output) }.sorted()
        console.out += DiagnosticFormatter.format(diagnostics, as: .text)
        let summary = DiagnosticFormatter.summary(diagnostics, files: validation.fileCount)
        guard report.written else {
            console.print(summary)
            console.print("Nothing was written; \(output)/ is unchanged.")
            return validation.hasIOErrors ? ExitStatus.usage : ExitStatus.contentErrors
        }
        let seconds = Date().timeIntervalSince(started)
        console.print(summary)
        let changes = report.changes
        console.print("Built \(grouped(report.fileCount)) files into \(output)/ (\(grouped(changes.writtenCount)) written, "
            + "\(grouped(changes.unchangedCount)) unchanged, \(grouped(changes.removedCount)) removed) in \(String(format: "%.2f", seconds)) s.")
        if environment["HANDBOOK_TIMINGS"] == "1" {
            for (phase, time) in report.timings { console.printError("timing: \(phase) \(String(format: "%.4f", time)) s") }
            console.printError("kept: \(report.keptCount) files taken from the last build without being made again")
            console.printError("read: \(report.readCount) entry files read and checked afresh, the others taken from the last build")
        }
        // Every entry is in the report: freed beside the exit, not before it.
        Parallel.release(report)
        return ExitStatus.success
    }

    /// A count with thousands separated by commas, whatever the locale: "35,536".
    static func grouped(_ count: Int) -> String {
        var digits = String(count)
        var index = digits.endIndex
        while digits.distance(from: digits.startIndex, to: index) > 3 {
            index = digits.index(index, offsetBy: -3)
            digits.insert(",", at: index)
        }
        return digits
    }
}
