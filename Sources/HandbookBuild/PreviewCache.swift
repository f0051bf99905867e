import HandbookLoad
import HandbookRender
import HandbookValidate

/// What `Pipeline.prepare` keeps from one preparation of a site to the next, so that after a save only the
/// changed files are read and parsed, only changed bodies are rendered, the theme is compiled again only
/// when it changed, and git is asked for the change dates once. Used by one preparation at a time.
public final class PreviewCache: @unchecked Sendable {
    /// Parsed content files, by stamp.
    let files = LoadCache()
    /// Each document's validation, while nothing it depends on changed.
    let validation = ValidationCache()
    /// Rendered entry bodies, by bytes.
    let bodies = MarkdownCache()
    /// The compiled theme, or nil to compile it at the next preparation.
    var theme: Theme?
    /// Each entry's dates as git gave them at the first preparation, updated for files changed since.
    var history: [String: ChangeHistory.Dates]?
    /// The routes of the last servable preparation: which generator made which file.
    var routes: SiteRoutes?
    /// The last preparation's search tokens: the search index tokenizes only documents changed since.
    var searchTokens: SearchTokenStore?

    /// An empty cache: the first preparation does all the work.
    public init() {}

    /// Makes the next preparation read and compile the theme again (after a change under the theme folder).
    public func forgetTheme() {
        theme = nil
    }

    /// The dates of every entry of `validation`: git's, from the first call, except for files read again
    /// since (edited or new), whose dates are their modification times (what git will say once committed).
    func dates(of validation: ValidationResult, _ options: Pipeline.BuildOptions) -> [String: ChangeHistory.Dates] {
        guard var known = history else {
            let first = Pipeline.history(of: validation, options)
            history = first
            return first
        }
        for (path, modified) in files.parsed {
            known[path] = ChangeHistory.Dates(added: known[path]?.added, changed: modified)
        }
        history = known
        return known
    }
}
