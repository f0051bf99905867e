import HandbookModel
@testable import HandbookRender
import Testing

@Suite struct NeighbourhoodTests {
    func organisation(_ slug: String, partners: [String] = []) -> Entity {
        var fields = [FieldEntry(key: "name", value: .text(slug.capitalized), position: TextPosition(line: 1, column: 1))]
        if !partners.isEmpty {
            let list = FieldValue.list(partners.map { .reference(EntityReference(type: .organisations, slug: $0)) })
            fields.append(FieldEntry(key: "partners", value: list, position: TextPosition(line: 2, column: 1)))
        }
        return Entity(reference: EntityReference(type: .organisations, slug: slug), path: "organisations/\(slug).md", fields: fields,
                      body: [], bodyLine: 1, nameField: TypeCatalog.standard[.organisations].nameField)
    }

    /// The nodes of each group of `slug`'s neighbourhood, as slugs.
    func groups(of slug: String, in entities: [Entity]) throws -> [[String]] {
        let index = SiteIndex(settings: Settings(), entities: entities, today: PartialDate(year: 2026, month: 1, day: 1))
        let graph = SocialGraph(index: index)
        let position = try #require(graph.position(of: EntityReference(type: .organisations, slug: slug)))
        return Neighbourhood(of: position, graph: graph, types: index.types).groups.map { $0.nodes.map { graph.nodes[$0].reference.slug } }
    }

    /// Groups are checked for a repeated node by looking through them while short and through a set once long:
    /// a node named again, next to its first naming or far from it, is listed once on either side of that change,
    /// in the order the edges come.
    @Test(arguments: [3, Neighbourhood.shortGroup - 1, Neighbourhood.shortGroup, Neighbourhood.shortGroup + 1, 3 * Neighbourhood.shortGroup])
    func aNodeNamedTwiceIsListedOnce(members: Int) throws {
        let slugs = (0..<members).map { number in "o" + String(String(number + 1000).dropFirst()) }
        // The hub names each member twice in a row, then every member again; every third member names the hub twice.
        let named = slugs.flatMap { [$0, $0] } + slugs
        let entities = [organisation("hub", partners: named)] + slugs.enumerated().map { number, slug in
            organisation(slug, partners: number % 3 == 0 ? ["hub", "hub"] : ["hub"])
        }
        let groups = try groups(of: "hub", in: entities)
        // Two groups: those the hub names (Partners), then those naming it.
        #expect(groups == [slugs, slugs])
        // A member's own neighbourhood: the hub, once in each direction.
        #expect(try self.groups(of: slugs[0], in: entities) == [["hub"], ["hub"]])
    }

    /// A funder that is also an organisation here is drawn on its owner's node: its grants are named in the funders'
    /// words ("Grants", "Grants from"), not by the relation's id or the node's type; the two links between the same
    /// pair (a declared funder and a grant) count once towards each end's degree.
    @Test func aRolesLinksAreNamedInItsTypesWords() throws {
        func at(_ line: Int) -> TextPosition { TextPosition(line: line, column: 1) }
        let owner = EntityReference(type: .organisations, slug: "owner"), recipient = EntityReference(type: .organisations, slug: "recipient")
        let funder = Entity(reference: EntityReference(type: .funders, slug: "fund"), path: "funders/fund.md", fields: [
            FieldEntry(key: "name", value: .text("Fund"), position: at(1)),
            FieldEntry(key: "organisation", value: .reference(owner), position: at(2)),
            FieldEntry(key: "grants", value: .list([.record([FieldEntry(key: "recipient", value: .reference(recipient), position: at(4))])]),
                       position: at(3)),
        ], body: [], bodyLine: 1, nameField: TypeCatalog.standard[.funders].nameField)
        let named = Entity(reference: recipient, path: "organisations/recipient.md", fields: [
            FieldEntry(key: "name", value: .text("Recipient"), position: at(1)),
            FieldEntry(key: "funders", value: .list([.reference(EntityReference(type: .funders, slug: "fund"))]), position: at(2)),
        ], body: [], bodyLine: 1, nameField: TypeCatalog.standard[.organisations].nameField)
        let index = SiteIndex(settings: Settings(), entities: [organisation("owner"), named, funder], today: PartialDate(year: 2026, month: 1, day: 1))
        let graph = SocialGraph(index: index)
        let ownerNode = try #require(graph.position(of: owner)), recipientNode = try #require(graph.position(of: recipient))
        #expect(Neighbourhood(of: ownerNode, graph: graph, types: index.types).groups.map(\.label) == ["Funds", "Grants"])
        #expect(Neighbourhood(of: recipientNode, graph: graph, types: index.types).groups.map(\.label) == ["Funded by", "Grants from"])
        #expect(graph.edges.count == 2)
        #expect(graph.degrees()[ownerNode] == 1 && graph.degrees()[recipientNode] == 1)
    }
}
