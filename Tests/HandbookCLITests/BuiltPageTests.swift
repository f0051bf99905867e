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

    /// A press office is listed with the organisation it speaks for: desks are all called "Press office".
    @Test func pressContactCardsNameTheirOrganisation() throws {
        let list = try page("press-contacts/index.html")
        let card = try #require(list.components(separatedBy: ">Press office</a>").dropFirst().first)
        #expect(card.prefix(200).contains("<p class=\"card-meta\">Example Assembly Trust</p>"), "\(card.prefix(200))")
    }

    @Test func eventsListUpcomingFirst() throws {
        let events = try page("events/index.html")
        let meetup = try #require(events.range(of: "Example monthly meet-up")?.lowerBound)
        let festival = try #require(events.range(of: "Example democracy festival")?.lowerBound)
        #expect(meetup < festival)
        #expect(events.contains("<h2>Upcoming</h2>"))
    }

    /// Relationships read both ways, in words: "Member of" on the member, "Members (2)" on the network.
    @Test func relationshipsAreLabelledBothWays() throws {
        let directory = try TemporaryDirectory()
        defer { directory.cleanUp() }
        try directory.write("content/handbook.yml", "title: T\n")
        try directory.write("content/organisations/net.md", "---\nname: The Network\ncountry: GB\n---\n")
        try directory.write("content/organisations/a.md", "---\nname: Alpha\ncountry: GB\nnetworks: [net]\n---\n")
        try directory.write("content/organisations/b.md", "---\nname: Beta\ncountry: GB\nnetworks: [net]\npartners: [a]\n---\n")
        let run = buildFixture(into: directory.path + "/site", content: directory.path + "/content")
        #expect(run.status == 0, "\(run.out)\(run.err)")
        let network = try directory.read("site/organisations/net/index.html")
        #expect(network.contains("<h3>Members (2)</h3>"))
        #expect(network.contains("Alpha") && network.contains("Beta"))
        let alpha = try directory.read("site/organisations/a/index.html")
        #expect(alpha.contains("<dt>Member of</dt>"))
        #expect(alpha.contains("<h3>Named as a partner by</h3>"))
        #expect(!alpha.contains("<h3>Members"))
    }

    @Test func homeTilesShowOnlyTypesThatHaveEntries() throws {
        let directory = try TemporaryDirectory()
        defer { directory.cleanUp() }
        try directory.write("content/handbook.yml", "title: T\n")
        try directory.write("content/organisations/org.md", "---\nname: Org\ncountry: GB\n---\n")
        let run = buildFixture(into: directory.path + "/site", content: directory.path + "/content")
        #expect(run.status == 0, "\(run.out)\(run.err)")
        let home = try directory.read("site/index.html")
        #expect(home.contains(">1 organisation</a>"))
        #expect(!home.contains(">0 "), "no tile counts nothing")
    }

    @Test func pastEventsSayTheyHavePassedAndOfferNoCalendar() throws {
        let directory = try TemporaryDirectory()
        defer { directory.cleanUp() }
        try directory.write("content/handbook.yml", "title: T\n")
        try directory.write("content/organisations/org.md", "---\nname: Org\ncountry: GB\n---\n")
        try directory.write("content/events/past.md", "---\ntitle: Past\nstart: 2017-05-01\nlocation: Leeds\norganisers: [org]\n---\n")
        try directory.write("content/events/soon.md", "---\ntitle: Soon\nstart: 2027-05-01\nlocation: Leeds\norganisers: [org]\n---\n")
        let run = buildFixture(into: directory.path + "/site", content: directory.path + "/content")
        #expect(run.status == 0, "\(run.out)\(run.err)")
        let past = try directory.read("site/events/past/index.html")
        #expect(past.contains("This event has passed."))
        #expect(!past.contains("Add to calendar"))
        let soon = try directory.read("site/events/soon/index.html")
        #expect(soon.contains("Add to calendar"))
        #expect(!soon.contains("This event has passed."))
    }

    @Test func entityPagesShowFieldsReadablyWithBacklinks() throws {
        let trust = try page("organisations/example-trust/index.html")
        #expect(trust.contains("<dt>Country</dt>\n<dd>United Kingdom</dd>"))
        #expect(trust.contains("<dt>Region</dt>\n<dd>Scotland</dd>"))
        #expect(trust.contains("<time datetime=\"2015-06\">June 2015</time>"))
        #expect(trust.contains("<h3>Grants from</h3>\n<ul>\n<li><a href=\"../../funders/example-fund/\">Example Fund</a></li>"))
        #expect(trust.contains("\"@type\":\"Organization\""))
        #expect(trust.components(separatedBy: "<h1").count == 2)
    }

    @Test func fundersShowGrantsWithTotals() throws {
        let fund = try page("funders/example-fund/index.html")
        #expect(fund.contains("<td class=\"number\" data-label=\"Amount\">25,000 GBP</td>"))
        // The second grant gives no amount or date: its cells say so, and the total says it is of the first only.
        #expect(fund.contains("<td class=\"number\" data-label=\"Amount\"><span class=\"hint\">Not given</span></td><td data-label=\"Date\"><span class=\"hint\">Not given</span></td>"))
        #expect(fund.contains("<tfoot><tr><th scope=\"row\">Total (the 1 of 2 grants with an amount)</th><td class=\"number\">25,000 GBP</td>"))
        #expect(fund.contains("<td class=\"number\" data-label=\"Amount\">5,000.50 EUR</td>"))
        #expect(fund.contains("<table class=\"grants stacks\">") && fund.contains("<table class=\"calls stacks\">"))
    }

    @Test func policiesShowStagesAsATimeline() throws {
        let bill = try page("policies/example-bill/index.html")
        #expect(bill.contains("<ol class=\"timeline\"><li><span class=\"stage-date\"><time datetime=\"2025-02-01\">1 February 2025</time></span> <strong>Proposed</strong>: Introduced</li>"))
        #expect(bill.contains("\"@type\":\"Legislation\""))
    }

    @Test func eventsShowTimeZoneAndCalendarLink() throws {
        let meetup = try page("events/example-meetup/index.html")
        #expect(meetup.contains("3 December 2026, 18:30</time> to <time datetime=\"2026-12-03T20:00\">20:00</time> (Brussels time, UTC+01:00)"))
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
        #expect(topic.contains("<h2 id=\"group-organisations\">Organisations <span class=\"hint\">(1)</span></h2>"))
        #expect(topic.contains("<h2 id=\"group-case-studies\">Case studies <span class=\"hint\">("))
        // Several types: what is on the page, with a link to each, comes first.
        #expect(topic.contains("<nav class=\"page-contents\" aria-label=\"On this page\">\n<ul>\n<li><a href=\"#group-organisations\">Organisations</a>"))
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

    /// The sections with a list page in the main navigation, each holding one page per entry (or topic).
    static let sections = ["organisations", "case-studies", "funders", "events", "policies", "resources", "press-contacts", "topics"]

    /// Every kind of output is at the root, and nothing else is: a missing feed or a stray file shows here.
    @Test func siteRootHoldsEveryKindOfOutputAndNothingElse() {
        let root = Set(Self.site.keys.map { String($0.split(separator: "/")[0]) })
        #expect(root == [".handbook-output", "404.html", "index.html", "robots.txt", "sitemap.xml", "feed.xml", "feed.json", "events.ics",
                         "about", "privacy", "api", "assets", "search", "organisations", "case-studies", "funders", "events",
                         "policies", "resources", "press-contacts", "topics", "methods", "graph", "insights"])
    }

    /// The insights page: linked from every footer; charts are images with a text alternative, each followed by
    /// a keyboard-reachable table; organisations, topics and countries link to their pages; the to-do list says what to do.
    @Test func insightsLinkEverythingAndSayWhatToDo() throws {
        #expect(try page("index.html").contains("<li><a href=\"./insights/\">Sector insights</a></li>"))
        let insights = try page("insights/index.html")
        #expect(insights.contains("<h1>Sector insights</h1>"))
        let chart = try #require(insights.range(of: "<svg class=\"chart\" role=\"img\""))
        let table = try #require(insights.range(of: "<div class=\"table-scroll\" role=\"region\" aria-labelledby=\"by-country-caption\" tabindex=\"0\">"))
        #expect(chart.upperBound < table.lowerBound)
        #expect(insights.contains("<td><a href=\"../organisations/by-country/be/\">Belgium</a></td><td class=\"number\">1</td>"))
        #expect(insights.contains("<a href=\"../topics/assemblies/\">"))
        #expect(insights.contains("<td><a href=\"../organisations/example-trust/\">Example Assembly Trust</a></td><td>Venues outside cities</td><td>Training for facilitators</td>"))
        #expect(insights.contains("Add a partner link back from Example Lab to Example Assembly Trust, or remove it from Example Assembly Trust"))
        #expect(insights.contains("<td><a href=\"../funders/example-fund/\">Example Fund</a></td><td class=\"number\">2</td><td class=\"number\">25,000 GBP</td>"))
    }

    /// Feeds are linked from every page's footer, and the home page offers the calendar.
    @Test func feedsAreLinkedInTheFooterAndTheHomePageOffersTheCalendar() throws {
        for path in ["index.html", "organisations/example-trust/index.html", "404.html"] {
            let html = try page(path)
            #expect(html.contains("feed.xml\" type=\"application/atom+xml\">Atom feed</a>"), "\(path)")
            #expect(html.contains("feed.json\" type=\"application/feed+json\">JSON Feed</a>"), "\(path)")
        }
        let home = try page("index.html")
        #expect(home.contains("Subscribe to the calendar"))
        #expect(home.contains("href=\"webcal://"))
    }

    /// Every filter's folder has a page listing its values, so no folder address answers 404.
    @Test func everyFacetFolderHasAnIndexPage() throws {
        let byCountry = try page("organisations/by-country/index.html")
        #expect(byCountry.contains("<h1>Organisations by country</h1>"))
        #expect(byCountry.contains("href=\"../../organisations/by-country/be/\">Belgium</a> <span class=\"count\">(1)</span>"))
        for path in Self.site.keys where path.contains("/by-") && path.hasSuffix("/index.html") {
            let folder = path.components(separatedBy: "/").prefix(2).joined(separator: "/")
            #expect(Self.site[folder + "/index.html"] != nil, "no page for \(folder)/")
        }
    }

    /// International bodies (country INT) can be filtered like any country.
    @Test func internationalBodiesHaveAFilter() throws {
        let directory = try TemporaryDirectory()
        defer { directory.cleanUp() }
        try directory.write("content/handbook.yml", "title: T\n")
        try directory.write("content/organisations/oecd.md", "---\nname: OECD\ncountry: INT\n---\n")
        let run = buildFixture(into: directory.path + "/site", content: directory.path + "/content")
        #expect(run.status == 0, "\(run.out)\(run.err)")
        #expect(try directory.read("site/organisations/by-country/int/index.html").contains("<h1>Organisations working internationally</h1>"))
        #expect(try directory.read("site/organisations/index.html").contains(">International <span class=\"count\">(1)</span>"))
    }

    /// Methods have pages like topics, and a case study's methods link to them.
    @Test func methodsHaveTheirOwnPagesLinkedFromCaseStudies() throws {
        let index = try page("methods/index.html")
        #expect(index.contains("<h1>Methods</h1>"))
        let caseStudy = try page("case-studies/example-assembly/index.html")
        let link = try #require(caseStudy.range(of: "href=\"../../methods/")).upperBound
        let id = String(caseStudy[link...].prefix { $0 != "/" })
        let method = try page("methods/\(id)/index.html")
        #expect(method.contains("Example Citizens&#39; Assembly on Budgets"))
        #expect(index.contains("href=\"../methods/\(id)/\""))
    }

    @Test func listPagesLinkEveryEntryOfTheirSection() throws {
        for section in Self.sections {
            let list = try page("\(section)/index.html")
            let entries = Self.site.keys.compactMap { path -> String? in
                let parts = path.split(separator: "/")
                guard parts.count == 3, parts[0] == section, parts[2] == "index.html", !parts[1].hasPrefix("by-") else { return nil }
                return String(parts[1])
            }
            #expect(!entries.isEmpty, "\(section) has no entry pages")
            for slug in entries {
                #expect(list.contains("href=\"../\(section)/\(slug)/\""), "\(section)/index.html does not link \(slug)")
            }
        }
    }

    /// A facet page exists for each value some entry of the type uses, and for no other value.
    @Test func facetPagesExistForTheValuesInUse() {
        let facets = Set(Self.site.keys.filter { $0.split(separator: "/").count == 4 && $0.split(separator: "/")[1].hasPrefix("by-") })
        #expect(facets == [
            "case-studies/by-country/gb/index.html", "case-studies/by-status/completed/index.html",
            "case-studies/by-topic/assemblies/index.html", "case-studies/by-topic/budgets/index.html",
            "events/by-status/postponed/index.html", "events/by-status/scheduled/index.html",
            "funders/by-country/gb/index.html", "funders/by-kind/trust/index.html",
            "organisations/by-country/be/index.html", "organisations/by-country/gb/index.html", "organisations/by-country/nl/index.html",
            "organisations/by-kind/charity/index.html", "organisations/by-kind/network/index.html", "organisations/by-kind/research/index.html",
            "organisations/by-topic/assemblies/index.html",
            "policies/by-country/gb/index.html", "policies/by-kind/bill/index.html", "policies/by-status/in-progress/index.html",
            "resources/by-kind/report/index.html",
        ])
    }

    /// Each facet page lists only entries with its value, at least one, and marks its own filter link as current.
    @Test func facetPagesListOnlyMatchingEntries() throws {
        let card = try NSRegularExpression(pattern: #"<li class="card"[^>]*>"#)
        for path in Self.site.keys.sorted() {
            let parts = path.split(separator: "/").map(String.init)
            guard parts.count == 4, parts[1].hasPrefix("by-") else { continue }
            let (facet, value) = (String(parts[1].dropFirst(3)), parts[2])
            let html = try page(path)
            #expect(html.contains("data-facet=\"\(facet)\" data-value=\"\(value)\" aria-current=\"page\""), "\(path)")
            let cards = card.matches(in: html, range: NSRange(html.startIndex..., in: html)).map { String(html[Range($0.range, in: html)!]) }
            #expect(!cards.isEmpty, "\(path) lists nothing")
            for tag in cards {
                let values = tag.components(separatedBy: "data-\(facet)=\"").dropFirst().first?.prefix { $0 != "\"" }.split(separator: " ") ?? []
                #expect(values.contains(Substring(value)), "\(path) lists \(tag)")
            }
        }
        let postponed = try page("events/by-status/postponed/index.html")
        #expect(postponed.contains("Example democracy festival") && !postponed.contains("Example monthly meet-up"))
    }

    /// Every page has one `<main>`; the main navigation marks the section the page is in, and only that one.
    @Test func mainNavigationMarksTheCurrentSection() throws {
        for (path, html) in Self.site where path.hasSuffix(".html") {
            #expect(html.components(separatedBy: "<main").count == 2, "\(path) must have one <main>")
            let start = try #require(html.range(of: "aria-label=\"Main\""), "\(path) has no main navigation")
            let end = try #require(html.range(of: "</nav>", range: start.upperBound..<html.endIndex))
            let nav = html[start.upperBound..<end.lowerBound]
            let current = nav.components(separatedBy: "aria-current=\"page\"").dropLast().map { $0.components(separatedBy: "href=\"").last ?? "" }
            let section = String(path.split(separator: "/")[0])
            if Self.sections.contains(section) {
                #expect(current.count == 1 && current[0].hasSuffix("\(section)/\" "), "\(path) marks \(current)")
            } else {
                #expect(current.isEmpty, "\(path) marks \(current)")
            }
        }
    }

    @Test func topicsPageCountsEntriesPerTopic() throws {
        let topics = try page("topics/index.html")
        #expect(topics.contains("<a href=\"../topics/assemblies/\">Citizens&#39; assemblies</a> <span class=\"count\">(2)</span>"))
        #expect(topics.contains("<a href=\"../topics/budgets/\">Participatory budgets</a> <span class=\"count\">(1)</span>"))
    }

    @Test func pressContactsLinkTheirOrganisationAndThePrivacyNotice() throws {
        let contact = try page("press-contacts/example-press-office/index.html")
        #expect(contact.contains("<dt>Organisation</dt>\n<dd><a href=\"../../organisations/example-trust/\">Example Assembly Trust</a></dd>"))
        #expect(contact.contains("<a href=\"mailto:press@trust.example.org\">press@trust.example.org</a>"))
        #expect(contact.contains("<dt>Verified</dt>\n<dd><time datetime=\"2026-09-01\">1 September 2026</time></dd>"))
        // Listing a person's contact details is lawful only with a way to have them corrected or removed.
        #expect(contact.contains("<a href=\"../../privacy/\">privacy notice</a>"))
    }

    @Test func resourcesShowAuthorsPublishersAndWhatTheyAreAbout() throws {
        let report = try page("resources/example-report/index.html")
        #expect(report.contains("<dt>Authors</dt>\n<dd><ul class=\"values\"><li>A. Author</li><li>B. Author</li></ul></dd>"))
        #expect(report.contains("<dt>Published by</dt>\n<dd><a href=\"../../organisations/example-trust/\">Example Assembly Trust</a></dd>"))
        #expect(report.contains("<dt>About</dt>\n<dd><a href=\"../../case-studies/example-assembly/\">"))
    }

    @Test func draftsAreNotPublished() throws {
        #expect(Self.site.keys.contains { $0.hasPrefix("organisations/example-lab/") })
    }
}
