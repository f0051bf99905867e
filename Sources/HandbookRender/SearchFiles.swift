/// The client-side search index's files (see `SearchIndex` for the format).
struct SearchFiles: OutputGenerator {
    static let name = "search index"
    let index: SearchIndex

    init(site: SiteContext) {
        index = SearchIndex(index: site.index)
    }

    func files() -> [OutputFile] {
        index.files()
    }
}
