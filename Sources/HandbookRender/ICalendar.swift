import Foundation
import HandbookModel

/// Writes iCalendar (RFC 5545) for events: CRLF line ends, lines folded at 75 octets without splitting
/// a UTF-8 character, TEXT escaped, a stable UID per event, DTSTAMP from the entry's last change.
///
/// Time rule: an all-day event is a `VALUE=DATE` with an exclusive `DTEND`; a time written with an
/// offset is converted to UTC; a time without one keeps its local time with a `TZID` and a matching
/// `VTIMEZONE` built from the system's time-zone database, covering the years the event spans, so
/// repeating events keep their local time across daylight-saving changes.
public enum ICalendar {
    /// Something a calendar shows: an event, or the deadline of a funder's open call.
    public enum Item: Sendable {
        case event(Entity)
        /// The `number`th open call (from 1) of a funder.
        case deadline(funder: Entity, call: FieldValue, number: Int)
    }

    /// One calendar holding `events`, as text; `name` becomes `NAME` and `X-WR-CALNAME`, and `isFeed` adds refresh
    /// hints. (The site's calendars write each event once, `render`, and put them together with `bytes`.)
    public static func calendar(name: String, events: [Entity], index: SiteIndex, baseURL: String, isFeed: Bool) -> String {
        let host = host(of: baseURL)
        let items = events.map { render(.event($0), index: index, baseURL: baseURL, host: host) }
        return String(decoding: bytes(name: name, items: items, isFeed: isFeed), as: UTF8.self)
    }

    /// An item written once, for every calendar that holds it: its lines, folded, each ending in CR LF, and the
    /// years of each time zone it is given in (the calendar's `VTIMEZONE` blocks cover them).
    public struct Rendered: Sendable {
        let bytes: [UInt8]
        let zones: [(zone: String, from: Int, to: Int)]
    }

    /// The host a calendar's UIDs end in: the base URL's, or `handbook`.
    public static func host(of baseURL: String) -> String {
        URLComponents(string: baseURL)?.host ?? "handbook"
    }

    /// Writes one item; `host` is `host(of: baseURL)`.
    public static func render(_ item: Item, index: SiteIndex, baseURL: String, host: String) -> Rendered {
        var zones: [String: (Int, Int)] = [:]
        let lines: [String]
        switch item {
        case .event(let event):
            lines = vevent(event, index: index, baseURL: baseURL, host: host, zones: &zones)
        case .deadline(let funder, let call, let number):
            lines = deadline(funder: funder, call: call, number: number, index: index, baseURL: baseURL, host: host)
        }
        return Rendered(bytes: folded(lines), zones: zones.map { ($0.key, $0.value.0, $0.value.1) })
    }

    /// A calendar of items already written, in the order given, as the UTF-8 bytes of its file: each content line
    /// folded, lines ending in CR LF.
    public static func bytes(name: String, items: [Rendered], isFeed: Bool) -> [UInt8] {
        var lines = [
            "BEGIN:VCALENDAR",
            "VERSION:2.0",
            "PRODID:-//Democracy Sector Handbook//handbook//EN",
            "CALSCALE:GREGORIAN",
            "METHOD:PUBLISH",
            "NAME:" + text(name),
            "X-WR-CALNAME:" + text(name),
        ]
        if isFeed {
            lines.append("REFRESH-INTERVAL;VALUE=DURATION:PT12H")
            lines.append("X-PUBLISHED-TTL:PT12H")
        }
        var zones: [String: (Int, Int)] = [:]
        for item in items {
            for (zone, from, to) in item.zones {
                zones[zone] = zones[zone].map { (min($0.0, from), max($0.1, to)) } ?? (from, to)
            }
        }
        var out = folded(lines)
        for (zone, years) in zones.sorted(by: { $0.key < $1.key }) {
            out += TimeZoneBlocks.shared.bytes(zone, from: years.0, to: years.1) { vtimezone(zone, from: years.0, to: years.1) }
        }
        out.reserveCapacity(out.count + items.reduce(0) { $0 + $1.bytes.count } + 15)
        for item in items { out += item.bytes }
        out += folded(["END:VCALENDAR"])
        return out
    }

    /// Content lines folded, each ending in CR LF.
    static func folded(_ lines: [String]) -> [UInt8] {
        var out: [UInt8] = []
        out.reserveCapacity(lines.reduce(0) { $0 + $1.utf8.count + 4 })
        for line in lines {
            fold(line, into: &out)
            out += [0x0D, 0x0A]
        }
        return out
    }

    /// Escapes TEXT: backslash, semicolon, comma and line breaks; characters TEXT excludes (controls) or no
    /// published text may hold (`ControlCharacters`) become U+FFFD.
    public static func text(_ value: String) -> String {
        // Most text (every calendar's name, most titles) has nothing to escape: a scan of its bytes says so.
        let plain = value.utf8.allSatisfy { $0 != 0x5C && $0 != 0x3B && $0 != 0x2C && $0 != 0x0A && $0 != 0x0D }
        if plain && ControlCharacters.firstForbidden(in: value) == nil { return value }
        var out: [UInt8] = []
        out.reserveCapacity(value.utf8.count + 16)
        // A line break is CR LF, LF or a lone CR (as YAML and HTML read them): each is one `\n`.
        var afterCR = false
        for scalar in value.unicodeScalars {
            defer { afterCR = scalar == "\r" }
            switch scalar {
            case "\\": out += [0x5C, 0x5C]
            case ";": out += [0x5C, 0x3B]
            case ",": out += [0x5C, 0x2C]
            case "\r": out += [0x5C, 0x6E]
            case "\n": if !afterCR { out += [0x5C, 0x6E] }
            default:
                if ControlCharacters.isForbidden(scalar) {
                    out += ControlCharacters.replacement
                } else {
                    UTF8.encode(scalar) { out.append($0) }
                }
            }
        }
        return String(decoding: out, as: UTF8.self)
    }

    /// Folds a content line at 75 octets, never inside a UTF-8 character; continuation lines start with a space.
    public static func fold(_ line: String) -> String {
        var out: [UInt8] = []
        fold(line, into: &out)
        return String(decoding: out, as: UTF8.self)
    }

    /// Appends a content line folded at 75 octets (without its line end).
    static func fold(_ line: String, into out: inout [UInt8]) {
        let bytes = Array(line.utf8)
        guard bytes.count > 75 else {
            out += bytes
            return
        }
        var start = 0
        var limit = 75
        while start < bytes.count {
            var end = min(start + limit, bytes.count)
            while end < bytes.count && end > start && bytes[end] & 0xC0 == 0x80 { end -= 1 }
            if start > 0 { out += [0x0D, 0x0A, 0x20] }
            out += bytes[start..<end]
            start = end
            limit = 74
        }
    }
}

extension ICalendar {
    static func vevent(_ event: Entity, index: SiteIndex, baseURL: String, host: String, zones: inout [String: (Int, Int)]) -> [String] {
        var lines = ["BEGIN:VEVENT", "UID:\(event.reference.type.folder)-\(event.reference.slug)@\(host)"]
        lines.append("DTSTAMP:" + utcStamp(event.lastChanged ?? 0))
        let rule = event[.repeat]
        switch Timespan(of: event, defaultZone: index.settings.timezone) {
        case let span? where !span.start.hasTime:
            let start = span.start.date
            var last = start
            if let end = span.end, !end.hasTime { last = end.date }
            lines.append("DTSTART;VALUE=DATE:" + compact(start))
            lines.append(allDayEnd(start: start, last: last))
            if let rule { lines.append(rrule(rule, untilText: { compact($0) })) }
        case let span?:
            guard case .time(let start, let zone) = span.start else { break }
            var finishTime: DateTimeValue?
            if case .time(let finish, _)? = span.end { finishTime = finish }
            if start.offsetMinutes != nil {
                lines.append("DTSTART:" + utc(start, zone: zone))
                if let finish = finishTime { lines.append("DTEND:" + utc(finish, zone: zone)) }
            } else {
                lines.append("DTSTART;TZID=\(zone):" + local(start))
                if let finish = finishTime {
                    lines.append(finish.offsetMinutes == nil ? "DTEND;TZID=\(zone):" + local(finish) : "DTEND:" + utc(finish, zone: zone))
                }
                let lastYear = lastYear(start: start.date, rule: rule, end: finishTime)
                let years = zones[zone].map { (min($0.0, start.date.year), max($0.1, lastYear)) } ?? (start.date.year, lastYear)
                zones[zone] = years
            }
            if let rule {
                lines.append(rrule(rule) { until in
                    // The last day ends at midnight local time; UNTIL is given in UTC.
                    var endOfDay = start
                    endOfDay.date = until
                    endOfDay.hour = 23
                    endOfDay.minute = 59
                    endOfDay.second = 59
                    return utc(endOfDay, zone: zone)
                })
            }
        default:
            break
        }
        lines.append("SUMMARY:" + text(event.name))
        if let summary = event[.summary]?.text { lines.append("DESCRIPTION:" + text(summary)) }
        let place = [event[.location]?.text, event[.online]?.text].compactMap { $0 }.joined(separator: " · ")
        if !place.isEmpty { lines.append("LOCATION:" + text(place)) }
        lines.append("URL:" + baseURL + index.links.entity(event.reference))
        switch EventStatus(of: event) {
        case .cancelled: lines.append("STATUS:CANCELLED")
        case .postponed: lines.append("STATUS:TENTATIVE")
        case .scheduled: lines.append("STATUS:CONFIRMED")
        }
        if case .integer(let sequence)? = event[.sequence] { lines.append("SEQUENCE:\(sequence)") }
        lines.append("END:VEVENT")
        return lines
    }

    /// An open call's closing date as an all-day, transparent event.
    static func deadline(funder: Entity, call: FieldValue, number: Int, index: SiteIndex, baseURL: String, host: String) -> [String] {
        guard case .date(let date)? = call[.deadline] else { return [] }
        var lines = ["BEGIN:VEVENT", "UID:funders-\(funder.reference.slug)-call-\(number)@\(host)",
                     "DTSTAMP:" + utcStamp(funder.lastChanged ?? 0),
                     "DTSTART;VALUE=DATE:" + compact(date), allDayEnd(start: date, last: date),
                     "SUMMARY:" + text("Deadline: \(call[.title]?.text ?? "open call") (\(funder.name))")]
        if case .number(let amount)? = call[.amount] {
            lines.append("DESCRIPTION:" + text("Up to \(Formatting.money(amount, currency: call[.currency]?.text))."))
        }
        lines.append("URL:" + (call[.url]?.text ?? baseURL + index.links.entity(funder.reference)))
        lines += ["STATUS:CONFIRMED", "TRANSP:TRANSPARENT", "END:VEVENT"]
        return lines
    }

    static func rrule(_ rule: FieldValue, untilText: (PartialDate) -> String) -> String {
        var parts = ["FREQ=" + RepeatFrequency(of: rule).rawValue.uppercased()]
        if case .integer(let interval)? = rule[.interval] { parts.append("INTERVAL=\(interval)") }
        if case .date(let until)? = rule[.until] { parts.append("UNTIL=" + untilText(until)) }
        if case .integer(let count)? = rule[.count] { parts.append("COUNT=\(count)") }
        return "RRULE:" + parts.joined(separator: ";")
    }

    static func lastYear(start: PartialDate, rule: FieldValue?, end: DateTimeValue?) -> Int {
        var last = start.year
        if let end { last = max(last, end.date.year) }
        guard let rule else { return last }
        if case .date(let until)? = rule[.until] { return max(last, until.year) }
        // `check` bounds interval and count (100 and 1,000); they are clamped here too, so that no value can make
        // this arithmetic overflow, and the years a VTIMEZONE covers never pass 9999.
        var interval = 1
        if case .integer(let n)? = rule[.interval] { interval = min(max(n, 1), 100) }
        if case .integer(let count)? = rule[.count] {
            let times = min(max(count, 1), 1_000)
            let months = RepeatFrequency(of: rule) == .monthly ? times * interval : (times * interval * 7) / 28 + 1
            return min(YearRange.last, max(last, start.addingMonths(months).year))
        }
        return min(YearRange.last, last + 10)
    }

    static func vtimezone(_ zone: String, from firstYear: Int, to lastYear: Int) -> [String] {
        guard let timeZone = TimeZone(identifier: zone) else { return [] }
        var lines = ["BEGIN:VTIMEZONE", "TZID:" + zone]
        var calendar = Calendar(identifier: .gregorian)
        calendar.timeZone = TimeZone(identifier: "UTC")!
        let from = calendar.date(from: DateComponents(year: firstYear - 1, month: 7, day: 1)) ?? Date(timeIntervalSince1970: 0)
        let to = calendar.date(from: DateComponents(year: lastYear + 1, month: 12, day: 31)) ?? from
        var transitions: [Date] = []
        var cursor = from
        while let next = timeZone.nextDaylightSavingTimeTransition(after: cursor), next <= to, transitions.count < 400 {
            transitions.append(next)
            cursor = next
        }
        if transitions.isEmpty {
            let offset = timeZone.secondsFromGMT(for: from)
            lines += ["BEGIN:STANDARD", "DTSTART:19700101T000000", "TZOFFSETFROM:" + offsetText(offset), "TZOFFSETTO:" + offsetText(offset)]
            if let name = timeZone.abbreviation(for: from) { lines.append("TZNAME:" + text(name)) }
            lines.append("END:STANDARD")
        }
        for transition in transitions {
            let before = timeZone.secondsFromGMT(for: transition.addingTimeInterval(-1))
            let after = timeZone.secondsFromGMT(for: transition)
            let kind = timeZone.isDaylightSavingTime(for: transition) ? "DAYLIGHT" : "STANDARD"
            lines.append("BEGIN:" + kind)
            lines.append("DTSTART:" + localStamp(transition.addingTimeInterval(TimeInterval(before))))
            lines.append("TZOFFSETFROM:" + offsetText(before))
            lines.append("TZOFFSETTO:" + offsetText(after))
            if let name = timeZone.abbreviation(for: transition) { lines.append("TZNAME:" + text(name)) }
            lines.append("END:" + kind)
        }
        lines.append("END:VTIMEZONE")
        return lines
    }

    /// `YYYYMMDD`, the year always four digits (RFC 5545's `date-fullyear`).
    static func compact(_ date: PartialDate) -> String {
        PartialDate.pad(date.year, 4) + PartialDate.padded(date.month ?? 1) + PartialDate.padded(date.day ?? 1)
    }

    /// The end of an all-day event whose last day is `last`: the exclusive `DTEND`, or, when the day after
    /// the last would be in year 10000, which no calendar date can name, the same span as a `DURATION`.
    static func allDayEnd(start: PartialDate, last: PartialDate) -> String {
        let end = nextDay(last)
        guard end.year > YearRange.last else { return "DTEND;VALUE=DATE:" + compact(end) }
        return "DURATION:P\(last.daysSince1970 - start.daysSince1970 + 1)D"
    }

    static func nextDay(_ date: PartialDate) -> PartialDate {
        let month = date.month ?? 1
        let day = date.day ?? 1
        if day < PartialDate.daysIn(month: month, year: date.year) { return PartialDate(year: date.year, month: month, day: day + 1) }
        if month < 12 { return PartialDate(year: date.year, month: month + 1, day: 1) }
        return PartialDate(year: date.year + 1, month: 1, day: 1)
    }

    static func local(_ value: DateTimeValue) -> String {
        compact(value.date) + "T" + PartialDate.padded(value.hour) + PartialDate.padded(value.minute) + PartialDate.padded(value.second ?? 0)
    }

    static func utc(_ value: DateTimeValue, zone: String) -> String {
        guard let timeZone = TimeZone(identifier: zone), let instant = TimeZoneOffsets.instant(of: value, in: timeZone) else {
            return local(value) + "Z"
        }
        let seconds = instant.timeIntervalSince1970
        return utcStamp(seconds.isFinite ? Int64(min(max(seconds, Double(YearRange.firstSecond)), Double(YearRange.lastSecond))) : 0)
    }

    /// A Unix time as `YYYYMMDDTHHMMSSZ`. An instant outside years 0001–9999 (a time on the first or last day of
    /// that range, moved there by its offset) is written as the nearest one inside, so the line stays readable.
    static func utcStamp(_ unclamped: Int64) -> String {
        let seconds = YearRange.clamp(unclamped)
        let date = Formatting.date(fromUnix: seconds)
        let secondOfDay = Int(((seconds % 86_400) + 86_400) % 86_400)
        return compact(date) + "T" + PartialDate.padded(secondOfDay / 3600) + PartialDate.padded(secondOfDay / 60 % 60) + PartialDate.padded(secondOfDay % 60) + "Z"
    }

    static func localStamp(_ date: Date) -> String {
        String(utcStamp(Int64(date.timeIntervalSince1970)).dropLast())
    }

    static func offsetText(_ seconds: Int) -> String {
        let magnitude = abs(seconds) / 60
        return (seconds < 0 ? "-" : "+") + PartialDate.padded(magnitude / 60) + PartialDate.padded(magnitude % 60)
    }
}
