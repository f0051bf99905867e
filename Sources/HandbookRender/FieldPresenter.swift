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
    func facts(for entity: Entity, excluding excluded: Set<FieldName> = [], renaming renamed: [String: String] = [:]) -> [MustacheValue] {
        var rows: [MustacheValue] = []
        let plan = plans[entity.reference.type] ?? Plan(index.descriptor(entity.reference))
        // Each row's markup is written as bytes into one scratch array, handed to the template as they are.
        var html: [UInt8] = []
        html.reserveCapacity(256)
        func append(_ fields: [(field: FieldSchema, label: String)]) {
            for (field, label) in fields where excluded.isEmpty || !excluded.contains(field.name) {
                guard let value = entity[field.name] else { continue }
                html.removeAll(keepingCapacity: true)
                present(value, field: field, into: &html)
                if !html.isEmpty {
                    rows.append(["label": .string(renamed[label] ?? label), "html": .utf8(html), "name": .string(field.name.rawValue)])
                }
            }
        }
        append(plan.first)
        if plan.hasWhen {
            html.removeAll(keepingCapacity: true)
            if eventTime(entity, allDay: plan.allDay, into: &html) {
                rows.append(["label": "When", "html": .utf8(html), "name": "when"])
            }
        }
        append(plan.rest)
        return rows
    }

    /// A field's value as markup: the fields with a form of their own (grants, open calls, stages, a repeat
    /// rule), the others by their kind.
    func present(_ value: FieldValue, field: FieldSchema, into out: inout [UInt8]) {
        switch (field.name, value) {
        case (.grants, .list(let grants)):
            grantsTable(grants, into: &out)
        case (.openCalls, .list(let calls)):
            callsTable(calls, into: &out)
        case (.stages, .list(let stages)):
            timeline(stages, into: &out)
        case (.repeat, .record):
            repeatRule(value, into: &out)
        default:
            present(value, kind: field.kind, into: &out)
        }
    }

    /// A value of `kind` as markup; nothing for a value of another kind.
    func present(_ value: FieldValue, kind: FieldKind, into out: inout [UInt8]) {
        switch (kind, value) {
        case (.list(let itemKind, _), .list(let items)):
            // One item is shown bare; several, as a list (items that show nothing are left out). Written as a list
            // in place, and the one item's markup moved to where the list began when it is alone.
            let start = out.count
            out.raw("<ul class=\"values\">")
            var shown = 0
            var first = 0..<0
            for item in items {
                let itemStart = out.count
                out.raw("<li>")
                let markup = out.count
                present(item, kind: itemKind, into: &out)
                if out.count == markup {
                    out.removeSubrange(itemStart...)
                    continue
                }
                if shown == 0 { first = markup..<out.count }
                shown += 1
                out.raw("</li>")
            }
            switch shown {
            case 0: out.removeSubrange(start...)
            case 1: out.keep(first, at: start)
            default: out.raw("</ul>")
            }
        case (.record(let fields), .record(let entries)):
            let start = out.count
            out.raw("<ul class=\"values\">")
            var shown = false
            for entry in entries {
                guard let field = fields.first(where: { $0.name.rawValue == entry.key }) else { continue }
                shown = true
                out.raw("<li>")
                out.escaped(field.label)
                out.raw(": ")
                present(entry.value, kind: field.kind, into: &out)
                out.raw("</li>")
            }
            if shown { out.raw("</ul>") } else { out.removeSubrange(start...) }
        case (.dictionary(_, let valueKind), .record(let entries)):
            out.raw("<ul class=\"values\">")
            for entry in entries {
                out.raw("<li>")
                out.escaped(entry.key)
                out.raw(": ")
                present(entry.value, kind: valueKind, into: &out)
                out.raw("</li>")
            }
            out.raw("</ul>")
        case (.url, .text(let url)):
            link(url, into: &out)
        case (.email, .text(let email)):
            out.raw("<a href=\"mailto:")
            out.escaped(email)
            out.raw("\">")
            out.escaped(email)
            out.raw("</a>")
        case (.phone, .text(let phone)):
            out.raw("<a href=\"tel:")
            out.escaped(phone.filter { $0.isNumber || $0 == "+" })
            out.raw("\">")
            out.escaped(phone)
            out.raw("</a>")
        case (.country, .text(let code)), (.countryOrInternational, .text(let code)):
            out.escaped(Formatting.country(code))
        case (.region, .text(let text)):
            out.escaped(Formatting.region(text))
        case (.jurisdiction, .text(let code)):
            out.escaped(Formatting.jurisdiction(code))
        case (.choice, .text(let text)):
            out.escaped(Formatting.choice(text))
        case (.topic, .text(let id)):
            anchor(Links.topic(id), index.settings.topicLabel(id), into: &out)
        case (.method, .text(let id)):
            anchor(Links.method(id), index.settings.methodLabel(id), into: &out)
        case (.reference, .reference(let reference)):
            referenceLink(reference, into: &out)
        case (_, .date(let date)):
            time(date, into: &out)
        case (_, .dateTime(let value)):
            timeElement(value.description, Formatting.words(value), into: &out)
        case (_, .integer(let number)):
            out.escaped(Formatting.money(String(number), currency: nil))
        case (_, .number(let number)):
            out.escaped(Formatting.money(number, currency: nil))
        case (_, .boolean(let flag)):
            out.raw(flag ? "Yes" : "No")
        case (.text(let limit), .text(let text)) where limit == nil && text.contains("\n"):
            paragraphs(text, into: &out)
        case (_, .text(let text)):
            out.escaped(text)
        default:
            break
        }
    }

    /// `<a href="root/path">text</a>`, all escaped; `path` is from the site's root, written after `root` (no
    /// address is put together for a link written once).
    private func anchor(_ path: String, _ text: String, into out: inout [UInt8]) {
        out.raw("<a href=\"")
        out.escaped(root)
        out.escaped(path)
        out.raw("\">")
        out.escaped(text)
        out.raw("</a>")
    }

    /// A link to a published entry by name, or its slug as text when it is not published.
    func referenceLink(_ reference: EntityReference, into out: inout [UInt8]) {
        // By its position: one table lookup for both the name and the address.
        guard let position = index.position(reference) else {
            out.escaped(reference.slug)
            return
        }
        anchor(index.links.entity(at: position), index.entities[position].name, into: &out)
    }

    /// A link to an address outside the site, shown without its scheme, `www.` and a closing slash.
    func link(_ url: String, into out: inout [UInt8]) {
        out.raw("<a href=\"")
        out.escaped(url)
        out.raw("\" rel=\"external\">")
        url.withUTF8Bytes { bytes in
            if let shown = ExternalLinkText.shown(in: bytes) {
                out.escaped(UnsafeBufferPointer(rebasing: bytes[shown]))
            } else {
                out.escaped(String(ExternalLinkText.shown(in: url)))
            }
        }
        out.raw("</a>")
    }

    /// `link(_:into:)` as bytes of their own.
    func link(_ url: String) -> [UInt8] {
        var out: [UInt8] = []
        link(url, into: &out)
        return out
    }

    /// A date as `<time>`, in words.
    func time(_ date: PartialDate, into out: inout [UInt8]) {
        timeElement(date.description, Formatting.words(date), into: &out)
    }

    /// `<time datetime="machine">words</time>`, both escaped.
    private func timeElement(_ machine: String, _ words: String, into out: inout [UInt8]) {
        out.raw("<time datetime=\"")
        out.escaped(machine)
        out.raw("\">")
        out.escaped(words)
        out.raw("</time>")
    }

    /// Text of several paragraphs (separated by a blank line), each a `<p>`.
    func paragraphs(_ text: String, into out: inout [UInt8]) {
        for paragraph in text.components(separatedBy: "\n\n") {
            out.raw("<p>")
            out.escaped(paragraph)
            out.raw("</p>")
        }
    }

    /// "3 December 2026, 18:30 to 20:00 (Europe/Brussels time)", or a range of days; a whole day is
    /// "(all day)" where the type's start may also be a time. False, writing nothing, when there is no start.
    func eventTime(_ entity: Entity, allDay: Bool, into out: inout [UInt8]) -> Bool {
        guard let span = Timespan(of: entity, defaultZone: index.settings.timezone) else { return false }
        switch (span.start, span.end) {
        case (.time(let start, let zone), let end):
            timeElement(start.description, Formatting.words(start), into: &out)
            if case .time(let finish, _)? = end {
                out.raw(" to ")
                timeElement(finish.description, finish.date == start.date ? Formatting.clock(finish) : Formatting.words(finish), into: &out)
            }
            if start.offsetMinutes == nil {
                out.raw(" (")
                out.escaped(Formatting.zone(zone, at: start))
                out.raw(")")
            }
        case (let start, let end):
            if let end, !end.hasTime, end.date != start.date {
                // As the lists say it: "18 to 19 October 2021", each end still a machine-readable date.
                let words = Formatting.spanWords(from: start.date, to: end.date)
                timeElement(start.date.description, words.start, into: &out)
                out.raw(" to ")
                timeElement(end.date.description, words.end, into: &out)
                return true
            }
            time(start.date, into: &out)
            if allDay && start.date.isFullDate {
                out.raw(" (all day)")
            }
        }
        return true
    }

    /// A funder's grants as a table, with a total per currency; an amount or date the entry does not give says so.
    func grantsTable(_ grants: [FieldValue], into out: inout [UInt8]) {
        out.raw("<table class=\"grants stacks\"><caption class=\"visually-hidden\">Grants</caption><thead><tr><th scope=\"col\">Recipient</th><th scope=\"col\">Amount</th><th scope=\"col\">Date</th><th scope=\"col\">Purpose</th></tr></thead><tbody>")
        var totals: [String: (sum: DecimalSum, count: Int)] = [:]
        for grant in grants {
            out.raw("<tr><td>")
            if case .reference(let reference)? = grant[.recipient] { referenceLink(reference, into: &out) }
            out.raw("</td><td class=\"number\" data-label=\"Amount\">")
            if case .number(let number)? = grant[.amount] {
                let currency = grant[.currency]?.text
                out.escaped(Formatting.money(number, currency: currency))
                if let currency {
                    totals[currency, default: (DecimalSum(), 0)].sum.add(number)
                    totals[currency, default: (DecimalSum(), 0)].count += 1
                }
            } else {
                out.raw(Self.notGiven)
            }
            out.raw("</td><td data-label=\"Date\">")
            if case .date(let date)? = grant[.date] { time(date, into: &out) } else { out.raw(Self.notGiven) }
            out.raw("</td><td data-label=\"Purpose\">")
            let purpose = grant[.purpose]?.text
            if let purpose { out.escaped(purpose) }
            if let url = grant[.url]?.text {
                if let purpose, !purpose.isEmpty { out.raw(" ") }
                link(url, into: &out)
            }
            out.raw("</td></tr>")
        }
        out.raw("</tbody>")
        if !totals.isEmpty {
            out.raw("<tfoot>")
            for (currency, total) in totals.sorted(by: { $0.key < $1.key }) {
                // A total of some grants only says which: read under a column of four, one amount is not all four's.
                let of = total.count == grants.count ? "Total" : "Total (the \(total.count) of \(grants.count) grants with an amount)"
                out.raw("<tr><th scope=\"row\">")
                out.escaped(of)
                out.raw("</th><td class=\"number\">")
                out.escaped(Formatting.money(total.sum.text, currency: currency))
                out.raw("</td><td></td><td></td></tr>")
            }
            out.raw("</tfoot>")
        }
        out.raw("</table>")
    }

    /// What a table's cell says when the entry does not give its value (a blank cell reads as nothing, or as zero).
    static let notGiven: StaticString = "<span class=\"hint\">Not given</span>"

    /// A funder's open calls as a table.
    func callsTable(_ calls: [FieldValue], into out: inout [UInt8]) {
        out.raw("<table class=\"calls stacks\"><caption class=\"visually-hidden\">Open calls</caption><thead><tr><th scope=\"col\">Call</th><th scope=\"col\">Deadline</th><th scope=\"col\">Amount</th></tr></thead><tbody>")
        for call in calls {
            out.raw("<tr><td>")
            if let url = call[.url]?.text {
                out.raw("<a href=\"")
                out.escaped(url)
                out.raw("\" rel=\"external\">")
                out.escaped(call[.title]?.text ?? "")
                out.raw("</a>")
            } else {
                out.escaped(call[.title]?.text ?? "")
            }
            out.raw("</td><td data-label=\"Deadline\">")
            if case .date(let date)? = call[.deadline] { time(date, into: &out) }
            out.raw("</td><td class=\"number\" data-label=\"Amount\">")
            if case .number(let number)? = call[.amount] { out.escaped(Formatting.money(number, currency: call[.currency]?.text)) } else { out.raw(Self.notGiven) }
            out.raw("</td></tr>")
        }
        out.raw("</tbody></table>")
    }

    /// A policy's stages as an ordered list.
    func timeline(_ stages: [FieldValue], into out: inout [UInt8]) {
        out.raw("<ol class=\"timeline\">")
        for stage in stages {
            out.raw("<li><span class=\"stage-date\">")
            if case .date(let date)? = stage[.date] { time(date, into: &out) }
            out.raw("</span> <strong>")
            out.escaped(Formatting.choice(stage[.status]?.text ?? ""))
            out.raw("</strong>")
            if let note = stage[.note]?.text {
                out.raw(": ")
                out.escaped(note)
            }
            if let url = stage[.url]?.text {
                out.raw(" (")
                link(url, into: &out)
                out.raw(")")
            }
            out.raw("</li>")
        }
        out.raw("</ol>")
    }

    /// An event's repeat rule in words ("Every 2 weeks until …").
    func repeatRule(_ value: FieldValue, into out: inout [UInt8]) {
        let frequency = RepeatFrequency(of: value)
        var interval = 1
        if case .integer(let n)? = value[.interval] { interval = n }
        let unit = frequency == .monthly ? "month" : "week"
        out += Array((interval == 1 ? "Every \(unit)" : "Every \(interval) \(unit)s").utf8)
        if case .date(let until)? = value[.until] {
            out.raw(" until ")
            time(until, into: &out)
        }
        if case .integer(let count)? = value[.count] { out += Array(", \(count) times".utf8) }
    }
}
