import HandbookModel
@testable import HandbookRender
import Testing

@Suite struct ICalendarTests {
    @Test func foldsAt75OctetsWithoutSplittingCharacters() {
        let line = "SUMMARY:" + String(repeating: "é", count: 60)
        let folded = ICalendar.fold(line)
        let physical = folded.components(separatedBy: "\r\n")
        #expect(physical.count == 2)
        #expect(physical.allSatisfy { $0.utf8.count <= 75 })
        #expect(physical[1].hasPrefix(" "))
        #expect(physical.map { $0.hasPrefix(" ") ? String($0.dropFirst()) : $0 }.joined() == line)
    }

    @Test func shortLinesStayWhole() {
        #expect(ICalendar.fold("SUMMARY:short") == "SUMMARY:short")
    }

    @Test func escapesText() {
        #expect(ICalendar.text("a, b; c\\d\nnext") == "a\\, b\\; c\\\\d\\nnext")
    }

    @Test func textWithNothingToEscapeIsKeptAndControlsAreReplaced() {
        #expect(ICalendar.text("Assemblée citoyenne — Łódź") == "Assemblée citoyenne — Łódź")
        #expect(ICalendar.text("line\r\nbreak") == "line\\nbreak", "CR LF is one line break")
        #expect(ICalendar.text("one\rtwo\r\rthree\n\nfour") == "one\\ntwo\\n\\nthree\\n\\nfour", "a lone CR is a line break, not nothing")
        #expect(ICalendar.text("bell\u{07}, é\u{85}") == "bell\u{FFFD}\\, é\u{FFFD}")
        #expect(ICalendar.text("bell\u{07}") == "bell\u{FFFD}", "a control alone is found too")
    }

    func calendar(_ yaml: [FieldEntry], slug: String = "e", changed: Int64 = 1_790_000_000) -> String {
        let entity = Entity(reference: EntityReference(type: .events, slug: slug), path: "events/\(slug).md", fields: yaml, body: [], bodyLine: 1, nameField: .title, lastChanged: changed)
        let index = SiteIndex(settings: Settings(timezone: "Europe/London"), entities: [entity], today: PartialDate(year: 2026, month: 1, day: 1))
        return ICalendar.calendar(name: "Test", events: [entity], index: index, baseURL: "https://example.org/", isFeed: false)
    }

    func field(_ key: String, _ value: FieldValue) -> FieldEntry {
        FieldEntry(key: key, value: value, position: TextPosition(line: 1, column: 1))
    }

    /// Issue 14, defect 7: years are always four digits, and an event on the last day of 9999 ends by duration.
    @Test func yearsAreFourDigitsAndTheLastDayEndsByDuration() {
        let first = calendar([field("title", .text("A")), field("start", .date(PartialDate(year: 10, month: 1, day: 1)))])
        #expect(first.contains("DTSTART;VALUE=DATE:00100101\r\nDTEND;VALUE=DATE:00100102\r\n"))
        let last = calendar([field("title", .text("Z")), field("start", .date(PartialDate(year: 9999, month: 12, day: 30))),
                             field("end", .date(PartialDate(year: 9999, month: 12, day: 31)))])
        #expect(last.contains("DTSTART;VALUE=DATE:99991230\r\nDURATION:P2D\r\n"))
        #expect(ICalendar.utcStamp(Int64.max) == "99991231T235959Z")
        #expect(ICalendar.utcStamp(Int64.min) == "00010101T000000Z")
    }

    /// Issue 14, defect 2: `check` bounds interval and count, and the writer clamps them too, so values that never
    /// passed `check` cannot overflow its arithmetic either.
    @Test func repeatArithmeticCannotOverflow() throws {
        let start = try #require(DateTimeValue(parsing: "2026-01-01T10:00"))
        let rule = FieldValue.record([field("frequency", .text("weekly")), field("interval", .integer(Int.max)), field("count", .integer(Int.max))])
        #expect(ICalendar.lastYear(start: start.date, rule: rule, end: nil) <= 9999)
        let ics = calendar([field("title", .text("R")), field("start", .dateTime(start)), field("repeat", rule)])
        #expect(ics.contains("BEGIN:VTIMEZONE"))
    }

    @Test func allDayEventsHaveAnExclusiveEnd() {
        let ics = calendar([field("title", .text("Festival")), field("start", .date(PartialDate(year: 2026, month: 12, day: 31))),
                            field("end", .date(PartialDate(year: 2027, month: 1, day: 1)))])
        #expect(ics.contains("DTSTART;VALUE=DATE:20261231\r\nDTEND;VALUE=DATE:20270102\r\n"))
        #expect(ics.contains("UID:events-e@example.org\r\n"))
        #expect(ics.contains("DTSTAMP:20260921T") && ics.hasSuffix("END:VCALENDAR\r\n"))
    }

    @Test func zonedTimesCarryTheirTimeZone() throws {
        let start = try #require(DateTimeValue(parsing: "2026-03-20T18:00"))
        let ics = calendar([field("title", .text("Meeting")), field("start", .dateTime(start)), field("timezone", .text("Europe/Brussels")),
                            field("repeat", .record([field("frequency", .text("weekly")), field("until", .date(PartialDate(year: 2026, month: 4, day: 10)))]))])
        #expect(ics.contains("DTSTART;TZID=Europe/Brussels:20260320T180000\r\n"))
        #expect(ics.contains("BEGIN:VTIMEZONE\r\nTZID:Europe/Brussels\r\n"))
        // Brussels moves to summer time on 29 March 2026.
        #expect(ics.contains("BEGIN:DAYLIGHT\r\nDTSTART:20260329T020000\r\nTZOFFSETFROM:+0100\r\nTZOFFSETTO:+0200\r\n"))
        // The last day ends at 23:59:59 in Brussels (summer time), 21:59:59 UTC.
        #expect(ics.contains("RRULE:FREQ=WEEKLY;UNTIL=20260410T215959Z\r\n"))
    }

    @Test func offsetsBecomeUTCAndCancelledEventsSaySo() throws {
        let start = try #require(DateTimeValue(parsing: "2026-05-01T10:00+02:00"))
        let ics = calendar([field("title", .text("Gone")), field("start", .dateTime(start)), field("status", .text("cancelled")), field("sequence", .integer(3))])
        #expect(ics.contains("DTSTART:20260501T080000Z\r\n"))
        #expect(ics.contains("STATUS:CANCELLED\r\n"))
        #expect(ics.contains("SEQUENCE:3\r\n"))
        #expect(!ics.contains("VTIMEZONE"))
    }

    @Test func everyLineEndsInCRLFAndFitsIn75Octets() {
        let ics = calendar([field("title", .text(String(repeating: "Citizens’ assembly ", count: 10))), field("start", .date(PartialDate(year: 2026, month: 1, day: 1)))])
        #expect(!ics.replacingOccurrences(of: "\r\n", with: "").contains("\n"))
        #expect(ics.components(separatedBy: "\r\n").allSatisfy { $0.utf8.count <= 75 })
    }

    @Test func unchangedInputGivesAnUnchangedFile() {
        let fields = [field("title", .text("Same")), field("start", .date(PartialDate(year: 2026, month: 1, day: 1)))]
        #expect(calendar(fields) == calendar(fields))
    }
}
