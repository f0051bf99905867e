import HandbookModel
@testable import HandbookRender
import HandbookTestSupport
import Testing

/// What a card says of when something happens.
@Suite struct CardTests {
    func card(_ fields: [String: FieldValue]) -> Card {
        let event = Entity.fixture(.events, "meeting", ["title": .text("Meeting"), "online": .text("https://a.example/")].merging(fields) { $1 })
        let index = SiteIndex(settings: Settings(), entities: [event], today: PartialDate(year: 2026, month: 1, day: 1))
        return Card(entity: event, index: index)
    }

    /// A clock time says whose clock: the entry's own time zone (not the handbook's), as its page does.
    @Test func aClockTimeSaysItsTimeZone() {
        let time = DateTimeValue(parsing: "2017-04-06T19:00")!
        #expect(card(["start": .dateTime(time), "timezone": .text("America/Vancouver")]).date == "6 April 2017, 19:00 (Vancouver time)")
        let offset = DateTimeValue(parsing: "2017-04-06T19:00-07:00")!
        #expect(card(["start": .dateTime(offset), "timezone": .text("America/Vancouver")]).date == "6 April 2017, 19:00 UTC-07:00")
        #expect(card(["start": .date(PartialDate(year: 2017, month: 4, day: 6)), "end": .date(PartialDate(year: 2017, month: 4, day: 8))]).date
            == "6 to 8 April 2017")
    }
}
