import Foundation
import HandbookCLI
import HandbookTestSupport

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

/// Paths of the test fixtures.
enum Fixtures {
    static let root = SharedFolder.packageRoot.appendingPathComponent("Tests/HandbookCLITests/Fixtures")
    static let validSite = root.appendingPathComponent("valid-site/content").path
    static let invalid = root.appendingPathComponent("invalid")

    /// True when golden files should be rewritten (`HANDBOOK_RECORD=1 swift test`).
    static var isRecording: Bool { ProcessInfo.processInfo.environment["HANDBOOK_RECORD"] == "1" }
}

/// A fresh temporary directory, removed by the caller with `cleanUp`.
struct TemporaryDirectory {
    let path: String

    init() throws {
        let url = FileManager.default.temporaryDirectory.appendingPathComponent("handbook-test-\(UUID().uuidString)")
        try FileManager.default.createDirectory(at: url, withIntermediateDirectories: true)
        path = url.path
    }

    func write(_ relativePath: String, _ text: String) throws {
        try write(relativePath, Data(text.utf8))
    }

    func write(_ relativePath: String, _ data: Data) throws {
        let url = URL(fileURLWithPath: path).appendingPathComponent(relativePath)
        try FileManager.default.createDirectory(at: url.deletingLastPathComponent(), withIntermediateDirectories: true)
        try data.write(to: url)
    }

    func read(_ relativePath: String) throws -> String {
        try String(contentsOfFile: path + "/" + relativePath, encoding: .utf8)
    }

    func cleanUp() {
        try? FileManager.default.removeItem(atPath: path)
    }
}
