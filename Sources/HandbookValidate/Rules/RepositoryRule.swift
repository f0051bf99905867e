import HandbookModel

/// handbook.yml's `repository` is a GitHub repository written `owner/name`, and its `branch` a git branch name.
enum RepositoryRule: Rule {
    static let id: RuleID = "repository"
    static let defaultSeverity = Diagnostic.Severity.error
    static let summary = "`repository` in `handbook.yml` is a GitHub repository written `owner/name`, and `branch` a git branch name"

    /// The repository, or nil (reported) when `text` is not `owner/name`.
    static func repository(_ text: String, at position: TextPosition, _ reporter: inout Reporter) -> GitHubRepository? {
        if let problem = GitHubRepository.problem(text) {
            reporter.error(id, position, "'\(FieldName.repository.rawValue)' \(problem)")
            return nil
        }
        return GitHubRepository(text)
    }

    /// True when `text` is a branch name; false (reported) otherwise.
    static func checkBranch(_ text: String, at position: TextPosition, _ reporter: inout Reporter) -> Bool {
        guard let problem = GitHubRepository.branchProblem(text) else { return true }
        reporter.error(id, position, "'\(FieldName.branch.rawValue)' \(problem)")
        return false
    }
}
