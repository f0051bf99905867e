import Foundation

/// Finds `../shared` beside the package checkout, which holds the conformance suites and real data.
public enum SharedFolder {
    /// The package's root directory, found from this file's path.
    public static let packageRoot: URL = URL(fileURLWithPath: #filePath)
        .deletingLastPathComponent().deletingLastPathComponent().deletingLastPathComponent()

    /// The shared folder (`HANDBOOK_SHARED` overrides `../shared`), or nil when it is absent.
    public static var url: URL? {
        let environment = ProcessInfo.processInfo.environment
        let candidate = environment["HANDBOOK_SHARED"].map { URL(fileURLWithPath: $0) }
            ?? packageRoot.deletingLastPathComponent().appendingPathComponent("shared")
        var isDirectory: ObjCBool = false
        guard FileManager.default.fileExists(atPath: candidate.path, isDirectory: &isDirectory), isDirectory.boolValue else {
            return nil
        }
        return candidate
    }

    /// True when the run must not skip tests that read `../shared` (`.ci/run` sets `HANDBOOK_REQUIRE_SHARED=1`).
    public static var isRequired: Bool {
        ProcessInfo.processInfo.environment["HANDBOOK_REQUIRE_SHARED"] == "1"
    }

    /// Reads a file under the shared folder; nil when the folder is absent.
    public static func data(_ relativePath: String) throws -> Data? {
        guard let url else { return nil }
        return try Data(contentsOf: url.appendingPathComponent(relativePath))
    }

    /// The message printed when a test skips because `../shared` is absent.
    public static func skipMessage(_ what: String) -> String {
        "SKIPPED: \(what): ../shared is absent (set HANDBOOK_SHARED to its path)"
    }
}
