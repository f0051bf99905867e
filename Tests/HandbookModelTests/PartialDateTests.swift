import HandbookModel
import Testing

@Suite struct PartialDateTests {
    @Test(arguments: ["2024", "2024-02", "2024-02-29", "2000-02-29", "1754"])
    func readsRealDates(_ text: String) throws {
        let date = try #require(PartialDate(parsing: text))
        #expect(date.description == text)
    }

    /// Padded to four digits of year and two of month and day, whatever the values (dates made in code are not
    /// checked as parsed ones are).
    @Test func printsPaddedDigits() {
        #expect(PartialDate(year: 7, month: 3, day: 9).description == "0007-03-09")
        #expect(PartialDate(year: 2026).description == "2026")
        #expect(PartialDate(year: 2026, month: 11).description == "2026-11")
        #expect(PartialDate(year: 12_345, month: 1, day: 2).description == "12345-01-02")
        #expect(PartialDate(year: 2026, month: 123).description == "2026-123")
    }

    @Test(arguments: ["2023-02-29", "1900-02-29", "2024-13", "2024-00-10", "2024-04-31", "24-01-01", "2024-1-01", "2024/01/01", "", "abcd", "2024-01-01T10:00",
                       "2024-01-0a", "\u{FF12}\u{FF10}\u{FF12}\u{FF14}", "2024-01-01\u{301}", "2024\u{301}", "-2024", "2024--01", "2024-01-",
                       "2024-", " 2024", "2024 ", "20245", "2024-011", "+024-01-01"])
    func rejectsImpossibleOrMalformedDates(_ text: String) {
        #expect(PartialDate(parsing: text) == nil)
    }

    @Test func comparesOnlyThePrecisionBothGive() throws {
        let year = try #require(PartialDate(parsing: "2020"))
        let month = try #require(PartialDate(parsing: "2020-05"))
        let day = try #require(PartialDate(parsing: "2020-05-03"))
        #expect(!year.isCertainlyBefore(month))
        #expect(!month.isCertainlyBefore(year))
        #expect(!day.isCertainlyBefore(month))
        #expect(try #require(PartialDate(parsing: "2019")).isCertainlyBefore(day))
        #expect(try #require(PartialDate(parsing: "2020-05-02")).isCertainlyBefore(day))
    }

    @Test func addingMonthsClampsTheDay() throws {
        let date = try #require(PartialDate(parsing: "2024-01-31"))
        #expect(date.addingMonths(1).description == "2024-02-29")
        #expect(date.addingMonths(12).description == "2025-01-31")
        #expect(date.addingMonths(-2).description == "2023-11-30")
    }
}

@Suite struct DateTimeValueTests {
    @Test(arguments: [
        ("2026-05-01T10:00", nil as Int?),
        ("2026-05-01T10:00:30", nil),
        ("2026-05-01T10:00Z", 0),
        ("2026-05-01T10:00+01:00", 60),
        ("2026-05-01T10:00:05-05:30", -330),
        ("2026-05-01T23:59:59+14:00", 840),
        ("2026-05-01T00:00-00:30", -30),
    ])
    func readsDateTimes(_ text: String, _ offset: Int?) throws {
        let value = try #require(DateTimeValue(parsing: text))
        #expect(value.offsetMinutes == offset)
        #expect(value.description == text)
    }

    @Test(arguments: ["2026-05-01", "2026-05-01T24:00", "2026-05-01T10:60", "2026-02-30T10:00", "2026-05-01T10", "2026-05-01T10:00+1", "2026-05-01 10:00",
                       "2026-05-01T10:00+0100", "2026-05-01T10:00+15:00", "2026-05-01T10:00+01:60", "2026-05-01T1:00", "2026-05-01T10:00:0",
                       "2026-05-01TZ", "2026-05-01T10:00ZZ", "2026-05-01T10:00:60", "2026-05-01T10:00Z+01:00", "2026-05-01T\u{301}10:00",
                       "2026-05-01T10:00\u{301}", "2026-05-01T10:00+01:00\u{301}", "2026-05-01t10:00", "2026-05T10:00", "2026-05-01T10-00",
                       "2026-05-01T10:00+01-00", "2026-05-01T10:00 +01:00"])
    func rejectsMalformedDateTimes(_ text: String) {
        #expect(DateTimeValue(parsing: text) == nil)
    }

    /// `init(daysSince1970:)` undoes `daysSince1970`, across leap days, centuries, before 1970 and past 9999.
    @Test func dayNumbersGoBothWays() {
        for (year, month, day) in [(1970, 1, 1), (2000, 2, 29), (1900, 3, 1), (1, 1, 1), (1969, 12, 31), (9999, 12, 31), (10914, 6, 15)] {
            let date = PartialDate(year: year, month: month, day: day)
            #expect(PartialDate(daysSince1970: date.daysSince1970) == date, "\(date)")
        }
        #expect(PartialDate(daysSince1970: 0) == PartialDate(year: 1970, month: 1, day: 1))
        #expect(PartialDate(daysSince1970: -1) == PartialDate(year: 1969, month: 12, day: 31))
    }

}
