import HandbookModel
@testable import HandbookValidate
import Testing

/// One behaviour per test for the rules that look at several fields together.
@Suite struct DocumentRuleTests {
    static let study = "title: T\norganisations: [org-one]\nmethods: [citizens-jury]\ncountry: GB\n"
    static let event = "title: E\norganisers: [org-one]\n"

    @Test func caseStudyEndMayNotPrecedeStart() throws {
        #expect(try rules(.caseStudies, Self.study + "start: 2020-05\nend: 2020-04-30\n") == ["date-order"])
        #expect(try rules(.caseStudies, Self.study + "start: 2020-05\nend: 2020\n").isEmpty)
        #expect(try rules(.caseStudies, Self.study + "start: 2020-05-03\nend: 2020-05-03\n").isEmpty)
    }

    @Test func eventEndIsComparedInTheEventsTimeZone() throws {
        let base = Self.event + "location: Hall\n"
        #expect(try rules(.events, base + "start: 2026-05-01T10:00\nend: 2026-05-01T09:59\n") == ["date-order"])
        // 10:00 in Brussels is 08:00 UTC, so an end of 08:30Z is after the start.
        #expect(try rules(.events, base + "timezone: Europe/Brussels\nstart: 2026-05-01T10:00\nend: 2026-05-01T08:30Z\n").isEmpty)
        #expect(try rules(.events, base + "start: 2026-05-01T10:00+02:00\nend: 2026-05-01T07:30Z\n") == ["date-order"])
    }

    @Test func eventEndUsesTheSameFormAsStart() throws {
        #expect(try rules(.events, Self.event + "location: Hall\nstart: 2026-05-01\nend: 2026-05-01T10:00\n") == ["date-order"])
    }

    @Test func eventsNeedALocationOrAnOnlineLink() throws {
        #expect(try rules(.events, Self.event + "start: 2026-05-01\n") == ["event-location"])
        #expect(try rules(.events, Self.event + "start: 2026-05-01\nonline: https://meet.example.org/\n").isEmpty)
    }

    @Test func repeatTakesUntilOrCountNotBoth() throws {
        let base = Self.event + "location: Hall\nstart: 2026-05-01\nrepeat:\n  frequency: weekly\n"
        #expect(try rules(.events, base + "  until: 2026-08-01\n").isEmpty)
        #expect(try rules(.events, base + "  until: 2026-08-01\n  count: 3\n") == ["repeat"])
        #expect(try rules(.events, base + "  until: 2026-04-01\n") == ["repeat"])
        #expect(try rules(.events, base + "  interval: 0\n") == ["number"])
    }

    @Test func policyStagesAreInDateOrder() throws {
        let policy = "title: P\njurisdiction: GB\nstatus: passed\nstages:\n  - {date: 2021-02-01, status: proposed}\n  - {date: 2021-01-01, status: passed}\n"
        let found = try diagnostics(.policies, policy)
        #expect(found.map(\.rule) == ["policy-stages"])
        #expect(found[0].location.line == 7)
    }

    @Test func policyStatusMatchesTheLastStage() throws {
        let policy = "title: P\njurisdiction: GB\nstatus: enacted\nstages:\n  - {date: 2021-01-01, status: proposed}\n  - {date: 2021-02-01, status: passed}\n"
        let found = try diagnostics(.policies, policy)
        #expect(found.map(\.rule) == ["policy-stages"])
        #expect(found[0].message.contains("'enacted' but the last stage's status is 'passed'"))
    }

    @Test func pressContactsNeedAnOrganisationOrOutlet() throws {
        let contact = "name: Desk\nrole: Press\nemail: press@example.org\nbasis: organisational\nverified: 2026-11-01\nsources: [\"https://example.org/press\"]\n"
        #expect(try rules(.pressContacts, contact) == ["press-contact"])
        #expect(try rules(.pressContacts, contact + "organisation: org-one\n").isEmpty)
        #expect(try rules(.pressContacts, contact + "outlet: The Paper\n").isEmpty)
    }

    @Test func consentNeedsAConsentDate() throws {
        let contact = "name: A Person\nrole: Reporter\noutlet: Paper\nemail: a@example.org\nbasis: consent\nverified: 2026-11-01\nsources: [\"https://example.org/press\"]\n"
        #expect(try rules(.pressContacts, contact) == ["press-contact"])
        #expect(try rules(.pressContacts, contact + "consent_date: 2026-10-01\n").isEmpty)
    }

    @Test func pressContactsNeedSourcesAndVerified() throws {
        let found = try rules(.pressContacts, "name: Desk\nrole: Press\noutlet: Paper\nemail: a@example.org\nbasis: organisational\n")
        #expect(found == ["required", "required"])
    }

    @Test func amountsNeedACurrency() throws {
        let found = try diagnostics(.funders, "name: F\nopen_calls:\n  - title: Round\n    deadline: 2027-01-01\n    amount: 500\n")
        #expect(found.map(\.rule) == ["amount-currency"])
        #expect(found[0].location.line == 6)
    }

    @Test func staleReviewDatesWarn() throws {
        let found = try diagnostics(.organisations, organisation + "reviewed: 2025-11-21\n")
        #expect(found.map(\.rule) == ["stale-review"])
        #expect(found[0].severity == .warning)
        #expect(try rules(.organisations, organisation + "reviewed: 2025-11-22\n").isEmpty)
    }

    @Test func reviewPeriodComesFromSettings() throws {
        var settings = testSettings
        settings.reviewAfterMonths = 24
        #expect(try diagnostics(.organisations, organisation + "reviewed: 2025-01-01\n", settings: settings).isEmpty)
    }

    @Test func slugsMustBeLowerCaseWithHyphens() throws {
        #expect(try rules(.organisations, organisation, slug: "Bad_Slug") == ["slug"])
        #expect(try diagnostics(.organisations, organisation, slug: "Bad_Slug")[0].message.contains("rename it to 'bad-slug.md'"))
    }

    @Test func slugsTheSiteUsesAreReserved() throws {
        #expect(try rules(.organisations, organisation, slug: "by-country") == ["slug"])
        #expect(try rules(.pages, "title: T\n", slug: "organisations") == ["slug"])
        #expect(try rules(.pages, "title: T\n", slug: "search") == ["slug"])
        #expect(try rules(.pages, "title: T\n", slug: "privacy").isEmpty)
        #expect(try rules(.organisations, organisation, slug: "search").isEmpty)
    }

    @Test func slugsThatDifferOnlyInCaseCollide() {
        let documents = [
            RawDocumentInfo(type: .organisations, slug: "abc", path: "organisations/abc.md"),
            RawDocumentInfo(type: .organisations, slug: "ABC", path: "organisations/ABC.md"),
            RawDocumentInfo(type: .funders, slug: "abc", path: "funders/abc.md"),
        ]
        let found = SlugCollisionRule.check(documents)
        #expect(found.map(\.rule) == ["slug-collision"])
        #expect(found[0].location.path == "organisations/ABC.md")
    }

    /// Capitals on either side, letters beyond ASCII, and three names at once: the later ones are reported, each
    /// naming the first; names in lower case alone never clash.
    @Test func everyCaseOfACollisionIsFound() {
        func paths(_ slugs: [String], type: EntityType = .organisations) -> [String] {
            SlugCollisionRule.check(slugs.map { RawDocumentInfo(type: type, slug: $0, path: "\(type.folder)/\($0).md") }).map(\.location.path)
        }
        #expect(paths(["ABC", "abc"]) == ["organisations/abc.md"])
        #expect(paths(["Abc", "aBc", "abc"]) == ["organisations/aBc.md", "organisations/abc.md"])
        #expect(paths(["Élan", "élan"]) == ["organisations/élan.md"])
        #expect(paths(["abc", "abd", "ab-c"]).isEmpty)
        #expect(paths(["Abc", "abd"]).isEmpty)
        let message = SlugCollisionRule.check([RawDocumentInfo(type: .pages, slug: "About", path: "pages/About.md"),
                                               RawDocumentInfo(type: .pages, slug: "about", path: "pages/about.md")]).first?.message
        #expect(message == "'about.md' differs from 'About.md' only in case; they clash on macOS and Windows: rename one")
    }

    /// A local time in the hour the clocks skip would be one time on the page and another in calendars.
    @Test func eventTimesExistOnTheirZonesClocks() throws {
        let event = "title: E\nlocation: Hall\ntimezone: Europe/London\n"
        let skipped = try diagnostics(.events, event + "start: 2026-03-29T01:30\n")
        #expect(skipped.map(\.rule) == ["local-time"])
        #expect(skipped.first?.message.contains("they go to 02:30") == true, "\(skipped)")
        #expect(skipped.first?.location.line == 5)
        #expect(try rules(.events, event + "start: 2026-03-29T00:59\nend: 2026-03-29T02:00\n").isEmpty)
        // The hour that comes twice in autumn exists; a time with an offset is an instant whatever the clocks say.
        #expect(try rules(.events, event + "start: 2026-10-25T01:30\n").isEmpty)
        #expect(try rules(.events, event + "start: 2026-03-29T01:30+00:00\n").isEmpty)
        #expect(try rules(.events, "title: E\nlocation: Hall\ntimezone: America/New_York\nstart: 2026-03-08T02:15\n") == ["local-time"])
        #expect(try rules(.events, event + "start: 2026-03-29\nend: 2026-03-30\n").isEmpty)
    }

}
