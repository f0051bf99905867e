/// The search index's result blocks and its topic and country lists (`SearchDocuments`): they read front matter
/// and the entries' exact change times (which order the documents), not bodies, so a rebuild keeps them while
/// no entry's times changed.
struct SearchResults: OutputGenerator {
    static let name = "search results"
    static let inputs = OutputInputs.dates
    let documents: SearchDocuments

    init(site: SiteContext) {
        documents = site.searchDocuments.value
    }

    func files() -> [OutputFile] {
        documents.files()
    }
}
