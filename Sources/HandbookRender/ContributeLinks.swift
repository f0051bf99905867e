import HandbookModel
import Mustache

/// The links from the site to the repository the content is kept in (`repository` in handbook.yml, or
/// `build --repository`): each entry's editor and correction form, each list's suggestion form, and the
/// contributor guide and forms for the pages about contributing. Without a repository there are none, and
/// templates get null.
struct ContributeLinks: Sendable {
    /// The issue form for a correction, in `.github/ISSUE_TEMPLATE/`.
    static let correctionForm = "correction.yml"
    /// The issue form for asking for an entry or contact details to be removed.
    static let removalForm = "removal.yml"
    /// The id of the forms' field for the address of the page concerned.
    static let pageFormField = "page"
    /// The contributor guide at the top of the repository.
    static let guide = "CONTRIBUTING.md"
    /// The folder of the content tree in the repository, as edit links name it.
    static let contentFolder = "content"
    /// The slug of the content page about contributing, which shows the guide and every form.
    static let contributePageSlug = "how-to-contribute"

    let repository: GitHubRepository
    let branch: String
    let baseURL: String

    /// The links for `settings`, or nil when no repository is set.
    init?(settings: Settings, baseURL: String) {
        guard let repository = settings.repository else { return nil }
        self.repository = repository
        self.branch = settings.branch
        self.baseURL = baseURL
    }

    /// The entry's file in the repository: `content/<folder>/<slug>.md`.
    func sourcePath(_ reference: EntityReference) -> String {
        "\(Self.contentFolder)/\(reference.type.folder)/\(reference.slug).md"
    }

    /// An entry page's links: `editURL` (GitHub's editor) and `correctionURL` (the correction form with the
    /// page's address and the entry's name filled in).
    func entry(_ entity: Entity, path: String) -> MustacheValue {
        let source = sourcePath(entity.reference)
        // The page's address when the site's is known; otherwise the file, which names the entry as well.
        let address = baseURL.hasPrefix("https://") || baseURL.hasPrefix("http://") ? baseURL + path : source
        let correction = repository.issueFormURL(template: Self.correctionForm, title: "Correction: \(entity.name)",
                                                 fields: [(Self.pageFormField, address)])
        return ["editURL": .string(repository.editURL(branch: branch, path: source)), "correctionURL": .string(correction),
                "sourcePath": .string(source)]
    }

    /// A list page's "Suggest a new …" link: the type's suggestion form, or the page for choosing a form.
    func suggestion(_ descriptor: TypeDescriptor) -> MustacheValue {
        let url = descriptor.suggestionForm.map { repository.issueFormURL(template: $0) } ?? repository.newIssueURL
        return ["label": .string("Suggest a new \(descriptor.singular)"), "url": .string(url)]
    }

    /// What every page's templates may show as `contribute`: the repository, the contributor guide, every form.
    func shared(types: TypeCatalog) -> MustacheValue {
        var forms: [MustacheValue] = types.listed.filter { $0.suggestionForm != nil }.map(suggestion)
        forms.append(["label": "Correct an entry", "url": .string(repository.issueFormURL(template: Self.correctionForm))])
        forms.append(["label": "Ask for your details to be removed", "url": .string(repository.issueFormURL(template: Self.removalForm))])
        forms.append(["label": "Something else", "url": .string(repository.newIssueURL)])
        return ["repositoryURL": .string(repository.url), "repository": .string(repository.fullName),
                "guideURL": .string(repository.fileURL(branch: branch, path: Self.guide)),
                "newIssueURL": .string(repository.newIssueURL),
                "removalURL": .string(repository.issueFormURL(template: Self.removalForm)),
                "forms": .list(forms)]
    }
}
