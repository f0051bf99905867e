import HandbookLoad
import HandbookModel
@testable import HandbookValidate

/// The settings every rule test uses: two topics, two methods, default time zone and review period.
let testSettings = Settings(title: "Test", topics: [("assemblies", "Citizens' assemblies"), ("budgets", "Budgets")],
                            methods: [("citizens-jury", "Citizens' jury"), ("citizens-assembly", "Citizens' assembly")])

/// Today, for stale-review rules.
let testToday = PartialDate(year: 2026, month: 11, day: 22)

/// Entries that exist for reference checks.
let testSlugs: [EntityType: Set<String>] = [
    .organisations: ["org-one", "org-two"],
    .funders: ["fund-one"],
    .resources: ["report"],
    .caseStudies: ["case-one"],
]

/// Validates one document of `type` whose front matter is `yaml`; returns its diagnostics.
func diagnostics(_ type: EntityType, _ yaml: String, slug: String = "entry", settings: Settings = testSettings) throws -> [Diagnostic] {
    let root = try YAMLParser.parse(Array(yaml.utf8), lineOffset: 1).root ?? YAMLNode(.mapping([]), at: TextPosition(line: 2, column: 1))
    let document = RawDocument(type: type, slug: slug, path: "\(type.folder)/\(slug).md", frontMatter: root, body: [], bodyLine: 1)
    let context = ValidationContext(settings: settings, today: testToday, slugs: testSlugs)
    return Validator.check(document, context: context).diagnostics
}

/// The rule ids of the diagnostics, in order.
func rules(_ type: EntityType, _ yaml: String, slug: String = "entry") throws -> [String] {
    try diagnostics(type, yaml, slug: slug).map(\.rule)
}

/// A minimal valid organisation, to which a test adds one field.
let organisation = "name: Org\ncountry: GB\n"
