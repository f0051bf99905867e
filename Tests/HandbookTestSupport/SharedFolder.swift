import Foundation
import Testing

/// Finds the external test data (docs/testing.md): a folder named `shared` beside the package checkout,
/// which holds the conformance suites and real data.
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

    /// Why a test that reads `../shared` is skipped.
    public static func skipMessage(_ what: String) -> String {
        "\(what): the external test data is absent (see docs/testing.md; set HANDBOOK_SHARED to its path, or HANDBOOK_REQUIRE_SHARED=1 to fail instead of skipping)"
    }

    /// Reads a file under the shared folder, failing (not skipping) when the folder is absent: a test marked
    /// `.needsShared` only runs without it when `HANDBOOK_REQUIRE_SHARED=1`, and must then fail loudly.
    public static func required(_ relativePath: String, sourceLocation: Testing.SourceLocation = #_sourceLocation) throws -> Data {
        try #require(try data(relativePath), "HANDBOOK_REQUIRE_SHARED=1 but the external test data is absent (docs/testing.md)", sourceLocation: sourceLocation)
    }
}

extension Trait where Self == ConditionTrait {
    /// Skips a test, reported as skipped rather than passed, when `../shared` is absent, unless the run
    /// requires it (`HANDBOOK_REQUIRE_SHARED=1`, set by `.ci/run`): then the test runs and fails.
    public static func needsShared(_ what: String) -> Self {
        .enabled(if: SharedFolder.url != nil || SharedFolder.isRequired, Comment(rawValue: SharedFolder.skipMessage(what)))
    }
}
