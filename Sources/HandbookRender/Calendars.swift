import HandbookModel
import Mustache

/// The iCalendar files: `events.ics` (every event and open-call deadline), one calendar per organiser
/// and per topic with events, and one per event beside its page.
struct Calendars: OutputGenerator {
    static let name = "calendars"
    static let inputs = OutputInputs.dates
    let site: SiteContext
    /// The type whose entries are calendar events.
    static let type = EntityType.events
    /// The name of the site's, an organiser's and a topic's calendar file.
    static let fileName = "events.ics"
    /// The name of one event's calendar file, beside its page.
    static let eventFileName = "event.ics"

    /// The addresses a "Subscribe to the calendar" block offers: the site's calendar over https, as a
    /// `webcal:` link that opens calendar apps, and the file relative to the site's root.
    static func subscription(baseURL: String) -> MustacheValue {
        let feed = baseURL + fileName
        let webcal = feed.hasPrefix("https://") ? "webcal://" + feed.dropFirst("https://".count)
            : feed.hasPrefix("http://") ? "webcal://" + feed.dropFirst("http://".count) : Substring(feed)
        return ["https": .string(feed), "webcal": .string(String(webcal)), "file": .string(fileName)]
    }

    func files() -> [OutputFile] {
        let index = site.index
        let baseURL = site.baseURL, host = ICalendar.host(of: baseURL)
        // Each event is written once, on every core, and put in every calendar that holds it (the site's, its
        // organisers', its topics', its own).
        let published = index.entities(of: Self.type)
        let written = Parallel.map(published) { ICalendar.render(.event($0), index: index, baseURL: baseURL, host: host) }
        var byEvent: [EntityReference: ICalendar.Rendered] = [:]
        byEvent.reserveCapacity(published.count)
        for (event, rendered) in zip(published, written) { byEvent[event.reference] = rendered }
        func events(_ references: [EntityReference]) -> [ICalendar.Rendered] { references.compactMap { byEvent[$0] } }
        var deadlines: [ICalendar.Rendered] = []
        for funder in index.entities(of: .funders) {
            for (position, call) in (funder[.openCalls]?.list ?? []).enumerated() {
                deadlines.append(ICalendar.render(.deadline(funder: funder, call: call, number: position + 1), index: index, baseURL: baseURL, host: host))
            }
        }
        let title = index.settings.title
        var files = [OutputFile(path: Self.fileName, bytes: ICalendar.bytes(
            name: "\(title): events and deadlines", items: events(site.ordered[Self.type] ?? []) + deadlines, isFeed: true))]
        for (slug, references) in site.eventsByOrganiser.sorted(by: { $0.key < $1.key }) {
            let organiser = EntityReference(type: .organisations, slug: slug)
            let name = index.entity(organiser)?.name ?? slug
            files.append(OutputFile(path: index.links.page(organiser) + Self.fileName, bytes: ICalendar.bytes(
                name: "\(title): events by \(name)", items: events(references), isFeed: true)))
        }
        for (id, references) in site.eventsByTopic.sorted(by: { $0.key < $1.key }) where index.settings.topics.contains(where: { $0.id == id }) {
            let label = index.settings.topicLabel(id)
            files.append(OutputFile(path: Links.topic(id) + Self.fileName, bytes: ICalendar.bytes(
                name: "\(title): \(label) events", items: events(references), isFeed: true)))
        }
        files += Parallel.map(Array(zip(published, written))) { event, rendered in
            OutputFile(path: index.links.page(event.reference) + Self.eventFileName,
                       bytes: ICalendar.bytes(name: event.name, items: [rendered], isFeed: false))
        }
        return files
    }
}
