import HandbookModel
import Mustache

/// Shows an entry's fields in readable form: countries by name, dates in words, money with its
/// currency, references as links, grants as a table with totals, policy stages as a timeline.
/// Every value from front matter is escaped here; templates receive finished, safe HTML.
struct FieldPresenter {
    let index: SiteIndex
    /// The prefix from the current page back to the site root.
    let root: String
    /// Which fields each type's facts show, in order (`plans(for:)`), made once per build.
    let plans: [EntityType: Plan]

    /// Fields shown elsewhere on the page (heading, lead, topic list, sources) or not shown at all.
    static let shownElsewhere: Set<FieldName> = [.name, .title, .summary, .topics, .sources, .draft, .reviewed, .order]
    /// Fields folded into the "When" row of a type that has a `start`.
    static let timeFields: Set<FieldName> = [.start, .end, .timezone]

    /// Fields shown before all others: the other names an entry is known by belong beside its name.
    static let shownFirst: Set<FieldName> = [.aliases]

    /// A type's facts: the fields that may have a row, each with its label, in the order they are shown (those
    /// shown first, then the rest in schema order), and where the "When" row goes. Worked out once per type,
    /// not for every entry.
    struct Plan: Sendable {
        /// Rows before the "When" row.
        var first: [(field: FieldSchema, label: String)]
        /// Rows after it.
        var rest: [(field: FieldSchema, label: String)]
        /// True when the type has a `start`, shown as the "When" row.
        var hasWhen: Bool
        /// True when the start may be a date or a time, so a whole day says so.
        var allDay: Bool

        init(_ descriptor: TypeDescriptor) {
            let start = descriptor.field(.start)
            hasWhen = start != nil
            allDay = start?.kind == .dateOrDateTime
            let shown = descriptor.fields.filter { field in
                !FieldPresenter.shownElsewhere.contains(field.name) && !(start != nil && FieldPresenter.timeFields.contains(field.name))
            }.map { (field: $0, label: descriptor.label($0.name) ?? $0.label) }
            first = shown.filter { FieldPresenter.shownFirst.contains($0.field.name) }
            rest = shown.filter { !FieldPresenter.shownFirst.contains($0.field.name) }
        }
    }

    /// The plan of every type of a catalog.
    static func plans(for types: TypeCatalog) -> [EntityType: Plan] {
        Dictionary(uniqueKeysWithValues: types.descriptors.map { ($0.type, Plan($0)) })
    }

    /// One labelled row per field that has a value: those shown first, the "When" row, then the rest in schema order.
    func facts(for entity: Entity, excluding excluded: Set<FieldName> = []) -> [MustacheValue] {
        var rows: [MustacheValue] = []
        let plan = plans[entity.reference.type] ?? Plan(index.descriptor(entity.reference))
        func append(_ fields: [(field: FieldSchema, label: String)]) {
            for (field, label) in fields where excluded.isEmpty || !excluded.contains(field.name) {
                guard let value = entity[field.name] else { continue }
                let html = present(value, field: field, entity: entity)
                if !html.isEmpty {
                    rows.append(["label": .string(label), "html": .string(html), "name": .string(field.name.rawValue)])
                }
            }
        }
        append(plan.first)
        if plan.hasWhen, let when = eventTime(entity, allDay: plan.allDay) {
            rows.append(["label": "When", "html": .string(when), "name": "when"])
        }
        append(plan.rest)
        return rows
    }

    func present(_ value: FieldValue, field: FieldSchema, entity: Entity) -> String {
        switch (field.name, value) {
        case (.grants, .list(let grants)):
            return grantsTable(grants)
        case (.openCalls, .list(let calls)):
            return callsTable(calls)
        case (.stages, .list(let stages)):
            return timeline(stages)
        case (.repeat, .record):
            return repeatRule(value)
        default:
            return present(value, kind: field.kind)
        }
    }

    func present(_ value: FieldValue, kind: FieldKind) -> String {
        switch (kind, value) {
        case (.list(let itemKind, _), .list(let items)):
            let parts = items.map { present($0, kind: itemKind) }.filter { !$0.isEmpty }
            if parts.isEmpty { return "" }
            if parts.count == 1 { return parts[0] }
            return "<ul class=\"values\">" + parts.map { "<li>\($0)</li>" }.joined() + "</ul>"
        case (.record(let fields), .record(let entries)):
            let parts = entries.compactMap { entry -> String? in
                guard let field = fields.first(where: { $0.name.rawValue == entry.key }) else { return nil }
                return "<li>\(h(field.label)): \(present(entry.value, kind: field.kind))</li>"
            }
            return parts.isEmpty ? "" : "<ul class=\"values\">" + parts.joined() + "</ul>"
        case (.dictionary(_, let valueKind), .record(let entries)):
            return "<ul class=\"values\">" + entries.map { "<li>\(h($0.key)): \(present($0.value, kind: valueKind))</li>" }.joined() + "</ul>"
        case (.url, .text(let url)):
            return link(url)
        case (.email, .text(let email)):
            return "<a href=\"mailto:\(h(email))\">\(h(email))</a>"
        case (.phone, .text(let phone)):
            let dial = phone.filter { $0.isNumber || $0 == "+" }
            return "<a href=\"tel:\(h(dial))\">\(h(phone))</a>"
        case (.country, .text(let code)), (.countryOrInternational, .text(let code)):
            return h(Formatting.country(code))
        case (.region, .text(let text)):
            return h(Formatting.region(text))
        case (.jurisdiction, .text(let code)):
            return h(Formatting.jurisdiction(code))
        case (.choice, .text(let text)):
            return h(Formatting.choice(text))
        case (.topic, .text(let id)):
            let label = index.settings.topicLabel(id)
            return "<a href=\"\(h(root + Links.topic(id)))\">\(h(label))</a>"
        case (.method, .text(let id)):
            let label = index.settings.methodLabel(id)
            return "<a href=\"\(h(root + Links.method(id)))\">\(h(label))</a>"
        case (.reference, .reference(let reference)):
            return referenceLink(reference)
        case (_, .date(let date)):
            return time(date)
        case (_, .dateTime(let value)):
            return "<time datetime=\"\(h(value.description))\">\(h(Formatting.words(value)))</time>"
        case (_, .integer(let number)):
            return h(Formatting.money(String(number), currency: nil))
        case (_, .number(let number)):
            return h(Formatting.money(number, currency: nil))
        case (_, .boolean(let flag)):
            return flag ? "Yes" : "No"
        case (.text(let limit), .text(let text)) where limit == nil && text.contains("\n"):
            return paragraphs(text)
        case (_, .text(let text)):
            return h(text)
        default:
            return ""
        }
    }

    /// A link to a published entry by name, or its slug as text when it is not published.
    func referenceLink(_ reference: EntityReference) -> String {
        guard let target = index.entity(reference) else { return h(reference.slug) }
        // Pieces appended to one string of the right size: a page links to dozens of entries.
        let path = h(root + index.links.entity(reference)), name = h(target.name)
        var link = "<a href=\""
        link.reserveCapacity(path.utf8.count + name.utf8.count + 15)
        link += path
        link += "\">"
        link += name
        link += "</a>"
        return link
    }

    func link(_ url: String) -> String {
        var shown = url
        for prefix in ["https://", "http://"] where shown.hasPrefix(prefix) { shown = String(shown.dropFirst(prefix.count)) }
        if shown.hasPrefix("www.") { shown = String(shown.dropFirst(4)) }
        if shown.hasSuffix("/") { shown = String(shown.dropLast()) }
        return "<a href=\"\(h(url))\" rel=\"external\">\(h(shown))</a>"
    }

    func time(_ date: PartialDate) -> String {
        "<time datetime=\"\(h(date.description))\">\(h(Formatting.words(date)))</time>"
    }

    func paragraphs(_ text: String) -> String {
        text.components(separatedBy: "\n\n").map { "<p>\(h($0))</p>" }.joined()
    }

    /// "3 December 2026, 18:30 to 20:00 (Europe/Brussels time)", or a range of days; a whole day is
    /// "(all day)" where the type's start may also be a time.
    func eventTime(_ entity: Entity, allDay: Bool) -> String? {
        guard let span = Timespan(of: entity, defaultZone: index.settings.timezone) else { return nil }
        switch (span.start, span.end) {
        case (.time(let start, let zone), let end):
            var text = "<time datetime=\"\(h(start.description))\">\(h(Formatting.words(start)))</time>"
            if case .time(let finish, _)? = end {
                let finishText = finish.date == start.date ? Formatting.clock(finish) : Formatting.words(finish)
                text += " to <time datetime=\"\(h(finish.description))\">\(h(finishText))</time>"
            }
            if start.offsetMinutes == nil { text += " (\(h(Formatting.zone(zone, at: start))))" }
            return text
        case (let start, let end):
            let suffix = allDay && start.date.isFullDate ? " (all day)" : ""
            guard let end, !end.hasTime, end.date != start.date else { return time(start.date) + suffix }
            return "\(time(start.date)) to \(time(end.date))"
        }
    }

    func grantsTable(_ grants: [FieldValue]) -> String {
        var rows = ""
        var totals: [String: DecimalSum] = [:]
        for grant in grants {
            let recipient = grant[.recipient].flatMap { value -> String? in
                if case .reference(let reference) = value { return referenceLink(reference) }
                return nil
            } ?? ""
            var amount = ""
            if case .number(let number)? = grant[.amount] {
                let currency = grant[.currency]?.text
                amount = h(Formatting.money(number, currency: currency))
                if let currency { totals[currency, default: DecimalSum()].add(number) }
            }
            let date = grant[.date].flatMap { value -> String? in
                if case .date(let date) = value { return time(date) }
                return nil
            } ?? ""
            var purpose = grant[.purpose]?.text.map { h($0) } ?? ""
            if let url = grant[.url]?.text { purpose += (purpose.isEmpty ? "" : " ") + link(url) }
            rows += "<tr><td>\(recipient)</td><td class=\"number\">\(amount)</td><td>\(date)</td><td>\(purpose)</td></tr>"
        }
        var footer = ""
        for (currency, total) in totals.sorted(by: { $0.key < $1.key }) {
            footer += "<tr><th scope=\"row\">Total</th><td class=\"number\">\(h(Formatting.money(total.text, currency: currency)))</td><td></td><td></td></tr>"
        }
        return "<table class=\"grants\"><caption class=\"visually-hidden\">Grants</caption><thead><tr><th scope=\"col\">Recipient</th><th scope=\"col\">Amount</th><th scope=\"col\">Date</th><th scope=\"col\">Purpose</th></tr></thead><tbody>\(rows)</tbody>"
            + (footer.isEmpty ? "" : "<tfoot>\(footer)</tfoot>") + "</table>"
    }

    func callsTable(_ calls: [FieldValue]) -> String {
        var rows = ""
        for call in calls {
            var title = h(call[.title]?.text ?? "")
            if let url = call[.url]?.text { title = "<a href=\"\(h(url))\" rel=\"external\">\(title)</a>" }
            let deadline = call[.deadline].flatMap { value -> String? in
                if case .date(let date) = value { return time(date) }
                return nil
            } ?? ""
            var amount = ""
            if case .number(let number)? = call[.amount] { amount = h(Formatting.money(number, currency: call[.currency]?.text)) }
            rows += "<tr><td>\(title)</td><td>\(deadline)</td><td class=\"number\">\(amount)</td></tr>"
        }
        return "<table class=\"calls\"><caption class=\"visually-hidden\">Open calls</caption><thead><tr><th scope=\"col\">Call</th><th scope=\"col\">Deadline</th><th scope=\"col\">Amount</th></tr></thead><tbody>\(rows)</tbody></table>"
    }

    func timeline(_ stages: [FieldValue]) -> String {
        var items = ""
        for stage in stages {
            let date = stage[.date].flatMap { value -> String? in
                if case .date(let date) = value { return time(date) }
                return nil
            } ?? ""
            var text = "<span class=\"stage-date\">\(date)</span> <strong>\(h(Formatting.choice(stage[.status]?.text ?? "")))</strong>"
            if let note = stage[.note]?.text { text += ": \(h(note))" }
            if let url = stage[.url]?.text { text += " (\(link(url)))" }
            items += "<li>\(text)</li>"
        }
        return "<ol class=\"timeline\">\(items)</ol>"
    }

    func repeatRule(_ value: FieldValue) -> String {
        let frequency = RepeatFrequency(of: value)
        var interval = 1
        if case .integer(let n)? = value[.interval] { interval = n }
        let unit = frequency == .monthly ? "month" : "week"
        var text = interval == 1 ? "Every \(unit)" : "Every \(interval) \(unit)s"
        if case .date(let until)? = value[.until] { text += " until \(time(until))" }
        if case .integer(let count)? = value[.count] { text += ", \(count) times" }
        return text
    }

    func h(_ text: String) -> String {
        HTML.escape(text)
    }
}
