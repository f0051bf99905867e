import HandbookModel
import HandbookTestSupport
@testable import HandbookRender
import Testing

@Suite struct SectorInsightsTests {
    func entity(_ type: EntityType, _ slug: String, _ fields: [String: FieldValue]) -> Entity {
        Entity.fixture(type, slug, fields)
    }

    func organisation(_ slug: String, _ fields: [String: FieldValue] = [:]) -> Entity {
        var fields = fields
        fields["name"] = fields["name"] ?? .text(slug.capitalized)
        return entity(.organisations, slug, fields)
    }

    func references(_ slugs: String..., type: EntityType = .organisations) -> FieldValue {
        .list(slugs.map { .reference(EntityReference(type: type, slug: $0)) })
    }

    func texts(_ values: String...) -> FieldValue {
        .list(values.map(FieldValue.text))
    }

    func grant(_ recipient: String, _ amount: String?, _ currency: String?) -> FieldValue {
        var entries = [FieldEntry(key: "recipient", value: .reference(EntityReference(type: .organisations, slug: recipient)), position: TextPosition(line: 1, column: 1))]
        if let amount { entries.append(FieldEntry(key: "amount", value: .number(amount), position: TextPosition(line: 1, column: 1))) }
        if let currency { entries.append(FieldEntry(key: "currency", value: .text(currency), position: TextPosition(line: 1, column: 1))) }
        return .record(entries)
    }

    func insights(_ entities: [Entity]) -> SectorInsights {
        let settings = Settings(topics: [("assemblies", "Assemblies"), ("juries", "Juries"), ("budgets", "Budgets"), ("voting", "Voting")])
        let index = SiteIndex(settings: settings, entities: entities, today: PartialDate(year: 2026, month: 1, day: 1))
        return SectorInsights(index: index, graph: SocialGraph(index: index))
    }

    func slugs(_ references: [EntityReference]) -> [String] {
        references.map(\.slug)
    }

    @Test func organisationsAreCountedByCountryKindAndTopic() {
        let result = insights([
            organisation("a", ["country": .text("GB"), "kind": .text("charity"), "topics": texts("assemblies", "juries")]),
            organisation("b", ["country": .text("GB"), "kind": .text("network"), "topics": texts("juries")]),
            organisation("c", ["country": .text("BE"), "kind": .text("charity")]),
            organisation("d", ["country": .text("INT")]),
        ])
        #expect(result.organisationCount == 4)
        // Most first; ties by name: Belgium before International.
        #expect(result.organisationsByCountry == [.init(value: "GB", count: 2), .init(value: "BE", count: 1), .init(value: "INT", count: 1)])
        #expect(result.organisationsByKind == [.init(value: "charity", count: 2), .init(value: "network", count: 1)])
        #expect(result.organisationsByTopic == [.init(value: "juries", count: 2), .init(value: "assemblies", count: 1)])
        #expect(result.organisationsWithoutKind == 1 && result.organisationsWithoutTopic == 2)
    }

    @Test func topicsAndCountriesCoveredOnOneSideOnly() {
        let result = insights([
            organisation("a", ["country": .text("GB"), "topics": texts("assemblies", "juries")]),
            organisation("b", ["country": .text("BE"), "topics": texts("juries")]),
            // International bodies have no country a case study could be in: never a gap.
            organisation("c", ["country": .text("INT")]),
            entity(.caseStudies, "x", ["title": .text("X"), "country": .text("GB"), "organisations": references("a"), "topics": texts("juries", "budgets")]),
            entity(.caseStudies, "y", ["title": .text("Y"), "country": .text("CA"), "organisations": references("a")]),
        ])
        #expect(result.topicsWithoutCaseStudies.map(\.value) == ["assemblies"])
        #expect(result.topicsWithoutOrganisations.map(\.value) == ["budgets"])
        #expect(result.countriesWithoutCaseStudies == [.init(value: "BE", organisations: 1, caseStudies: 0)])
        #expect(result.countriesWithoutOrganisations == [.init(value: "CA", organisations: 0, caseStudies: 1)])
        // Every declared topic is covered, in the declared order, even one nobody uses.
        #expect(result.topicCoverage.map(\.value) == ["assemblies", "juries", "budgets", "voting"])
    }

    @Test func grantsAreTotalledPerCurrencyExactly() {
        let result = insights([
            organisation("a", ["country": .text("GB"), "topics": texts("assemblies", "juries")]),
            organisation("b", ["country": .text("BE"), "topics": texts("juries")]),
            entity(.funders, "fund", ["name": .text("Fund"), "grants": .list([
                grant("a", "123456789012345.12345", "GBP"), grant("a", "0.0000000000000000001", "GBP"),
                grant("b", "1000", "EUR"), grant("b", nil, nil),
            ])]),
            entity(.funders, "trust", ["name": .text("Trust"), "grants": .list([grant("b", "50", "EUR")])]),
        ])
        let totals = { (tally: SectorInsights.GrantTally<String>) in tally.totals.map { "\($0.total.text) \($0.currency)" } }
        let funders = result.grantsByFunder
        #expect(funders.map(\.key.slug) == ["fund", "trust"])
        #expect(funders.map(\.count) == [4, 1])
        #expect(funders[0].totals.map { "\($0.total.text) \($0.currency)" } == ["1000 EUR", "123456789012345.1234500000000000001 GBP"])
        // A grant counts under each of its recipient's topics and under its country.
        #expect(result.grantsByTopic.map(\.key) == ["juries", "assemblies"])
        #expect(result.grantsByTopic.map(\.count) == [5, 2])
        #expect(totals(result.grantsByTopic[0]) == ["1050 EUR", "123456789012345.1234500000000000001 GBP"])
        #expect(result.grantsByCountry.map(\.key) == ["BE", "GB"])
        #expect(totals(result.grantsByCountry[0]) == ["1050 EUR"])
        #expect(result.grantsByCountry[0].count == 3)
    }

    @Test func theToDoListFindsIsolatedOrganisationsAndOneWayPartnerships() {
        let result = insights([
            organisation("alone"),
            organisation("a", ["partners": references("b", "c")]),
            organisation("b", ["partners": references("a")]),
            organisation("c"),
            organisation("d", ["name": .text("Ämber"), "partners": references("c")]),
            entity(.events, "meetup", ["title": .text("Meetup")]),
        ])
        #expect(slugs(result.isolated) == ["alone"])
        // By the naming organisation's name, accents ignored: A, then Ämber.
        #expect(result.oneWayPartnerships.map { "\($0.from.slug)→\($0.to.slug)" } == ["a→c", "d→c"])
    }

    @Test func componentsAreCountedAndSmallOnesListed() {
        let result = insights([
            organisation("a", ["partners": references("b", "c")]),
            organisation("b"), organisation("c"), organisation("d", ["networks": references("c")]),
            organisation("e", ["partners": references("f")]), organisation("f"),
            organisation("g"),
            entity(.caseStudies, "x", ["title": .text("X"), "organisations": references("g")]),
            organisation("h"),
        ])
        #expect(result.componentSizes.map { "\($0.size)×\($0.count)" } == ["4×1", "2×2", "1×1"])
        #expect(result.smallComponents.map(slugs) == [["e", "f"], ["g", "x"]])
        #expect(result.nodeCount == 9)
    }

    @Test func theMostCentralOrganisationsComeFirst() {
        // A star around "hub", with a case study hanging off one leaf.
        let result = insights([
            organisation("hub", ["partners": references("a", "b", "c")]),
            organisation("a"), organisation("b"), organisation("c"), organisation("alone"),
            entity(.caseStudies, "x", ["title": .text("X"), "organisations": references("a")]),
        ])
        #expect(result.centralOrganisations.map(\.reference.slug) == ["hub", "a", "b", "c"])
        #expect(result.centralOrganisations.map(\.degree) == [3, 2, 1, 1])
        // networkx, the same graph: {hub: 0.5, a: 0.30000000000000004, b: 0, c: 0, x: 0, alone: 0}.
        let betweenness = result.centralOrganisations.map(\.betweenness)
        #expect(abs(betweenness[0] - 0.5) < 1e-12 && abs(betweenness[1] - 0.30000000000000004) < 1e-12 && betweenness[2] == 0)
        #expect(result.betweennessIsExact && result.betweennessSources == 6)
    }

    @Test func asksMeetOffersOnTheSameTopic() {
        let result = insights([
            organisation("venue-seekers", ["topics": texts("assemblies"), "asks": texts("Venues outside cities")]),
            organisation("halls", ["topics": texts("assemblies", "juries"), "offers": texts("Meeting rooms in Leeds")]),
            organisation("trainers", ["topics": texts("juries"), "offers": texts("Facilitator training")]),
            organisation("voters", ["topics": texts("voting"), "offers": texts("Polling data")]),
            organisation("loose", ["asks": texts("Anything")]),
        ])
        let matching = result.matchmaking
        #expect(matching.topics.map(\.topic) == ["assemblies"])
        #expect(matching.topics[0].asks.map(\.text) == ["Venues outside cities"])
        #expect(matching.topics[0].offers.map(\.organisation.slug) == ["halls"])
        #expect(matching.unmatchedOffers.map(\.text) == ["Facilitator training", "Polling data"])
        #expect(matching.asksWithoutTopic.map(\.organisation.slug) == ["loose"])
    }
}
