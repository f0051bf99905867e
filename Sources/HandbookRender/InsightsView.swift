import HandbookModel
import Mustache

/// The sector's insights as the `insights` template reads them: sections, each with a heading, an
/// introduction and blocks (a sub-heading, a chart, a table, or a line saying there is nothing to show).
///
/// Tables are data (columns, and rows of cells made of pieces of text that may link), so the template
/// writes every table the same way and escapes every piece; charts are SVG made by `BarChart`, which
/// escapes its text. Every organisation, topic and country links to its page; addresses are relative to
/// the site root, which the template puts before them.
struct InsightsView {
    let insights: SectorInsights
    let index: SiteIndex
    /// Each declared topic's label, looked up once.
    let topicLabels: [String: String]

    /// The most rows a table shows; how many more there are is said under it.
    static let rowLimit = 100
    /// The most bars a chart draws; the table after it lists them all.
    static let barLimit = 12
    /// The fewest bars worth a chart.
    static let barMinimum = 3
    /// How many of the most central organisations are shown.
    static let centralLimit = 20

    init(insights: SectorInsights, index: SiteIndex) {
        self.insights = insights
        self.index = index
        topicLabels = Dictionary(index.settings.topics.map { ($0.id, $0.label) }, uniquingKeysWith: { first, _ in first })
    }

    /// Every section, in the order the page shows them.
    func sections() -> [MustacheValue] {
        [organisations(), coverage(), grants(), matchmaking(), centrality(), components(), toDo()]
    }

    // MARK: Sections

    /// Organisations by country, kind and topic, each a chart and its table.
    func organisations() -> MustacheValue {
        let count = insights.organisationCount
        let byCountry = insights.organisationsByCountry.map { tally in
            (row: [[country(tally.value, of: .organisations)], [number(tally.count)]],
             bar: bar(Formatting.country(tally.value), tally.count))
        }
        var byKind = insights.organisationsByKind.map { tally in
            (row: [[link(Formatting.choice(tally.value), index.links.facet(.organisations, .kind, tally.value))], [number(tally.count)]],
             bar: bar(Formatting.choice(tally.value), tally.count))
        }
        if insights.organisationsWithoutKind > 0 {
            byKind.append((row: [[text("Not given")], [number(insights.organisationsWithoutKind)]], bar: bar("Not given", insights.organisationsWithoutKind)))
        }
        var byTopic = insights.organisationsByTopic.map { tally in
            (row: [[link(topic(tally.value), Links.topic(tally.value))], [number(tally.count)]], bar: bar(topic(tally.value), tally.count))
        }
        if insights.organisationsWithoutTopic > 0 {
            byTopic.append((row: [[text("No topic")], [number(insights.organisationsWithoutTopic)]], bar: bar("No topic", insights.organisationsWithoutTopic)))
        }
        let empty = "No organisations are listed yet."
        return section("organisations", "Organisations",
                       intro: [text("The \(counted(count, "organisation", "organisations")) in the handbook, by where they are based, what kind of body they are and the topics they work on. An organisation counts under each of its topics.")],
                       blocks: [
                           charted("by-country", "By country", caption: "Organisations by country", columns: [("Country", false), ("Organisations", true)], byCountry, empty: empty),
                           charted("by-kind", "By kind", caption: "Organisations by kind", columns: [("Kind", false), ("Organisations", true)], byKind, empty: empty),
                           charted("by-topic", "By topic", caption: "Organisations by topic", columns: [("Topic", false), ("Organisations", true)], byTopic, empty: empty),
                       ])
    }

    /// Topics and countries with organisations but no case studies, and the reverse.
    func coverage() -> MustacheValue {
        let topicRows = { (items: [SectorInsights.Coverage], count: KeyPath<SectorInsights.Coverage, Int>) in
            items.map { [[link(topic($0.value), Links.topic($0.value))], [number($0[keyPath: count])]] }
        }
        let countryRows = { (items: [SectorInsights.Coverage], type: EntityType, count: KeyPath<SectorInsights.Coverage, Int>) in
            items.map { [[country($0.value, of: type)], [number($0[keyPath: count])]] }
        }
        return section("coverage", "Gaps in coverage",
                       intro: [text("Topics and countries the handbook covers on one side only: organisations with no case study to show their work, or case studies whose organisations are not listed. Add what is missing, or check that it is tagged with the topic or country.")],
                       blocks: [
                           block("topics-without-case-studies", "Topics with organisations but no case studies", caption: "Topics with organisations but no case studies",
                                 columns: [("Topic", false), ("Organisations", true)],
                                 rows: topicRows(insights.topicsWithoutCaseStudies, \.organisations), empty: "None: every topic with organisations has a case study."),
                           block("topics-without-organisations", "Topics with case studies but no organisations", caption: "Topics with case studies but no organisations",
                                 columns: [("Topic", false), ("Case studies", true)],
                                 rows: topicRows(insights.topicsWithoutOrganisations, \.caseStudies), empty: "None: every topic with case studies has organisations."),
                           block("countries-without-case-studies", "Countries with organisations but no case studies", caption: "Countries with organisations but no case studies",
                                 columns: [("Country", false), ("Organisations", true)],
                                 rows: countryRows(insights.countriesWithoutCaseStudies, .organisations, \.organisations), empty: "None: every country with organisations has a case study."),
                           block("countries-without-organisations", "Countries with case studies but no organisations", caption: "Countries with case studies but no organisations",
                                 columns: [("Country", false), ("Case studies", true)],
                                 rows: countryRows(insights.countriesWithoutOrganisations, .caseStudies, \.caseStudies), empty: "None: every country with case studies has organisations."),
                       ])
    }

    /// Grants by funder, by the recipient's topic and by its country, totalled per currency.
    func grants() -> MustacheValue {
        let columns = { (first: String) in [(first, false), ("Grants", true), ("Total", true)] }
        let byFunder = insights.grantsByFunder.map { tally in
            (row: [[entry(tally.key)], [number(tally.count)], [text(totals(tally.totals))]], bar: bar(name(tally.key), tally.count))
        }
        let byTopic = insights.grantsByTopic.map { tally in
            [[link(topic(tally.key), Links.topic(tally.key))], [number(tally.count)], [text(totals(tally.totals))]]
        }
        let byCountry = insights.grantsByCountry.map { tally in
            [[country(tally.key, of: .organisations)], [number(tally.count)], [text(totals(tally.totals))]]
        }
        let empty = "No grants are listed yet."
        return section("grants", "Grants",
                       intro: [text("The grants funders in the handbook list, to organisations in the handbook. Totals are per currency, as written, and never add one currency to another; a grant without an amount counts in the number of grants but not in the total.")],
                       blocks: [
                           charted("grants-by-funder", "By funder", caption: "Grants by funder", columns: columns("Funder"), byFunder, empty: empty),
                           block("grants-by-topic", "By the recipient's topic", caption: "Grants by the recipient's topic (a grant counts under each of its recipient's topics)",
                                 columns: columns("Topic"), rows: byTopic, empty: empty),
                           block("grants-by-country", "By the recipient's country", caption: "Grants by the recipient's country", columns: columns("Country"), rows: byCountry, empty: empty),
                       ])
    }

    /// For each topic with asks, its organisations' asks next to their offers; then what no topic matches.
    func matchmaking() -> MustacheValue {
        let matching = insights.matchmaking
        var blocks: [MustacheValue] = matching.topics.map { group in
            // One row per organisation on the topic: what it asks for next to what it offers.
            var asks: [EntityReference: [String]] = [:]
            var offers: [EntityReference: [String]] = [:]
            var seen: Set<EntityReference> = []
            let order = (group.asks + group.offers).map(\.organisation).filter { seen.insert($0).inserted }
            for item in group.asks { asks[item.organisation, default: []].append(item.text) }
            for item in group.offers { offers[item.organisation, default: []].append(item.text) }
            let rows = inNameOrder(order).map { organisation in
                [[entry(organisation)], [text((asks[organisation] ?? []).joined(separator: "; "))], [text((offers[organisation] ?? []).joined(separator: "; "))]]
            }
            let label = topic(group.topic)
            return block("match-\(group.topic)", label, headingURL: Links.topic(group.topic), caption: "Asks and offers on \(label)",
                         columns: [("Organisation", false), ("Asks for", false), ("Offers", false)], rows: rows,
                         empty: "", note: group.offers.isEmpty ? "No organisation on this topic offers anything yet." : nil)
        }
        let itemRows = { (items: [Matchmaking.Item]) in items.map { [[entry($0.organisation)], [text($0.text)]] } }
        if !matching.unmatchedOffers.isEmpty {
            blocks.append(block("offers-unasked", "Offers on topics nobody has asked about yet", caption: "Offers on topics nobody has asked about yet",
                                columns: [("Organisation", false), ("Offers", false)], rows: itemRows(matching.unmatchedOffers), empty: ""))
        }
        if !matching.asksWithoutTopic.isEmpty {
            blocks.append(block("asks-without-topic", "Asks from organisations with no topic", caption: "Asks from organisations with no topic to match them by",
                                columns: [("Organisation", false), ("Asks for", false)], rows: itemRows(matching.asksWithoutTopic), empty: ""))
        }
        if blocks.isEmpty {
            blocks.append(emptyBlock("No organisation lists what it asks the sector for or offers it yet. Add them to an organisation's entry as asks and offers."))
        }
        return section("matchmaking", "Asks and offers",
                       intro: [text("What organisations ask the sector for, next to what organisations on the same topic offer, so that a hub can introduce them.")],
                       blocks: blocks)
    }

    /// The most central organisations: a chart of their betweenness and a table with their links.
    func centrality() -> MustacheValue {
        let central = Array(insights.centralOrganisations.prefix(Self.centralLimit))
        let rows = central.enumerated().map { rank, item in
            [[number(rank + 1)], [entry(item.reference)], [number(item.degree)], [text(Self.decimal(item.betweenness))]]
        }
        let chartBars = central.prefix(Self.barLimit).filter { $0.betweenness > 0 }
            .map { BarChart.Bar(label: name($0.reference), value: $0.betweenness, shown: Self.decimal($0.betweenness)) }
        let how = insights.betweennessIsExact
            ? "Betweenness is exact, over all \(insights.nodeCount) entries."
            : "Betweenness is estimated from \(insights.betweennessSources) of the \(insights.nodeCount) entries, chosen the same way on every build, as the graph is too large to follow every path."
        let chart = chartBars.count < Self.barMinimum ? nil : BarChart(id: "chart-betweenness", title: "The most central organisations by betweenness", bars: chartBars)
        let blocks = [block("central", nil, caption: "The \(counted(central.count, "most central organisation", "most central organisations"))",
                            columns: [("Rank", true), ("Organisation", false), ("Links", true), ("Betweenness", true)], rows: rows,
                            empty: "No organisation is linked to anything yet.", chart: chart)]
        return section("centrality", "Most central organisations",
                       intro: [text("Links: how many entries an organisation is linked to, either way. Betweenness: the share of the shortest paths between other entries that pass through it, from 0 to 1; organisations high on it bridge parts of the sector that would otherwise be far apart. \(how) The figures of every organisation are in "),
                               link(InsightsPage.dataPath, InsightsPage.dataPath), text(".")],
                       blocks: blocks)
    }

    /// The connected groups by size, and the members of the small ones.
    func components() -> MustacheValue {
        let groups = insights.componentSizes.reduce(0) { $0 + $1.count }
        let largest = insights.componentSizes.first?.size ?? 0
        let sizes = insights.componentSizes.map { [[number($0.size)], [number($0.count)]] }
        let small = insights.smallComponents.prefix(Self.rowLimit).enumerated().map { number, members in
            [[self.number(number + 1)], members.enumerated().flatMap { position, member in
                (position > 0 ? [text(", ")] : []) + [link("\(name(member)) (\(index.types[member.type].singular))", index.links.entity(member))]
            }]
        }
        let intro = insights.nodeCount == 0 ? "The handbook has no entries yet."
            : "Entries joined by any relationship, either way, form a connected group. The \(counted(insights.nodeCount, "entry", "entries")) form \(counted(groups, "group", "groups")); the largest has \(counted(largest, "entry", "entries")). Small groups are worth a look: their entries may know others in the handbook."
        return section("components", "How connected the sector is", intro: [text(intro)], blocks: [
            block("component-sizes", "Groups by size", caption: "Connected groups by size", columns: [("Entries in the group", true), ("Groups", true)], rows: sizes, empty: "No entries yet."),
            block("small-components", "Small groups", caption: "Groups of 2 to \(SectorInsights.smallComponentLimit) entries, apart from the largest",
                  columns: [("Group", true), ("Entries", false)], rows: small, total: insights.smallComponents.count, empty: "None: no group has 2 to \(SectorInsights.smallComponentLimit) entries."),
        ])
    }

    /// Isolated organisations and one-way partnerships, each saying what to do.
    func toDo() -> MustacheValue {
        let isolated = insights.isolated.prefix(Self.rowLimit).map { organisation in
            [[entry(organisation)], index.entity(organisation).flatMap(\.countryCode).map { [country($0, of: .organisations)] } ?? []]
        }
        // The names in the sentence are plain text: the row's first two cells already link them.
        let oneWay = insights.oneWayPartnerships.prefix(Self.rowLimit).map { partnership in
            [[entry(partnership.from)], [entry(partnership.to)],
             [text("Add a partner link back from \(name(partnership.to)) to \(name(partnership.from)), or remove it from \(name(partnership.from))")]]
        }
        return section("to-do", "The librarian's to-do list",
                       intro: [text("Relationships that look missing or one-sided. "), code("handbook check --gaps"),
                               text(" prints the same list with each entry's file, and the gaps in coverage above.")],
                       blocks: [
                           block("isolated", "Organisations with no relationships", caption: "Organisations with no relationship to any other entry",
                                 columns: [("Organisation", false), ("Country", false)], rows: isolated, total: insights.isolated.count,
                                 empty: "None: every organisation is linked to something.",
                                 note: "For each, add its networks, partners or funders, or name it in a case study, event or resource."),
                           block("one-way", "One-way partnerships", caption: "Partnerships named on one side only",
                                 columns: [("Organisation", false), ("Names as a partner", false), ("What to do", false)], rows: oneWay,
                                 total: insights.oneWayPartnerships.count, empty: "None: every partnership is named by both partners."),
                       ])
    }

    // MARK: Blocks and tables

    /// A section: its anchor, heading, introduction (pieces of text) and blocks.
    func section(_ id: String, _ heading: String, intro: [MustacheValue], blocks: [MustacheValue]) -> MustacheValue {
        ["id": .string(id), "heading": .string(heading), "intro": .list(intro), "blocks": .list(blocks)]
    }

    /// A table with a chart of its first column against its second before it (the chart's bars come with the rows).
    func charted(_ id: String, _ heading: String, caption: String, columns: [(String, Bool)],
                 _ items: [(row: [[MustacheValue]], bar: BarChart.Bar)], empty: String) -> MustacheValue {
        // A chart of one or two bars says nothing the table does not.
        let chart = items.count < Self.barMinimum ? nil : BarChart(id: "chart-\(id)", title: caption, bars: items.prefix(Self.barLimit).map(\.bar))
        let note = chart != nil && items.count > Self.barLimit ? "The chart shows the \(Self.barLimit) largest; the table lists all \(items.count)." : nil
        return block(id, heading, caption: caption, columns: columns, rows: items.map(\.row), empty: empty, note: note, chart: chart)
    }

    /// A sub-heading and a table, or the `empty` line when there are no rows.
    /// Rows past `rowLimit` are left out and counted; `total` is the whole count when the caller already cut them.
    /// `headingURL` makes the sub-heading a link (a topic's page).
    func block(_ id: String, _ heading: String?, headingURL: String? = nil, caption: String, columns: [(String, Bool)], rows: [[[MustacheValue]]],
               total: Int? = nil, empty: String, note: String? = nil, chart: BarChart? = nil) -> MustacheValue {
        guard !rows.isEmpty else {
            return ["heading": MustacheValue(heading), "headingURL": MustacheValue(headingURL), "chart": .null, "table": .null,
                    "empty": .string(empty), "note": .null]
        }
        let shown = rows.prefix(Self.rowLimit)
        let total = total ?? rows.count
        let more = total > shown.count ? "Showing the first \(shown.count) of \(total)." : nil
        let table: MustacheValue = [
            // Under a sub-heading the caption would repeat it on screen; it stays for screen readers.
            "id": .string(id), "caption": .string(caption), "captionHidden": .bool(heading != nil),
            "columns": .list(columns.map { ["label": .string($0.0), "numeric": .bool($0.1)] }),
            "rows": .list(shown.map { cells in
                ["cells": .list(zip(cells, columns).map { pieces, column in ["pieces": .list(pieces), "numeric": .bool(column.1)] })]
            }),
            "more": MustacheValue(more),
        ]
        return ["heading": MustacheValue(heading), "headingURL": MustacheValue(headingURL), "chart": chart.map { .utf8(Array($0.svg().utf8)) } ?? .null, "table": table,
                "empty": .null, "note": MustacheValue(note)]
    }

    /// A block with only a line saying there is nothing to show.
    func emptyBlock(_ line: String) -> MustacheValue {
        ["heading": .null, "headingURL": .null, "chart": .null, "table": .null, "empty": .string(line), "note": .null]
    }

    // MARK: Pieces

    /// Plain text.
    func text(_ text: String) -> MustacheValue {
        ["text": .string(text), "url": .null, "code": .bool(false)]
    }

    /// Text linking to an address relative to the site root.
    func link(_ text: String, _ url: String) -> MustacheValue {
        ["text": .string(text), "url": .string(url), "code": .bool(false)]
    }

    /// A command or a file name, set as code.
    func code(_ text: String) -> MustacheValue {
        ["text": .string(text), "url": .null, "code": .bool(true)]
    }

    /// A whole number.
    func number(_ value: Int) -> MustacheValue {
        text(String(value))
    }

    /// A country's name linking to the page of a type's entries in it.
    func country(_ code: String, of type: EntityType) -> MustacheValue {
        link(Formatting.country(code), index.links.facet(type, .country, code))
    }

    /// An entry's name linking to its page.
    func entry(_ reference: EntityReference) -> MustacheValue {
        link(name(reference), index.links.entity(reference))
    }

    /// A bar of a count.
    func bar(_ label: String, _ count: Int) -> BarChart.Bar {
        BarChart.Bar(label: label, value: Double(count), shown: String(count))
    }

    /// An entry's name, or its slug when it is not published.
    func name(_ reference: EntityReference) -> String {
        index.entity(reference)?.name ?? reference.slug
    }

    /// A topic's label.
    func topic(_ id: String) -> String {
        topicLabels[id] ?? id
    }

    /// References sorted by name, then slug.
    func inNameOrder(_ references: [EntityReference]) -> [EntityReference] {
        references.map { (key: index.entity($0).map { index.sortKey($0) } ?? $0.slug, reference: $0) }
            .sorted { ($0.key, $0.reference.slug) < ($1.key, $1.reference.slug) }
            .map(\.reference)
    }

    /// "350,000 GBP; 1,000.50 EUR", or "No amounts given".
    func totals(_ totals: [(currency: String, total: DecimalSum)]) -> String {
        totals.isEmpty ? "No amounts given" : totals.map { Formatting.money($0.total.text, currency: $0.currency) }.joined(separator: "; ")
    }

    /// "1 organisation", "3 organisations".
    func counted(_ count: Int, _ singular: String, _ plural: String) -> String {
        "\(count) \(count == 1 ? singular : plural)"
    }

    /// A share between 0 and 1 with three decimals, written the same on every machine: `0.254`.
    static func decimal(_ value: Double) -> String {
        let thousandths = Int((value * 1000).rounded())
        let fraction = String(thousandths % 1000)
        return "\(thousandths / 1000)." + String(repeating: "0", count: 3 - fraction.count) + fraction
    }
}
