import HandbookModel

/// Every rule the tool can report, in one list: the only source of the ids a diagnostic can carry.
/// The docs' rule table lists the same ids, and a test holds the two together.
public enum RuleRegistry {
    /// Every rule, in the order a file meets them: loading, file names, fields, documents, the whole tree, the build.
    public static let all: [any Rule.Type] = [
        // The loader's (HandbookLoad reports them with its own string ids, which these rules wrap).
        UnknownPathRule.self, SymlinkRule.self, IORule.self, EncodingRule.self, FrontMatterRule.self, YAMLRule.self,
        DuplicateKeyRule.self, MissingFileRule.self, HiddenFileRule.self,
        // File names.
        SlugRule.self, SlugCollisionRule.self,
        // Fields, one kind of value each (FieldReader invokes them as it reads a field of that kind).
        RequiredFieldRule.self, UnknownKeyRule.self, TypeRule.self, TextRule.self, VisibleTextRule.self, DuplicateItemRule.self,
        ChoiceRule.self, DateRule.self,
        NumberRule.self, URLRule.self, EmailRule.self, PhoneRule.self, CountryRule.self, RegionRule.self,
        JurisdictionRule.self, CurrencyRule.self, TimeZoneRule.self, LanguageRule.self, TopicRule.self, MethodRule.self,
        VocabularyRule.self, ReferenceRule.self, ControlCharacterRule.self, BidiControlRule.self,
        // Documents (the validator runs the document rules among these, in this order).
        DateOrderRule.self, LocalTimeRule.self, PolicyStagesRule.self, PressContactRule.self, EventRule.self, RepeatRule.self,
        AmountCurrencyRule.self, StaleReviewRule.self,
        // handbook.yml, the whole tree, and the built site.
        SettingsRule.self, RepositoryRule.self, SameBodyRule.self, IsolatedOrganisationRule.self, BrokenLinkRule.self,
    ]

    /// The rules the validator runs on each document once its fields are read.
    static let documentRules: [any DocumentRule.Type] = all.compactMap { $0 as? any DocumentRule.Type }

    /// Every registered id, in registry order.
    public static var ids: [RuleID] { all.map { $0.id } }

    /// The rule with `id`, or nil when no rule has it.
    public static func rule(_ id: RuleID) -> (any Rule.Type)? {
        all.first { $0.id == id }
    }
}
