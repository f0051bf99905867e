import HandbookModel
import Mustache

/// `insights/`, the librarian's and funders' page (organisations by country, kind and topic, gaps in
/// coverage, grants, asks and offers, the most central organisations, how connected the sector is, and
/// the to-do list), and `api/insights.json`, the centrality figures it shows, for scripts.
///
/// The insights are worked out once, in `files()`: the sitemap also makes this generator, but only to
/// list its page.
struct InsightsPage: PageGenerator {
    static let name = "insights"
    static let inputs = OutputInputs.structure
    /// Where the page lives.
    static let path = "insights/"
    /// The figures for other programs.
    static let dataPath = "api/insights.json"

    let site: SiteContext
    /// The insights, once `files()` has made them.
    private var insights: SectorInsights?

    init(site: SiteContext) {
        self.site = site
    }

    func pages() -> [Page] {
        [Page(path: Self.path, section: "")]
    }

    func files() -> [OutputFile] {
        var made = self
        let insights = SectorInsights(index: site.index, graph: site.graph)
        made.insights = insights
        return made.pages().map(made.render) + [OutputFile(path: Self.dataPath, json: json(insights))]
    }

    /// In one batch, as `files()` makes them: the insights are worked out once for the page and its data.
    func files(in deliver: ([OutputFile]) -> Void) {
        deliver(files())
    }

    func extraFiles() -> [OutputFile] {
        [OutputFile(path: Self.dataPath, json: json(SectorInsights(index: site.index, graph: site.graph)))]
    }

    func content(of page: Page, root: String) -> PageContent {
        let insights = self.insights ?? SectorInsights(index: site.index, graph: site.graph)
        let view = InsightsView(insights: insights, index: site.index)
        return PageContent(template: "insights", title: "Sector insights",
                           description: "Where the \(site.index.settings.title)'s organisations are, what it is missing, who funds what, who asks for and offers what, and how connected the sector is.",
                           data: ["sections": .list(view.sections())])
    }

    /// `{"betweenness": {"exact", "nodes", "normalized", "sources"}, "components": [...], "organisations": [...]}`:
    /// every organisation's degree and normalised betweenness, most central first (isolated ones last, with
    /// 0), and how many components have each size.
    func json(_ insights: SectorInsights) -> JSONValue {
        let central = insights.centralOrganisations + insights.isolated.map { SectorInsights.Central(reference: $0, degree: 0, betweenness: 0) }
        // Thousands of organisations: written straight into bytes, keys in sorted order, as JSONValue would.
        var organisations: [UInt8] = [UInt8(ascii: "[")]
        organisations.reserveCapacity(central.count * 160)
        for (position, item) in central.enumerated() {
            let reference = item.reference
            if position > 0 { organisations.append(UInt8(ascii: ",")) }
            organisations += Array("{\"betweenness\":\(item.betweenness),\"degree\":\(item.degree),\"id\":".utf8)
            // The id is written as graph.json writes node ids, so the two files join.
            JSONString.append("\(reference.type.folder)/\(reference.slug)", to: &organisations)
            organisations += Array(",\"name\":".utf8)
            JSONString.append(site.index.entity(reference)?.name ?? reference.slug, to: &organisations)
            organisations += Array(",\"url\":".utf8)
            JSONString.append(site.baseURL + site.index.links.entity(reference), to: &organisations)
            organisations.append(UInt8(ascii: "}"))
        }
        organisations.append(UInt8(ascii: "]"))
        return .object([
            "betweenness": .object(["exact": .bool(insights.betweennessIsExact), "sources": .number(String(insights.betweennessSources)),
                                    "nodes": .number(String(insights.nodeCount)), "normalized": .bool(true)]),
            "organisations": .encoded(organisations),
            "components": .array(insights.componentSizes.map { .object(["size": .number(String($0.size)), "count": .number(String($0.count))]) }),
        ])
    }
}
