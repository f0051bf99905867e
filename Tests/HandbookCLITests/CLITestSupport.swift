import Foundation
import HandbookCLI
import HandbookTestSupport
import Testing

/// Runs the command line in-process and captures what it prints.
struct CLIRun {
    var status: Int32
    var out: String
    var err: String
}

/// A fixed "today" so stale-review warnings do not change with the calendar.
let fixedToday = "2026-11-22"

func runCLI(_ arguments: [String], environment: [String: String] = ["HANDBOOK_TODAY": fixedToday]) -> CLIRun {
    var console = Console()
    let status = HandbookCommand.run(arguments, environment: environment, console: &console)
    return CLIRun(status: status, out: console.out, err: console.err)
}

/// The shared helper, named here so that every file of this target can use it without importing HandbookTestSupport.
typealias TemporaryDirectory = HandbookTestSupport.TemporaryDirectory

/// Paths of the test fixtures.
enum Fixtures {
    static let root = SharedFolder.packageRoot.appendingPathComponent("Tests/HandbookCLITests/Fixtures")
    static let validSite = root.appendingPathComponent("valid-site/content").path
    static let invalid = root.appendingPathComponent("invalid")
}

/// Golden files: a normal run compares with them; `HANDBOOK_RECORD=1 swift test` rewrites them instead.
///
/// A recording run always fails, so it can never pass by comparing a file with what it has just written.
enum Golden {
    /// True when golden files should be rewritten (`HANDBOOK_RECORD=1`).
    static var isRecording: Bool { ProcessInfo.processInfo.environment["HANDBOOK_RECORD"] == "1" }

    /// In a recording run, writes `data` to `file`, records an issue and returns true: the caller then
    /// returns without comparing. Otherwise it does nothing and returns false.
    static func recorded(_ file: URL, _ data: Data, sourceLocation: Testing.SourceLocation = #_sourceLocation) throws -> Bool {
        guard isRecording else { return false }
        try FileManager.default.createDirectory(at: file.deletingLastPathComponent(), withIntermediateDirectories: true)
        try data.write(to: file)
        let relative = file.path.hasPrefix(SharedFolder.packageRoot.path + "/") ? String(file.path.dropFirst(SharedFolder.packageRoot.path.count + 1)) : file.path
        Issue.record("recorded \(relative); run again without HANDBOOK_RECORD", sourceLocation: sourceLocation)
        return true
    }

    /// `recorded(_:_:)` for text, written as UTF-8.
    static func recorded(_ file: URL, _ text: String, sourceLocation: Testing.SourceLocation = #_sourceLocation) throws -> Bool {
        try recorded(file, Data(text.utf8), sourceLocation: sourceLocation)
    }
}
