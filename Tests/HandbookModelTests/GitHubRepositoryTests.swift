import HandbookModel
import Testing

/// `owner/name` is read strictly, and every address built from it is percent-encoded.
@Suite struct GitHubRepositoryTests {
    @Test(arguments: ["acme/handbook", "Democracy-Sector/handbook.site", "a/b", "acme-1/my_repo-2"])
    func wellFormedNamesAreRead(_ text: String) throws {
        #expect(GitHubRepository.problem(text) == nil)
        #expect(try #require(GitHubRepository(text)).fullName == text)
    }

    @Test(arguments: [
        ("acme", "must be a GitHub repository written owner/name, such as 'democracy-sector/handbook', not 'acme'"),
        ("acme/handbook/docs", "must be a GitHub repository written owner/name, such as 'democracy-sector/handbook', not 'acme/handbook/docs'"),
        ("https://github.com/acme/handbook", "must be a GitHub repository written owner/name, not an address: write 'acme/handbook'"),
        ("github.com/acme/handbook", "must be a GitHub repository written owner/name, not an address: write 'acme/handbook'"),
        ("-acme/handbook", "has an invalid owner '-acme': a GitHub account name is 1–39 letters, digits and single hyphens"),
        ("ac me/handbook", "has an invalid owner 'ac me': a GitHub account name is 1–39 letters, digits and single hyphens"),
        ("/handbook", "has an invalid owner '': a GitHub account name is 1–39 letters, digits and single hyphens"),
        ("acme/", "has an invalid repository name '': use 1–100 letters, digits, '-', '_' and '.'"),
        ("acme/hand book", "has an invalid repository name 'hand book': use 1–100 letters, digits, '-', '_' and '.'"),
        ("acme/..", "has an invalid repository name '..': use 1–100 letters, digits, '-', '_' and '.'"),
        ("acme/handbook.git", "names the repository without '.git': write 'acme/handbook'"),
    ])
    func malformedNamesSayWhy(_ text: String, _ problem: String) {
        #expect(GitHubRepository.problem(text) == problem)
        #expect(GitHubRepository(text) == nil)
    }

    @Test func branchNames() {
        for good in ["main", "release/2026", "v1.2", "feature-x"] { #expect(GitHubRepository.branchProblem(good) == nil, "\(good)") }
        for bad in ["", "my branch", "a..b", "-x", "x/", "x.lock", "a:b", "/x"] { #expect(GitHubRepository.branchProblem(bad) != nil, "\(bad)") }
    }

    @Test func addresses() throws {
        let repository = try #require(GitHubRepository("acme/handbook"))
        #expect(repository.url == "https://github.com/acme/handbook")
        #expect(repository.editURL(branch: "main", path: "content/organisations/example.md")
            == "https://github.com/acme/handbook/edit/main/content/organisations/example.md")
        #expect(repository.editURL(branch: "release/2026", path: "content/pages/a b.md")
            == "https://github.com/acme/handbook/edit/release/2026/content/pages/a%20b.md")
        #expect(repository.fileURL(branch: "main", path: "CONTRIBUTING.md") == "https://github.com/acme/handbook/blob/main/CONTRIBUTING.md")
        #expect(repository.newIssueURL == "https://github.com/acme/handbook/issues/new/choose")
        #expect(repository.issueFormURL(template: "suggest-event.yml") == "https://github.com/acme/handbook/issues/new?template=suggest-event.yml")
    }

    /// Spaces, `&`, `=`, `+`, `#`, `/` and non-ASCII letters cannot end or change a parameter: each is encoded as UTF-8 bytes.
    @Test func issueFormParametersArePercentEncoded() throws {
        let repository = try #require(GitHubRepository("acme/handbook"))
        let url = repository.issueFormURL(template: "correction.yml", title: "Correction: Démocratie & Co = 1+1 #2 «ß»",
                                          fields: [(id: "page", value: "https://example.org/a b/?x=1&y=2")])
        #expect(url == "https://github.com/acme/handbook/issues/new?template=correction.yml"
            + "&title=Correction%3A%20D%C3%A9mocratie%20%26%20Co%20%3D%201%2B1%20%232%20%C2%AB%C3%9F%C2%BB"
            + "&page=https%3A%2F%2Fexample.org%2Fa%20b%2F%3Fx%3D1%26y%3D2")
        #expect(GitHubRepository.encodedComponent("Az09-._~") == "Az09-._~")
        #expect(GitHubRepository.encodedComponent("日本") == "%E6%97%A5%E6%9C%AC")
    }
}
