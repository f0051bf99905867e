import HandbookModel

/// The environment variables that change what a site is made of, read the same way by `build` and `serve`:
/// `HANDBOOK_TODAY` (the day "upcoming" counts from) and `SOURCE_DATE_EPOCH` (one change time for every entry).
enum BuildEnvironment {
    /// What the variables say.
    struct Values {
        var today: PartialDate
        var fixedChangeDate: Int64?
    }

    /// Reads the variables; a bad value is a usage error of `command`, reported on `console`.
    static func read(_ environment: [String: String], for command: CommandSpec, console: inout Console) -> Result<Values, HandbookCommand.ExitCode> {
        guard let today = Today.date(environment: environment) else {
            return .failure(.init(HandbookCommand.usageError(Today.invalid, for: command, console: &console)))
        }
        var fixedDate: Int64?
        if let epoch = environment["SOURCE_DATE_EPOCH"] {
            // Dates are written with four-digit years, so the time must fall in 1970–9999 (reproducible-builds.org
            // also asks for a non-negative number); outside that the dates made from it would be unreadable.
            guard let seconds = Int64(epoch), (0...YearRange.lastSecond).contains(seconds) else {
                return .failure(.init(HandbookCommand.usageError("SOURCE_DATE_EPOCH must be a whole number of seconds from 0 to \(YearRange.lastSecond) (9999-12-31T23:59:59Z)", for: command, console: &console)))
            }
            fixedDate = seconds
        }
        return .success(Values(today: today, fixedChangeDate: fixedDate))
    }
}
