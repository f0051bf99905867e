import HandbookModel

/// One kind of output of the build: made from the prepared site, it gives the files it contributes.
/// Every output is one generator listed once in `Outputs.standard`; the build runs the list.
public protocol OutputGenerator: Sendable {
    /// The name shown in build timings (`HANDBOOK_TIMINGS=1`).
    static var name: String { get }
    /// A generator for this site.
    init(site: SiteContext)
    /// The files this output contributes.
    func files() -> [OutputFile]
}

/// Every output of the site, each listed once.
public enum Outputs {
    /// The HTML pages, in the order the sitemap lists them.
    static let pages: [any PageGenerator.Type] = [
        HomePage.self, TopicIndexPage.self, SearchPage.self, NotFoundPage.self, PrivacyPage.self,
        ListPages.self, EntityPages.self, TopicPages.self, MethodIndexPage.self, MethodPages.self, GraphMapPage.self,
        InsightsPage.self,
    ]

    /// Everything the build writes, in the order it runs them.
    public static let standard: [any OutputGenerator.Type] = pages + [
        ThemeAssets.self, Sitemap.self, DataAPI.self, GraphExports.self, JSONSchemaExport.self, GrantsExport.self, FeedsExport.self,
        Calendars.self, SearchFiles.self,
    ]
}
