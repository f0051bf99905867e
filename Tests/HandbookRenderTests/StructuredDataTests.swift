import HandbookModel
@testable import HandbookRender
import HandbookTestSupport
import Testing

/// An entry's JSON-LD, written from its members in key order.
@Suite struct StructuredDataTests {
    @Test func anOrganisationsMembersAreInKeyOrderEachOnce() {
        let lab = Entity.fixture(.organisations, "lab", [
            "name": .text("Lab <1>"), "summary": .text("Runs \"juries\"."), "website": .text("https://lab.example/"),
            "country": .text("BE"), "city": .text("Ghent"),
        ])
        let index = SiteIndex(settings: Settings(), entities: [lab], today: PartialDate(year: 2026, month: 1, day: 1))
        let json = String(decoding: StructuredData.entity(lab, url: "https://h.example/organisations/lab/", index: index).bytes, as: UTF8.self)
        #expect(json == #"{"@context":"https://schema.org","@type":"Organization","address":{"@type":"PostalAddress","addressCountry":"BE","addressLocality":"Ghent"},"description":"Runs \"juries\".","name":"Lab <1>","sameAs":"https://lab.example/","url":"https://h.example/organisations/lab/"}"#)
    }

    @Test func settingAMemberAgainReplacesIt() {
        var members = StructuredData.Members()
        members["b"] = "first"
        members["a"] = .bool(true)
        members["b"] = "second"
        #expect(String(decoding: members.encoded(), as: UTF8.self) == #"{"a":true,"b":"second"}"#)
    }
}
