import Foundation
import HandbookLoad
import HandbookModel
@testable import HandbookRender
import HandbookTestSupport
import HandbookValidate
import Mustache
import Testing

/// Every name a template asks for is provided by the renderer on every page of the fixture site (as a
/// value or as an explicit null), so a misspelt name in a template or in a context fails here instead of
/// rendering as empty text.
@Suite struct TemplateNameTests {
    @Test func everyTemplateNameIsProvidedOnEveryPage() throws {
        let tree = try ContentLoader.load(contentPath: Fixtures.validSite)
        let validation = Validator.validate(tree, today: PartialDate(year: 2026, month: 11, day: 22))
        #expect(validation.errorCount == 0)
        let themePath = SharedFolder.packageRoot.appendingPathComponent("themes/default").path
        let theme = try Theme(ThemeLoader.load(themePath))
        let index = SiteIndex(settings: validation.settings, entities: validation.entities, today: PartialDate(year: 2026, month: 11, day: 22))
        let misses = MissingNames()
        let site = SiteContext(index: index, theme: theme, baseURL: "https://example.org/", misses: misses)
        var pages = 0
        for generator in Outputs.pages { pages += generator.init(site: site).files().count }
        #expect(pages > 40)
        #expect(misses.sorted == [], "names no context provides")
    }

    @Test func aMisspeltNameIsRecorded() throws {
        let library = try MustacheLibrary(templates: ["t": "{{title}} {{#entity}}{{nmae}}{{/entity}} {{site.titel}}"])
        let misses = MissingNames()
        _ = library.render("t", ["title": "T", "entity": ["name": "N"], "site": ["title": "S"]], misses: misses)
        #expect(misses.sorted == ["t: nmae", "t: site.titel"])
    }
}
