import HandbookModel
import Mustache

/// `feed.xml` (Atom 1.0) and `feed.json` (JSON Feed 1.1) of the most recently changed entries.
/// "Changed" is each entry's last commit (or file time), so an unchanged tree gives unchanged feeds.
struct FeedsExport: OutputGenerator {
    static let name = "feeds"
    let index: SiteIndex
    let baseURL: String
    let bodies: RenderedBodies

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
        html += String(decoding: bodies[entity.reference], as: UTF8.self)
        return html.isEmpty ? "<p>\(HTML.escape(entity.name))</p>" : html
    }

    func atom(_ items: [Entity], updated: String) -> OutputFile {
        let title = index.settings.title
        var xml = XMLWriter()
        xml.raw("<?xml version=\"1.0\" encoding=\"utf-8\"?>\n<feed xmlns=\"http://www.w3.org/2005/Atom\">\n")
        xml.element("title", title)
        xml.element("subtitle", index.settings.description)
        xml.element("id", baseURL)
        xml.raw("<link rel=\"self\" type=\"application/atom+xml\" href=\"")
        xml.text(baseURL)
        xml.raw("feed.xml\"/>\n<link rel=\"alternate\" type=\"text/html\" href=\"")
        xml.text(baseURL)
        xml.raw(string: "\"/>\n<updated>\(updated)</updated>\n<author><name>")
        xml.text(title)
        xml.raw("</name></author>\n")
        for entity in items {
            let url = baseURL + index.links.entity(entity.reference)
            xml.raw("<entry>\n")
            xml.element("title", entity.name)
            xml.element("id", url)
            xml.raw("<link rel=\"alternate\" type=\"text/html\" href=\"")
            xml.text(url)
            xml.raw(string: "\"/>\n<updated>\(DataAPI.timestamp(entity.lastChanged ?? 0))</updated>\n<category term=\"\(entity.reference.type.folder)\" label=\"")
            xml.text(index.descriptor(entity.reference).singular)
            xml.raw("\"/>\n")
            if let summary = entity[.summary]?.text { xml.element("summary", summary) }
            xml.raw("<content type=\"html\">")
            xml.text(content(entity))
            xml.raw("</content>\n</entry>\n")
        }
        xml.raw("</feed>\n")
        return OutputFile(path: "feed.xml", bytes: xml.bytes)
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
