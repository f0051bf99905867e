import HandbookModel
@testable import HandbookValidate
import Testing

@Suite struct ReferenceRuleTests {
    @Test func existingReferencesAreAccepted() throws {
        #expect(try rules(.organisations, organisation + "partners: [org-two]\nfunders: [fund-one]\n").isEmpty)
    }

    @Test func missingReferencesSuggestASlug() throws {
        let found = try diagnostics(.organisations, organisation + "partners: [org-tow]\n")
        #expect(found.map(\.rule) == ["reference"])
        #expect(found[0].message.contains("did you mean 'org-two'?"))
        #expect(found[0].location.line == 4 && found[0].location.column == 12)
    }

    @Test func referencesOfTheWrongTypeSayWhatTheyAre() throws {
        let found = try diagnostics(.organisations, organisation + "partners: [fund-one]\n")
        #expect(found[0].message.contains("'fund-one' is a funder"))
    }

    @Test func nestedReferencesAreChecked() throws {
        let found = try diagnostics(.funders, "name: F\ngrants:\n  - recipient: nobody\n")
        #expect(found.map(\.rule) == ["reference"])
        #expect(found[0].message.contains("'grants[1].recipient'"))
    }

    @Test func everyReferenceFieldIsChecked() throws {
        let study = "title: T\norganisations: [x1]\ncommissioners: [x2]\nfunders: [x3]\nmethods: [citizens-jury]\ncountry: GB\nstart: 2020\nresources: [x4]\n"
        #expect(try rules(.caseStudies, study) == ["reference", "reference", "reference", "reference"])
        #expect(try rules(.resources, "title: R\nurl: https://example.org/r\npublishers: [x]\nabout: [x]\n") == ["reference", "reference"])
    }

    /// The missing entry's file is named under the content folder the entry itself is in, whatever it is called.
    @Test func theMissingFileIsNamedInTheEntrysOwnContentFolder() throws {
        #expect(ReferenceRule.contentFolder(of: "/tmp/t/r1/organisations/a.md") == "/tmp/t/r1/")
        #expect(ReferenceRule.contentFolder(of: "content/funders/f.md") == "content/")
        #expect(ReferenceRule.contentFolder(of: "organisations/a.md") == "")
        let found = try diagnostics(.funders, "name: F\ngrants:\n  - recipient: nobody\n")
        #expect(found[0].message.contains("there is no \(ReferenceRule.contentFolder(of: found[0].location.path))organisations/nobody.md"), "\(found[0].message)")
    }


    @Test func anEntryNamingItselfIsRefused() throws {
        let found = try diagnostics(.organisations, organisation + "partners: [org-two, org-one]\n", slug: "org-one")
        #expect(found.map(\.rule) == ["reference"])
        #expect(found[0].message.contains("'partners[2]' names this entry itself"), "\(found[0].message)")
    }

}
