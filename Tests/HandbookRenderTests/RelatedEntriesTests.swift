import HandbookLoad
import HandbookModel
import HandbookTestSupport
@testable import HandbookRender
import Testing

@Suite struct RelatedEntriesTests {
    func entity(_ type: EntityType, _ slug: String, _ fields: [String: FieldValue]) -> Entity {
        Entity.fixture(type, slug, fields)
    }

    func organisation(_ slug: String) -> FieldValue {
        .reference(EntityReference(type: .organisations, slug: slug))
    }

    func topics(_ ids: String...) -> FieldValue {
        .list(ids.map(FieldValue.text))
    }

    func related(_ entities: [Entity], to type: EntityType, _ slug: String) -> [String] {
        let index = SiteIndex(settings: Settings(), entities: entities, today: PartialDate(year: 2026, month: 1, day: 1))
        return RelatedEntries(index: index).related(to: EntityReference(type: type, slug: slug)).map(\.entity.reference.slug)
    }

    @Test func entriesNamingTheSameOrganisationAreRelated() {
        let entities = [
            entity(.organisations, "lab", ["name": .text("Lab")]),
            entity(.caseStudies, "assembly", ["title": .text("Assembly"), "organisations": .list([organisation("lab")])]),
            entity(.events, "roundtable", ["title": .text("Roundtable"), "organisers": .list([organisation("lab")])]),
        ]
        let index = SiteIndex(settings: Settings(), entities: entities, today: PartialDate(year: 2026, month: 1, day: 1))
        let matches = RelatedEntries(index: index).related(to: EntityReference(type: .caseStudies, slug: "assembly"))
        #expect(matches.map(\.entity.reference.slug) == ["roundtable"])
        #expect(matches.first?.shared == [.entry(EntityReference(type: .organisations, slug: "lab"))])
    }

    @Test func anEntryWithManyThingsCountsEachOnce() {
        // Twenty topics, each written twice: past the few an entry's things are compared one by one.
        let many = (0..<20).map { "t\($0)" }
        let entities = [
            entity(.organisations, "a", ["name": .text("A"), "topics": .list((many + many).map(FieldValue.text))]),
            entity(.organisations, "b", ["name": .text("B"), "topics": topics("t3", "t19")]),
            entity(.organisations, "c", ["name": .text("C"), "topics": topics("t19")]),
        ]
        let index = SiteIndex(settings: Settings(), entities: entities, today: PartialDate(year: 2026, month: 1, day: 1))
        let matches = RelatedEntries(index: index).related(to: EntityReference(type: .organisations, slug: "a"))
        #expect(matches.map(\.entity.reference.slug) == ["b"])
        #expect(matches.first?.shared == [.topic("t3"), .topic("t19")])
        let back = RelatedEntries(index: index).related(to: EntityReference(type: .organisations, slug: "b"))
        #expect(back.map(\.entity.reference.slug) == ["a"])
    }

    @Test func oneSharedTopicIsNotEnoughButTwoAre() {
        let entities = [
            entity(.organisations, "a", ["name": .text("A"), "topics": topics("x", "y")]),
            entity(.organisations, "b", ["name": .text("B"), "topics": topics("x")]),
            entity(.organisations, "c", ["name": .text("C"), "topics": topics("x", "y")]),
        ]
        #expect(related(entities, to: .organisations, "a") == ["c"])
        #expect(related(entities, to: .organisations, "b") == [])
    }

    @Test func entriesAlreadyLinkedEitherWayAreLeftOut() {
        let entities = [
            entity(.organisations, "network", ["name": .text("Network"), "country": .text("GB"), "topics": topics("x")]),
            entity(.organisations, "member", ["name": .text("Member"), "country": .text("GB"), "topics": topics("x"), "networks": .list([organisation("network")])]),
        ]
        #expect(related(entities, to: .organisations, "network") == [])
        #expect(related(entities, to: .organisations, "member") == [])
    }

    @Test func rarerThingsRankHigherAndTheListIsCapped() {
        // "rare" shares a region with "page" (two entries); the others share a country with many.
        var entities = [
            entity(.organisations, "page", ["name": .text("Page"), "country": .text("GB"), "region": .text("GB-SCT"), "topics": topics("x")]),
            entity(.organisations, "rare", ["name": .text("Rare"), "region": .text("GB-SCT")]),
        ]
        for number in 0..<8 {
            entities.append(entity(.organisations, "common\(number)", ["name": .text("Common \(number)"), "country": .text("GB"), "topics": topics("x")]))
        }
        let found = related(entities, to: .organisations, "page")
        #expect(found.count == RelatedEntries.limit)
        #expect(found.first == "rare")
        // Ties keep the site's order, so the output is the same on every build.
        #expect(Array(found.dropFirst()) == ["common0", "common1", "common2", "common3"])
    }

    @Test func aThingSharedByTooManyEntriesIsSkipped() {
        var entities = [entity(.organisations, "page", ["name": .text("Page"), "topics": topics("everywhere", "x")])]
        for number in 0...RelatedEntries.commonest {
            entities.append(entity(.organisations, "o\(number)", ["name": .text("O \(number)"), "topics": topics("everywhere")]))
        }
        entities.append(entity(.organisations, "twin", ["name": .text("Twin"), "topics": topics("everywhere", "x")]))
        // "everywhere" has more holders than `commonest`: only "x" is walked, and one topic is not enough.
        #expect(related(entities, to: .organisations, "page") == [])
    }

    @Test func pagesTakeNoPart() {
        let entities = [
            entity(.pages, "about", ["title": .text("About"), "topics": topics("x", "y")]),
            entity(.organisations, "a", ["name": .text("A"), "topics": topics("x", "y")]),
        ]
        #expect(related(entities, to: .organisations, "a") == [])
        #expect(related(entities, to: .pages, "about") == [])
    }

    /// What two entries share is said in words, each once: a country and a topic both called "European Union".
    @Test func thingsInCommonWithTheSameWordsAreSaidOnce() throws {
        let entities = [
            entity(.organisations, "a", ["name": .text("A"), "country": .text("EU"), "topics": topics("european-union", "x")]),
            entity(.organisations, "b", ["name": .text("B"), "country": .text("EU"), "topics": topics("european-union", "x")]),
        ]
        let settings = Settings(title: "T", topics: [("european-union", "European Union"), ("x", "Budgets")], methods: [])
        let index = SiteIndex(settings: settings, entities: entities, today: PartialDate(year: 2026, month: 1, day: 1))
        let theme = try Theme(ThemeLoader.load(SharedFolder.packageRoot.appendingPathComponent("themes/default").path))
        let pages = EntityPages(site: SiteContext(index: index, theme: theme, baseURL: "https://example.org/"))
        let shared = pages.relatedEntries(EntityReference(type: .organisations, slug: "a")).first?["shared"]
        #expect(shared == .string("European Union, Budgets"), "\(String(describing: shared))")
    }
}
