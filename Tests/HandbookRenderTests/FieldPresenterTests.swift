import HandbookModel
import HandbookTestSupport
@testable import HandbookRender
import Mustache
import Testing

/// The markup of an entry's facts, written as bytes: the forms the shipped pages exercise least.
@Suite struct FieldPresenterTests {
    func entity(_ type: EntityType, _ slug: String, _ fields: [String: FieldValue]) -> Entity {
        Entity.fixture(type, slug, fields)
    }

    /// Each fact's name and markup, for the entry `slug` of `type` among `entities`.
    func facts(_ entities: [Entity], _ type: EntityType, _ slug: String) -> [String: String] {
        let index = SiteIndex(settings: Settings(), entities: entities, today: PartialDate(year: 2026, month: 1, day: 1))
        let presenter = FieldPresenter(index: index, root: "../../", plans: FieldPresenter.plans(for: .standard))
        var rows: [String: String] = [:]
        for row in presenter.facts(for: index.entity(EntityReference(type: type, slug: slug))!) {
            guard let name = row["name"]?.text, let html = row["html"] else { continue }
            rows[name] = html.text
        }
        return rows
    }

    func day(_ day: Int) -> FieldValue { .date(PartialDate(year: 2026, month: 12, day: day)) }

    @Test func aWholeDayIsSaidToBeOne() {
        let rows = facts([entity(.events, "fair", ["title": .text("Fair"), "start": day(3)])], .events, "fair")
        #expect(rows["when"] == "<time datetime=\"2026-12-03\">3 December 2026</time> (all day)")
    }

    @Test func aRangeOfDaysIsFromOneToTheOther() {
        let rows = facts([entity(.events, "fair", ["title": .text("Fair"), "start": day(3), "end": day(5)])], .events, "fair")
        // Said as the lists say it, each end a machine-readable date.
        #expect(rows["when"] == "<time datetime=\"2026-12-03\">3</time> to <time datetime=\"2026-12-05\">5 December 2026</time>")
        let across = facts([entity(.events, "fair", ["title": .text("Fair"), "start": day(30), "end": .date(PartialDate(year: 2027, month: 1, day: 2))])], .events, "fair")
        #expect(across["when"] == "<time datetime=\"2026-12-30\">30 December 2026</time> to <time datetime=\"2027-01-02\">2 January 2027</time>")
    }

    @Test func oneReferenceIsBareAndSeveralAreAListWithTheUnpublishedAsText() {
        let lab = entity(.organisations, "lab", ["name": .text("Lab & <Co>")])
        let one = entity(.caseStudies, "one", ["title": .text("One"), "organisations": .list([.reference(lab.reference)])])
        let two = entity(.caseStudies, "two", ["title": .text("Two"), "organisations": .list([
            .reference(lab.reference), .reference(EntityReference(type: .organisations, slug: "gone")),
        ])])
        let link = "<a href=\"../../organisations/lab/\">Lab &amp; &lt;Co&gt;</a>"
        #expect(facts([lab, one, two], .caseStudies, "one")["organisations"] == link)
        #expect(facts([lab, one, two], .caseStudies, "two")["organisations"] == "<ul class=\"values\"><li>\(link)</li><li>gone</li></ul>")
    }

    @Test func itemsThatShowNothingAreLeftOutOfAList() {
        let lab = entity(.organisations, "lab", ["name": .text("Lab")])
        let one = entity(.caseStudies, "one", ["title": .text("One"), "organisations": .list([.text(""), .reference(lab.reference), .list([])])])
        let none = entity(.caseStudies, "none", ["title": .text("None"), "organisations": .list([.text(""), .list([])])])
        #expect(facts([lab, one, none], .caseStudies, "one")["organisations"] == "<a href=\"../../organisations/lab/\">Lab</a>")
        #expect(facts([lab, one, none], .caseStudies, "none")["organisations"] == nil)
    }

    /// The part of an address a link shows is cut from its bytes as the characters would cut it, or left to them.
    @Test func theShownPartOfAnAddressIsCutFromItsBytesAsFromItsCharacters() {
        let urls = ["https://www.example.org/", "http://example.org", "https://http://x/", "https://www.", "https://", "http:/",
                    "www.example.org/", "https://www.\u{301}x/", "https://\u{301}x/", "https://x/\u{600}/", "https://x/é/",
                    "https://é.example/", "https://www.www.x//", "/", "", "https://x/\r\n/"]
        for url in urls {
            var url = url
            let bytes = url.withUTF8 { bytes in ExternalLinkText.shown(in: bytes).map { String(decoding: bytes[$0], as: UTF8.self) } }
            if let bytes { #expect(bytes == String(ExternalLinkText.shown(in: url)), "\(url)") }
        }
        // A cut beside a character that is not ASCII is left to the characters.
        for url in ["https://www.\u{301}x/", "https://x/\u{600}/"] {
            var url = url
            #expect(url.withUTF8 { ExternalLinkText.shown(in: $0) } == nil, "\(url)")
        }
        // ASCII throughout is always cut from the bytes.
        #expect("https://www.example.org/a/".utf8CString.withUnsafeBufferPointer { chars in
            chars.withMemoryRebound(to: UInt8.self) { ExternalLinkText.shown(in: UnsafeBufferPointer(rebasing: $0.dropLast())) }
        } == 12..<25)
    }

    @Test func aWebsiteIsShownWithoutSchemeAndClosingSlash() {
        let rows = facts([entity(.organisations, "lab", ["name": .text("Lab"), "website": .text("https://www.example.org/a?b=1&c=2/")])], .organisations, "lab")
        #expect(rows["website"] == "<a href=\"https://www.example.org/a?b=1&amp;c=2/\" rel=\"external\">example.org/a?b=1&amp;c=2</a>")
    }
}
