import HandbookModel
import Testing

/// `Settings`: vocabulary labels found by id, as the file lists them.
@Suite struct SettingsTests {
    /// A topic's and a method's label come from the list; an id the list lacks is its own label.
    @Test func labelsComeFromTheVocabulary() {
        let settings = Settings(topics: [(id: "juries", label: "Citizens' juries"), (id: "budgets", label: "Participatory budgets")],
                                methods: [(id: "sortition", label: "Sortition")])
        #expect(settings.topicLabel("budgets") == "Participatory budgets")
        #expect(settings.topicLabel("elections") == "elections")
        #expect(settings.methodLabel("sortition") == "Sortition")
        #expect(settings.methodLabel("juries") == "juries")
    }

    /// An id listed twice takes its first label, as reading the list in order would.
    @Test func theFirstOfARepeatedIdWins() {
        let settings = Settings(topics: [(id: "juries", label: "First"), (id: "juries", label: "Second")],
                                methods: [(id: "lottery", label: "One"), (id: "lottery", label: "Two")])
        #expect(settings.topicLabel("juries") == "First")
        #expect(settings.methodLabel("lottery") == "One")
    }

    /// Labels follow the vocabularies when they are set after the settings are made (as `handbook.yml` is read).
    @Test func labelsFollowAVocabularySetLater() {
        var settings = Settings()
        #expect(settings.topicLabel("juries") == "juries")
        settings.topics = [(id: "juries", label: "Citizens' juries")]
        settings.methods.append((id: "sortition", label: "Sortition"))
        #expect(settings.topicLabel("juries") == "Citizens' juries")
        #expect(settings.methodLabel("sortition") == "Sortition")
    }
}
