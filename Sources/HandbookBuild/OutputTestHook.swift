#if canImport(Glibc)
import Glibc
#elseif canImport(Darwin)
import Darwin
#endif

/// Where the tests kill a real build, to prove the output is always the whole old or the whole new site.
///
/// `HANDBOOK_TEST_KILL_AT=<step>` makes the build send itself SIGKILL when it reaches that step, as if killed
/// there from outside; `HANDBOOK_TEST_IN_PLACE=1` makes it change the output in place under its journal, as it
/// does where directories cannot be exchanged. Without these variables (and they are for the tests only, see
/// docs/testing.md) both are inert: one environment lookup when a build opens its output.
enum OutputTestHook {
    /// A point in writing the output.
    enum Step: String, CaseIterable, Sendable {
        /// The first batch of files is staged; the others may not be.
        case staging = "staging"
        /// Every file is staged, nothing is committed.
        case beforeCommit = "before-commit"
        /// The new site has been exchanged into place; the old one, beside it, is not yet removed.
        case afterSwap = "after-swap"
        /// The old site beside the output is half made into the standby (`Standby`).
        case updatingStandby = "updating-standby"
        /// In place: the journal is committed and none of its steps applied.
        case afterJournal = "after-journal"
        /// In place: the journal's removals are done and no staged file is placed yet.
        case applying = "applying"
    }

    /// The step named by `HANDBOOK_TEST_KILL_AT`, read once.
    static let killAt: Step? = getenv("HANDBOOK_TEST_KILL_AT").flatMap { Step(rawValue: String(cString: $0)) }

    /// True when `HANDBOOK_TEST_IN_PLACE=1` asks for the journal instead of the exchange.
    static let forcesInPlace: Bool = getenv("HANDBOOK_TEST_IN_PLACE").map { String(cString: $0) == "1" } ?? false

    /// Kills this process, without any clean-up, when the tests asked for it at `step`.
    static func reached(_ step: Step) {
        guard killAt == step else { return }
        kill(getpid(), SIGKILL)
    }
}
