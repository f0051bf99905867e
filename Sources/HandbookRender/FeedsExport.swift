import HandbookModel
import Mustache

/// `feed.xml` (Atom 1.0) and `feed.json` (JSON Feed 1.1) of the most recently changed entries.
/// "Changed" is each entry's last commit (or file time), so an unchanged tree gives unchanged feeds.
struct FeedsExport: OutputGenerator {
    static let name = "feeds"
    let index: SiteIndex
    let baseURL: String
    let bodies: [EntityReference: String]

    init(site: SiteContext) {
        index = site.index
        baseURL = site.baseURL
        bodies = site.bodies
    }

    /// How many entries the feeds carry.
    static let limit = 50

    func files() -> [OutputFile] {
        let items = index.recentlyChanged(Self.limit)
        let updated = DataAPI.timestamp(items.compactMap(\.lastChanged).max() ?? 0)
        return [atom(items, updated: updated), json(items)]
    }

    func content(_ entity: Entity) -> String {
        var html = ""
        if let summary = entity[.summary]?.text { html += "<p>\(HTML.escape(summary))</p>" }
        html += bodies[entity.reference] ?? ""
        return html.isEmpty ? "<p>\(HTML.escape(entity.name))</p>" : html
    }

    func atom(_ items: [Entity], updated: String) -> OutputFile {
        var xml = """
        <?xml version="1.0" encoding="utf-8"?>
        <feed xmlns="http://www.w3.org/2005/Atom">
        <title>\(HTML.escape(index.settings.title))</title>
        <subtitle>\(HTML.escape(index.settings.description))</subtitle>
        <id>\(HTML.escape(baseURL))</id>
        <link rel="self" type="application/atom+xml" href="\(HTML.escape(baseURL))feed.xml"/>
        <link rel="alternate" type="text/html" href="\(HTML.escape(baseURL))"/>
        <updated>\(updated)</updated>
        <author><name>\(HTML.escape(index.settings.title))</name></author>

        """
        for entity in items {
            let url = baseURL + index.links.entity(entity.reference)
            xml += "<entry>\n"
            xml += "<title>\(HTML.escape(entity.name))</title>\n"
            xml += "<id>\(HTML.escape(url))</id>\n"
            xml += "<link rel=\"alternate\" type=\"text/html\" href=\"\(HTML.escape(url))\"/>\n"
            xml += "<updated>\(DataAPI.timestamp(entity.lastChanged ?? 0))</updated>\n"
            xml += "<category term=\"\(entity.reference.type.folder)\" label=\"\(HTML.escape(index.descriptor(entity.reference).singular))\"/>\n"
            if let summary = entity[.summary]?.text { xml += "<summary>\(HTML.escape(summary))</summary>\n" }
            xml += "<content type=\"html\">\(HTML.escape(content(entity)))</content>\n"
            xml += "</entry>\n"
        }
        xml += "</feed>\n"
        return OutputFile(path: "feed.xml", text: xml)
    }

    func json(_ items: [Entity]) -> OutputFile {
        let feed: JSONValue = .object([
            "version": "https://jsonfeed.org/version/1.1",
            "title": .string(index.settings.title),
            "description": .string(index.settings.description),
            "home_page_url": .string(baseURL),
            "feed_url": .string(baseURL + "feed.json"),
            "language": .string(index.settings.language),
            "items": .array(items.map { entity in
                var item: [String: JSONValue] = [
                    "id": .string(baseURL + index.links.entity(entity.reference)),
                    "url": .string(baseURL + index.links.entity(entity.reference)),
                    "title": .string(entity.name),
                    "content_html": .string(content(entity)),
                    "date_modified": .string(DataAPI.timestamp(entity.lastChanged ?? 0)),
                    "tags": .array([.string(index.descriptor(entity.reference).singular)]),
                ]
                if let summary = entity[.summary]?.text { item["summary"] = .string(summary) }
                return .object(item)
            }),
        ])
        return OutputFile(path: "feed.json", json: feed)
    }
}
