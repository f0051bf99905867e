import Foundation
import Testing

/// Key content of each kind of page, on the built fixture site.
@Suite struct BuiltPageTests {
    static let site: [String: String] = {
        let directory = try! TemporaryDirectory()
        defer { directory.cleanUp() }
        _ = buildFixture(into: directory.path + "/site")
        return ((try? tree(directory.path + "/site")) ?? [:]).mapValues { String(decoding: $0, as: UTF8.self) }
    }()

    func page(_ path: String) throws -> String {
        try #require(Self.site[path], "no \(path)")
    }

    @Test func homeShowsCountsUpcomingEventsAndSearch() throws {
        let home = try page("index.html")
        #expect(home.contains("<a href=\"./organisations/\">3 organisations</a>"))
        #expect(home.contains("<a href=\"./events/\">2 events</a>"))
        #expect(home.contains("role=\"search\" action=\"./search/\""))
        let upcoming = try #require(home.range(of: "Upcoming events"))
        #expect(home[upcoming.upperBound...].contains("Example monthly meet-up"))
        #expect(home.contains("Recently changed"))
    }

    @Test func listPagesSortAndOfferFilterLinks() throws {
        let list = try page("organisations/index.html")
        let names = ["Example Assembly Trust", "Example Lab", "Example Network"].map { list.range(of: $0)?.lowerBound }
        #expect(names.allSatisfy { $0 != nil })
        #expect(names[0]! < names[1]! && names[1]! < names[2]!)
        #expect(list.contains("href=\"../organisations/by-country/be/\" data-facet=\"country\" data-value=\"be\">Belgium <span class=\"count\">(1)</span></a>"))
        #expect(list.contains("data-filterable"))
        let filtered = try page("organisations/by-country/be/index.html")
        #expect(filtered.contains("<h1>Organisations in Belgium</h1>"))
        #expect(filtered.contains("Example Network"))
        #expect(!filtered.contains(">Example Lab<"))
        #expect(filtered.contains("aria-current=\"page\">Belgium"))
    }

    @Test func eventsListUpcomingFirst() throws {
        let events = try page("events/index.html")
        let meetup = try #require(events.range(of: "Example monthly meet-up")?.lowerBound)
        let festival = try #require(events.range(of: "Example democracy festival")?.lowerBound)
        #expect(meetup < festival)
        #expect(events.contains("<h2>Upcoming</h2>"))
    }

    @Test func entityPagesShowFieldsReadablyWithBacklinks() throws {
        let trust = try page("organisations/example-trust/index.html")
        #expect(trust.contains("<dt>Country</dt>\n<dd>United Kingdom</dd>"))
        #expect(trust.contains("<dt>Region</dt>\n<dd>Scotland</dd>"))
        #expect(trust.contains("<time datetime=\"2015-06\">June 2015</time>"))
        #expect(trust.contains("<h3>Funders</h3>\n<ul>\n<li><a href=\"../../funders/example-fund/\">Example Fund</a></li>"))
        #expect(trust.contains("\"@type\":\"Organization\""))
        #expect(trust.components(separatedBy: "<h1").count == 2)
    }

    @Test func fundersShowGrantsWithTotals() throws {
        let fund = try page("funders/example-fund/index.html")
        #expect(fund.contains("<td class=\"number\">25,000 GBP</td>"))
        #expect(fund.contains("<tfoot><tr><th scope=\"row\">Total</th><td class=\"number\">25,000 GBP</td>"))
        #expect(fund.contains("<td class=\"number\">5,000.50 EUR</td>"))
    }

    @Test func policiesShowStagesAsATimeline() throws {
        let bill = try page("policies/example-bill/index.html")
        #expect(bill.contains("<ol class=\"timeline\"><li><span class=\"stage-date\"><time datetime=\"2025-02-01\">1 February 2025</time></span> <strong>Proposed</strong>: Introduced</li>"))
        #expect(bill.contains("\"@type\":\"Legislation\""))
    }

    @Test func eventsShowTimeZoneAndCalendarLink() throws {
        let meetup = try page("events/example-meetup/index.html")
        #expect(meetup.contains("3 December 2026, 18:30</time> to <time datetime=\"2026-12-03T20:00\">20:00</time> (Europe/Brussels time)"))
        #expect(meetup.contains("<a class=\"button\" href=\"event.ics\">Add to calendar</a>"))
        #expect(meetup.contains("\"eventAttendanceMode\":\"https://schema.org/MixedEventAttendanceMode\""))
        #expect(meetup.contains("\"startDate\":\"2026-12-03T18:30+01:00\""))
        #expect(meetup.contains("Every month, 6 times"))
        let festival = try page("events/example-festival/index.html")
        #expect(festival.contains("\"eventStatus\":\"https://schema.org/EventPostponed\""))
        let ics = try page("events/example-meetup/event.ics")
        #expect(ics.contains("DTSTART;TZID=Europe/Brussels:20261203T183000\r\n"))
        #expect(ics.contains("BEGIN:VTIMEZONE\r\nTZID:Europe/Brussels\r\n"))
        #expect(ics.contains("RRULE:FREQ=MONTHLY;INTERVAL=1;COUNT=6\r\n"))
    }

    @Test func caseStudiesShowWhenTheyRan() throws {
        let study = try page("case-studies/example-assembly/index.html")
        #expect(study.contains("<dt>When</dt>\n<dd><time datetime=\"2024-03\">March 2024</time> to <time datetime=\"2024-05-12\">12 May 2024</time></dd>"))
    }

    @Test func caseStudiesAndResourcesHaveTheirStructuredData() throws {
        #expect(try page("case-studies/example-assembly/index.html").contains("\"@type\":\"Article\""))
        #expect(try page("resources/example-report/index.html").contains("\"@type\":\"Report\""))
    }

    @Test func topicPagesGroupEntriesByType() throws {
        let topic = try page("topics/assemblies/index.html")
        #expect(topic.contains("<h1>Citizens&#39; assemblies</h1>"))
        #expect(topic.contains("<h2>Organisations</h2>"))
        #expect(topic.contains("<h2>Case studies</h2>"))
    }

    @Test func contentPagesPrivacyAnd404Exist() throws {
        let about = try page("about/index.html")
        #expect(about.contains("<h1>About</h1>"))
        #expect(about.contains("<h2>About this handbook</h2>"))
        #expect(try page("privacy/index.html").contains("<h1>Privacy</h1>"))
        let notFound = try page("404.html")
        #expect(notFound.contains("<meta name=\"robots\" content=\"noindex\">"))
        #expect(notFound.contains("href=\"/handbook/\""))
    }

    @Test func sitemapListsEveryPageAndRobotsPointsAtIt() throws {
        let sitemap = try page("sitemap.xml")
        for path in Self.site.keys where path.hasSuffix("index.html") {
            let url = "https://example.org/handbook/" + path.dropLast("index.html".count)
            #expect(sitemap.contains("<loc>\(url)</loc>"), "\(url)")
        }
        #expect(try page("robots.txt") == "User-agent: *\nAllow: /\n\nSitemap: https://example.org/handbook/sitemap.xml\n")
    }

    @Test func everyPageHasTheHeadItNeeds() throws {
        for (path, html) in Self.site where path.hasSuffix(".html") {
            #expect(html.hasPrefix("<!DOCTYPE html>\n<html lang=\"en-GB\">"), "\(path)")
            #expect(html.contains("<title>"), "\(path)")
            #expect(html.contains("<meta name=\"description\" content=\""), "\(path)")
            #expect(html.contains("<meta property=\"og:title\""), "\(path)")
            #expect(html.contains("<a class=\"skip-link\" href=\"#main\">"), "\(path)")
            #expect(html.components(separatedBy: "<h1").count == 2, "\(path) must have one h1")
            if path != "404.html" {
                #expect(html.contains("<link rel=\"canonical\" href=\"https://example.org/handbook/"), "\(path)")
                #expect(html.contains("<script type=\"application/ld+json\">"), "\(path)")
            }
        }
    }

    /// Nothing the browser fetches by itself (scripts, styles, icons, images) comes from another host.
    @Test func noRequestToAnyOtherHost() throws {
        let fetching = try NSRegularExpression(pattern: #"<(script|img|iframe|source|link)\b[^>]*\b(src|href)="([^"]*)""#)
        for (path, html) in Self.site where path.hasSuffix(".html") {
            let range = NSRange(html.startIndex..., in: html)
            for match in fetching.matches(in: html, range: range) {
                let tag = String(html[Range(match.range(at: 0), in: html)!])
                let url = String(html[Range(match.range(at: 3), in: html)!])
                if tag.contains("rel=\"canonical\"") { continue }
                #expect(!url.hasPrefix("http") && !url.hasPrefix("//"), "\(path) fetches \(url)")
            }
        }
    }

    @Test func draftsAreNotPublished() throws {
        #expect(Self.site.keys.contains { $0.hasPrefix("organisations/example-lab/") })
    }
}
