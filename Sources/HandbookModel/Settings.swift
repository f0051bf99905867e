/// The site settings and controlled vocabularies from `content/handbook.yml`.
public struct Settings: Sendable {
    /// The handbook's name.
    public var title: String
    /// One sentence saying what it is.
    public var description: String
    /// Where the site is published, ending in `/`.
    public var baseURL: String
    /// BCP 47 language tag.
    public var language: String
    /// IANA time zone for event times written without an offset.
    public var timezone: String
    /// Months after which a `reviewed` date is stale.
    public var reviewAfterMonths: Int
    /// The GitHub repository the content is kept in; with it, pages link to its editor and issue forms.
    public var repository: GitHubRepository?
    /// The branch edit links open.
    public var branch: String
    /// Topic ids and labels, in file order.
    public var topics: [(id: String, label: String)]
    /// Method ids and labels, in file order.
    public var methods: [(id: String, label: String)]

    /// Creates settings; the defaults are those docs/content-format.md gives for `handbook.yml`.
    public init(title: String = "Democracy Sector Handbook", description: String = "", baseURL: String = "/",
                language: String = "en-GB", timezone: String = "Europe/London", reviewAfterMonths: Int = 12,
                repository: GitHubRepository? = nil, branch: String = "main",
                topics: [(id: String, label: String)] = [], methods: [(id: String, label: String)] = []) {
        self.title = title
        self.description = description
        self.baseURL = baseURL
        self.language = language
        self.timezone = timezone
        self.reviewAfterMonths = reviewAfterMonths
        self.repository = repository
        self.branch = branch
        self.topics = topics
        self.methods = methods
    }

    /// A topic's label, or its id when `handbook.yml` does not list it.
    public func topicLabel(_ id: String) -> String {
        topics.first { $0.id == id }?.label ?? id
    }

    /// A method's label, or its id when `handbook.yml` does not list it.
    public func methodLabel(_ id: String) -> String {
        methods.first { $0.id == id }?.label ?? id
    }
}
