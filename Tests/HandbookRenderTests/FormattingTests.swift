import Foundation
import HandbookModel
@testable import HandbookRender
import Testing

@Suite struct FormattingTests {
    @Test func datesInWords() {
        #expect(Formatting.words(PartialDate(year: 2026, month: 12, day: 3)) == "3 December 2026")
        #expect(Formatting.words(PartialDate(year: 2026, month: 6)) == "June 2026")
        #expect(Formatting.words(PartialDate(year: 1754)) == "1754")
    }

    @Test func dateTimesInWords() throws {
        #expect(Formatting.words(try #require(DateTimeValue(parsing: "2026-12-03T18:30"))) == "3 December 2026, 18:30")
        #expect(Formatting.words(try #require(DateTimeValue(parsing: "2026-12-03T08:05Z"))) == "3 December 2026, 08:05 UTC")
        #expect(Formatting.words(try #require(DateTimeValue(parsing: "2026-12-03T08:05-05:30"))) == "3 December 2026, 08:05 UTC-05:30")
    }

    @Test func moneyIsGroupedAndKeepsItsDecimals() {
        #expect(Formatting.money("25000", currency: "GBP") == "25,000 GBP")
        #expect(Formatting.money("1250.50", currency: "EUR") == "1,250.50 EUR")
        #expect(Formatting.money("999", currency: nil) == "999")
        #expect(Formatting.money("1234567", currency: nil) == "1,234,567")
    }

    @Test func totalsAreExact() {
        var total = DecimalSum()
        for amount in ["0.10", "0.20", "1000", "2.5"] { total.add(amount) }
        #expect(total.description == "1002.80")
    }

    /// Issue 14, defect 1: a fixed-width total trapped on long fractions and on decimals that differ widely.
    @Test func totalsNeverOverflow() {
        var total = DecimalSum()
        for amount in ["0.0000000000000000001", "123456789012345.12345", "999999999999999999999999"] { total.add(amount) }
        #expect(total.description == "1000000000123456789012344.1234500000000000001")
        var many = DecimalSum()
        for _ in 0..<10_000 { many.add("999999999999999.9999") }
        #expect(many.description == "9999999999999999999.0000")
    }

    @Test func totalsTakeSigns() {
        var total = DecimalSum()
        for amount in ["5.25", "-7.5", "+1"] { total.add(amount) }
        #expect(total.description == "-1.25")
        total.add("1.25")
        #expect(total.description == "0.00")
    }

    @Test func unixDaysInvertUnixDates() {
        for date in [PartialDate(year: 1, month: 1, day: 1), PartialDate(year: 1970, month: 1, day: 1), PartialDate(year: 2000, month: 2, day: 29),
                     PartialDate(year: 9999, month: 12, day: 31)] {
            #expect(Formatting.date(fromUnix: Int64(date.daysSince1970) * 86_400) == date)
        }
        #expect(PartialDate(year: 1970, month: 1, day: 2).daysSince1970 == 1)
    }

    @Test func codesBecomeNames() {
        #expect(Formatting.country("BE") == "Belgium")
        #expect(Formatting.region("GB-SCT") == "Scotland")
        #expect(Formatting.region("North West") == "North West")
        #expect(Formatting.jurisdiction("EU") == "European Union")
        // A policy shows no country of its own: a subdivision says whose it is.
        #expect(Formatting.jurisdiction("US-OR") == "Oregon, United States")
        #expect(Formatting.jurisdiction("DE") == "Germany")
        #expect(Formatting.choice("social-enterprise") == "Social enterprise")
    }

    @Test(arguments: [(0 as Int64, "1970-01-01"), (951_782_400, "2000-02-29"), (1_790_000_000, "2026-09-21"), (-86_400, "1969-12-31")])
    func unixTimesBecomeUTCDates(_ seconds: Int64, _ date: String) {
        #expect(Formatting.date(fromUnix: seconds).description == date)
    }

    @Test func sortKeysIgnoreCaseAndAccents() {
        let names = ["Zeta", "Fórum dos Cidadãos", "forum b", "Alpha"]
        #expect(names.sorted { Formatting.sortKey($0) < Formatting.sortKey($1) } == ["Alpha", "forum b", "Fórum dos Cidadãos", "Zeta"])
    }

    /// The ASCII short cut gives Foundation's fold for every ASCII byte, in upper and lower case, and hands the
    /// rest to it.
    @Test func asciiSortKeysAreFoundationsFold() {
        let fold = { (name: String) in name.folding(options: [.caseInsensitive, .diacriticInsensitive, .widthInsensitive], locale: nil) }
        for byte in UInt8(1)..<0x80 {
            let name = "Ab" + String(UnicodeScalar(byte)) + "z"
            #expect(Formatting.sortKey(name) == fold(name), "byte \(byte)")
        }
        for name in ["", "already lower", "MIXED Case 42", "Ｆｕｌｌ", "Ærø", "İstanbul"] {
            #expect(Formatting.sortKey(name) == fold(name), "\(name)")
        }
    }

    @Test func linksKnowTheirDepth() {
        #expect(Links.root(from: "") == "./")
        #expect(Links.root(from: "organisations/") == "../")
        #expect(Links.root(from: "organisations/by-country/gb/") == "../../../")
        #expect(Links.root(from: "index.html") == "./", "a file at the root")
        #expect(Links.root(from: "organisations/x/event.ics") == "../../", "a file two folders down")
        #expect(Links.root(from: "a//b/") == "../../", "empty parts do not count")
        #expect(Links.file("organisations/x/") == "organisations/x/index.html")
        #expect(SiteIndex(settings: Settings(), entities: [], today: PartialDate(year: 2026)).links.entity(EntityReference(type: .pages, slug: "about")) == "about/")
    }

    @Test func markdownHeadingsAreDemoted() {
        #expect(Markdown.html(ArraySlice("# One\n\n## Two\n\n###### Six".utf8), demotingHeadings: true) == "<h2>One</h2>\n<h3>Two</h3>\n<h6>Six</h6>\n")
        #expect(Markdown.html(ArraySlice("Text with <h1> inside `<h2>`".utf8), demotingHeadings: true).contains("<code>&lt;h2&gt;</code>"))
    }
}

/// The API's detail blocks: few files, and an entry stays in its block as others come and go.
@Suite struct DataAPIBlockTests {
    @Test func blockCountsArePowersOfTwoWithAtMost64EntriesEach() {
        #expect(DataAPI.blockCount(0) == 1)
        #expect(DataAPI.blockCount(64) == 1)
        #expect(DataAPI.blockCount(65) == 2)
        #expect(DataAPI.blockCount(4000) == 64)
    }

    @Test func anEntryKeepsItsBlockUntilTheCountDoubles() {
        let slugs = (0..<500).map { "org-\($0)" }
        let before = slugs.map { DataAPI.block(of: $0, count: 300) }
        let after = slugs.map { DataAPI.block(of: $0, count: 500) }
        #expect(before == after)
        #expect(Set(before).count == 8, "spread over every block")
    }
}

/// Dates and zones in the words readers use.
@Suite struct SpansAndZonesTests {
    @Test func spansShareWhatTheirEndsShare() {
        let d = { (y: Int, m: Int, day: Int) in PartialDate(year: y, month: m, day: day) }
        #expect(Formatting.words(from: d(2026, 12, 3), to: d(2026, 12, 5)) == "3 to 5 December 2026")
        #expect(Formatting.words(from: d(2026, 11, 30), to: d(2026, 12, 2)) == "30 November to 2 December 2026")
        #expect(Formatting.words(from: d(2026, 12, 30), to: d(2027, 1, 2)) == "30 December 2026 to 2 January 2027")
        #expect(Formatting.words(from: d(2026, 12, 3), to: d(2026, 12, 3)) == "3 December 2026")
        #expect(Formatting.words(from: PartialDate(year: 2019), to: PartialDate(year: 2021)) == "2019 to 2021")
    }

    @Test func zonesShowTheirCityAndOffsetAtThatTime() throws {
        let winter = try #require(DateTimeValue(parsing: "2026-12-03T18:30"))
        let summer = try #require(DateTimeValue(parsing: "2026-07-03T18:30"))
        #expect(Formatting.zone("Europe/Brussels", at: winter) == "Brussels time, UTC+01:00")
        #expect(Formatting.zone("Europe/Brussels", at: summer) == "Brussels time, UTC+02:00")
        #expect(Formatting.zone("America/Los_Angeles", at: winter) == "Los Angeles time, UTC-08:00")
        #expect(Formatting.zone("Europe/London", at: winter) == "London time, UTC")
    }
}

/// The API's and the feeds' timestamps: RFC 3339 in UTC, to the second.
@Suite struct TimestampTests {
    @Test func aUnixTimeIsWrittenInUTCToTheSecond() {
        #expect(DataAPI.timestamp(0) == "1970-01-01T00:00:00Z")
        #expect(DataAPI.timestamp(-1) == "1969-12-31T23:59:59Z")
        #expect(DataAPI.timestamp(1_764_590_645) == "2025-12-01T12:04:05Z")
        #expect(DataAPI.timestamp(253_402_300_799) == "9999-12-31T23:59:59Z")
    }

    /// Written into bytes, as the data API writes it, a timestamp is the text `timestamp(_:)` gives, after what was there.
    @Test func theBytesAreTheText() {
        var bytes = Array("\"".utf8)
        DataAPI.timestamp(1_764_590_645, into: &bytes)
        #expect(String(decoding: bytes, as: UTF8.self) == "\"2025-12-01T12:04:05Z")
    }
}
