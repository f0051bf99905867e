import Foundation
import HandbookTestSupport
import Testing

/// Whatever `check` accepts, `build` renders: content at each of check's limits builds, and one step past a
/// limit is refused by `check` with its rule, at the value's line and column (issue 14, defects 1, 2, 3, 7, 9).
@Suite struct CheckThenBuildTests {
    /// A content tree with one organisation (`o`) plus `files`, checked and, when the check passes, built.
    struct Outcome {
        let check: CLIRun
        let build: CLIRun?
        let site: [String: Data]
    }

    static func checkThenBuild(_ files: [String: String], environment: [String: String] = buildEnvironment) throws -> Outcome {
        let directory = try TemporaryDirectory()
        defer { directory.cleanUp() }
        try directory.write("content/handbook.yml", "title: T\nbase_url: \"https://example.org/\"\n")
        try directory.write("content/organisations/o.md", "---\nname: O\ncountry: GB\n---\n")
        for (path, text) in files { try directory.write("content/" + path, text) }
        let content = directory.path + "/content"
        let check = runCLI(["check", "--content", content], environment: environment)
        guard check.status == 0 else { return Outcome(check: check, build: nil, site: [:]) }
        let theme = SharedFolder.packageRoot.appendingPathComponent("themes/default").path
        let build = runCLI(["build", "--content", content, "--theme", theme, "--output", directory.path + "/site"], environment: environment)
        return Outcome(check: check, build: build, site: try tree(directory.path + "/site"))
    }

    static func text(_ outcome: Outcome, _ path: String) -> String {
        outcome.site[path].map { String(decoding: $0, as: UTF8.self) } ?? ""
    }

    // MARK: Defect 1: amounts

    static func funder(_ amounts: [String]) -> String {
        "---\nname: F\ngrants:\n" + amounts.map { "  - recipient: o\n    amount: \($0)\n    currency: GBP\n" }.joined() + "---\n"
    }

    @Test func amountsAtTheLimitsBuildAndTotalExactly() throws {
        // Fifteen significant digits each (what a double keeps); their total, with more, is still exact.
        let outcome = try Self.checkThenBuild(["funders/f.md": Self.funder(["12345678901.2345", "999999999999999", "0.0001", "7"])])
        #expect(outcome.build?.status == 0, "\(outcome.check.out)\(outcome.build?.out ?? "")\(outcome.build?.err ?? "")")
        #expect(Self.text(outcome, "funders/f/index.html").contains("<td class=\"number\">1,000,012,345,678,907.2346 GBP</td>"))
    }

    @Test(arguments: [("0.0000000000000000001", "has 19 digits after the decimal point; the limit is 4"),
                      ("123456789012345.12345", "has 5 digits after the decimal point; the limit is 4"),
                      ("1234567890123456", "has 16 digits before the decimal point; the limit is 15"),
                      ("123456789012345.1234", "has 19 significant digits; the limit is 15 in all")])
    func amountsPastTheLimitsAreRefusedWhereTheyAreWritten(_ amount: String, _ message: String) throws {
        let outcome = try Self.checkThenBuild(["funders/f.md": Self.funder([amount])])
        #expect(outcome.check.status == 1)
        #expect(outcome.check.out.contains("/funders/f.md:5:13: error: 'grants[1].amount' \(message)"), "\(outcome.check.out)")
        #expect(outcome.check.out.contains("[number]"))
    }

    // MARK: Defect 2: repeating events

    static func event(start: String, repeat rule: String = "") -> String {
        "---\ntitle: E\nstart: \(start)\nlocation: Hall\n" + (rule.isEmpty ? "" : "repeat:\n" + rule) + "---\n"
    }

    @Test func aRepeatAtItsLimitsBuilds() throws {
        let outcome = try Self.checkThenBuild([
            // The largest count and interval, ending within 9999 (9915 and 9325): a later start is refused (`repeat`).
            "events/weekly.md": Self.event(start: "8000-01-01T10:00", repeat: "  frequency: weekly\n  interval: 100\n  count: 1000\n"),
            "events/monthly.md": Self.event(start: "1000-01-01T10:00", repeat: "  frequency: monthly\n  interval: 100\n  count: 1000\n"),
        ])
        #expect(outcome.build?.status == 0, "\(outcome.check.out)\(outcome.build?.err ?? "")")
        let calendar = Self.text(outcome, "events.ics")
        #expect(calendar.contains("RRULE:FREQ=WEEKLY;INTERVAL=100;COUNT=1000\r\n"))
        #expect(calendar.contains("RRULE:FREQ=MONTHLY;INTERVAL=100;COUNT=1000\r\n"))
    }

    @Test func aRepeatPastItsLimitsIsRefused() throws {
        let outcome = try Self.checkThenBuild(["events/e.md": Self.event(start: "2026-01-01T10:00",
            repeat: "  frequency: weekly\n  interval: 999999999999999999\n  count: 1001\n")])
        #expect(outcome.check.status == 1)
        #expect(outcome.check.out.contains("/events/e.md:7:13: error: 'repeat.interval' must be at most 100, not 999999999999999999"), "\(outcome.check.out)")
        #expect(outcome.check.out.contains("/events/e.md:8:10: error: 'repeat.count' must be at most 1000, not 1001"), "\(outcome.check.out)")
        let sequence = try Self.checkThenBuild(["events/e.md": "---\ntitle: E\nstart: 2026-01-01\nlocation: Hall\nsequence: 2147483648\n---\n"])
        #expect(sequence.check.out.contains("'sequence' must be at most 2147483647"), "\(sequence.check.out)")
    }

    // MARK: Defect 3: one very long word

    @Test func aVeryLongWordBuildsWithShortPaths() throws {
        let word = String(repeating: "a", count: 60_000)
        let outcome = try Self.checkThenBuild(["organisations/w.md": "---\nname: W\ncountry: GB\n---\n\(word)b \(word)c \(word)s\n"])
        #expect(outcome.build?.status == 0, "\(outcome.build?.err ?? "")")
        #expect(!outcome.site.isEmpty)
        for path in outcome.site.keys {
            #expect(path.split(separator: "/").allSatisfy { $0.utf8.count <= 100 }, "\(path.prefix(120))")
        }
        let tokens = outcome.site.filter { $0.key.hasPrefix("search/t/") }.values.map { String(decoding: $0, as: UTF8.self) }
        #expect(!tokens.contains { $0.contains("aaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaa") }, "a token longer than 64 letters was indexed")
    }

    // MARK: Defect 7: years

    @Test func theFirstAndLastDaysOfTheYearRangeBuildIntoReadableCalendars() throws {
        let outcome = try Self.checkThenBuild([
            "events/last.md": Self.event(start: "9999-12-31"),
            "events/first.md": Self.event(start: "0001-01-01T06:00+05:00"),
            "events/late.md": "---\ntitle: L\nstart: 9999-12-31T23:00+05:00\nend: 9999-12-31T23:59:59Z\nlocation: Hall\n---\n",
        ])
        #expect(outcome.build?.status == 0, "\(outcome.check.out)\(outcome.build?.err ?? "")")
        let calendar = Self.text(outcome, "events.ics")
        #expect(calendar.contains("DTSTART;VALUE=DATE:99991231\r\nDURATION:P1D\r\n"), "\(calendar)")
        #expect(calendar.contains("DTSTART:00010101T010000Z\r\n"))
        #expect(calendar.contains("DTSTART:99991231T180000Z\r\nDTEND:99991231T235959Z\r\n"))
        for line in calendar.split(separator: "\r\n") where line.hasPrefix("DT") {
            let value = line.split(separator: ":").last ?? ""
            #expect(value.prefix(8).allSatisfy(\.isNumber) && value.count >= 8, "\(line)")
        }
    }

    @Test func yearZeroIsRefused() throws {
        let outcome = try Self.checkThenBuild(["events/zero.md": Self.event(start: "0000-06-01")])
        #expect(outcome.check.status == 1)
        #expect(outcome.check.out.contains("/events/zero.md:3:8: error: 'start' is in year 0000, which no calendar has; years run from 0001 to 9999 [date]"), "\(outcome.check.out)")
    }

    @Test(arguments: ["0001-01-01T01:00+05:00", "9999-12-31T23:00-05:00"])
    func aTimeItsOffsetMovesOutOfTheYearsIsRefused(_ start: String) throws {
        let outcome = try Self.checkThenBuild(["events/edge.md": Self.event(start: start)])
        #expect(outcome.check.status == 1)
        #expect(outcome.check.out.contains("/events/edge.md:3:8: error: 'start' (\(start)) falls outside years 0001–9999 in UTC"), "\(outcome.check.out)")
    }

    // MARK: Defect 9: the environment

    @Test(arguments: ["99999999999999999", "-1", "253402300800"])
    func aSourceDateEpochOutsideTheYearsIsAUsageError(_ epoch: String) throws {
        let outcome = try Self.checkThenBuild([:], environment: ["HANDBOOK_TODAY": fixedToday, "SOURCE_DATE_EPOCH": epoch])
        #expect(outcome.build?.status == 2)
        #expect(outcome.build?.err.contains("SOURCE_DATE_EPOCH must be a whole number of seconds from 0 to 253402300799") == true, "\(outcome.build?.err ?? "")")
        let last = try Self.checkThenBuild([:], environment: ["HANDBOOK_TODAY": fixedToday, "SOURCE_DATE_EPOCH": "253402300799"])
        #expect(last.build?.status == 0, "\(last.build?.err ?? "")")
        #expect(Self.text(last, "feed.xml").contains("<updated>9999-12-31T23:59:59Z</updated>"))
    }

    @Test func aTodayInYearZeroIsAUsageError() {
        let run = runCLI(["check", "--content", Fixtures.validSite], environment: ["HANDBOOK_TODAY": "0000-01-01"])
        #expect(run.status == 2)
    }
}
