import Foundation
import HandbookModel
import Testing

/// The data files of the built fixture site: API, graph, schemas, 360Giving, calendars and feeds.
@Suite struct DataOutputTests {
    static let site: [String: Data] = {
        let directory = try! TemporaryDirectory()
        defer { directory.cleanUp() }
        _ = buildFixture(into: directory.path + "/site")
        return (try? tree(directory.path + "/site")) ?? [:]
    }()

    func json(_ path: String) throws -> [String: Any] {
        let data = try #require(Self.site[path], "no \(path)")
        return try #require(try JSONSerialization.jsonObject(with: data) as? [String: Any])
    }

    /// An entry's details: from its list item's `detail` block, under its slug.
    func detail(_ type: String, _ slug: String) throws -> [String: Any] {
        let items = try #require(try json("api/\(type).json")["items"] as? [[String: Any]])
        let item = try #require(items.first { $0["slug"] as? String == slug }, "no \(slug) in api/\(type).json")
        let url = try #require(item["detail"] as? String)
        let path = String(try #require(url.range(of: "/api/").map { url[$0.lowerBound...].dropFirst() }))
        let block = try json(path)
        #expect(block["type"] as? String == type)
        return try #require((block["items"] as? [String: Any])?[slug] as? [String: Any], "\(slug) is not in \(path)")
    }

    func text(_ path: String) throws -> String {
        String(decoding: try #require(Self.site[path], "no \(path)"), as: UTF8.self)
    }

    /// `api/insights.json`: every organisation's degree and betweenness, most central first, and the components.
    @Test func insightsListEveryOrganisationsCentrality() throws {
        let insights = try json("api/insights.json")
        let organisations = try #require(insights["organisations"] as? [[String: Any]])
        #expect(organisations.compactMap { $0["id"] as? String } == ["organisations/example-trust", "organisations/example-network", "organisations/example-lab"])
        #expect(organisations.first?["url"] as? String == "https://example.org/handbook/organisations/example-trust/")
        let betweenness = organisations.compactMap { $0["betweenness"] as? Double }
        #expect(betweenness == betweenness.sorted(by: >) && betweenness.allSatisfy { (0...1).contains($0) })
        let how = try #require(insights["betweenness"] as? [String: Any])
        #expect(how["exact"] as? Bool == true && how["nodes"] as? Int == how["sources"] as? Int)
        #expect((insights["components"] as? [[String: Int]])?.reduce(0) { $0 + $1["size"]! * $1["count"]! } == how["nodes"] as? Int)
    }

    @Test func catalogueCountsEveryType() throws {
        let index = try json("api/index.json")
        let types = try #require(index["types"] as? [[String: Any]])
        #expect(types.count == 8)
        let organisations = try #require(types.first { $0["type"] as? String == "organisations" })
        #expect(organisations["count"] as? Int == 3)
        #expect(organisations["url"] as? String == "https://example.org/handbook/api/organisations.json")
        #expect(organisations["schema"] as? String == "https://example.org/handbook/api/schema/organisations.schema.json")
    }

    /// Each type in the catalogue has its list, a detail block holding each listed entry, a schema, and an HTML page per entry.
    @Test func catalogueTypesHaveEveryFileTheyPromise() throws {
        let types = try #require(try json("api/index.json")["types"] as? [[String: Any]])
        for type in types {
            let name = try #require(type["type"] as? String)
            #expect(Self.site["api/schema/\(name).schema.json"] != nil, "\(name) has no schema")
            let items = try #require(try json("api/\(name).json")["items"] as? [[String: Any]])
            #expect(items.count == type["count"] as? Int, "\(name)")
            for item in items {
                let slug = try #require(item["slug"] as? String)
                #expect(try detail(name, slug)["slug"] as? String == slug)
                // Pages live at the root (about/); every other type under its own folder.
                let page = name == "pages" ? "\(slug)/index.html" : "\(name)/\(slug)/index.html"
                #expect(Self.site[page] != nil, "no \(page)")
            }
        }
    }

    /// The search index on the fixture: a result block per `block` entries, and a token or filter file for each the manifest names.
    @Test func searchIndexCoversEveryEntry() throws {
        let manifest = try json("search/manifest.json")
        let files = Self.site.keys.filter { $0.hasPrefix("search/") }
        func names(_ folder: String) -> Set<String> {
            Set(files.filter { $0.hasPrefix("search/\(folder)/") }.map { String($0.dropFirst(folder.count + 8).dropLast(5)) })
        }
        let types = try #require(try json("api/index.json")["types"] as? [[String: Any]])
        let entries = types.compactMap { $0["count"] as? Int }.reduce(0, +)
        #expect(manifest["docs"] as? Int == entries)
        let block = try #require(manifest["block"] as? Int)
        #expect(names("d") == Set((0..<((entries + block - 1) / block)).map(String.init)))
        #expect(names("t") == Set(try #require(manifest["leaves"] as? [String])))
        let topics = try #require(manifest["topics"] as? [String])
        let countries = try #require(manifest["countries"] as? [String])
        #expect(topics == ["assemblies", "budgets"] && countries == ["be", "gb", "nl"])
        #expect(names("f") == Set(topics.map { "topic-" + $0 } + countries.map { "country-" + $0 }))
        let first = try #require(Self.site["search/d/0.json"])
        let trust = try #require((try JSONSerialization.jsonObject(with: first) as? [[String: Any]])?.first)
        #expect(trust["n"] as? String == "Example Assembly Trust" && trust["u"] as? String == "organisations/example-trust/")
        #expect(trust["a"] as? [String] == ["EAT", "Edinburgh Assembly Trust"] && trust["p"] as? String == "Edinburgh, Scotland")
    }

    @Test func typeFilesListEntriesWithResolvedReferences() throws {
        let list = try json("api/organisations.json")
        let items = try #require(list["items"] as? [[String: Any]])
        #expect(items.map { $0["slug"] as? String } == ["example-lab", "example-network", "example-trust"])
        let trust = try #require(items.last)
        let fields = try #require(trust["fields"] as? [String: Any])
        let networks = try #require(fields["networks"] as? [[String: Any]])
        #expect(networks.first?["name"] as? String == "Example Network")
        #expect(networks.first?["url"] as? String == "https://example.org/handbook/organisations/example-network/")
        #expect(fields["founded"] as? String == "2015-06")
        #expect(trust["body_html"] == nil)
    }

    @Test func entryFilesCarryBodyAndBacklinks() throws {
        let trust = try detail("organisations", "example-trust")
        #expect((trust["body_html"] as? String)?.contains("<strong>trust</strong>") == true)
        let backlinks = try #require(trust["backlinks"] as? [[String: Any]])
        #expect(backlinks.contains { $0["slug"] as? String == "example-fund" && $0["type"] as? String == "funders" })
        #expect(trust["last_modified"] as? String == "2026-09-21T14:13:20Z")
    }

    @Test func numbersAndDatesKeepTheirTypes() throws {
        let fund = try detail("funders", "example-fund")
        let grants = try #require((fund["fields"] as? [String: Any])?["grants"] as? [[String: Any]])
        #expect(grants.first?["amount"] as? Int == 25000)
        let event = try detail("events", "example-meetup")
        let fields = try #require(event["fields"] as? [String: Any])
        #expect(fields["start"] as? String == "2026-12-03T18:30")
        #expect(fields["sequence"] as? Int == 2)
    }

    @Test(arguments: ["api/organisations/0.json", "api/graph.json", "api/index.json", "feed.json"])
    func jsonIsEncodedWithSortedKeys(_ path: String) throws {
        let data = try #require(Self.site[path])
        let object = try JSONSerialization.jsonObject(with: data)
        let sorted = try JSONSerialization.data(withJSONObject: object, options: [.sortedKeys, .withoutEscapingSlashes])
        #expect(String(decoding: data, as: UTF8.self) == String(decoding: sorted, as: UTF8.self) + "\n")
    }

    @Test func graphHasTypedEdges() throws {
        let graph = try json("api/graph.json")
        let nodes = try #require(graph["nodes"] as? [[String: Any]])
        let edges = try #require(graph["edges"] as? [[String: Any]])
        // Every published entry but the content page.
        #expect(nodes.count == 10)
        #expect(!nodes.contains { $0["type"] as? String == "pages" })
        let trust = try #require(nodes.first { $0["id"] as? String == "organisations/example-trust" })
        #expect(trust["country"] as? String == "GB" && trust["topics"] as? [String] == ["assemblies"])
        func edge(_ source: String, _ target: String) -> [String: Any]? {
            edges.first { $0["source"] as? String == source && $0["target"] as? String == target }
        }
        #expect(edge("organisations/example-trust", "organisations/example-network")?["relation"] as? String == "member-of")
        let grant = try #require(edge("funders/example-fund", "organisations/example-trust"))
        #expect(grant["relation"] as? String == "funds" && grant["field"] as? String == "grants")
        #expect(grant["amount"] as? Int == 25000 && grant["currency"] as? String == "GBP" && grant["date"] as? String == "2025-01")
    }

    /// The fixture names entries in every relationship field, so its graph has an edge of every relation declared.
    @Test func graphHasAnEdgeOfEveryDeclaredRelation() throws {
        let edges = try #require(try json("api/graph.json")["edges"] as? [[String: Any]])
        let declared = Set(TypeCatalog.standard.descriptors.flatMap { $0.fields.compactMap(\.relation) })
        #expect(Set(edges.compactMap { $0["relation"] as? String }) == declared)
    }

    /// GraphML and GEXF hold the same edges as graph.json, in the same order, with ids `<type>:<slug>`.
    @Test func graphMLAndGEXFListTheSameEdges() throws {
        let edges = try #require(try json("api/graph.json")["edges"] as? [[String: Any]])
        let expected = edges.map { "\(($0["source"] as? String ?? "").replacingOccurrences(of: "/", with: ":"))>\(($0["target"] as? String ?? "").replacingOccurrences(of: "/", with: ":"))" }
        for path in ["api/graph.graphml", "api/graph.gexf"] {
            let text = String(decoding: try #require(Self.site[path]), as: UTF8.self)
            let pattern = try Regex(#"<edge id="[^"]*" source="([^"]*)" target="([^"]*)""#)
            let found = text.matches(of: pattern).map { "\($0.output[1].substring ?? "")>\($0.output[2].substring ?? "")" }
            #expect(found == expected, "\(path)")
        }
    }

    @Test func schemasComeFromTheSchemaTables() throws {
        let schema = try json("api/schema/organisations.schema.json")
        #expect(schema["$schema"] as? String == "https://json-schema.org/draft/2020-12/schema")
        #expect(schema["required"] as? [String] == ["name", "country"])
        #expect(schema["additionalProperties"] as? Bool == false)
        let properties = try #require(schema["properties"] as? [String: [String: Any]])
        #expect(properties["kind"]?["enum"] as? [String] == ["charity", "nonprofit", "social-enterprise", "foundation", "research", "network", "campaign", "public-body", "company", "other"])
        #expect(((properties["topics"]?["items"] as? [String: Any])?["enum"] as? [String]) == ["assemblies", "budgets"])
        let events = try json("api/schema/events.schema.json")
        #expect(events["anyOf"] != nil)
    }

    @Test func grantsFollow360Giving() throws {
        let package = try json("api/360giving.json")
        let grants = try #require(package["grants"] as? [[String: Any]])
        // The grant without an amount, currency or date cannot meet the standard and is left out.
        #expect(grants.count == 1)
        let grant = try #require(grants.first)
        #expect(grant["id"] as? String == "360G-handbook-example-fund-1")
        #expect(grant["amountAwarded"] as? Int == 25000)
        #expect(grant["currency"] as? String == "GBP")
        #expect(grant["awardDate"] as? String == "2025-01-01")
        #expect((grant["recipientOrganization"] as? [[String: Any]])?.first?["id"] as? String == "GB-SC-SC000000")
        #expect((grant["fundingOrganization"] as? [[String: Any]])?.first?["id"] as? String == "XI-HANDBOOK-funders-example-fund")
    }

    @Test func calendarsCoverEventsDeadlinesOrganisersAndTopics() throws {
        let all = try text("events.ics")
        #expect(all.contains("X-WR-CALNAME:Example Handbook: events and deadlines\r\n"))
        #expect(all.contains("REFRESH-INTERVAL;VALUE=DURATION:PT12H\r\n"))
        #expect(all.contains("UID:events-example-meetup@example.org\r\n"))
        #expect(all.contains("UID:funders-example-fund-call-1@example.org\r\nDTSTAMP:20260921T141320Z\r\nDTSTART;VALUE=DATE:20270131\r\nDTEND;VALUE=DATE:20270201\r\nSUMMARY:Deadline: Small grants round (Example Fund)\r\n"))
        #expect(try text("organisations/example-network/events.ics").contains("UID:events-example-meetup@"))
        #expect(!(try text("organisations/example-network/events.ics")).contains("example-festival"))
        #expect(Self.site["organisations/example-lab/events.ics"] != nil)
        #expect(Self.site["topics/assemblies/events.ics"] == nil, "no event is tagged with the topic")
        #expect(try text("events/example-festival/event.ics").contains("STATUS:TENTATIVE\r\n"))
    }

    @Test func feedsListRecentlyChangedEntries() throws {
        let atom = try text("feed.xml")
        #expect(atom.hasPrefix("<?xml version=\"1.0\" encoding=\"utf-8\"?>\n<feed xmlns=\"http://www.w3.org/2005/Atom\">"))
        #expect(atom.contains("<updated>2026-09-21T14:13:20Z</updated>"))
        #expect(atom.components(separatedBy: "<entry>").count - 1 == 10)
        let feed = try json("feed.json")
        #expect(feed["version"] as? String == "https://jsonfeed.org/version/1.1")
        let items = try #require(feed["items"] as? [[String: Any]])
        #expect(items.count == 10)
        #expect(items.allSatisfy { $0["content_html"] is String && $0["date_modified"] as? String == "2026-09-21T14:13:20Z" })
    }

    @Test func everyPageLinksTheFeedsAndCalendar() throws {
        let home = try text("index.html")
        #expect(home.contains("<link rel=\"alternate\" type=\"application/atom+xml\""))
        #expect(home.contains("href=\"./feed.json\""))
        #expect(home.contains("type=\"text/calendar\""))
        let events = try text("events/index.html")
        #expect(events.contains("href=\"webcal://example.org/handbook/events.ics\""))
        #expect(events.contains("<code>https://example.org/handbook/events.ics</code>"))
        #expect(try text("organisations/example-network/index.html").contains("<a href=\"events.ics\">Subscribe to this organisation's events</a>"))
    }
}
