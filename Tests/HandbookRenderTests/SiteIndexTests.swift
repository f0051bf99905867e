import HandbookModel
import HandbookTestSupport
import HandbookRender
import Testing

@Suite struct SiteIndexTests {
    func entity(_ type: EntityType, _ slug: String, _ fields: [String: FieldValue]) -> Entity {
        Entity.fixture(type, slug, fields)
    }

    func reference(_ type: EntityType, _ slug: String) -> FieldValue {
        .reference(EntityReference(type: type, slug: slug))
    }

    @Test func backlinksComeFromNestedReferencesAndSkipDrafts() {
        let entities = [
            entity(.organisations, "a", ["name": .text("A"), "country": .text("GB")]),
            entity(.funders, "f", ["name": .text("F"), "grants": .list([.record([FieldEntry(key: "recipient", value: reference(.organisations, "a"), position: TextPosition(line: 1, column: 1))])])]),
            entity(.caseStudies, "draft", ["title": .text("D"), "organisations": .list([reference(.organisations, "a")]), "draft": .boolean(true)]),
        ]
        let index = SiteIndex(settings: Settings(), entities: entities, today: PartialDate(year: 2026, month: 1, day: 1))
        #expect(index.backlinks[EntityReference(type: .organisations, slug: "a")] == [EntityReference(type: .funders, slug: "f")])
        #expect(index.entity(EntityReference(type: .caseStudies, slug: "draft")) == nil)
        #expect(index.entities.count == 2)
    }

    @Test func facetsIndexCountryKindTopicAndStatus() {
        let entities = [
            entity(.organisations, "a", ["name": .text("A"), "country": .text("GB"), "kind": .text("charity"), "topics": .list([.text("x"), .text("y")])]),
            entity(.organisations, "b", ["name": .text("B"), "country": .text("BE")]),
            entity(.policies, "p", ["title": .text("P"), "jurisdiction": .text("GB-SCT"), "status": .text("passed")]),
        ]
        let index = SiteIndex(settings: Settings(), entities: entities, today: PartialDate(year: 2026, month: 1, day: 1))
        #expect(index.facets[.organisations]?[.country]?["GB"] == [EntityReference(type: .organisations, slug: "a")])
        #expect(index.facets[.organisations]?[.topic]?["y"]?.count == 1)
        #expect(index.facets[.policies]?[.country]?["GB"] == [EntityReference(type: .policies, slug: "p")])
        #expect(index.facets[.policies]?[.status]?["passed"]?.count == 1)
        #expect(index.topics["x"] == [EntityReference(type: .organisations, slug: "a")])
    }
}
